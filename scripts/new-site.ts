#!/usr/bin/env node
// npm run new — an empty content directory for another plan (issue #22): settings with placeholders, the plan, its
// text file and empty lists. Asks in Chinese in a terminal; every answer also has a flag (tests, scripts). Never
// overwrites a directory that holds files unless the person says so (or passes --force).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as p from '@clack/prompts';
import { exit, parseCli } from './lib/cli.ts';
import {
	dateProblem,
	idProblem,
	urlProblem,
	newSiteFiles,
	newSiteProblems,
	NUMBERING_CHOICES,
	type NewSeries,
	type NewSiteAnswers,
} from './lib/new-site.ts';

const NUMBERINGS = NUMBERING_CHOICES.map((c) => `${c.value}（${c.label}）`).join('、');
const USAGE = `用法 / usage:
  npm run new                      在终端里逐项询问（交互模式）
  npm run new -- --yes --id audit-2023 --title "方案全称" --short-title "简称" --jurisdiction "某县" \\
      --issuer "某县审计局" --published 2023-08-15 --series "rw|整改事项|审计发现问题整改|n" [选项]

  --dir <目录>            写到哪个目录（新建的内容目录），默认 sites/<方案编号>
  --id <编号>             方案编号：小写字母、数字和连字符，如 audit-2023（成为网址和文件名）
  --title <文字>          方案全称
  --short-title <文字>    方案简称（页面标题用），默认同全称
  --jurisdiction <文字>   地区，如 某省、某县
  --issuer <文字>         发布机关（方案的来源），如 某省人民政府办公厅
  --published <日期>      方案发布日期 YYYY-MM-DD
  --url <网址>            方案原文网址（政府网站或原发媒体），可不填
  --site-name <文字>      网站名称，默认“整改公开”
  --series "编号|名称|全称|编号样式"   任务系列，可重复；全称和编号样式可省略
                          编号样式：${NUMBERINGS}
  --yes, -y               不询问：缺少的项直接报错
  --force                 目录里已有文件时，删除它们再写入（慎用）
  --help, -h              显示本说明`;

const { values } = parseCli(
	{
		options: {
			dir: { type: 'string' },
			id: { type: 'string' },
			title: { type: 'string' },
			'short-title': { type: 'string' },
			jurisdiction: { type: 'string' },
			issuer: { type: 'string' },
			published: { type: 'string' },
			url: { type: 'string' },
			'site-name': { type: 'string' },
			series: { type: 'string', multiple: true },
			yes: { type: 'boolean', short: 'y' },
			force: { type: 'boolean' },
		},
	},
	USAGE,
);
const interactive = !values.yes && process.stdin.isTTY === true;
p.updateSettings({ messages: { cancel: '已取消，没有写入任何文件。', error: '出错了' } });

/** A --series value "id|label|name|numbering" as a series; undefined numbering keeps the default style. */
function seriesFromFlag(flag: string): NewSeries | string {
	const [id = '', label = '', name, numbering] = flag.split(/[|｜]/).map((s) => s.trim());
	const style = NUMBERING_CHOICES.find((c) => c.value === (numbering || 'label-no'));
	if (!style) return `--series “${flag}”：编号样式“${numbering}”不认识，可用：${NUMBERINGS}。`;
	return { id, label, name: name || label, numberFormat: style.numberFormat, digits: style.digits };
}

function bail(message: string): never {
	console.error(message);
	exit(interactive ? 1 : 2);
}

/** Asks one text; Ctrl-C ends the command without writing anything. */
async function ask(
	message: string,
	opts: { optional?: boolean; placeholder?: string; check?: (s: string) => string | undefined } = {},
) {
	// A wrong answer is said at once, and asked again: nothing is refused only at the end.
	const v = await p.text({
		message,
		placeholder: opts.placeholder,
		validate: (s) => {
			const t = (s ?? '').trim();
			if (!t) return opts.optional ? undefined : '不能为空';
			return opts.check?.(t);
		},
	});
	if (p.isCancel(v)) bail('已取消，没有写入任何文件。');
	return v.trim();
}

