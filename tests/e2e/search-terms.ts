// Regression list for Chinese search: terms taken from the content, each with the pages it must find.
// The page lists were derived from the built site (as of 2021-06-30) with tests/e2e/search-truth.ts:
// every indexed page whose indexed text contains the term verbatim. search.test.ts re-checks that each
// listed page still contains its term, so a content change that invalidates the list fails loudly.
// Terms mix 2-character words (loose in Pagefind), 3+ character compounds (phrase first), place and
// unit names, status words, a number, and words from the plan text and from progress updates.

/** A search term and the page URLs it must find. */
export interface SearchTerm {
	term: string;
	pages: string[];
}

export const SEARCH_TERMS: SearchTerm[] = [
	{ term: '焦化', pages: ['/plans/shanxi-2019/', '/tasks/dq-11/', '/tasks/dq-12/', '/tasks/hkk-02/', '/tasks/hkk-03/', '/tasks/hkk-10/', '/tasks/hkk-18/', '/tasks/hkk-22/', '/tasks/hkk-24/'] },
	{ term: '清洁取暖', pages: ['/plans/shanxi-2019/', '/tasks/dq-01/', '/tasks/dq-02/', '/tasks/dq-14/'] },
	{ term: '散煤', pages: ['/tasks/dq-08/'] },
	{ term: '汾河', pages: ['/plans/shanxi-2019/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-20/', '/tasks/hkk-21/'] },
	{ term: '扬尘', pages: ['/plans/shanxi-2019/', '/tasks/dq-09/', '/tasks/hkk-15/'] },
	{ term: '销号', pages: ['/plans/shanxi-2019/', '/tasks/dq-03/', '/tasks/dq-04/', '/tasks/hkk-04/', '/tasks/hkk-15/', '/tasks/hkk-18/'] },
	{ term: '太原', pages: ['/plans/shanxi-2019/', '/tasks/dq-01/', '/tasks/dq-03/', '/tasks/dq-07/', '/tasks/dq-10/', '/tasks/dq-11/', '/tasks/hkk-03/', '/tasks/hkk-04/', '/tasks/hkk-08/', '/tasks/hkk-10/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-18/', '/tasks/hkk-24/'] },
	{ term: '责任单位', pages: ['/plans/shanxi-2019/', '/tasks/hkk-11/'] },
	{ term: '煤炭消费', pages: ['/tasks/dq-08/', '/tasks/hkk-08/', '/tasks/hkk-09/', '/tasks/hkk-21/'] },
	{ term: '机动车', pages: ['/tasks/dq-05/', '/tasks/dq-06/', '/tasks/dq-07/', '/tasks/dq-13/'] },
	{ term: '油品', pages: ['/tasks/dq-05/', '/tasks/dq-06/', '/tasks/dq-07/', '/tasks/dq-13/'] },
	{ term: '球团', pages: ['/tasks/dq-04/', '/tasks/dq-12/'] },
	{ term: '钢铁', pages: ['/tasks/dq-03/', '/tasks/dq-12/', '/tasks/hkk-22/'] },
	{ term: '气代煤', pages: ['/tasks/dq-01/', '/tasks/dq-02/', '/tasks/dq-14/'] },
	{ term: '卫生防护距离', pages: ['/tasks/hkk-10/', '/tasks/hkk-23/'] },
	{ term: '搬迁', pages: ['/tasks/hkk-10/', '/tasks/hkk-23/'] },
	{ term: '形式主义', pages: ['/tasks/hkk-01/', '/tasks/hkk-04/', '/tasks/hkk-05/', '/tasks/hkk-06/', '/tasks/hkk-07/', '/tasks/hkk-17/', '/tasks/hkk-19/'] },
	{ term: '照搬照抄', pages: ['/tasks/hkk-01/', '/tasks/hkk-04/', '/tasks/hkk-05/', '/tasks/hkk-06/', '/tasks/hkk-07/', '/tasks/hkk-17/', '/tasks/hkk-19/'] },
	{ term: '验收', pages: ['/tasks/dq-03/', '/tasks/dq-04/', '/tasks/hkk-04/', '/tasks/hkk-15/', '/tasks/hkk-18/'] },
	{ term: '超低排放', pages: ['/tasks/dq-03/'] },
	{ term: '无组织排放', pages: ['/tasks/dq-03/', '/tasks/dq-04/', '/tasks/dq-11/', '/tasks/hkk-18/'] },
	{ term: '熄焦水', pages: ['/tasks/hkk-18/'] },
	{ term: '代县', pages: ['/tasks/dq-04/'] },
	{ term: '柴油货车', pages: ['/tasks/dq-07/'] },
	{ term: '燃煤锅炉', pages: ['/tasks/dq-08/'] },
	{ term: '长期坚持', pages: ['/tasks/dq-02/', '/tasks/dq-09/', '/tasks/hkk-01/', '/tasks/hkk-12/', '/tasks/hkk-17/'] },
	{ term: '临汾', pages: ['/tasks/dq-01/', '/tasks/dq-03/', '/tasks/dq-07/', '/tasks/dq-11/', '/tasks/hkk-03/', '/tasks/hkk-04/', '/tasks/hkk-08/', '/tasks/hkk-10/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-18/'] },
	{ term: '吕梁', pages: ['/tasks/dq-01/', '/tasks/dq-03/', '/tasks/dq-05/', '/tasks/dq-07/', '/tasks/dq-10/', '/tasks/dq-11/', '/tasks/hkk-03/', '/tasks/hkk-08/', '/tasks/hkk-10/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-15/', '/tasks/hkk-18/'] },
	{ term: '督察', pages: ['/plans/shanxi-2019/', '/tasks/dq-03/', '/tasks/dq-04/', '/tasks/hkk-01/', '/tasks/hkk-02/', '/tasks/hkk-03/', '/tasks/hkk-04/', '/tasks/hkk-05/', '/tasks/hkk-07/', '/tasks/hkk-11/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-14/', '/tasks/hkk-15/', '/tasks/hkk-16/', '/tasks/hkk-17/', '/tasks/hkk-18/', '/tasks/hkk-19/', '/tasks/hkk-20/'] },
	{ term: '集聚区', pages: ['/plans/shanxi-2019/', '/tasks/dq-04/', '/tasks/hkk-22/'] },
	{ term: '产能', pages: ['/plans/shanxi-2019/', '/tasks/dq-11/', '/tasks/hkk-02/', '/tasks/hkk-03/', '/tasks/hkk-24/'] },
	{ term: '生态环境厅', pages: ['/tasks/dq-03/', '/tasks/dq-04/', '/tasks/dq-05/', '/tasks/dq-08/', '/tasks/dq-09/', '/tasks/dq-10/', '/tasks/dq-11/', '/tasks/dq-12/', '/tasks/dq-13/', '/tasks/hkk-01/', '/tasks/hkk-03/', '/tasks/hkk-04/', '/tasks/hkk-05/', '/tasks/hkk-06/', '/tasks/hkk-07/', '/tasks/hkk-08/', '/tasks/hkk-11/', '/tasks/hkk-12/', '/tasks/hkk-13/', '/tasks/hkk-14/', '/tasks/hkk-15/', '/tasks/hkk-16/', '/tasks/hkk-17/', '/tasks/hkk-18/', '/tasks/hkk-19/', '/tasks/hkk-20/', '/tasks/hkk-21/', '/tasks/hkk-23/'] },
	{ term: '重污染天气', pages: ['/tasks/dq-10/'] },
	{ term: '14660', pages: ['/plans/shanxi-2019/', '/tasks/hkk-02/'] },
];
