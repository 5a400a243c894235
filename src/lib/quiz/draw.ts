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
 * picked questions cite the same source sentence or share an answer, so one question never gives
 * another away; when the bank cannot fill the quiz without that, the quiz is shorter.
 */
export function drawQuestions<Q extends BankQuestion>(bank: readonly Q[], seed: number, count = QUIZ_LENGTH): Q[] {
	// sort first so the draw depends on the bank's content, not the order the database returned it in
	const sorted = bank.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	let remaining = seededShuffle(sorted, deriveSeed(seed, 'draw'));
	const perObjective = new Map<string, number>();
	const perType = new Map<string, number>();
	const usedSentences = new Set<string>();
	const usedAnswers = new Set<string>();
	const chosen: Q[] = [];
	while (chosen.length < count && remaining.length > 0) {
		// the least-covered objective first, then the least-used type, then the question ruling out
		// fewest others (a longer quiz); ties keep the shuffled order
		const cost = remaining.map((q) => coverage(q, perObjective, perType) + overlaps(q, remaining));
		let best = 0;
		for (let i = 1; i < remaining.length; i++) if (cost[i] < cost[best]) best = i;
		const [question] = remaining.splice(best, 1);
		perObjective.set(question.objectiveId, (perObjective.get(question.objectiveId) ?? 0) + 1);
		perType.set(question.type, (perType.get(question.type) ?? 0) + 1);
		chosen.push(question);
		for (const s of question.citedSentences ?? []) usedSentences.add(s);
		for (const a of question.answerKeys ?? []) usedAnswers.add(a);
		remaining = remaining.filter(
			(q) => !(q.citedSentences ?? []).some((s) => usedSentences.has(s)) && !(q.answerKeys ?? []).some((a) => usedAnswers.has(a))
		);
	}
	return seededShuffle(chosen, deriveSeed(seed, 'order'));
}

/** How many other candidates a question would rule out: fewer means a longer quiz. */
function overlaps(question: BankQuestion, candidates: readonly BankQuestion[]): number {
	const sentences = new Set(question.citedSentences ?? []);
	const answers = new Set(question.answerKeys ?? []);
	if (sentences.size === 0 && answers.size === 0) return 0;
	let n = 0;
	for (const q of candidates) {
		if (q !== question && ((q.citedSentences ?? []).some((s) => sentences.has(s)) || (q.answerKeys ?? []).some((a) => answers.has(a)))) n++;
	}
	return n;
}

function coverage(question: BankQuestion, perObjective: Map<string, number>, perType: Map<string, number>): number {
	// objective coverage dominates; type variety breaks ties between equally covered objectives; the
	// overlap count (below 1,000) breaks the remaining ties
	return (perObjective.get(question.objectiveId) ?? 0) * 1_000_000 + (perType.get(question.type) ?? 0) * 1000;
}
