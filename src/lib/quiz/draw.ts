import { normaliseAnswer } from '../content/normalise';
import { contentWords, overlap } from '../content/question-filters';
import type { Citation, QuestionAnswer, QuestionPrompt } from '../content/question-types';
import { seededShuffle, deriveSeed } from './random';

export const QUIZ_LENGTH = 10;

export interface BankQuestion {
	id: string;
	type: string;
	objectiveId: string;
	/** ids of the source sentences the question cites: two questions on one sentence give each other away */
	citedSentences?: readonly string[];
	/** normalised correct answers (see `answerKeysOf`) */
	answerKeys?: readonly string[];
	/** normalised words the question shows besides its options (see `shownTextOf`): another's answer there gives it away */
	shownText?: string;
	/** normalised option texts: another typed answer among them gives it away */
	optionsText?: string;
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
 * accepted words, the number, the value a true/false statement turns on. Ordering answers are not
 * words to copy, so none.
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
	} else if (answer.type === 'true_false' && answer.fact) {
		// "… provided $24 million" is false to anyone shown "the Recovery Act's $40 million" elsewhere
		keys.push(normaliseAnswer(answer.fact));
	}
	return [...new Set(keys.filter((k) => k !== ''))];
}

/**
 * What a question shows before it is answered, in normal form and padded with spaces so that whole
 * words can be looked up: its stem, statement, claim and items, and apart from those its options.
 */
export function shownTextOf(prompt: QuestionPrompt): { shownText: string; optionsText: string } {
	const shown = [prompt.stem];
	if (prompt.type === 'true_false') shown.push(prompt.statement);
	if (prompt.type === 'attribution') shown.push(prompt.claim);
	if (prompt.type === 'ordering') shown.push(...prompt.items.map((i) => i.text));
	const options = prompt.type === 'multiple_choice' || prompt.type === 'attribution' ? prompt.options.map((o) => o.text) : [];
	// "the Recovery Act's $40 million" shows "Recovery Act"
	const pad = (texts: string[]) => (texts.length ? ` ${texts.map((t) => normaliseAnswer(t.replace(/[’']s\b/g, ''))).join(' | ')} ` : '');
	return { shownText: pad(shown), optionsText: pad(options) };
}

/** Greedy passes tried per draw before an exact search: they spread objectives and types best. */
const DRAW_ROUNDS = 24;
/** Branches an exact search may visit; lesson banks (20 or so items) need a few thousand. */
const SEARCH_BUDGET = 200_000;

/**
 * Picks `count` questions (fewer if the bank cannot give that many without give-aways), spreading
 * objectives and types as evenly as the bank allows, then shuffles their order. Deterministic for a
 * given seed. No two picked questions cite the same source sentence, none shows another's answer,
 * and none share an answer unless the quiz would otherwise be short. Every draw from one bank has
 * the same length (`quizLength`), so a lesson's quiz always has the same number of questions.
 *
 * `askedBefore` (sentence key → times the learner was asked it) makes a retake prefer sentences the
 * learner has not been asked, then those asked least, before spreading objectives and types; it
 * never shortens the quiz nor lets a give-away in.
 */
export function drawQuestions<Q extends BankQuestion>(
	bank: readonly Q[],
	seed: number,
	count = QUIZ_LENGTH,
	askedBefore: ReadonlyMap<string, number> = new Map()
): Q[] {
	// sort first so the draw depends on the bank's content, not the order the database returned it in
	const sorted = sortById(bank);
	const clashes = clashTable(sorted);
	const target = quizLength(sorted, count, clashes);
	const staleness = (q: BankQuestion) => (q.citedSentences ?? []).reduce((sum, s) => sum + (askedBefore.get(s) ?? 0), 0);
	const totalStaleness = (quiz: readonly Q[]) => quiz.reduce((sum, q) => sum + staleness(q), 0);
	let best: Q[] = [];
	let bestStale = Infinity;
	// with a history, every round is tried: a later one may find a quiz of the same length with fresher sentences
	for (let round = 0; (best.length < target || (askedBefore.size > 0 && bestStale > 0)) && round < DRAW_ROUNDS; round++) {
		const picked = greedyDraw(seededShuffle(sorted, deriveSeed(seed, `draw-${round}`)), clashes, count, round % 2 === 1, staleness);
		const stale = totalStaleness(picked);
		if (picked.length > best.length || (picked.length === best.length && stale < bestStale)) {
			best = picked;
			bestStale = stale;
		}
	}
	// greedy passes can miss the longest quiz in a tangle of give-aways: an exact search finds it
	// (fresh sentences first, so of the longest quizzes it finds one that prefers them)
	if (best.length < target) {
		const shuffled = seededShuffle(sorted, deriveSeed(seed, 'search'));
		const freshFirst = shuffled.map((q, i) => ({ q, i, s: staleness(q) })).sort((a, b) => a.s - b.s || a.i - b.i).map((e) => e.q);
		const found = largestQuiz(freshFirst, clashes, target).chosen;
		if (found.length > best.length) best = found;
	}
	return seededShuffle(best, deriveSeed(seed, 'order'));
}

