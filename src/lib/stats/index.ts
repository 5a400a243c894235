/**
 * Descriptive statistics for the gradebook and item analysis (pure: numbers in, numbers out).
 * Item statistics follow Moodle's quiz statistics: facility is the mean score on the item (0–1);
 * discrimination is the point-biserial (Pearson) correlation between the item's score and the
 * score on the rest of the test, so the item is not correlated with itself.
 */

export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Pearson correlation; null when either variable does not vary (or fewer than two pairs). */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = Math.min(xs.length, ys.length);
	if (n < 2) return null;
	const mx = mean(xs.slice(0, n))!;
	const my = mean(ys.slice(0, n))!;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i] - mx;
		const dy = ys[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx === 0 || syy === 0) return null;
	return sxy / Math.sqrt(sxx * syy);
}

/** One attempt's score on an item (0–1) and its total over the whole test (the item included). */
export interface ItemObservation {
	itemScore: number;
	totalScore: number;
}

/** Share of the item's marks earned: the mean item score, 0–1. */
export function facilityIndex(observations: readonly ItemObservation[]): number | null {
	return mean(observations.map((o) => o.itemScore));
}

/** Point-biserial correlation of the item's score with the rest of the test (total minus this item). */
export function discriminationIndex(observations: readonly ItemObservation[]): number | null {
	return correlation(
		observations.map((o) => o.itemScore),
		observations.map((o) => o.totalScore - o.itemScore)
	);
}

export type ItemFlag = 'negative-discrimination' | 'too-easy' | 'too-hard';

/** Moodle's warning thresholds: facility above 0.95 or below 0.2, or a negative discrimination. */
export function itemFlags(facility: number | null, discrimination: number | null): ItemFlag[] {
	const flags: ItemFlag[] = [];
	if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
	if (facility !== null && facility > 0.95) flags.push('too-easy');
	if (facility !== null && facility < 0.2) flags.push('too-hard');
	return flags;
}

/**
 * Counts of scores (0–1) in `bins` equal bands; the last band includes 1 (so 10 bands are
 * 0–9 %, 10–19 %, …, 90–100 %).
 */
export function histogram(scores: readonly number[], bins = 10): number[] {
	const counts = new Array<number>(bins).fill(0);
	for (const s of scores) {
		const clamped = Math.min(1, Math.max(0, s));
		counts[Math.min(bins - 1, Math.floor(clamped * bins + 1e-9))] += 1;
	}
	return counts;
}
