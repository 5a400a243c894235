import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { changePassword } from '$lib/server/auth/accounts';
import { firstPasswordForm, readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { newPasswordProblem } from '$lib/server/auth/password';
import { readFormData, startSession } from '$lib/server/auth/web';
import type { Actions, PageServerLoad } from './$types';

/** The first sign-in with a one-time password (a roster card, a reset) ends here until a new password is set. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (!user.mustChangePassword) redirect(303, '/');
	return { displayName: user.displayName, username: user.username ?? user.email ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		if (!user.mustChangePassword) redirect(303, '/');
		const form = await readFormData(event.request);
		if (!form) return fail(400, { errors: {}, message: 'The form could not be read. Please try again.' });
		const parsed = readForm(firstPasswordForm, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, message: 'Please correct the highlighted fields.' });
		const problem = newPasswordProblem(parsed.data.newPassword, user.username ?? user.email ?? undefined);
		if (problem) return fail(400, { errors: { newPassword: problem }, message: 'Please correct the highlighted fields.' });
		await changePassword(appDb(), user.id, parsed.data.newPassword, event.locals.session?.id ?? null);
		// every session ended with the one-time password: this browser carries on under a new token
		await startSession(event, { ...user, mustChangePassword: false });
		redirect(303, '/?welcome=1');
	}
};