/** Lengths already found, by bank content: the quiz page asks on every view, each start asks again. */
const lengthsFound = new Map<string, number>();

/**
 * The number of questions every quiz from this bank gets: `count`, or the most the bank allows
 * without give-aways (found by exhaustive search; by greedy passes if the search runs out of budget).
 */
export function quizLength(bank: readonly BankQuestion[], count = QUIZ_LENGTH, table?: ClashTable): number {
	const sorted = sortById(bank);
	const key = JSON.stringify([count, ...bankKey(sorted)]);
	const known = lengthsFound.get(key);
	if (known !== undefined) return known;
	const clashes = table ?? clashTable(sorted);
	const { chosen, complete } = largestQuiz(sorted, clashes, count);
	let longest = chosen.length;
	for (let round = 0; !complete && longest < count && round < DRAW_ROUNDS; round++) {
		longest = Math.max(longest, greedyDraw(seededShuffle(sorted, deriveSeed(0, `length-${round}`)), clashes, count, round % 2 === 1).length);
	}
	// a handful of lessons, each with a version or two of its bank
	if (lengthsFound.size >= 256) lengthsFound.clear();
	lengthsFound.set(key, longest);
	return longest;
}

function sortById<Q extends BankQuestion>(bank: readonly Q[]): Q[] {
	return bank.slice().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function bankKey(sorted: readonly BankQuestion[]): unknown[] {
	return sorted.map((q) => [q.id, q.type, q.citedSentences, q.answerKeys, q.shownText, q.optionsText]);
}

type ClashTable = (a: BankQuestion, b: BankQuestion, relaxed: boolean) => boolean;

/** Clashes already worked out, by bank content: comparing two stems' words is the costly part. */
const tablesMade = new Map<string, { ids: Map<string, number>; relaxed: boolean[][]; strict: boolean[][] }>();

/** Every pair's clash worked out once per bank: the passes and the search ask about each pair many times. */
function clashTable(bank: readonly BankQuestion[]): ClashTable {
	const key = JSON.stringify(bankKey(bank));
	let table = tablesMade.get(key);
	if (!table) {
		const rare = rareWords(bank);
		const relaxed = bank.map((a) => bank.map((b) => a !== b && clash(a, b, true, rare)));
		const strict = bank.map((a, i) => bank.map((b, j) => relaxed[i][j] || (a !== b && clash(a, b, false, rare))));
		table = { ids: new Map(bank.map((q, i) => [q.id, i])), relaxed, strict };
		if (tablesMade.size >= 64) tablesMade.clear();
		tablesMade.set(key, table);
	}
	const { ids, relaxed, strict } = table;
	return (a, b, isRelaxed) => (isRelaxed ? relaxed : strict)[ids.get(a.id)!][ids.get(b.id)!];
}

/**
 * Branch and bound over the bank in the given order: the first largest set (up to `limit`) of
 * questions none of which clash (shared answers allowed). `complete` is false when the budget ran
 * out before the search could prove no larger set exists.
 */
function largestQuiz<Q extends BankQuestion>(ordered: readonly Q[], clashes: ClashTable, limit: number): { chosen: Q[]; complete: boolean } {
	let best: number[] = [];
	let visited = 0;
	const search = (candidates: number[], chosen: number[]): void => {
		if (++visited > SEARCH_BUDGET) return;
		if (chosen.length > best.length) best = chosen;
		if (best.length >= limit || candidates.length === 0 || chosen.length + candidates.length <= best.length) return;
		const [next, ...rest] = candidates;
		search(rest.filter((other) => !clashes(ordered[next], ordered[other], true)), [...chosen, next]);
		search(rest, chosen);
	};
	search(ordered.map((_, i) => i), []);
	return { chosen: best.map((i) => ordered[i]), complete: visited <= SEARCH_BUDGET };
}

/**
 * One greedy pass over a shuffled bank. Spread first: the question on sentences asked least before,
 * then the least-covered objective, then the least-used type, then the question ruling out fewest
 * others. Length first (`lengthFirst`): the question ruling out fewest others, then the same order.
 * Ties keep the shuffled order.
 */
function greedyDraw<Q extends BankQuestion>(
	shuffled: readonly Q[],
	clashes: ClashTable,
	count: number,
	lengthFirst: boolean,
	staleness: (q: BankQuestion) => number = () => 0
): Q[] {
	const perObjective = new Map<string, number>();
	const perType = new Map<string, number>();
	const chosen: Q[] = [];
	// first every shared answer rules a question out too; if that leaves the quiz short, two choice
	// questions may share a name (each lists it among its options anyway)
	for (const relaxed of [false, true]) {
		let remaining = shuffled.filter((q) => !chosen.includes(q) && !chosen.some((c) => clashes(q, c, relaxed)));
		while (chosen.length < count && remaining.length > 0) {
			const cost = remaining.map((q) => {
				const ruledOut = remaining.filter((o) => o !== q && clashes(q, o, relaxed)).length;
				// a sentence the learner was asked before weighs more than any spread of objectives or types
				const stale = staleness(q) * 1e9;
				return lengthFirst ? ruledOut * 1e12 + stale + coverage(q, perObjective, perType) : stale + coverage(q, perObjective, perType) + ruledOut;
			});
			let best = 0;
			for (let i = 1; i < remaining.length; i++) if (cost[i] < cost[best]) best = i;
			const [question] = remaining.splice(best, 1);
			perObjective.set(question.objectiveId, (perObjective.get(question.objectiveId) ?? 0) + 1);
			perType.set(question.type, (perType.get(question.type) ?? 0) + 1);
			chosen.push(question);
			remaining = remaining.filter((q) => !clashes(q, question, relaxed));
		}
	}
	return chosen;
}

const CHOICE_TYPES = new Set(['multiple_choice', 'attribution']);

/**
 * True when the two questions give each other away (one cited sentence, or one shows the other's
 * answer), or, before the quiz needs it, when they share an answer.
 */
function clash(a: BankQuestion, b: BankQuestion, relaxed: boolean, rare: ReadonlySet<string>): boolean {
	if ((a.citedSentences ?? []).some((s) => (b.citedSentences ?? []).includes(s))) return true;
	if (givesAway(a, b, rare) || givesAway(b, a, rare)) return true;
	const shared = (a.answerKeys ?? []).filter((k) => (b.answerKeys ?? []).includes(k));
	if (shared.length === 0) return false;
	// a short quiz may have two choice questions with one name as answer (each lists it among its
	// options anyway); never one count, year or amount twice, nor one typed answer twice: those
	// are one fact asked twice
	return !(relaxed && CHOICE_TYPES.has(a.type) && CHOICE_TYPES.has(b.type) && shared.every((k) => !/\d/.test(k)));
}

/**
 * `shown` gives `asked` away when its stem, statement, claim or items hold `asked`'s answer; its
 * options do too unless `asked` is a choice question itself (which lists its answer anyway).
 */
function givesAway(shown: BankQuestion, asked: BankQuestion, rare: ReadonlySet<string>): boolean {
	const choice = CHOICE_TYPES.has(asked.type);
	return (asked.answerKeys ?? []).some((k) => {
		const inStem = Boolean(shown.shownText?.includes(` ${k} `));
		if (!choice) return inStem || Boolean(shown.optionsText?.includes(` ${k} `));
		// a choice question lists its answer among others: a count or year seen elsewhere gives it
		// away; a name ("ATF") only where the other stem is about the same thing: much of it in
		// common, or a word few stems use, or a figure ("$40 million" beside "the Recovery Act's
		// $40 million", "put the FBI in charge" beside "the lead role to the _____")
		if (!inStem) return false;
		if (/\d/.test(k)) return true;
		const askedText = (asked.shownText ?? '').replace(` ${k} `, ' ');
		if (overlap(askedText, shown.shownText ?? '') >= SAME_TOPIC_OVERLAP) return true;
		const own = new Set(k.split(' '));
		const shownWords = new Set(topicWords(shown.shownText ?? ''));
		return topicWords(askedText).some((w) => !own.has(w) && shownWords.has(w) && (rare.has(w) || /\d/.test(w)));
	});
}

/** Share of one stem's content words another stem uses, from which the two are about one thing. */
const SAME_TOPIC_OVERLAP = 0.3;

/** The words of a question's own wording ("Which organisation completes this statement?") say nothing of its topic. */
const INSTRUCTION_WORDS = new Set(
	'which completes statement fill blank name number goes true false according sources made claim choose fills events order earliest first organisation person country city year amount program operation kind weapon group people fiscal percentage law'.split(' ')
);

function topicWords(text: string): string[] {
	return contentWords(text).filter((w) => !INSTRUCTION_WORDS.has(w));
}

/** Words at most two of the bank's questions show: shared by two stems, they name one topic. */
function rareWords(bank: readonly BankQuestion[]): Set<string> {
	const stems = new Map<string, number>();
	for (const q of bank) for (const w of new Set(topicWords(q.shownText ?? ''))) stems.set(w, (stems.get(w) ?? 0) + 1);
	return new Set([...stems].filter(([, n]) => n <= 2).map(([w]) => w));
}

/** Within `bank`, whether two questions may not go in one quiz: one sentence, or one shows the other's answer. */
export function clashesWithin(bank: readonly BankQuestion[]): (a: BankQuestion, b: BankQuestion) => boolean {
	const table = clashTable(sortById(bank));
	return (a, b) => table(a, b, true);
}

function coverage(question: BankQuestion, perObjective: Map<string, number>, perType: Map<string, number>): number {
	// objective coverage dominates; type variety breaks ties between equally covered objectives; the
	// overlap count (below 1,000) breaks the remaining ties
	return (perObjective.get(question.objectiveId) ?? 0) * 1_000_000 + (perType.get(question.type) ?? 0) * 1000;
}
