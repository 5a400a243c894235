/** A request the quiz cannot act on: routes turn it into a 4xx with this message. */
export class QuizRequestError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string,
		/** positions of questions left without an answer, when that is why the request was refused */
		readonly unanswered?: number[]
	) {
		super(message);
		this.name = 'QuizRequestError';
	}
}

export const attemptNotFound = () => new QuizRequestError(404, 'No such quiz attempt among yours.');
export const lessonNotFound = () => new QuizRequestError(404, 'No such lesson.');
/** The attempt exists but belongs to another lesson than the one in the address (or the lesson does not exist). */
export const attemptNotInLesson = () => new QuizRequestError(404, 'No such quiz attempt for this lesson.');
