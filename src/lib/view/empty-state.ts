/** What a page says where a list of tasks would be while the plan's task list has not been entered yet. */
export const NO_TASKS_TEXT = '尚未录入整改任务。';

/** The next step named beside the empty state, so a reader knows the list is pending, not empty by design. */
export const NO_TASKS_NOTE = '本站已公开方案信息；整改任务清单录入后，这里将列出每项任务及其整改进展。';

/**
 * What a section of the changes page, the comparison and the changes feed says when nothing of its kind happened.
 * Not “无”: a reader of a plan of another shape must never meet 无 where a value would be (issue #22).
 */
export const NOTHING_CHANGED_TEXT = '没有。';
