import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { loadProgressOverview } from '$lib/server/progress';
import { answerKeySecret } from '$lib/server/installation-secret';
import { practiceLink } from '$lib/server/review/queue';
import { learnerAssignments } from '$lib/server/teaching/assignments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = appDb();
	const [overview, assignments, key] = await Promise.all([loadProgressOverview(db, user.id), learnerAssignments(db, user.id), answerKeySecret(db)]);
	// a question's content id is derived from its answer: the page gets a sealed practice link instead
	const mostMissed = overview.mostMissed.map(({ questionId, ...missed }) => ({ ...missed, practiceHref: practiceLink(key, questionId) }));
	return { overview: { ...overview, mostMissed }, assignments };
};
