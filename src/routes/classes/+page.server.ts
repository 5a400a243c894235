import { fail } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { joinClassWithCode, learnerClasses } from '$lib/server/teaching/classes';
import { field, formOf } from '$lib/server/teaching/web';
import type { Actions, PageServerLoad } from './$types';

/** A learner's own classes and the form to join one: never who else is in them. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { classes: await learnerClasses(appDb(), user.id) };
};

export const actions: Actions = {
	join: async (event) => {
		const user = requireUser(event);
		const code = field(await formOf(event.request), 'code', 40);
		const outcome = await joinClassWithCode(appDb(), user.id, code);
		if (!outcome.joined) return fail(400, { message: outcome.message, code });
		return { message: `You joined ${outcome.className}. Its assignments appear on the course page and on My progress.` };
	}
};
