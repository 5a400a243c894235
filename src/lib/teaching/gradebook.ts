import { histogram, mean, median } from '../stats';
import { statusFromFirstSubmission, type AssignmentStatus } from './assignment-status';

/** The gradebook table, built from per-student cells: pure, so sorting and summaries are tested alone. */

export interface GradebookAssignment {
	id: string;
	lessonTitle: string;
	dueAt: Date | null;
	maxAttempts: number | null;
}

export interface GradebookCellInput {
	studentId: string;
	assignmentId: string;
	attempts: number;
	best: number;
	latest: number;
	firstSubmittedAt: Date;
}

export interface GradebookCell {
	attempts: number;
	best: number | null;
	latest: number | null;
	status: AssignmentStatus;
}

export interface GradebookRow {
	studentId: string;
	displayName: string;
	username: string | null;
	cells: GradebookCell[];
}

export interface AssignmentSummary {
	/** over students with at least one attempt: their best scores */
	mean: number | null;
	median: number | null;
	submitted: number;
	late: number;
	missing: number;
	/** best scores in ten bands, 0–9 % … 90–100 % */
	distribution: number[];
}

export type SortColumn = { kind: 'name' } | { kind: 'cell'; index: number; field: 'best' | 'latest' | 'attempts' };
export interface Sort {
	column: SortColumn;
	descending: boolean;
}

export const DEFAULT_SORT: Sort = { column: { kind: 'name' }, descending: false };

/** `?sort=name` or `?sort=<assignment id>.<best|latest|attempts>`, `&dir=desc`; anything else is the default. */
export function readSort(sort: string | null, dir: string | null, assignments: readonly { id: string }[]): Sort {
	const descending = dir === 'desc';
	if (!sort || sort === 'name') return { column: { kind: 'name' }, descending };
	const [id, field] = sort.split('.');
	const index = assignments.findIndex((a) => a.id === id);
	if (index < 0 || (field !== 'best' && field !== 'latest' && field !== 'attempts')) return DEFAULT_SORT;
	return { column: { kind: 'cell', index, field }, descending };
}

export function sortParam(column: SortColumn, assignments: readonly { id: string }[]): string {
	return column.kind === 'name' ? 'name' : `${assignments[column.index].id}.${column.field}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Students without a score sort after those with one, whichever the direction. */
export function sortRows(rows: readonly GradebookRow[], sort: Sort): GradebookRow[] {
	const byName = (a: GradebookRow, b: GradebookRow) => collator.compare(a.displayName, b.displayName) || (a.studentId < b.studentId ? -1 : 1);
	const { column, descending } = sort;
	const sign = descending ? -1 : 1;
	return [...rows].sort((a, b) => {
		if (column.kind === 'name') return sign * byName(a, b);
		const x = a.cells[column.index][column.field];
		const y = b.cells[column.index][column.field];
		if (x === null && y === null) return byName(a, b);
		if (x === null) return 1;
		if (y === null) return -1;
		return sign * (x - y) || byName(a, b);
	});
}

export function buildGradebook(
	students: readonly { id: string; displayName: string; username: string | null }[],
	assignments: readonly GradebookAssignment[],
	cells: readonly GradebookCellInput[],
	now: Date
): { rows: GradebookRow[]; summaries: AssignmentSummary[] } {
	const byKey = new Map(cells.map((c) => [`${c.studentId}\u0000${c.assignmentId}`, c]));
	const rows = students.map((s) => ({
		studentId: s.id,
		displayName: s.displayName,
		username: s.username,
		cells: assignments.map((a): GradebookCell => {
			const c = byKey.get(`${s.id}\u0000${a.id}`);
			return {
				attempts: c?.attempts ?? 0,
				best: c ? c.best : null,
				latest: c ? c.latest : null,
				status: statusFromFirstSubmission(a.dueAt, c?.firstSubmittedAt ?? null, now)
			};
		})
	}));
	const summaries = assignments.map((_, i): AssignmentSummary => {
		const column = rows.map((r) => r.cells[i]);
		const best = column.filter((c) => c.best !== null).map((c) => c.best!);
		return {
			mean: mean(best),
			median: median(best),
			submitted: best.length,
			late: column.filter((c) => c.status === 'late').length,
			missing: column.filter((c) => c.status === 'missing').length,
			distribution: histogram(best, 10)
		};
	});
	return { rows, summaries };
}
