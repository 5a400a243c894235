import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { TeachingError } from './errors';

/** Glue for teaching routes: a refused request becomes its 4xx, with the message the page shows. */

/** Runs a form action's work; a TeachingError becomes `fail(status, { action, message })`. */
export async function attempt<T>(action: string, work: () => Promise<T>): Promise<T | ActionFailure<{ action: string; message: string }>> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof TeachingError) {
			// not found stays a 404 page: another teacher's class must look like no class at all
			if (e.status === 404) error(404, e.message);
			return fail(e.status, { action, message: e.message });
		}
		throw e;
	}
}

/** For loads: a TeachingError becomes the error page with its status. */
export async function orError<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof TeachingError) error(e.status, e.message);
		throw e;
	}
}

export async function formOf(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'The form could not be read. Please try again.');
	}
}

export function field(form: FormData, name: string, max = 200): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

export const ID_PATTERN = /^[a-z2-7]{32}$/;

/** An id field that must look like one of ours: anything else is a 400, never a query. */
export function idField(form: FormData, name: string, what: string): string {
	const value = field(form, name, 64);
	if (!ID_PATTERN.test(value)) error(400, `Choose a ${what}.`);
	return value;
}
