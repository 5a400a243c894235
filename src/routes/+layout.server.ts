import type { LayoutServerLoad } from './$types';

/** Only what the header shows: never the email, ids or anything session-related. */
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user ? { displayName: locals.user.displayName, role: locals.user.role } : null;
	return { user };
};
