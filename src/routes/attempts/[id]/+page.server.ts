import { error, redirect } from '@sveltejs/kit';
import { appDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { loadAttemptResults } from '$lib/server/quiz/results';
import { QuizRequestError } from '$lib/server/quiz/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	let results;
	try {
		results = await loadAttemptResults(appDb(), user.id, event.params.id);
	} catch (e) {
		if (e instanceof QuizRequestError) error(e.status, e.message);
		throw e;
	}
	// answers stay hidden until the attempt is submitted: an open one goes back to the quiz
	if (results.state === 'in_progress') redirect(303, `/lessons/${encodeURIComponent(results.lessonId)}/quiz`);
	return { results };
};
