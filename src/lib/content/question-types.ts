/**
 * The contract between content generation (which writes questions), the quiz pages (which show
 * prompts and collect responses) and grading (which compares responses with answers).
 * `QuestionPrompt` may reach the browser; `QuestionAnswer` and explanations stay on the server
 * until the attempt is submitted.
 */

export const QUESTION_TYPES = [
	'multiple_choice',
	'true_false',
	'fill_blank',
	'numeric',
	'ordering',
	'attribution'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The exact source sentence (or span) a lesson passage or question comes from. */
export interface Citation {
	sourceId: string;
	/** Stable id of the sentence in its source, used as the `#s-…` anchor in the source viewer. */
	sentenceId: string;
	/** Offsets into the source's raw text (end exclusive). */
	start: number;
	end: number;
	text: string;
}

export interface Choice {
	id: string;
	text: string;
}

export type QuestionPrompt =
	| { type: 'multiple_choice'; stem: string; options: Choice[] }
	| { type: 'true_false'; stem: string; statement: string }
	/** `stem` holds one blank written as `_____` */
	| { type: 'fill_blank'; stem: string }
	| { type: 'numeric'; stem: string; unit?: string }
	/** items shown in a neutral order; the learner puts them earliest first */
	| { type: 'ordering'; stem: string; items: Choice[] }
	| { type: 'attribution'; stem: string; claim: string; options: Choice[] };

export type QuestionAnswer =
	| { type: 'multiple_choice'; correctOptionId: string }
	/** `fact`: the source's value the statement turns on ("$40 million"); another question showing it gives this one away */
	| { type: 'true_false'; correct: boolean; fact?: string }
	/** every accepted form; compared after normaliseAnswer() */
	| { type: 'fill_blank'; accepted: string[] }
	| { type: 'numeric'; value: number; tolerance: number }
	| { type: 'ordering'; order: string[] }
	| { type: 'attribution'; correctOptionId: string };

export type QuestionResponse =
	| { type: 'multiple_choice'; optionId: string }
	| { type: 'true_false'; value: boolean }
	| { type: 'fill_blank'; text: string }
	| { type: 'numeric'; value: number }
	| { type: 'ordering'; order: string[] }
	| { type: 'attribution'; optionId: string };

/** One generated question, ready to store as a question version. */
export interface GeneratedQuestion {
	/** stable, derived from content (lesson, type, cited sentence, answer) */
	id: string;
	lessonId: string;
	objectiveId: string;
	type: QuestionType;
	prompt: QuestionPrompt;
	answer: QuestionAnswer;
	/** quotes the cited sentence */
	explanation: string;
	citations: Citation[];
}
