import { error, fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { findActiveLesson, findOpenAttempt, loadAttemptForTaking, saveResponses, startOrResumeAttempt } from '$lib/server/quiz/attempts';
import { submitAttempt } from '$lib/server/quiz/submit';
import { QuizRequestError } from '$lib/server/quiz/errors';
import { lessonProgressSummary, markLessonRead } from '$lib/server/progress';
import { loadQuestionBank } from '$lib/server/quiz/bank';
import { quizLength } from '$lib/quiz/draw';
import { UNREADABLE_FORM, readFormData } from '$lib/server/http/form';
import { formatScore } from '$lib/quiz/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = appDb();
	const lesson = await findActiveLesson(db, event.params.id);
	if (!lesson) error(404, 'No such lesson.');
	const [open, progress] = await Promise.all([findOpenAttempt(db, user.id, lesson.id), lessonProgressSummary(db, user.id, lesson.id)]);
	const attempt = open ? await loadAttemptForTaking(db, user.id, open.id) : null;
	return {
		lesson: { id: lesson.id, title: lesson.title },
		attempt,
		// the start page says how long the quiz is: every draw from a bank has the same length
		questionCount: attempt ? attempt.questions.length : quizLength(await loadQuestionBank(db, lesson.id)),
		// formatted here: the page ships no formatting code for two numbers
		progress: { attemptsSubmitted: progress.attemptsSubmitted, bestScore: formatScore(progress.bestScore), latestScore: formatScore(progress.latestScore) }
	};
};

function fieldReader(form: FormData) {
	return (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : null;
	};
}

function formText(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, 200) : '';
}

/** What the learner typed, so a refused form shows their input again instead of losing it. */
function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && /^q\d+(-|$)/.test(name)) values[name] = value.slice(0, 200);
	}
	return values;
}

export const actions: Actions = {
	start: async (event) => {
		const user = requireUser(event);
		try {
			await startOrResumeAttempt(appDb(), user.id, event.params.id);
		} catch (e) {
			if (e instanceof QuizRequestError) return fail(e.status, { message: e.message });
			throw e;
		}
		redirect(303, `/lessons/${encodeURIComponent(event.params.id)}/quiz`);
	},

	save: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { message: UNREADABLE_FORM });
		const attemptId = formText(form, 'attemptId');
		const questionId = form.get('questionId');
		try {
			const { saved } = await saveResponses(
				appDb(),
				user.id,
				attemptId,
				fieldReader(form),
				typeof questionId === 'string' && questionId !== '' ? questionId : undefined,
				event.params.id
			);
			return { saved, message: saved === 1 ? 'Answer saved.' : 'Your answers are saved. You can come back and finish later.' };
		} catch (e) {
			if (e instanceof QuizRequestError) return fail(e.status, { message: e.message, values: typedValues(form) });
			throw e;
		}
	},

	submit: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { message: UNREADABLE_FORM, unanswered: [] as number[] });
		const attemptId = formText(form, 'attemptId');
		let result;
		try {
			const confirmed = form.get('confirmUnanswered') === '1';
			result = await submitAttempt(appDb(), user.id, attemptId, fieldReader(form), event.params.id, { requireAllAnswered: !confirmed });
		} catch (e) {
			if (e instanceof QuizRequestError) return fail(e.status, { message: e.message, values: typedValues(form), unanswered: e.unanswered ?? [] });
			throw e;
		}
		// the same page for the first submission and any repeat: the stored result
		redirect(303, `/attempts/${encodeURIComponent(result.attemptId)}`);
	},

	/** "Mark as read" on the lesson page posts here; it returns to the lesson. */
	markRead: async (event) => {
		const lessonPath = `/lessons/${encodeURIComponent(event.params.id)}`;
		if (!event.locals.user) redirect(303, `/signin?redirectTo=${encodeURIComponent(lessonPath)}`);
		try {
			await markLessonRead(appDb(), event.locals.user.id, event.params.id);
		} catch (e) {
			if (e instanceof QuizRequestError) error(e.status, e.message);
			throw e;
		}
		redirect(303, `${lessonPath}#lesson-progress`);
	}
};
