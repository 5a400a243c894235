import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { loadProgressOverview } from '$lib/server/progress';
import { learnerAssignments } from '$lib/server/teaching/assignments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const [overview, assignments] = await Promise.all([loadProgressOverview(appDb(), user.id), learnerAssignments(appDb(), user.id)]);
	return { overview, assignments };
};
