import type {
	City,
	Measure,
	MeasureGroup,
	Plan,
	ProblemArea,
	Settings,
	Task,
	Unit,
	Update,
} from '#src/schemas/index.ts';
import type { ReportedFigure } from '#src/schemas/reported-figure.ts';

/** A task with the id taken from its file name. */
export type TaskRecord = Task & { id: string };
/** An update with its id (task/file name) and Markdown narrative. */
export type UpdateRecord = Update & { id: string; body: string };

/** Everything in content/, validated record by record but not yet checked as a whole. */
export interface Content {
	settings: Settings;
	plans: Plan[];
	measureGroups: MeasureGroup[];
	measures: Measure[];
	problemAreas: ProblemArea[];
	units: Unit[];
	cities: City[];
	tasks: TaskRecord[];
	updates: UpdateRecord[];
	/** Figures a body reported about a plan (content/reported-figures.json, optional): shown apart, never counted. */
	reportedFigures?: ReportedFigure[];
}

/** Compares two records by id, for deterministic ordering everywhere. */
export function byId(a: { id: string }, b: { id: string }): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
