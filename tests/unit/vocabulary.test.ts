import { describe, expect, it } from 'vitest';
import {
	STATUS_GROUPS,
	STATUS_TABLE,
	TASK_STATUSES,
	REPORTED_STATUSES,
	FIGURE_ORDER,
	FILL_PATTERNS,
	RARE_STATUSES,
	groupStatuses,
	warningStatuses,
	statusCss,
} from '#src/lib/model/statuses.ts';
import { fieldLabel, TASK_FIELDS, UPDATE_FIELDS, type FieldDef } from '#src/lib/model/fields.ts';
import { DATASETS } from '#src/lib/publish/datasets.ts';
import { COLUMNS } from '#src/lib/publish/task-sheet.ts';
import { ruleExamples } from '#src/lib/model/rules.ts';
import { DISCLOSURE_LIMIT_WORKDAYS } from '#src/lib/model/timeliness.ts';

describe('the status table', () => {
	it('gives every status one label, used by no other status or group', () => {
		const labels = [
			...TASK_STATUSES.map((s) => STATUS_TABLE[s].label),
			...Object.values(STATUS_GROUPS).map((g) => g.label),
		];
		expect(new Set(labels).size).toBe(labels.length);
		// A group label never starts with a status label followed by nothing but a note (已完成 vs 已完成（含…）).
		for (const g of Object.values(STATUS_GROUPS))
			for (const s of TASK_STATUSES) expect(g.label.startsWith(`${STATUS_TABLE[s].label}（`), g.label).toBe(false);
	});
	it('gives every status its own colour, chart pattern, mark and figure place', () => {
		for (const k of ['color', 'pattern', 'mark', 'figure'] as const) {
			const values = TASK_STATUSES.map((s) => STATUS_TABLE[s][k]);
			expect(new Set(values).size, k).toBe(values.length);
		}
		// Spare fills are left for the next status (FILL_PATTERNS is data the chart script draws).
		expect(Object.keys(FILL_PATTERNS).length).toBeGreaterThan(TASK_STATUSES.length);
	});
	it('places the figures and warnings as the dashboard and the scorecards tell them', () => {
		expect(FIGURE_ORDER.slice(0, 3)).toEqual(['overdue', 'undetermined', 'extended_late']);
		expect(RARE_STATUSES).toEqual(
			expect.arrayContaining(['notice_lapsed', 'extended_late', 'undetermined', 'not_reported']),
		);
		expect(RARE_STATUSES).not.toEqual(expect.arrayContaining(['closed']));
		expect(warningStatuses('red')).toEqual(expect.arrayContaining(['overdue']));
		expect(warningStatuses('yellow')).toEqual(expect.arrayContaining(['behind']));
		expect(warningStatuses('red')).not.toContain('behind');
	});
	it('generates the badge stylesheet from the table', () => {
		const css = statusCss();
		for (const s of TASK_STATUSES)
			expect(css).toContain(`.badge.s-${s} { color: ${STATUS_TABLE[s].color}; --s: ${STATUS_TABLE[s].color}; }`);
	});
	it('derives the reported statuses and the groups from the table', () => {
		// The statuses the rules of src/lib/model/status.ts name; a status added to the table may join these sets.
		expect(REPORTED_STATUSES).toEqual(
			expect.arrayContaining(['closed', 'completed', 'long_term', 'behind', 'on_track']),
		);
		expect(REPORTED_STATUSES).not.toEqual(expect.arrayContaining(['overdue', 'in_notice', 'not_reported']));
		expect(groupStatuses('done')).toEqual(
			expect.arrayContaining(['closed', 'in_notice', 'notice_lapsed', 'completed', 'long_term']),
		);
		expect(groupStatuses('completed')).toEqual(expect.arrayContaining(['in_notice', 'notice_lapsed', 'completed']));
		expect(groupStatuses('completed').every((s) => groupStatuses('done').includes(s))).toBe(true);
		for (const s of ['overdue', 'extended_late', 'behind', 'on_track', 'not_reported'] as const)
			expect(STATUS_TABLE[s].groups, s).toEqual([]);
	});
});

describe('the field registry', () => {
	it('gives each column of a dataset its own label', () => {
		for (const ds of DATASETS) {
			const headers = ds.columns.map((c) => c.header);
			expect(new Set(headers).size, ds.name).toBe(headers.length);
		}
	});
	it('uses one meaning for a label shared by tasks and updates', () => {
		const byLabel = new Map<string, string>();
		for (const f of Object.values(TASK_FIELDS) as FieldDef[]) byLabel.set(f.label, f.meaning);
		const shared = (Object.values(UPDATE_FIELDS) as FieldDef[]).filter((f) => byLabel.has(f.label));
		for (const f of shared)
			if (!['网址', '销号日期', '销号公示开始', '销号公示结束', '任务编号'].includes(f.label))
				expect(f.meaning, f.label).toBe(byLabel.get(f.label));
	});
	it('heads the spreadsheet with the same labels as the CSV (no header means two things)', () => {
		const csv = new Map<string, string>();
		for (const ds of DATASETS.slice(0, 2)) for (const c of ds.columns) csv.set(c.header, c.key);
		for (const col of COLUMNS) {
			if (col.key === 'seq') continue;
			expect(csv.has(col.header), col.header).toBe(true);
		}
		const headers = COLUMNS.map((c) => c.header);
		expect(headers).not.toContain('完成日期'); // the completion date in tasks.csv, never the due date
		expect(headers).toContain(TASK_FIELDS.dueDate.label);
	});
	it('names a reference field by its names column in prose', () => {
		expect(fieldLabel('leadUnits')).toBe('牵头单位');
		expect(fieldLabel('batch')).toBe('整改时限批次');
		expect(fieldLabel('dueDate')).toBe('原定整改时限');
		expect(fieldLabel('corrects')).toBe('更正的进展');
	});
	it('states the disclosure limit the model applies', () => {
		expect(TASK_FIELDS.lateDisclosures.meaning).toContain(`超过 ${DISCLOSURE_LIMIT_WORKDAYS} 个工作日`);
		expect(UPDATE_FIELDS.lateDisclosure.meaning).toContain(`超过 ${DISCLOSURE_LIMIT_WORKDAYS} 个工作日`);
	});
});

describe('the 口径说明 examples', () => {
	it('give every status at least one worked example, computed by the model', () => {
		const examples = ruleExamples();
		expect(new Set(examples.map((x) => x.status))).toEqual(new Set(TASK_STATUSES));
		const lapsed = examples.find((x) => x.status === 'notice_lapsed')!;
		expect(lapsed.flags).toContain('销号公示期满 49 天，仍未公布销号');
		const late = examples.find((x) => x.status === 'extended_late')!;
		expect(late.flags.join()).toContain('原时限 2020-12-31 过后 20 天');
		// The examples are made-up (sample) tasks, and their flags say so like every other judgment about a sample.
		expect(examples.find((x) => x.status === 'overdue')!.flags[0]).toBe('已过整改时限仍未完成，已逾期 46 天（示例）');
	});
});
