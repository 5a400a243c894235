import { error, fail } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { cachedCheckQuestion, cachedLesson, cachedLessonPage, listCachedLessons } from '$lib/server/content/lesson-cache';
import { gradeCheck } from '$lib/server/content/lesson-checks';
import { lessonQuizPanel } from '$lib/server/progress';
import { nextLessonAfter } from '$lib/server/learning/course';
import { UNREADABLE_FORM, readFormData } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

// a lesson is reading matter: opened directly it is not hydrated and ships no JavaScript (nor a
// serialized copy of its data); reached by a link from a hydrated page, the client router renders
// it from this load's data, so everything the page shows must come from here
export const csr = false;

export const load: PageServerLoad = async ({ params, locals, isDataRequest }) => {
	// from memory: an anonymous reader costs no database query
	const stored = cachedLesson(params.id);
	if (!stored || !cachedLessonPage(params.id)) error(404, 'There is no lesson with this address. The course page lists every lesson.');
	const { id, position, title, summary, sources } = stored;
	return {
		lesson: { id, position, title, summary, sources },
		// objectives, key terms, sections (HTML rendered once per regeneration, check prompts without
		// answers): the page reads them from memory while the server renders it, so they are not
		// serialized on every request; a client-side navigation needs them here
		page: isDataRequest ? cachedLessonPage(id) : undefined,
		progress: await lessonQuizPanel(appDb(), locals.user, id),
		// a lesson whose source gave no question is read, not quizzed
		hasQuiz: (listCachedLessons().find((l) => l.id === id)?.quizQuestions ?? 0) > 0,
		nextLesson: nextLessonAfter(id)
	};
};

export const actions: Actions = {
	/** "Check yourself": graded here, shown in place, never recorded (it is not a quiz attempt) */
	check: async ({ request, params }) => {
		const form = await readFormData(request);
		if (!form) return fail(400, { check: { questionId: '', message: UNREADABLE_FORM } });
		const questionId = String(form.get('question') ?? '').slice(0, 100);
		const outcome = gradeCheck(cachedCheckQuestion(params.id, questionId), (name) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : null;
		});
		if (outcome.kind === 'unknown') return fail(400, { check: { questionId, message: 'That question is not one of this lesson’s check questions. Reload the lesson and try again.' } });
		if (outcome.kind === 'refused') return fail(400, { check: { questionId, message: outcome.message, values: outcome.values } });
		const { correct, given, answer, citations, values } = outcome;
		return { check: { questionId, correct, given, answer, citations, values } };
	}
};
