import { appDb } from '$lib/server/db';
import { listCachedLessons, listCachedSources } from '$lib/server/content/lesson-cache';
import { courseIntroduction } from '$lib/server/db/sources-sync';
import { courseProgress } from '$lib/server/progress';
import { courseContinuation } from '$lib/server/learning/continue';
import { learnerAssignments } from '$lib/server/teaching/assignments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const lessons = listCachedLessons();
	const [progress, resume, assignments] = await Promise.all([
		courseProgress(appDb(), locals.user),
		locals.user ? courseContinuation(appDb(), locals.user.id, lessons.map(({ id, title, position, quizQuestions }) => ({ id, title, position, hasQuiz: quizQuestions > 0 }))) : null,
		locals.user ? learnerAssignments(appDb(), locals.user.id) : []
	]);
	return {
		course: courseIntroduction(),
		resume,
		lessons: lessons.map(({ id, position, title, summary, objectives, quizQuestions }) => ({ id, position, title, summary, objectives: objectives.map((o) => o.text), hasQuiz: quizQuestions > 0 })),
		sources: listCachedSources().map(({ id, title, publisher, kind }) => ({ id, title, publisher, kind })),
		progress,
		assignments
	};
};
