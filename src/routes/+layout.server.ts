import { appDb } from '$lib/server/db';
import { dueReviewCount } from '$lib/server/review/queue';
import type { LayoutServerLoad } from './$types';

/** Only what the header shows: never the email, ids or anything session-related. */
export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user ? { displayName: locals.user.displayName, role: locals.user.role } : null;
	// the header's "Review" link says how many questions are due
	const reviewsDue = locals.user ? await dueReviewCount(appDb(), locals.user.id) : 0;
	return { user, reviewsDue };
};
