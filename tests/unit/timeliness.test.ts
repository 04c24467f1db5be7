import { describe, expect, it } from 'vitest';
import {
	DISCLOSURE_LIMIT_WORKDAYS,
	disclosureTimeliness,
	summariseTimeliness,
	timelinessLabel,
	timelinessByUnit,
} from '#src/lib/model/timeliness.ts';
import { statusHistory } from '#src/lib/model/history.ts';
import { buildSiteModel } from '#src/lib/model/site-model.ts';
import { makeContent, makeTask, makeUpdate } from './fixtures.ts';

const official = { kind: 'official' } as const;
const t = (
	factDate: string,
	publishedDate: string,
	provenance: { kind: 'official' | 'partial' | 'sample'; note?: string; unsourced?: string[] } = official,
) => disclosureTimeliness({ factDate, publishedDate, provenance });

describe('disclosure timeliness (条例第二十六条, Chinese calendar)', () => {
	it('counts working days after the fact date up to and including the publication date', () => {
		expect(t('2019-12-02', '2019-12-02').workdays).toBe(0);
		expect(t('2019-12-02', '2019-12-03').workdays).toBe(1);
		// Friday → Monday: the weekend does not count.
		expect(t('2019-12-06', '2019-12-09').workdays).toBe(1);
	});

	it('skips the whole 2020 Spring Festival break as extended by 国办发明电〔2020〕1号 (to 2 February)', () => {
		// Thursday 23 January to Monday 3 February 2020: only the 3rd is a working day.
		expect(t('2020-01-23', '2020-02-03').workdays).toBe(1);
		// 1 February 2020 (Saturday) was first a make-up working day; the extension cancelled it.
		expect(t('2020-01-31', '2020-02-02').workdays).toBe(0);
	});

	it('counts weekend make-up days (调休上班) as working days', () => {
		// Friday 27 Sep 2019 → Monday 30 Sep: Sunday 29 September was a working day.
		expect(t('2019-09-27', '2019-09-30').workdays).toBe(2);
		// Saturday 12 October 2019 was a working day; the National Day week (1–7 October) was not.
		expect(t('2019-10-11', '2019-10-12').workdays).toBe(1);
		expect(t('2019-09-30', '2019-10-08').workdays).toBe(1);
	});

	it('flags more than 20 working days, not exactly 20', () => {
		expect(DISCLOSURE_LIMIT_WORKDAYS).toBe(20);
		// 2019-11-01 (Fri) + 20 working days = 2019-11-29; + 21 = 2019-12-02.
		expect(t('2019-11-01', '2019-11-29')).toMatchObject({ workdays: 20, late: false });
		expect(t('2019-11-01', '2019-12-02')).toMatchObject({ workdays: 21, late: true });
	});

	it('never accuses from a stand-in date: hkk-02 (fact 2020-12-31, published = repost date 2021-06-04) cannot be judged', () => {
		const r = t('2020-12-31', '2021-06-04', {
			kind: 'partial',
			note: '发布日期取转载日期',
			unsourced: ['publishedDate'],
		});
		expect(r).toMatchObject({ workdays: null, late: null, verdict: 'stand_in', publishedDateUnsourced: true });
		expect(r.basis).toEqual({ kind: 'partial', unsourced: ['publishedDate'] });
		expect(timelinessLabel(r)).toBe('无法判断（原始发布日期未见来源）');
		// A stand-in fact date (hkk-03's completion dated with the repost date) is not judged either.
		const f = t('2021-06-04', '2021-06-04', { kind: 'partial', note: '形成日期取转载日期', unsourced: ['factDate'] });
		expect(f.verdict).toBe('stand_in');
		expect(timelinessLabel(f)).toBe('无法判断（形成日期未见来源）');
		// An unsourced field the verdict does not read leaves it sourced.
		expect(t('2019-11-01', '2019-12-02', { kind: 'partial', note: '状态未核实', unsourced: ['status'] })).toMatchObject(
			{ late: true, verdict: 'late', basis: { kind: 'sourced' } },
		);
	});

	it('marks the verdict on a sample update as resting on a sample', () => {
		const r = t('2019-11-01', '2019-12-02', { kind: 'sample', note: '示例' });
		expect(r).toMatchObject({ late: true, verdict: 'late', basis: { kind: 'sample' } });
		expect(timelinessLabel(r)).toBe('超过 20 个工作日');
	});

	it('answers unknown (null), not a guess, outside the holiday data', () => {
		expect(t('2018-11-30', '2019-01-10')).toMatchObject({
			workdays: null,
			late: null,
			verdict: 'out_of_calendar',
			publishedDateUnsourced: false,
		});
		expect(timelinessLabel(t('2018-11-30', '2019-01-10'))).toBe('无法计算（日期超出节假日数据范围）');
	});

	it('summarises: late count, median and maximum', () => {
		const s = summariseTimeliness([
			{ factDate: '2019-12-02', publishedDate: '2019-12-03', provenance: official },
			{ factDate: '2019-11-01', publishedDate: '2019-12-02', provenance: official },
			{ factDate: '2019-12-06', publishedDate: '2019-12-09', provenance: official },
			{ factDate: '2018-11-30', publishedDate: '2019-01-10', provenance: official },
		]);
		expect(s).toMatchObject({ updates: 4, late: 1, unknown: 1, standIn: 0, medianWorkdays: 1, maxWorkdays: 21 });
		expect(s.lateBasis).toEqual({ total: 1, sample: 0, partial: 0, unsourced: [] });
		expect(summariseTimeliness([])).toMatchObject({
			updates: 0,
			late: 0,
			unknown: 0,
			standIn: 0,
			medianWorkdays: null,
			maxWorkdays: null,
		});
	});

	it('summarises stand-ins apart and says how many late ones are samples', () => {
		const s = summariseTimeliness([
			{ factDate: '2019-11-01', publishedDate: '2019-12-02', provenance: { kind: 'sample', note: '示例' } },
			{ factDate: '2019-11-01', publishedDate: '2019-12-03', provenance: official },
			{
				factDate: '2020-12-31',
				publishedDate: '2021-06-04',
				provenance: { kind: 'partial', note: '转载日期', unsourced: ['publishedDate'] },
			},
		]);
		expect(s).toMatchObject({ updates: 3, late: 2, unknown: 0, standIn: 1, maxWorkdays: 22 });
		expect(s.lateBasis).toEqual({ total: 2, sample: 1, partial: 0, unsourced: [] });
		expect(s.daysBasis).toMatchObject({ total: 2, sample: 1 });
	});

	it('summarises per lead unit over the known updates', () => {
		const content = makeContent({
			tasks: [makeTask('s-01'), makeTask('s-02', { leadUnits: ['u2'] })],
			updates: [
				makeUpdate('s-01/a', { factDate: '2019-11-01', publishedDate: '2019-12-02' }),
				makeUpdate('s-01/b', { factDate: '2019-12-02', publishedDate: '2019-12-03' }),
				makeUpdate('s-02/a', { factDate: '2019-12-02', publishedDate: '2019-12-03' }),
			],
		});
		const byUnit = timelinessByUnit(buildSiteModel(content, '2019-12-31'));
		expect(byUnit.get('u1')).toMatchObject({ tasks: 1, updates: 2, late: 1, maxWorkdays: 21 });
		expect(byUnit.get('u2')).toMatchObject({ tasks: 1, updates: 1, late: 0 });
	});
});

