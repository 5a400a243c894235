import type { QuestionPrompt, QuestionResponse } from '../content/question-types';
import { parseNumber as numberInWords } from '../content/numbers';

export const MAX_TEXT_ANSWER_LENGTH = 200;

/** Form field names for the question at a position in the attempt (ordering uses one per item). */
export function answerFieldName(position: number): string {
	return `q${position}`;
}

export function orderFieldName(position: number, itemId: string): string {
	return `q${position}-${itemId}`;
}

export type ReadResult =
	| { kind: 'answered'; response: QuestionResponse }
	| { kind: 'unanswered' }
	| { kind: 'invalid'; message: string };

/**
 * Reads one question's response from submitted form values and checks it against the prompt
 * (an option that is not offered, a number that is not a number, an over-long text are refused).
 * `value(name)` returns the submitted string or null when the field is absent.
 */
export function readResponse(
	prompt: QuestionPrompt,
	position: number,
	value: (name: string) => string | null
): ReadResult {
	const raw = value(answerFieldName(position));
	switch (prompt.type) {
		case 'multiple_choice':
		case 'attribution': {
			if (raw === null || raw === '') return { kind: 'unanswered' };
			if (!prompt.options.some((option) => option.id === raw)) {
				return { kind: 'invalid', message: `Question ${position}: that option is not one of the choices.` };
			}
			return { kind: 'answered', response: { type: prompt.type, optionId: raw } };
		}
		case 'true_false': {
			if (raw === null || raw === '') return { kind: 'unanswered' };
			if (raw !== 'true' && raw !== 'false') {
				return { kind: 'invalid', message: `Question ${position}: answer true or false.` };
			}
			return { kind: 'answered', response: { type: 'true_false', value: raw === 'true' } };
		}
		case 'fill_blank': {
			if (raw === null) return { kind: 'unanswered' };
			if (raw.length > MAX_TEXT_ANSWER_LENGTH) {
				return { kind: 'invalid', message: `Question ${position}: the answer is longer than ${MAX_TEXT_ANSWER_LENGTH} characters.` };
			}
			const text = raw.trim();
			if (text === '') return { kind: 'unanswered' };
			return { kind: 'answered', response: { type: 'fill_blank', text } };
		}
		case 'numeric': {
			if (raw === null) return { kind: 'unanswered' };
			if (raw.length > MAX_TEXT_ANSWER_LENGTH) {
				return { kind: 'invalid', message: `Question ${position}: the answer is longer than ${MAX_TEXT_ANSWER_LENGTH} characters.` };
			}
			const text = raw.trim();
			if (text === '') return { kind: 'unanswered' };
			const parsed = parseNumber(text);
			if (parsed === null) {
				return { kind: 'invalid', message: `Question ${position}: enter a number, such as 1500 or 2.5.` };
			}
			return { kind: 'answered', response: { type: 'numeric', value: parsed } };
		}
		case 'ordering': {
			const positions = prompt.items.map((item) => value(orderFieldName(position, item.id)));
			if (positions.every((p) => p === null || p === '')) return { kind: 'unanswered' };
			const numbers = positions.map((p) => (p !== null && /^\d{1,3}$/.test(p) ? Number(p) : NaN));
			const n = prompt.items.length;
			const valid = numbers.every((p) => Number.isInteger(p) && p >= 1 && p <= n);
			if (!valid || new Set(numbers).size !== n) {
				return { kind: 'invalid', message: `Question ${position}: give each item a different position from 1 to ${n}.` };
			}
			const order = prompt.items
				.map((item, i) => ({ id: item.id, at: numbers[i] }))
				.sort((a, b) => a.at - b.at)
				.map((entry) => entry.id);
			return { kind: 'answered', response: { type: 'ordering', order } };
		}
	}
}

/** Accepts "1500", "1,500", "-2.5", "2.5 %", "$40" (a unit or currency sign is not part of the number). */
export function parseNumber(text: string): number | null {
	// "three", "twenty-one": the sources write small counts in words, and so may a learner
	if (/^\s*\p{L}[\p{L}\s-]*$/u.test(text)) return numberInWords(text.trim().replace(/\s+/g, ' ')) ?? null;
	const cleaned = text.replace(/[\s$%]/g, '').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
	const parsed = Number(cleaned);
	return Number.isFinite(parsed) ? parsed : null;
}

/** The form values that show a saved response again (for a resumed attempt). */
export function responseFieldValues(
	prompt: QuestionPrompt,
	position: number,
	response: QuestionResponse | null
): Record<string, string> {
	if (!response || response.type !== prompt.type) return {};
	const name = answerFieldName(position);
	switch (response.type) {
		case 'multiple_choice':
		case 'attribution':
			return { [name]: response.optionId };
		case 'true_false':
			return { [name]: String(response.value) };
		case 'fill_blank':
			return { [name]: response.text };
		case 'numeric':
			return { [name]: String(response.value) };
		case 'ordering':
			return Object.fromEntries(response.order.map((id, i) => [orderFieldName(position, id), String(i + 1)]));
	}
}

/** Is a stored JSON value a response of the prompt's type? (Guards against rows written by hand.) */
export function isResponseFor(prompt: QuestionPrompt, response: unknown): response is QuestionResponse {
	return typeof response === 'object' && response !== null && (response as { type?: unknown }).type === prompt.type;
}
