import { COVERED_RANGE } from '#src/lib/model/workdays.ts';
import { daysBetween } from '#src/lib/model/dates.ts';
import type { Problem } from './problems.ts';

/** How many days before the holiday calendar ends the check and the build start warning. */
const CALENDAR_WARNING_DAYS = 30;

/**
 * A warning when the as-of date is within CALENDAR_WARNING_DAYS of the end of the State Council holiday
 * data (or past it): disclosure deadlines of 20 working days then run off the calendar and show as unknown.
 */
export function calendarWarnings(asOf: string, last: string = COVERED_RANGE.last): Problem[] {
	const left = daysBetween(asOf, last);
	if (left > CALENDAR_WARNING_DAYS) return [];
	const year = Number(last.slice(0, 4)) + 1;
	return [
		{
			file: 'src/lib/model/holidays-cn.json',
			field: `years.${year}`,
			message:
				left >= 0
					? `节假日数据只到 ${last}，还剩 ${left} 天 / the holiday calendar ends in ${left} days`
					: `节假日数据只到 ${last}，截至日期 ${asOf} 已超出 / the holiday calendar has ended`,
			hint: `国务院办公厅公布 ${year} 年节假日安排后，把放假和调休日期加入 src/lib/model/holidays-cn.json（来源 npm 包 chinese-days 的新版本，或通知原文），见 docs/architecture.md。在此之前，跨过 ${last} 的 20 个工作日期限显示为“无法判断”。`,
		},
	];
}