describe('statusHistory', () => {
	it('lists each update with the due date in force and the deadline change with its reason', () => {
		const task = makeTask('s-01', { dueDate: '2019-12-31' });
		const known = [
			makeUpdate('s-01/a', { factDate: '2019-09-30', publishedDate: '2019-10-10', status: 'on_track' }),
			makeUpdate('s-01/b', {
				factDate: '2019-12-20',
				publishedDate: '2019-12-25',
				status: 'behind',
				dueDateChange: { to: '2020-06-30', reason: '受疫情影响' },
			}),
			makeUpdate('s-01/c', { factDate: '2020-06-28', publishedDate: '2020-06-30', status: 'completed' }),
		];
		const rows = statusHistory(task, known);
		expect(rows.map((r) => [r.reported, r.dueDate])).toEqual([
			['on_track', '2019-12-31'],
			['behind', '2020-06-30'],
			['completed', '2020-06-30'],
		]);
		expect(rows[1]?.deadlineChange).toEqual({ from: '2019-12-31', to: '2020-06-30', reason: '受疫情影响' });
		expect(rows[0]?.deadlineChange).toBeUndefined();
		// 30 Sep → 10 Oct 2019: 1–7 Oct are the National Day break, so 8, 9 and 10 Oct
		expect(rows[0]?.timeliness.workdays).toBe(3);
	});
});
