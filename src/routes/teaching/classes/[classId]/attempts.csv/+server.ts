import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { attemptsCsv, csvResponse } from '$lib/server/teaching/exports';
import { orError } from '$lib/server/teaching/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const csv = await orError(() => attemptsCsv(appDb(), teacher.id, event.params.classId));
	return csvResponse(csv.body, `answers-${csv.name}.csv`);
};
