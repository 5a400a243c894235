import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { cachedLesson, cachedLessonHtml } from '$lib/server/content/lesson-cache';
import { lessonQuizPanel } from '$lib/server/progress';
import { nextLessonAfter } from '$lib/server/learning/course';
import type { PageServerLoad } from './$types';

// a lesson is reading matter: opened directly it is not hydrated and ships no JavaScript (nor a
// serialized copy of its data); reached by a link from a hydrated page, the client router renders
// it from this load's data, so everything the page shows must come from here
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	// from memory: an anonymous reader costs no database query
	const stored = cachedLesson(params.id);
	if (!stored) error(404, 'There is no lesson with this address. The course page lists every lesson.');
	const { id, position, title, summary, objectives, sources } = stored;
	return {
		lesson: { id, position, title, summary, objectives, sources },
		// rendered once per regeneration; with csr = false it is serialized only for client-side navigation
		bodyHtml: cachedLessonHtml(id) ?? '',
		progress: await lessonQuizPanel(appDb(), locals.user, id),
		nextLesson: nextLessonAfter(id)
	};
};
