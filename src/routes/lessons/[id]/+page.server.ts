import { error } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { cachedLesson, listCachedSources } from '$lib/server/content/lesson-cache';
import { lessonQuizPanel } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	// from memory: an anonymous reader costs no database query
	const stored = cachedLesson(params.id);
	if (!stored) error(404, 'There is no lesson with this address. The course page lists every lesson.');
	const { inputsHash: _inputsHash, ...lesson } = stored;
	const sourceTitles = Object.fromEntries(listCachedSources().map((s) => [s.id, s.title]));
	return { lesson, sourceTitles, progress: await lessonQuizPanel(appDb(), locals.user, lesson.id) };
};
