import { redirect } from '@sveltejs/kit';
import { endCurrentSession } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

// signing out is a POST: a link or an image on another site must not be able to do it
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	default: async (event) => {
		await endCurrentSession(event);
		redirect(303, '/');
	}
};
