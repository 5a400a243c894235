import { initialsOf, normaliseAnswer } from '../content/normalise';
import type { QuestionAnswer, QuestionResponse } from '../content/question-types';

/**
 * The fraction (0–1) a response earns. Ordering is all or nothing: the question asks for a
 * sequence of events, and half-right sequences usually mean the chronology was not understood.
 */
export function gradeResponse(answer: QuestionAnswer, response: QuestionResponse | null): number {
	if (!response || response.type !== answer.type) return 0;
	switch (answer.type) {
		case 'multiple_choice':
		case 'attribution':
			return (response as { optionId: string }).optionId === answer.correctOptionId ? 1 : 0;
		case 'true_false':
			return (response as { value: boolean }).value === answer.correct ? 1 : 0;
		case 'fill_blank': {
			const typed = (response as { text: string }).text;
			const given = withoutCountry(normaliseAnswer(typed));
			if (given !== '' && answer.accepted.some((form) => withoutCountry(normaliseAnswer(form)) === given)) return 1;
			// "GAO" for "Government Accountability Office": a body's initials, typed in capitals
			const initials = /^(?:the\s+)?([A-Z]{3,6})\.?$/.exec(typed.trim())?.[1];
			return initials && answer.accepted.some((form) => initialsOf(form) === initials) ? 1 : 0;
		}
		case 'numeric': {
			const given = (response as { value: number }).value;
			// a little slack so 0.1 + 0.2-style float noise never marks a right answer wrong
			return Math.abs(given - answer.value) <= answer.tolerance + 1e-9 ? 1 : 0;
		}
		case 'ordering': {
			const given = (response as { order: string[] }).order;
			return given.length === answer.order.length && given.every((id, i) => id === answer.order[i]) ? 1 : 0;
		}
	}
}

export function isCorrect(fraction: number | null): boolean {
	return fraction === 1;
}

export interface AttemptScore {
	/** 0–100, rounded to one decimal */
	score: number;
	correctCount: number;
}

export function scoreAttempt(fractions: readonly number[]): AttemptScore {
	if (fractions.length === 0) return { score: 0, correctCount: 0 };
	const total = fractions.reduce((sum, f) => sum + f, 0);
	return {
		score: Math.round((total / fractions.length) * 1000) / 10,
		correctCount: fractions.filter(isCorrect).length
	};
}

/** "the U.S. Supreme Court" names the same body as "Supreme Court": a national body with or without its country. */
function withoutCountry(normalised: string): string {
	return normalised.replace(/^(?:the )?(?:u s|us|united states) (?=\S)/, '');
}
