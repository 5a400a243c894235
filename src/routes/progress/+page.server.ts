import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { loadProgressOverview } from '$lib/server/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { overview: await loadProgressOverview(appDb(), user.id) };
};
