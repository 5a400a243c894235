import { fail } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/auth/guards';
import {
	createTeacherInvitation,
	decideTeacherRequest,
	listAccounts,
	listInvitations,
	pendingTeachers,
	resetTeacherPassword,
	revokeInvitation
} from '$lib/server/teaching/admin';
import { attempt, field, formOf, idField } from '$lib/server/teaching/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireAdmin(event);
	const db = appDb();
	const [pending, invitations, accounts] = await Promise.all([pendingTeachers(db), listInvitations(db), listAccounts(db)]);
	return {
		first: event.url.searchParams.has('first'),
		adminId: admin.id,
		pending,
		invitations: invitations.map((i) => ({ ...i, expired: !i.usedAt && i.expiresAt.getTime() < Date.now() })),
		accounts
	};
};

export const actions: Actions = {
	approve: async (event) => {
		requireAdmin(event);
		const userId = idField(await formOf(event.request), 'userId', 'person');
		return attempt('pending', async () => {
			const { displayName } = await decideTeacherRequest(appDb(), userId, true);
			return { action: 'pending', message: `${displayName} is now a teacher.` };
		});
	},
	decline: async (event) => {
		requireAdmin(event);
		const userId = idField(await formOf(event.request), 'userId', 'person');
		return attempt('pending', async () => {
			const { displayName } = await decideTeacherRequest(appDb(), userId, false);
			return { action: 'pending', message: `${displayName} stays a student account.` };
		});
	},
	invite: async (event) => {
		const admin = requireAdmin(event);
		const note = field(await formOf(event.request), 'note', 120);
		const { token, expiresAt } = await createTeacherInvitation(appDb(), admin.id, note);
		return {
			action: 'invite',
			message: 'Invitation created. Copy the link now: it is shown only once.',
			link: `${event.url.origin}/signup?invite=${token}`,
			expiresAt
		};
	},
	revoke: async (event) => {
		requireAdmin(event);
		const id = idField(await formOf(event.request), 'invitationId', 'invitation');
		return attempt('invite', async () => {
			await revokeInvitation(appDb(), id);
			return { action: 'invite', message: 'Invitation withdrawn: its link no longer works.' };
		});
	},
	resetPassword: async (event) => {
		const admin = requireAdmin(event);
		const userId = idField(await formOf(event.request), 'userId', 'teacher');
		if (userId === admin.id) return fail(400, { action: 'accounts', message: 'Change your own password on your account page.' });
		return attempt('accounts', async () => {
			const card = await resetTeacherPassword(appDb(), admin.id, userId);
			return {
				action: 'accounts',
				message: `${card.displayName}’s password was reset and their sessions ended. Give them this one-time password; they choose a new one when they sign in.`,
				card: { displayName: card.displayName, username: card.login, password: card.password }
			};
		});
	}
};
