import { CONTENT_LAYOUT } from './layout.ts';
import { IDENTITY_LABELS } from '#src/lib/model/identity.ts';
import { type Content } from '#src/lib/model/content.ts';
import type { Problem } from './problems.ts';

/** Something that must not reach a public release: a sample record or a placeholder identity field. */
export interface ReleaseBlocker {
	kind: 'task' | 'update' | 'identity';
	/** Record id (task id, update id) or identity field name (icp, psb …). */
	id: string;
	/** Path of the file that holds it, relative to the project root. */
	file: string;
	/** The field to change. */
	field: string;
}

/** Lists every sample task and update and every placeholder identity field, in file order. */
export function releaseBlockers(content: Content, contentRoot = 'content'): ReleaseBlocker[] {
	const out: ReleaseBlocker[] = [];
	const identity = content.settings?.identity ?? {};
	for (const [key, f] of Object.entries(identity))
		if (f.placeholder)
			out.push({
				kind: 'identity',
				id: key,
				file: `${contentRoot}/${CONTENT_LAYOUT.settings}`,
				field: `identity.${key}`,
			});
	for (const t of content.tasks)
		if (t.provenance.kind === 'sample')
			out.push({
				kind: 'task',
				id: t.id,
				file: `${contentRoot}/${CONTENT_LAYOUT.tasks}/${t.id}.json`,
				field: 'provenance.kind',
			});
	for (const u of content.updates)
		if (u.provenance.kind === 'sample')
			out.push({
				kind: 'update',
				id: u.id,
				file: `${contentRoot}/${CONTENT_LAYOUT.updates}/${u.id}.md`,
				field: 'provenance.kind',
			});
	return out;
}

/** The release blockers as content problems, so `check --release` and the release build report them alike. */
export function releaseProblems(content: Content, contentRoot = 'content'): Problem[] {
	return releaseBlockers(content, contentRoot).map((b) =>
		b.kind === 'identity'
			? {
					file: b.file,
					field: b.field,
					message: `网站标识“${IDENTITY_LABELS[b.id as keyof typeof IDENTITY_LABELS] ?? b.id}”仍是占位值 / placeholder identity field`,
					hint: '正式发布前填入真实的主办单位、标识码和备案号，并把 placeholder 改为 false。',
				}
			: {
					file: b.file,
					field: b.field,
					message: `${b.kind === 'task' ? '整改任务' : '整改进展'}“${b.id}”是示例数据（sample）/ sample record`,
					hint: '正式发布前删除示例记录，或用有来源的正式内容替换，并把 provenance.kind 改为 official 或 partial。',
				},
	);
}

/** True when the environment asks for a release build (RELEASE=1 or RELEASE=true). */
export function isReleaseBuild(env: Record<string, string | undefined> = process.env): boolean {
	return env.RELEASE === '1' || env.RELEASE === 'true';
}
