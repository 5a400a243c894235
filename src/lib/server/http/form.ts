/**
 * A body that is not a readable form is bad input (400), not a server error. The request guard in
 * hooks.server.ts has refused malformed bodies already; this keeps each action safe on its own.
 */
export async function readFormData(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

export const UNREADABLE_FORM = 'The form could not be read. Please try again.';
