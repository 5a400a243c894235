import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { cachedLesson } from '$lib/server/content/lesson-cache';
import { lessonQuizPanel } from '$lib/server/progress';
import { nextLessonAfter } from '$lib/server/learning/course';
import type { PageServerLoad } from './$types';

// a lesson is reading matter: no hydration, so the page ships no JavaScript and no serialized copy of its data
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	// from memory: an anonymous reader costs no database query
	const stored = cachedLesson(params.id);
	if (!stored) error(404, 'There is no lesson with this address. The course page lists every lesson.');
	const { id, position, title, summary, objectives, sources } = stored;
	return {
		lesson: { id, position, title, summary, objectives, sources },
		progress: await lessonQuizPanel(appDb(), locals.user, id),
		nextLesson: nextLessonAfter(id)
	};
};
