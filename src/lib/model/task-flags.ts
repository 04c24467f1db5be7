// Facts about a task's place in lists that are not statuses: the roles a unit has in a task, and flags of a
// task's state. The task list's filters (view/task-filter.ts), search facets and data files read them.

/** Which of a unit's tasks the unit filter selects: those it leads (default), supports, or either. */
export const UNIT_ROLES = ['lead', 'support', 'any'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
/** Labels of the unit roles (the unit filter's second menu, captions and titles). */
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头', support: '配合', any: '牵头或配合' };

/**
 * Status filter values that are not statuses but flags of a task's state (TaskState): a task completed after its
 * due date in force (completedLate). Offered in the status menu next to the statuses.
 */
export const STATUS_FLAGS = ['completed_late'] as const;
export type StatusFlag = (typeof STATUS_FLAGS)[number];
/** Labels of the status flags. */
export const STATUS_FLAG_LABELS: Record<StatusFlag, string> = { completed_late: '逾期完成' };

/** The flags of a task's state, as the list's rows carry them. */
export function stateFlagKeys(state: { completedLate: boolean }): StatusFlag[] {
	return state.completedLate ? ['completed_late'] : [];
}
