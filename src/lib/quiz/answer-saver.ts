import { deserialize } from '$app/forms';
import { answerFieldName } from './responses';

/** a typed answer is saved once the learner pauses this long, not on every keystroke */
export const TYPING_PAUSE_MS = 600;

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
 * Saves one question's answer as soon as it changes (a typed one after a pause in typing), so a
 * dropped connection, a reload or a browser that discards the tab loses nothing. Loaded by the quiz
 * page on the learner's first answer, not with the page.
 */
export function answerSaver({ form, attemptId, submitting, report }: AnswerSaverOptions) {
	// one save per question at a time; a change made meanwhile is sent when it finishes, so the
	// last change always wins even if requests would otherwise arrive out of order
	const saving = new Set<number>();
	const changedAgain = new Set<number>();
	const typing = new Map<number, { timer: ReturnType<typeof setTimeout>; questionId: string }>();

	async function save(position: number, questionId: string) {
		clearTimeout(typing.get(position)?.timer);
		typing.delete(position);
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

	function saveAfterTyping(position: number, questionId: string) {
		clearTimeout(typing.get(position)?.timer);
		typing.set(position, { timer: setTimeout(() => save(position, questionId), TYPING_PAUSE_MS), questionId });
	}

	// leaving the page, or hiding it (a phone browser may then discard the tab): what is still
	// waiting for a pause in typing goes now
	const flush = () => {
		for (const [position, { questionId }] of typing) void save(position, questionId);
	};
	const flushWhenHidden = () => document.visibilityState === 'hidden' && flush();
	document.addEventListener('visibilitychange', flushWhenHidden);
	addEventListener('pagehide', flush);

	/** The quiz page is gone: stop listening, and drop what waits for a pause (the form it reads is gone too). */
	function stop() {
		document.removeEventListener('visibilitychange', flushWhenHidden);
		removeEventListener('pagehide', flush);
		for (const { timer } of typing.values()) clearTimeout(timer);
		typing.clear();
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
			// keepalive: a save started as the page is hidden or closed still reaches the server
			const response = await fetch('?/save', { method: 'POST', body, keepalive: true, headers: { 'x-sveltekit-action': 'true' } });
			const result = deserialize(await response.text());
			if (result.type === 'success') report(position, 'Saved');
			else if (result.type === 'failure') report(position, `Not saved: ${String(result.data?.message ?? 'try again')}`);
			else if (result.type === 'redirect') report(position, 'Not saved: your session has ended; sign in again.');
			else report(position, 'Not saved: try again.');
		} catch {
			report(position, 'Not saved: no connection. Your answer will be sent when you submit.');
		}
	}

	return { save, saveAfterTyping, stop };
}

