import { deserialize } from '$app/forms';
import { answerFieldName } from './responses';

export interface AnswerSaverOptions {
	form: () => HTMLFormElement | undefined;
	attemptId: () => string | undefined;
	/** true while the attempt is being submitted: the submission carries every answer */
	submitting: () => boolean;
	/** "Saving…", "Saved" or the reason the answer was not saved, shown beside the question */
	report: (position: number, status: string) => void;
}

export type AnswerSaver = ReturnType<typeof answerSaver>;

/**
 * Saves one question's answer as soon as it changes, so a dropped connection loses nothing.
 * Loaded by the quiz page on the learner's first answer, not with the page.
 */
export function answerSaver({ form, attemptId, submitting, report }: AnswerSaverOptions) {
	// one save per question at a time; a change made meanwhile is sent when it finishes, so the
	// last change always wins even if requests would otherwise arrive out of order
	const saving = new Set<number>();
	const changedAgain = new Set<number>();

	async function save(position: number, questionId: string) {
		if (saving.has(position)) {
			changedAgain.add(position);
			return;
		}
		saving.add(position);
		try {
			do {
				changedAgain.delete(position);
				await send(position, questionId);
			} while (changedAgain.has(position));
		} finally {
			saving.delete(position);
		}
	}

	async function send(position: number, questionId: string) {
		const quizForm = form();
		const id = attemptId();
		if (!quizForm || !id || submitting()) return;
		const all = new FormData(quizForm);
		const body = new FormData();
		body.set('attemptId', id);
		body.set('questionId', questionId);
		const field = answerFieldName(position);
		for (const [name, value] of all) {
			if (name === field || name.startsWith(`${field}-`)) body.append(name, value);
		}
		report(position, 'Saving…');
		try {
			const response = await fetch('?/save', { method: 'POST', body, headers: { 'x-sveltekit-action': 'true' } });
			const result = deserialize(await response.text());
			if (result.type === 'success') report(position, 'Saved');
			else if (result.type === 'failure') report(position, `Not saved: ${String(result.data?.message ?? 'try again')}`);
			else if (result.type === 'redirect') report(position, 'Not saved: your session has ended; sign in again.');
			else report(position, 'Not saved: try again.');
		} catch {
			report(position, 'Not saved: no connection. Your answer will be sent when you submit.');
		}
	}

	return { save };
}
