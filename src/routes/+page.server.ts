import { appDb } from '$lib/server/db';
import { listCachedLessons, listCachedSources } from '$lib/server/content/lesson-cache';
import { courseProgress } from '$lib/server/progress';
import { learnerAssignments } from '$lib/server/teaching/assignments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [progress, assignments] = await Promise.all([
		courseProgress(appDb(), locals.user),
		locals.user ? learnerAssignments(appDb(), locals.user.id) : []
	]);
	return {
		lessons: listCachedLessons().map(({ id, position, title, summary, objectives }) => ({ id, position, title, summary, objectives: objectives.map((o) => o.text) })),
		sources: listCachedSources().map(({ id, title, publisher, kind }) => ({ id, title, publisher, kind })),
		progress,
		assignments
	};
};
