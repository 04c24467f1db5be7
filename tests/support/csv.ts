// Tests read the published CSV back with the site's own parser (the task list's filtered download uses it too).
export { parseCsv } from '../../src/lib/publish/csv.ts';
