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
	/** dates along the time axis (first, last and up to two between, each day once), when the attempts have dates */
	dateTicks: { x: number; label: string }[];
	plot: { left: number; right: number; top: number; bottom: number };
}

const tickDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

export function scoreChart(
	attempts: readonly { score: number; label: string; date?: Date }[],
	{ width = 360, height = 180 } = {}
): ScoreChart {
	// room on the right for the last date label, centred under its point
	const plot = { left: 40, right: width - 24, top: 12, bottom: height - 28 };
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
		dateTicks: dateTicks(attempts, points),
		plot
	};
}

function dateTicks(attempts: readonly { date?: Date }[], points: readonly ChartPoint[]): { x: number; label: string }[] {
	if (attempts.length === 0 || attempts.some((a) => !a.date)) return [];
	const last = attempts.length - 1;
	const picks = [...new Set([0, Math.round(last / 3), Math.round((2 * last) / 3), last])];
	const ticks: { x: number; label: string }[] = [];
	for (const i of picks) {
		const label = tickDate.format(attempts[i].date);
		// one label per day, and never two crowded together
		if (ticks.some((t) => t.label === label || Math.abs(t.x - points[i].x) < 56)) continue;
		ticks.push({ x: points[i].x, label });
	}
	return ticks;
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

export { formatScore, formatShare } from './format';
