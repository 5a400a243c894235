import { fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { accountCreatedAt, changePassword, deleteAccount } from '$lib/server/auth/accounts';
import { describeDevice, describeLastSeen } from '$lib/server/auth/device';
import { changePasswordForm, deleteAccountForm, endSessionForm, readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { loginName } from '$lib/server/auth/types';
import { teacherRequestPending as requestPending } from '$lib/server/teaching/admin';
import { newPasswordProblem } from '$lib/server/auth/password';
import { invalidateUserSession, invalidateUserSessions, listUserSessions } from '$lib/server/auth/session';
import { checkCredentials } from '$lib/server/auth/sign-in';
import { retryMessage } from '$lib/server/auth/throttle';
import { endCurrentSession, forgetSessionCookie, readFormData, requestClientAddress, startSession } from '$lib/server/auth/web';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const UNREADABLE = 'The form could not be read. Please try again.';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const now = new Date();
	const [createdAt, sessions, teacherRequestPending] = await Promise.all([
		accountCreatedAt(appDb(), user.id),
		listUserSessions(appDb(), user.id, now),
		requestPending(appDb(), user.id)
	]);
	return {
		profile: {
			email: user.email,
			username: user.username,
			teacherRequestPending,
			displayName: user.displayName,
			role: user.role,
			memberSince: createdAt?.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) ?? ''
		},
		sessions: sessions.map((s) => ({
			id: s.id,
			device: describeDevice(s.userAgent),
			lastSeen: describeLastSeen(s.lastSeenAt, now),
			lastSeenAt: s.lastSeenAt.toISOString(),
			signedInAt: s.createdAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
			ipAddress: s.ipAddress,
			current: s.id === event.locals.session?.id
		}))
	};
};

/** Asks for the password again (under the sign-in throttle) before a change that cannot be undone. */
async function confirmPassword(event: RequestEvent, email: string, password: string) {
	const result = await checkCredentials(appDb(), email, password, requestClientAddress(event));
	if (result.kind === 'throttled') return { status: 429, message: retryMessage(result.retryAt) } as const;
	if (result.kind === 'wrong') {
		const message = 'That is not your current password.' + (result.lockedUntil ? ` ${retryMessage(result.lockedUntil)}` : '');
		return { status: 400, message } as const;
	}
	return null;
}

export const actions: Actions = {
	endSession: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { action: 'sessions', message: UNREADABLE });
		const parsed = readForm(endSessionForm, form);
		if (!parsed.ok) return fail(400, { action: 'sessions', message: parsed.errors.sessionId ?? 'That session was not found.' });
		if (parsed.data.sessionId === event.locals.session?.id) {
			await endCurrentSession(event);
			redirect(303, '/');
		}
		const ended = await invalidateUserSession(appDb(), user.id, parsed.data.sessionId);
		if (!ended) return fail(400, { action: 'sessions', message: 'That session was not found; it may have ended already.' });
		return { action: 'sessions', message: 'Session ended. That device is signed out.' };
	},

	endOtherSessions: async (event) => {
		const user = requireUser(event);
		const ended = await invalidateUserSessions(appDb(), user.id, event.locals.session?.id);
		const message =
			ended === 0 ? 'There were no other sessions to end.' : `Signed out everywhere else (${ended} session${ended === 1 ? '' : 's'} ended).`;
		return { action: 'sessions', message };
	},

	changePassword: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { action: 'password', errors: {}, message: UNREADABLE });
		const parsed = readForm(changePasswordForm, form);
		if (!parsed.ok) return fail(400, { action: 'password', errors: parsed.errors, message: 'Please correct the highlighted fields.' });
		const { currentPassword, newPassword } = parsed.data;

		const refused = await confirmPassword(event, loginName(user), currentPassword);
		if (refused) return fail(refused.status, { action: 'password', errors: { currentPassword: refused.message }, message: refused.message });
		const problem =
			newPassword === currentPassword ? 'Choose a password different from your current one.' : newPasswordProblem(newPassword, user.email ?? user.username ?? undefined);
		if (problem) return fail(400, { action: 'password', errors: { newPassword: problem }, message: 'Please correct the highlighted fields.' });

		const { endedSessions } = await changePassword(appDb(), user.id, newPassword, event.locals.session?.id ?? null);
		// this browser stays signed in, under a new token
		await startSession(event, user);
		const others = endedSessions === 0 ? '' : ` Your ${endedSessions} other session${endedSessions === 1 ? ' was' : 's were'} signed out.`;
		return { action: 'password', errors: {}, message: `Password changed.${others}` };
	},

	deleteAccount: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { action: 'delete', errors: {}, message: UNREADABLE });
		const parsed = readForm(deleteAccountForm, form);
		if (!parsed.ok) return fail(400, { action: 'delete', errors: parsed.errors, message: 'Please correct the highlighted fields.' });

		const refused = await confirmPassword(event, loginName(user), parsed.data.password);
		if (refused) return fail(refused.status, { action: 'delete', errors: { password: refused.message }, message: refused.message });

		await deleteAccount(appDb(), user.id);
		forgetSessionCookie(event);
		redirect(303, '/signup?deleted=1');
	}
};
