/** A refused teaching request: a 4xx status and a message the page shows. */
export class TeachingError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string
	) {
		super(message);
	}
}

export const classNotFound = () => new TeachingError(404, 'No such class.');
export const studentNotFound = () => new TeachingError(404, 'No such student in this class.');
