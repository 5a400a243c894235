import { error, fail, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { isTeacherRole, type SessionUser } from '$lib/server/auth/types';
import { teacherRequestPending } from '$lib/server/teaching/admin';
import { createClass, listTeacherClasses } from '$lib/server/teaching/classes';
import { field, formOf } from '$lib/server/teaching/web';
import { formatJoinCode } from '$lib/teaching/join-code';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** A student who asked to teach is told they wait for approval, not just "forbidden". */
async function requireTeacherOrExplain(event: RequestEvent): Promise<SessionUser> {
	const user = requireUser(event);
	if (isTeacherRole(user.role)) return user;
	if (await teacherRequestPending(appDb(), user.id)) {
		error(403, 'Your teacher account is waiting for the administrator’s approval. Until then it is a student account.');
	}
	error(403, 'This page is for teachers.');
}

export const load: PageServerLoad = async (event) => {
	const teacher = await requireTeacherOrExplain(event);
	const classes = await listTeacherClasses(appDb(), teacher.id);
	return { classes: classes.map((c) => ({ ...c, joinCode: formatJoinCode(c.joinCode) })) };
};

export const actions: Actions = {
	createClass: async (event) => {
		const teacher = await requireTeacherOrExplain(event);
		const form = await formOf(event.request);
		const name = field(form, 'name', 200);
		const term = field(form, 'term', 200);
		const errors: Record<string, string> = {};
		if (!name) errors.name = 'Give the class a name, like “Civics 9B”.';
		else if (name.length > 80) errors.name = 'Use at most 80 characters.';
		if (term.length > 40) errors.term = 'Use at most 40 characters.';
		if (Object.keys(errors).length) return fail(400, { errors, values: { name, term }, message: 'Please correct the highlighted fields.' });
		const created = await createClass(appDb(), teacher.id, name, term);
		redirect(303, `/teaching/classes/${created.id}`);
	}
};
