// The plans a site carries, as its /data/manifest.json names them: each plan's id, title and the dates before which
// none of its data can exist. The national portal reads them to refuse a site's dates "before the plan" (issue #25).
import type { SiteModel } from '#src/lib/model/site-model.ts';

/** One plan as the manifest lists it. */
export interface ManifestPlan {
	id: string;
	title: string;
	/** The day the plan was published (a site's check refuses an as-of date before it). */
	publishedDate: string;
	/** The inspection's feedback day, when the plan answers an inspection (no fact of a task can precede it). */
	feedbackDate?: string;
}

/** The manifest's `plans`: every plan of the site, in content order. */
export function manifestPlans(model: SiteModel): ManifestPlan[] {
	return model.content.plans.map((p) => ({
		id: p.id,
		title: p.title,
		publishedDate: p.publishedDate,
		...(p.inspection ? { feedbackDate: p.inspection.feedbackDate } : {}),
	}));
}
