import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { keptValues, readForm, signInForm } from '$lib/server/auth/forms';
import { safeReturnPath } from '$lib/server/auth/guards';
import { WRONG_CREDENTIALS, checkCredentials } from '$lib/server/auth/sign-in';
import { retryMessage } from '$lib/server/auth/throttle';
import { readFormData, requestClientAddress, startSession } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeReturnPath(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || '/');
	return { redirectTo };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		if (!form) return fail(400, { values: {}, errors: {}, message: 'The form could not be read. Please try again.' });
		const values = keptValues(form, ['email']);
		const parsed = readForm(signInForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, message: 'Please correct the highlighted fields.' });

		const { email, password, redirectTo } = parsed.data;
		const result = await checkCredentials(appDb(), email, password, requestClientAddress(event));
		if (result.kind === 'throttled') {
			return fail(429, { values, errors: {}, message: retryMessage(result.retryAt) });
		}
		if (result.kind === 'wrong') {
			const message = result.lockedUntil ? `${WRONG_CREDENTIALS} ${retryMessage(result.lockedUntil)}` : WRONG_CREDENTIALS;
			return fail(400, { values, errors: {}, message });
		}
		await startSession(event, result.user);
		redirect(303, safeReturnPath(redirectTo, '/'));
	}
};
