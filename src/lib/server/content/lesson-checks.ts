import type { QuestionAnswer, QuestionPrompt, QuestionType } from '../../content/question-types';
import { gradeResponse } from '../../quiz/grade';
import { describeAnswer, describeResponse } from '../../quiz/describe';
import { presentPrompt } from '../../quiz/present';
import { deriveSeed } from '../../quiz/random';
import { readResponse, responseFieldValues } from '../../quiz/responses';

/**
 * "Check yourself" questions on the lesson page: bank questions answered in place by anyone, graded
 * here on the server and never stored (they are practice, not quiz attempts). The page receives
 * only the prompt; the answer stays in this module until the learner submits.
 */
export interface CheckQuestion {
	id: string;
	lessonId: string;
	sectionId: string;
	type: QuestionType;
	/** options in a fixed order (seeded by the question id), so the page and the grading agree */
	prompt: QuestionPrompt;
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

export function presentCheck(id: string, prompt: QuestionPrompt, answer: QuestionAnswer): QuestionPrompt {
	return presentPrompt(prompt, deriveSeed(0, id), CHECK_POSITION, answer);
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
	const correct = gradeResponse(question.answer, read.response) === 1;
	const seen = new Set<string>();
	return {
		kind: 'graded',
		correct,
		given: describeResponse(question.prompt, read.response),
		answer: describeAnswer(question.prompt, question.answer),
		citations: question.citations.filter((c) => !seen.has(c.sentenceId) && seen.add(c.sentenceId)),
		values: responseFieldValues(question.prompt, CHECK_POSITION, read.response)
	};
}
