/** Reading the "assign a quiz" form: pure, so every refusal is tested without a server. */

export interface AssignmentInput {
	lessonId: string;
	dueAt: Date | null;
	maxAttempts: number | null;
}

export type AssignmentParse = { ok: true; value: AssignmentInput } | { ok: false; message: string };

/**
 * `due` is a `datetime-local` value ("2026-12-04T17:00"), read in the server's time zone (the
 * TZ environment variable); empty means no due date. `maxAttempts` is empty or 1–100.
 */
export function readAssignmentForm(input: { lessonId: string; due: string; maxAttempts: string }): AssignmentParse {
	if (!input.lessonId) return { ok: false, message: 'Choose a lesson to assign.' };
	let dueAt: Date | null = null;
	if (input.due) {
		const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(input.due);
		if (!match) return { ok: false, message: 'Enter the due date as a date and time, like 2026-12-04 17:00.' };
		const [, y, mo, d, h = '23', mi = '59'] = match;
		dueAt = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
		if (Number.isNaN(dueAt.getTime()) || dueAt.getMonth() !== Number(mo) - 1) return { ok: false, message: 'That due date does not exist.' };
	}
	let maxAttempts: number | null = null;
	if (input.maxAttempts) {
		if (!/^\d{1,3}$/.test(input.maxAttempts) || Number(input.maxAttempts) < 1 || Number(input.maxAttempts) > 100) {
			return { ok: false, message: 'The attempt limit is a whole number from 1 to 100, or empty for no limit.' };
		}
		maxAttempts = Number(input.maxAttempts);
	}
	return { ok: true, value: { lessonId: input.lessonId, dueAt, maxAttempts } };
}
