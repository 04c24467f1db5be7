import { describe, expect, it } from 'vitest';
import {
	IdentityFieldSchema,
	IsoDate,
	ProvenanceSchema,
	SourceSchema,
	TaskSchema,
	UpdateSchema,
} from '#src/schemas/index.ts';
import { makeTask } from './fixtures.ts';

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
	r.error?.issues[0]?.message ?? '';

describe('IsoDate', () => {
	it('accepts real dates and leap days', () => {
		expect(IsoDate.parse('2020-02-29')).toBe('2020-02-29');
	});
	it.each([
		['2019-02-29', '不存在'],
		['2019-13-01', '不存在'],
		['2019-2-3', '格式不对'],
		['２０１９-０２-０３', '全角'],
		['', '格式不对'],
	])('rejects %s', (value, msg) => {
		expect(firstMessage(IsoDate.safeParse(value))).toContain(msg);
	});
	it('turns a YAML Date back into the calendar string', () => {
		expect(IsoDate.parse(new Date('2019-12-31T00:00:00Z'))).toBe('2019-12-31');
	});
});

describe('TaskSchema', () => {
	it('requires a number of digits, and refuses an empty list of lead units or targets', () => {
		const base = { ...makeTask('s-01') } as Record<string, unknown>;
		delete base.id;
		// How many digits the series writes is the plan's (checked by the integrity check): 2 and 02 both parse.
		expect(TaskSchema.safeParse({ ...base, no: '2' }).success).toBe(true);
		expect(TaskSchema.safeParse({ ...base, no: '2a' }).success).toBe(false);
		expect(firstMessage(TaskSchema.safeParse({ ...base, leadUnits: [] }))).toContain('牵头单位');
		expect(firstMessage(TaskSchema.safeParse({ ...base, targets: [] }))).toContain('整改目标');
		expect(TaskSchema.safeParse(base).success).toBe(true);
	});
	it('takes a task of another shape: only number, title, problem and provenance (issue #22)', () => {
		const bare = { plan: 'p', series: 's', no: '7', title: '标题', problem: '问题', provenance: { kind: 'official' } };
		expect(TaskSchema.safeParse(bare).success).toBe(true);
		const withContact = { ...bare, contact: { name: '张某', phone: '0000' }, implementers: ['u1'], leadUnits: ['u2'] };
		expect(TaskSchema.safeParse(withContact).success).toBe(true);
		expect(TaskSchema.safeParse({ ...bare, contact: { phone: '0000' } }).success).toBe(false);
	});
	it('rejects unknown fields', () => {
		const base = { ...makeTask('s-01') } as Record<string, unknown>;
		delete base.id;
		expect(TaskSchema.safeParse({ ...base, colour: 'red' }).success).toBe(false);
	});
});

describe('UpdateSchema', () => {
	const base = {
		task: 's-01',
		status: 'completed',
		factDate: '2019-09-01',
		publishedDate: '2019-09-05',
		title: 't',
		provenance: { kind: 'sample', note: 'n' },
	};
	it('rejects an unknown status with the allowed list', () => {
		expect(firstMessage(UpdateSchema.safeParse({ ...base, status: 'done' }))).toContain('on_track');
	});
	it('rejects publication before the fact', () => {
		expect(firstMessage(UpdateSchema.safeParse({ ...base, publishedDate: '2019-08-01' }))).toContain('早于形成日期');
	});
	it('rejects a notice window that ends before it starts', () => {
		const r = UpdateSchema.safeParse({
			...base,
			closure: { notice: { start: '2019-09-10', end: '2019-09-01', contact: 'x' } },
		});
		expect(firstMessage(r)).toContain('早于开始日');
	});
	it('requires a closed date for status closed', () => {
		expect(firstMessage(UpdateSchema.safeParse({ ...base, status: 'closed' }))).toContain('closedDate');
	});
	it('allows a notice window only on completed or closed reports', () => {
		const r = UpdateSchema.safeParse({
			...base,
			status: 'on_track',
			closure: { notice: { start: '2019-09-01', end: '2019-09-10', contact: 'x' } },
		});
		expect(r.success).toBe(false);
	});
});

describe('provenance, sources and identity fields', () => {
	it('requires a note for sample and partial records, and the unsourced fields for partial', () => {
		expect(ProvenanceSchema.safeParse({ kind: 'sample' }).success).toBe(false);
		expect(ProvenanceSchema.safeParse({ kind: 'partial', note: 'x' }).success).toBe(false);
		expect(ProvenanceSchema.safeParse({ kind: 'partial', note: 'x', unsourced: ['dueDate'] }).success).toBe(true);
		expect(ProvenanceSchema.safeParse({ kind: 'official' }).success).toBe(true);
	});
	it('requires publisher, title and date of a source', () => {
		expect(SourceSchema.safeParse({ publisher: '山西日报', title: '标题' }).success).toBe(false);
	});
	it('requires a placeholder to read as one', () => {
		expect(IdentityFieldSchema.safeParse({ value: '晋ICP备12345678号', placeholder: true }).success).toBe(false);
		expect(IdentityFieldSchema.safeParse({ value: '（演示占位）晋ICP备00000000号', placeholder: true }).success).toBe(
			true,
		);
	});
});
