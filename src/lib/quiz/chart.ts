/** Geometry for the small "scores over time" chart, computed on the server so it needs no JavaScript. */

export interface ChartPoint {
	x: number;
	y: number;
	score: number;
	label: string;
}

export interface ScoreChart {
	width: number;
	height: number;
	points: ChartPoint[];
	/** polyline through the points, in order */
	line: string;
	/** horizontal guide lines at 0, 50 and 100 % */
	gridLines: { y: number; label: string }[];
	plot: { left: number; right: number; top: number; bottom: number };
}

export function scoreChart(
	attempts: readonly { score: number; label: string }[],
	{ width = 360, height = 180 } = {}
): ScoreChart {
	const plot = { left: 40, right: width - 12, top: 12, bottom: height - 24 };
	const yFor = (score: number) => plot.bottom - (Math.max(0, Math.min(100, score)) / 100) * (plot.bottom - plot.top);
	const span = plot.right - plot.left;
	const points = attempts.map((a, i) => ({
		// one attempt sits in the middle; more spread evenly across the plot
		x: round(attempts.length === 1 ? plot.left + span / 2 : plot.left + (span * i) / (attempts.length - 1)),
		y: round(yFor(a.score)),
		score: a.score,
		label: a.label
	}));
	return {
		width,
		height,
		points,
		line: points.map((p) => `${p.x},${p.y}`).join(' '),
		gridLines: [0, 50, 100].map((score) => ({ y: round(yFor(score)), label: `${score}%` })),
		plot
	};
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

/** "60%" or "66.7%" for a 0–100 score; "—" when there is none. */
export function formatScore(score: number | null | undefined): string {
	return score === null || score === undefined ? '—' : `${Number.isInteger(score) ? score : score.toFixed(1)}%`;
}

/** "67%" for a 0–1 share. */
export function formatShare(share: number | null | undefined): string {
	return share === null || share === undefined ? 'not tried yet' : `${Math.round(share * 100)}%`;
}
