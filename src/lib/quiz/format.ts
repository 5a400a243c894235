/** Scores and shares in words, apart from the chart so pages that only print a score ship no chart code. */

/** "60%" or "66.7%" for a 0–100 score; "—" when there is none. */
export function formatScore(score: number | null | undefined): string {
	return score === null || score === undefined ? '—' : `${Number.isInteger(score) ? score : score.toFixed(1)}%`;
}

/** "67%" for a 0–1 share. */
export function formatShare(share: number | null | undefined): string {
	return share === null || share === undefined ? 'not tried yet' : `${Math.round(share * 100)}%`;
}

// built once: an Intl.DateTimeFormat costs more to make than a whole page render's other work
const dayFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const dayTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "Nov 30, 2026" (UTC). */
export function formatDay(date: Date): string {
	return dayFormat.format(date);
}

/** "Nov 30, 2026, 10:03 PM" (UTC; the page says so). */
export function formatDayTime(date: Date): string {
	return dayTimeFormat.format(date);
}
