// A span of calendar days in words a reader grasps at once (近 7 年), always followed by the exact count.

const YEAR = 365.25;
const MONTH = YEAR / 12;

/** A number of calendar days in plain words with the exact count: 20 天, 约 5 个月（152 天）, 近 7 年（2534 天）. */
export function durationWords(days: number): string {
	if (days < 60) return `${days} 天`;
	if (days < YEAR - MONTH / 2) return `约 ${Math.round(days / MONTH)} 个月（${days} 天）`;
	const years = days / YEAR;
	const whole = Math.floor(years);
	const part = years - whole;
	const words = part >= 0.75 ? `近 ${whole + 1} 年` : part < 0.45 ? `${whole} 年多` : `约 ${whole} 年半`;
	return `${words}（${days} 天）`;
}
