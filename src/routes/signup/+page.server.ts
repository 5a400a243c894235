import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { createAccount } from '$lib/server/auth/accounts';
import { keptValues, readForm, signUpForm } from '$lib/server/auth/forms';
import { safeReturnPath } from '$lib/server/auth/guards';
import { newPasswordProblem } from '$lib/server/auth/password';
import { addressThrottleKey } from '$lib/server/auth/client-address';
import { admitSignUp, signUpRetryMessage } from '$lib/server/auth/throttle';
import { readFormData, requestClientAddress, startSession } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

const KEPT = ['email', 'displayName', 'role'] as const;

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeReturnPath(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || '/');
	const invitation = url.searchParams.get('invite') ?? '';
	return { redirectTo, accountDeleted: url.searchParams.has('deleted'), invitation: /^[a-z2-7]{32}$/.test(invitation) ? invitation : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readFormData(event.request);
		if (!form) return fail(400, { values: {}, errors: {}, message: 'The form could not be read. Please try again.' });
		const values = keptValues(form, KEPT);
		const parsed = readForm(signUpForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors, message: 'Please correct the highlighted fields.' });

		const { email, displayName, role, password, redirectTo } = parsed.data;
		const passwordProblem = newPasswordProblem(password, email);
		if (passwordProblem) {
			return fail(400, { values, errors: { password: passwordProblem }, message: 'Please correct the highlighted fields.' });
		}
		// counted before the account is made (and before the costly hash): one address cannot mint accounts in bulk
		const admitted = await admitSignUp(appDb(), addressThrottleKey(requestClientAddress(event)));
		if (admitted.locked) return fail(429, { values, errors: {}, message: signUpRetryMessage(admitted.retryAt) });
		const invitation = form.get('invitation');
		const token = typeof invitation === 'string' && /^[a-z2-7]{32}$/.test(invitation) ? invitation : undefined;
		const created = await createAccount(appDb(), { email, displayName, role, password, invitation: token });
		if (!created.ok && created.reason === 'invitation-invalid') {
			return fail(400, {
				values,
				errors: {},
				message: 'This invitation link has been used or has expired. Ask your administrator for a new one, or sign up without it.'
			});
		}
		if (!created.ok) {
			return fail(400, {
				values,
				errors: { email: 'An account with this email already exists. Sign in instead.' },
				message: 'Please correct the highlighted fields.'
			});
		}
		await startSession(event, created.user);
		// the first account runs the installation; a teacher without an invitation learns they wait for approval
		if (created.kind === 'admin') redirect(303, '/admin?first=1');
		if (created.kind === 'pending-teacher') redirect(303, '/account');
		redirect(303, safeReturnPath(redirectTo, '/'));
	}
};
