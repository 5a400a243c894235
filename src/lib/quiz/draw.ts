import { normaliseAnswer } from '../content/normalise';
import type { Citation, QuestionAnswer, QuestionPrompt } from '../content/question-types';
import { seededShuffle, deriveSeed } from './random';

export const QUIZ_LENGTH = 10;

export interface BankQuestion {
	id: string;
	type: string;
	objectiveId: string;
	/** ids of the source sentences the question cites: two questions on one sentence give each other away */
	citedSentences?: readonly string[];
	/** normalised correct answers (see `answerKeysOf`): two questions with one answer give each other away */
	answerKeys?: readonly string[];
}

/** `sourceId#sentenceId` of every citation. */
export function citedSentencesOf(citations: unknown): string[] {
	if (!Array.isArray(citations)) return [];
	return (citations as Partial<Citation>[])
		.filter((c) => typeof c?.sourceId === 'string' && typeof c?.sentenceId === 'string')
		.map((c) => `${c.sourceId}#${c.sentenceId}`);
}

/**
 * The answers a learner could carry from one question to another: the correct option's text, the
 * accepted words, the number. True/false and ordering answers are not words to copy, so none.
 */
export function answerKeysOf(prompt: QuestionPrompt, answer: QuestionAnswer): string[] {
	const keys: string[] = [];
	if ((answer.type === 'multiple_choice' || answer.type === 'attribution') && (prompt.type === 'multiple_choice' || prompt.type === 'attribution')) {
		const option = prompt.options.find((o) => o.id === answer.correctOptionId);
		if (option) keys.push(normaliseAnswer(option.text));
	} else if (answer.type === 'fill_blank') {
		keys.push(...answer.accepted.map(normaliseAnswer));
	} else if (answer.type === 'numeric') {
		keys.push(normaliseAnswer(String(answer.value)));
	}
	return [...new Set(keys.filter((k) => k !== ''))];
}

/**
 * Picks `count` questions (fewer if the bank is smaller) so that objectives and types are spread as
 * evenly as the bank allows, then shuffles their order. Deterministic for a given seed. No two
 * picked questions cite the same source sentence, and none share an answer unless both are choice
 * questions and the quiz would otherwise be short; so one question never gives another away, and
 * when the bank cannot fill the quiz without that, the quiz is shorter.
 */
export function drawQuestions<Q extends BankQuestion>(bank: readonly Q[], seed: number, count = QUIZ_LENGTH): Q[] {
	// sort first so the draw depends on the bank's content, not the order the database returned it in
	const sorted = bank.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const shuffled = seededShuffle(sorted, deriveSeed(seed, 'draw'));
	const perObjective = new Map<string, number>();
	const perType = new Map<string, number>();
	const chosen: Q[] = [];
	// first every clash rules a question out; if that leaves the quiz short, two choice questions
	// may share a correct answer (each shows it among its options anyway), never a sentence, and
	// never a typed answer that a choice question's options would give away
	for (const relaxed of [false, true]) {
		let remaining = shuffled.filter((q) => !chosen.includes(q) && !chosen.some((c) => clash(q, c, relaxed)));
		while (chosen.length < count && remaining.length > 0) {
			// the least-covered objective first, then the least-used type, then the question ruling
			// out fewest others (a longer quiz); ties keep the shuffled order
			const cost = remaining.map((q) => coverage(q, perObjective, perType) + remaining.filter((o) => o !== q && clash(q, o, relaxed)).length);
			let best = 0;
			for (let i = 1; i < remaining.length; i++) if (cost[i] < cost[best]) best = i;
			const [question] = remaining.splice(best, 1);
			perObjective.set(question.objectiveId, (perObjective.get(question.objectiveId) ?? 0) + 1);
			perType.set(question.type, (perType.get(question.type) ?? 0) + 1);
			chosen.push(question);
			remaining = remaining.filter((q) => !clash(q, question, relaxed));
		}
	}
	return seededShuffle(chosen, deriveSeed(seed, 'order'));
}

const CHOICE_TYPES = new Set(['multiple_choice', 'attribution']);

/** True when the two questions give each other away: one cited sentence, or one answer. */
function clash(a: BankQuestion, b: BankQuestion, relaxed: boolean): boolean {
	if ((a.citedSentences ?? []).some((s) => (b.citedSentences ?? []).includes(s))) return true;
	if (relaxed && CHOICE_TYPES.has(a.type) && CHOICE_TYPES.has(b.type)) return false;
	return (a.answerKeys ?? []).some((k) => (b.answerKeys ?? []).includes(k));
}

function coverage(question: BankQuestion, perObjective: Map<string, number>, perType: Map<string, number>): number {
	// objective coverage dominates; type variety breaks ties between equally covered objectives; the
	// overlap count (below 1,000) breaks the remaining ties
	return (perObjective.get(question.objectiveId) ?? 0) * 1_000_000 + (perType.get(question.type) ?? 0) * 1000;
}
