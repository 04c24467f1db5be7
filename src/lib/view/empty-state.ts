/** What a page says where a list of tasks would be while the plan's task list has not been entered yet. */
export const NO_TASKS_TEXT = '尚未录入整改任务。';

/** The next step named beside the empty state, so a reader knows the list is pending, not empty by design. */
export const NO_TASKS_NOTE = '本站已公开方案信息；整改任务清单录入后，这里将列出每项任务及其整改进展。';