async function askSeries(): Promise<NewSeries[]> {
	const names = await ask('任务系列的名称（只有一个系列就写一个；多个用顿号分隔，如 回头看、大气专项）', {
		placeholder: '整改任务',
	});
	const out: NewSeries[] = [];
	for (const [i, label] of names.split(/[、,，]/).entries()) {
		const id =
			(await ask(`系列“${label.trim()}”的编号（小写字母，用于文件名；直接回车就用 s${i + 1}）`, {
				optional: true,
				placeholder: `s${i + 1}`,
				check: (s) => idProblem(s, 'sx'),
			})) || `s${i + 1}`;
		// A numbered question rather than clack's select, whose key hints are English and cannot be set.
		const menu = NUMBERING_CHOICES.map((c, k) => `${k + 1} ${c.label}`).join('；');
		const pick = await ask(`系列“${label.trim()}”的任务编号怎么写？输入序号，直接回车选 1（${menu}）`, {
			optional: true,
			placeholder: '1',
			check: (s) => (/^[1-4]$/.test(s) ? undefined : '请输入 1、2、3 或 4'),
		});
		const c = NUMBERING_CHOICES[Number(pick || '1') - 1]!;
		out.push({ id, label: label.trim(), name: label.trim(), numberFormat: c.numberFormat, digits: c.digits });
	}
	return out;
}

async function answers(): Promise<NewSiteAnswers> {
	const series: NewSeries[] = [];
	for (const f of values.series ?? []) {
		const s = seriesFromFlag(f);
		if (typeof s === 'string') bail(s);
		series.push(s);
	}
	if (!interactive) {
		const missing = (['id', 'title', 'jurisdiction', 'issuer', 'published'] as const).filter((k) => !values[k]);
		if (missing.length || series.length === 0)
			bail(`缺少：${[...missing.map((k) => `--${k}`), ...(series.length ? [] : ['--series'])].join('、')}\n${USAGE}`);
	}
	p.intro('新建一个方案网站');
	const title = values.title ?? (await ask('方案全称（照原文，如《某县审计发现问题整改情况》）'));
	return {
		title,
		shortTitle:
			values['short-title'] ??
			((interactive &&
				(await ask('方案简称（页面标题用；直接回车就用全称）', { optional: true, placeholder: title }))) ||
				title),
		planId:
			values.id ??
			(await ask('方案编号（小写字母、数字和连字符，成为网址，如 audit-2023）', { check: (s) => idProblem(s) })),
		jurisdiction: values.jurisdiction ?? (await ask('地区（如 某省、某县）')),
		issuer: values.issuer ?? (await ask('发布机关（如 某省人民政府办公厅）')),
		publishedDate: values.published ?? (await ask('方案发布日期（YYYY-MM-DD，如 2023-08-15）', { check: dateProblem })),
		url:
			values.url ??
			((interactive && (await ask('方案原文网址（没有就直接回车）', { optional: true, check: urlProblem }))) ||
				undefined),
		siteName:
			values['site-name'] ??
			((interactive &&
				(await ask('网站名称（直接回车就用“整改公开”）', { optional: true, placeholder: '整改公开' }))) ||
				'整改公开'),
		series: series.length ? series : await askSeries(),
	};
}

const a = await answers();
const problems = newSiteProblems(a);
if (problems.length) bail(`没有写入任何文件，请改正：\n${problems.map((s) => `  - ${s}`).join('\n')}`);
const dir = resolve(values.dir ?? join('sites', a.planId));
const shown = relative(process.cwd(), dir) || '.';
// Old files left beside the new ones would become part of the new site (a stray task): replace the folder whole.
if (existsSync(dir) && readdirSync(dir).length > 0) {
	if (!values.force && !interactive)
		bail(`目录 ${shown} 里已有文件，没有写入任何文件。换一个 --dir，或确认要删除其中的文件并覆盖时加 --force。`);
	if (!values.force) {
		const ok = await p.confirm({
			message: `目录 ${shown} 里已有文件。删除它们，写入新的空网站？`,
			initialValue: false,
		});
		if (p.isCancel(ok) || !ok) bail('没有写入任何文件。');
	}
	rmSync(dir, { recursive: true });
}
for (const [path, text] of Object.entries(newSiteFiles(a))) {
	mkdirSync(dirname(join(dir, path)), { recursive: true });
	writeFileSync(join(dir, path), text);
}
p.outro(`已写入 ${shown}/。接下来：
  CONTENT_DIR=${shown} npm run check                       检查内容
  CONTENT_DIR=${shown} npm start                           生成网站并在 http://127.0.0.1:4321/ 预览
  CONTENT_DIR=${shown} npm run import -- 任务清单.xlsx      从任务清单表格导入整改任务（先预览，加 --write 写入）
  占位的网站信息（主办单位、备案号等）在 ${shown}/settings.json，正式发布前要改成真实的。`);
