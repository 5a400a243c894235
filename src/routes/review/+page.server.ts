import { error, fail } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { answerReview, nextDueItem, practiceItem, reviewQueueStatus } from '$lib/server/review/queue';
import { QuizRequestError } from '$lib/server/quiz/errors';
import { UNREADABLE_FORM, readFormData } from '$lib/server/http/form';
import { describeWhenDue } from '$lib/quiz/review-schedule';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = appDb();
	const now = new Date();
	// ?question=… practises one question (from "Questions you miss most"), due or not
	const wanted = event.url.searchParams.get('question');
	let item;
	try {
		item = wanted ? await practiceItem(db, user.id, wanted) : await nextDueItem(db, user.id, now);
	} catch (e) {
		if (e instanceof QuizRequestError) error(e.status, e.message);
		throw e;
	}
	const status = await reviewQueueStatus(db, user.id, now);
	return {
		// the prompt only: the answer and the explanation come back after the answer is checked
		item,
		practising: Boolean(wanted),
		due: status.due,
		total: status.total,
		nextDue: status.nextDue ? describeWhenDue(status.nextDue, now) : null
	};
};

/** What the learner typed or chose, so a refused answer is shown again rather than lost. */
function typedValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) if (typeof value === 'string' && /^q1(-|$)/.test(name)) values[name] = value.slice(0, 200);
	return values;
}

export const actions: Actions = {
	answer: async (event) => {
		const user = requireUser(event);
		const form = await readFormData(event.request);
		if (!form) return fail(400, { message: UNREADABLE_FORM, values: {} });
		const ref = form.get('ref');
		if (typeof ref !== 'string' || ref === '') {
			return fail(400, { message: 'This form is incomplete: open the review page again.', values: typedValues(form) });
		}
		try {
			const result = await answerReview(appDb(), user.id, ref, (name) => {
				const value = form.get(name);
				return typeof value === 'string' ? value : null;
			});
			return { result };
		} catch (e) {
			if (e instanceof QuizRequestError) return fail(e.status, { message: e.message, values: typedValues(form) });
			throw e;
		}
	}
};
