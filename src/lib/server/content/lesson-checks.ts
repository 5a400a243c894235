import type { QuestionAnswer, QuestionPrompt, QuestionType } from '../../content/question-types';
import { gradeResponse } from '../../quiz/grade';
import { describeAnswer, describeResponse } from '../../quiz/describe';
import { presentPrompt } from '../../quiz/present';
import { mapResponseIds, opaqueQuestion, type OpaqueKey } from '../../quiz/opaque';
import { deriveSeed } from '../../quiz/random';
import { readResponse, responseFieldValues } from '../../quiz/responses';

/**
 * "Check yourself" questions on the lesson page: bank questions answered in place by anyone, graded
 * here on the server and never stored (they are practice, not quiz attempts). The page receives
 * only the prompt; the answer stays in this module until the learner submits.
 */
export interface CheckQuestion {
	/** the page's id for it: keyed, since a content id is derived from the answer */
	id: string;
	lessonId: string;
	sectionId: string;
	type: QuestionType;
	/** as the page shows it: options in a fixed order (seeded by the question), ids keyed */
	prompt: QuestionPrompt;
	/** the same order with the stored ids, which the answer uses */
	contentPrompt: QuestionPrompt;
	/** the stored id of an option or item shown on the page */
	toContentId(publicId: string): string | undefined;
	answer: QuestionAnswer;
	/** the cited sentences as the feedback shows them, with their markers' labels */
	citations: ShownCitation[];
}

export interface ShownCitation {
	sourceId: string;
	sentenceId: string;
	text: string;
	label: string;
	sourceNumber: number;
}

/** What the page may show before an answer is submitted. */
export interface CheckPrompt {
	id: string;
	prompt: QuestionPrompt;
}

export type CheckOutcome =
	| { kind: 'unknown' }
	| { kind: 'refused'; message: string; values: Record<string, string> }
	| {
			kind: 'graded';
			correct: boolean;
			given: string;
			answer: string;
			citations: ShownCitation[];
			values: Record<string, string>;
	  };

/** the field a check question's answer is posted in (the quiz's own name for a question at position 1) */
export const CHECK_POSITION = 1;

/**
 * A bank question as a check question of one lesson: options in an order fixed by the question,
 * and, like a quiz attempt's, ids that cannot be worked back to the answer without the key.
 */
export function presentCheck(key: OpaqueKey, lessonId: string, questionId: string, prompt: QuestionPrompt, answer: QuestionAnswer) {
	const contentPrompt = presentPrompt(prompt, deriveSeed(0, questionId), CHECK_POSITION, key, answer);
	const shown = opaqueQuestion(contentPrompt, questionId, key, `check:${lessonId}`, CHECK_POSITION);
	return { id: shown.questionId, prompt: shown.prompt, contentPrompt, toContentId: shown.toContentId };
}

/** Grades one check question from the posted form values. */
export function gradeCheck(question: CheckQuestion | undefined, value: (name: string) => string | null): CheckOutcome {
	if (!question) return { kind: 'unknown' };
	const read = readResponse(question.prompt, CHECK_POSITION, value);
	const typed = value(`q${CHECK_POSITION}`);
	const keep: Record<string, string> = typed !== null && typed.length <= 200 ? { [`q${CHECK_POSITION}`]: typed } : {};
	if (read.kind === 'unanswered') return { kind: 'refused', message: 'Choose or type an answer first.', values: keep };
	if (read.kind === 'invalid') {
		const message = read.message.replace(/^Question \d+: /, '');
		return { kind: 'refused', message: message.charAt(0).toUpperCase() + message.slice(1), values: keep };
	}
	const response = mapResponseIds(read.response, question.toContentId);
	if (!response) return { kind: 'refused', message: 'That option is not one of the choices.', values: keep };
	const correct = gradeResponse(question.answer, response) === 1;
	const seen = new Set<string>();
	return {
		kind: 'graded',
		correct,
		given: describeResponse(question.contentPrompt, response),
		answer: describeAnswer(question.contentPrompt, question.answer),
		citations: question.citations.filter((c) => !seen.has(c.sentenceId) && seen.add(c.sentenceId)),
		values: responseFieldValues(question.prompt, CHECK_POSITION, read.response)
	};
}
