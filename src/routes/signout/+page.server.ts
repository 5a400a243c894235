import { redirect } from '@sveltejs/kit';
import { endCurrentSession, readFormData } from '$lib/server/auth/web';
import { safeReturnPath } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';

// signing out is a POST: a link or an image on another site must not be able to do it
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	default: async (event) => {
		await endCurrentSession(event);
		redirect(303, readerPage((await readFormData(event.request))?.get('redirectTo')));
	}
};

/** Back to what the visitor was reading when it is open to everyone; pages that need an account go home. */
function readerPage(candidate: FormDataEntryValue | null | undefined): string {
	const path = safeReturnPath(typeof candidate === 'string' ? candidate : '', '/');
	const pathname = path.split(/[?#]/)[0];
	return /^\/(about|lessons\/[^/]+|sources\/[^/]+)?$/.test(pathname) ? path : '/';
}
