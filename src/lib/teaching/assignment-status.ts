/**
 * Late and missing, as a gradebook marks them. Attempts count from the moment the lesson is
 * assigned to the class.
 * - done: an attempt was submitted by the due date (or there is no due date and one was submitted);
 * - late: attempts were submitted, all of them after the due date;
 * - missing: the due date has passed and nothing was submitted;
 * - due: not submitted yet, and the due date is still ahead;
 * - open: not submitted yet, and there is no due date.
 */
export type AssignmentStatus = 'done' | 'late' | 'missing' | 'due' | 'open';

export function assignmentStatus(dueAt: Date | null, submittedAt: readonly Date[], now: Date): AssignmentStatus {
	if (submittedAt.length === 0) {
		if (dueAt === null) return 'open';
		return now.getTime() > dueAt.getTime() ? 'missing' : 'due';
	}
	if (dueAt === null) return 'done';
	return submittedAt.some((t) => t.getTime() <= dueAt.getTime()) ? 'done' : 'late';
}

/** The same rule from the first submission alone (what the gradebook query returns). */
export function statusFromFirstSubmission(dueAt: Date | null, firstSubmittedAt: Date | null, now: Date): AssignmentStatus {
	return assignmentStatus(dueAt, firstSubmittedAt ? [firstSubmittedAt] : [], now);
}

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
	done: 'Done',
	late: 'Late',
	missing: 'Missing',
	due: 'Due',
	open: 'Not started'
};

/** One of a learner's assignments as the course page and My progress show it. */
export interface LearnerAssignment {
	id: string;
	className: string;
	lessonId: string;
	lessonTitle: string;
	dueAt: Date | null;
	maxAttempts: number | null;
	attemptsUsed: number;
	bestScore: number | null;
	status: AssignmentStatus;
}
