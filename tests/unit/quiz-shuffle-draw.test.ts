import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom, seededShuffle } from '../../src/lib/quiz/random';
import path from 'node:path';
import { answerKeysOf, citedSentencesOf, drawQuestions, clashesWithin, quizLength, shownTextOf, QUIZ_LENGTH, type BankQuestion } from '../../src/lib/quiz/draw';
import { seedContent } from '../helpers/seed-content';
import { presentPrompt } from '../../src/lib/quiz/present';
import type { QuestionPrompt } from '../../src/lib/content/question-types';

const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('seeded shuffling', () => {
	it('gives the same order for the same seed and a permutation of the input', () => {
		const first = seededShuffle(letters, 42);
		expect(seededShuffle(letters, 42)).toEqual(first);
		expect(first.slice().sort()).toEqual(letters);
		expect(letters).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
	});

	it('gives different orders for different seeds', () => {
		const orders = new Set(Array.from({ length: 20 }, (_, seed) => seededShuffle(letters, seed).join('')));
		expect(orders.size).toBeGreaterThan(15);
	});

	it('produces numbers in [0, 1) spread over the range', () => {
		const random = seededRandom(7);
		const values = Array.from({ length: 10_000 }, random);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		const lowHalf = values.filter((v) => v < 0.5).length;
		expect(lowHalf).toBeGreaterThan(4_700);
		expect(lowHalf).toBeLessThan(5_300);
	});

	it('derives independent seeds per part', () => {
		expect(deriveSeed(1, 'question-1')).toBe(deriveSeed(1, 'question-1'));
		expect(deriveSeed(1, 'question-1')).not.toBe(deriveSeed(1, 'question-2'));
		expect(deriveSeed(1, 'question-1')).not.toBe(deriveSeed(2, 'question-1'));
	});
});

function bank(objectives: number, perObjective: number) {
	const types = ['multiple_choice', 'true_false', 'fill_blank', 'numeric', 'ordering', 'attribution'];
	const questions = [];
	for (let o = 0; o < objectives; o++) {
		for (let q = 0; q < perObjective; q++) {
			questions.push({ id: `o${o}-q${q}`, objectiveId: `o${o}`, type: types[(o + q) % types.length] });
		}
	}
	return questions;
}

describe('drawing a quiz', () => {
	it('draws ten distinct questions from a larger bank, the same for the same seed', () => {
		const questions = bank(4, 8);
		const drawn = drawQuestions(questions, 99);
		expect(drawn).toHaveLength(QUIZ_LENGTH);
		expect(new Set(drawn.map((q) => q.id)).size).toBe(QUIZ_LENGTH);
		expect(drawQuestions(questions, 99)).toEqual(drawn);
		expect(drawQuestions(questions.slice().reverse(), 99).map((q) => q.id)).toEqual(drawn.map((q) => q.id));
	});

	it('draws all questions, reordered, when the bank has fewer than ten', () => {
		const questions = bank(2, 3);
		const drawn = drawQuestions(questions, 5);
		expect(drawn.map((q) => q.id).sort()).toEqual(questions.map((q) => q.id).sort());
	});

	it('spreads the draw across objectives and types', () => {
		const questions = bank(5, 8);
		for (const seed of [1, 2, 3, 4, 5]) {
			const drawn = drawQuestions(questions, seed);
			const perObjective = new Map<string, number>();
			for (const q of drawn) perObjective.set(q.objectiveId, (perObjective.get(q.objectiveId) ?? 0) + 1);
			expect([...perObjective.values()]).toEqual([2, 2, 2, 2, 2]);
			expect(new Set(drawn.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
		}
	});

	it('varies which questions are drawn between seeds', () => {
		const questions = bank(2, 20);
		const draws = new Set([1, 2, 3, 4].map((seed) => drawQuestions(questions, seed).map((q) => q.id).sort().join()));
		expect(draws.size).toBe(4);
	});
});

describe('presenting a prompt for an attempt', () => {
	const KEY = new Uint8Array(32).fill(7);
	const choice: QuestionPrompt = {
		type: 'multiple_choice',
		stem: 'Which agency ran Project Gunrunner?',
		options: letters.slice(0, 4).map((id) => ({ id, text: id.toUpperCase() }))
	};

	it('shuffles options by attempt seed and position, keeping every option', () => {
		const shown = presentPrompt(choice, 10, 1, KEY);
		expect(presentPrompt(choice, 10, 1, KEY)).toEqual(shown);
		if (shown.type !== 'multiple_choice') throw new Error('type changed');
		expect(shown.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
		const orders = new Set(Array.from({ length: 12 }, (_, p) => JSON.stringify(presentPrompt(choice, 10, p, KEY))));
		expect(orders.size).toBeGreaterThan(5);
	});

	it('orders options by the installation key too: the same seed under another key gives other orders', () => {
		const other = new Uint8Array(32).fill(8);
		const orders = (key: Uint8Array) => Array.from({ length: 12 }, (_, p) => JSON.stringify(presentPrompt(choice, 10, p, key))).join('|');
		expect(orders(KEY)).toBe(orders(KEY));
		expect(orders(other)).not.toBe(orders(KEY));
	});

	it('never shows an ordering question already in the right order', () => {
		const ordering: QuestionPrompt = {
			type: 'ordering',
			stem: 'Put these in order',
			items: [
				{ id: 'x', text: 'X' },
				{ id: 'y', text: 'Y' }
			]
		};
		for (let seed = 0; seed < 30; seed++) {
			const shown = presentPrompt(ordering, seed, 1, KEY, { type: 'ordering', order: ['x', 'y'] });
			if (shown.type !== 'ordering') throw new Error('type changed');
			expect(shown.items.map((i) => i.id)).toEqual(['y', 'x']);
		}
	});

	it('leaves true/false, fill-in and numeric prompts as they are', () => {
		const prompt: QuestionPrompt = { type: 'numeric', stem: 'How many guns?', unit: 'guns' };
		expect(presentPrompt(prompt, 3, 2, KEY)).toEqual(prompt);
	});
});

describe('keeping questions that give each other away apart', () => {
	it('draws at most one question per cited sentence; a short quiz may repeat a name between choice questions, never a typed answer or a number', () => {
		// 30 questions over 12 sentences; answers repeat every 7 questions
		const bank = (type: (i: number) => string, answer: (i: number) => string) =>
			Array.from({ length: 30 }, (_, i) => ({ id: `q${i}`, objectiveId: `o${i % 3}`, type: type(i), citedSentences: [`src#s${i % 12}`], answerKeys: [answer(i)] }));
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			// typed answers: one fact asked twice is never drawn, so 7 answers make a quiz of 7
			const typed = drawQuestions(bank((i) => ['fill_blank', 'numeric'][i % 2], (i) => `answer${i % 7}`), seed);
			expect(typed.length).toBe(7);
			expect(new Set(typed.flatMap((q) => q.answerKeys)).size).toBe(7);
			// choice questions with names: 12 sentences fill the quiz, some names twice
			const named = drawQuestions(bank((i) => ['multiple_choice', 'attribution'][i % 2], (i) => `name ${'abcdefg'[i % 7]}`), seed);
			expect(named.length).toBe(QUIZ_LENGTH);
			expect(new Set(named.flatMap((q) => q.citedSentences)).size).toBe(named.length);
			expect(new Set(named.flatMap((q) => q.answerKeys)).size).toBe(7);
			// choice questions with counts: the same count twice is one fact twice
			expect(drawQuestions(bank(() => 'multiple_choice', (i) => String(100 + (i % 7))), seed).length).toBe(7);
			// with enough distinct answers, none repeats
			const distinct = drawQuestions(bank(() => 'fill_blank', (i) => `answer${i}`), seed);
			expect(new Set(distinct.flatMap((q) => q.answerKeys)).size).toBe(QUIZ_LENGTH);
		}
	});

	it('treats a true/false statement as given away by a stem that shows the value it turns on', () => {
		const statement = { id: 'tf', objectiveId: 'o', type: 'true_false', citedSentences: ['s1'], answerKeys: answerKeysOf({ type: 'true_false', stem: 'True or false?', statement: 'The act provided $24 million.' }, { type: 'true_false', correct: false, fact: '$40 million' }), shownText: ' the act provided $24 million ' };
		const shows = { id: 'mc', objectiveId: 'o', type: 'multiple_choice', citedSentences: ['s2'], answerKeys: ['$10 million'], shownText: " _____ of the recovery act s $40 million went to the batf " };
		expect(statement.answerKeys).toEqual(['$40 million']);
		for (const seed of [1, 2, 3]) expect(drawQuestions([statement, shows], seed)).toHaveLength(1);
	});

	it('never draws a question beside one that shows its answer, nor a typed answer beside a choice that lists it', () => {
		const q = (id: string, type: string, sentence: string, answer: string, shown: string, options = '') => ({
			id, objectiveId: 'o', type, citedSentences: [sentence], answerKeys: [answer], shownText: ` ${shown} `, optionsText: options ? ` ${options} ` : ''
		});
		const typed = q('typed-etrace', 'fill_blank', 's1', 'etrace', '_____ gives access to trace results');
		// its stem names eTrace: taking both would give the typed answer away
		const showsIt = q('year-etrace', 'multiple_choice', 's2', '2009', 'in december _____ the atf deployed etrace', '2008 | 2009 | 2010 | 2011');
		// lists "etrace" among its options
		const listsIt = q('which-program', 'multiple_choice', 's3', 'border liaison program', 'atf could better implement its _____', 'etrace | border liaison program | fast and furious | wide receiver');
		// the same count seen in another stem gives a choice question away too
		const sameCount = q('count-195', 'multiple_choice', 's4', '195', '_____ were recovered in mexico', '195 | 100 | 390 | 50');
		const showsCount = q('tf-195', 'true_false', 's5', 'x', '372 were recovered in the united states and 195 in mexico');
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const drawn = drawQuestions([typed, showsIt, listsIt, sameCount, showsCount], seed).map((d) => d.id);
			expect(drawn.length).toBe(3);
			if (drawn.includes('typed-etrace')) {
				expect(drawn).not.toContain('year-etrace');
				expect(drawn).not.toContain('which-program');
			}
			expect(drawn.includes('count-195') && drawn.includes('tf-195')).toBe(false);
		}
	});

	it('counts a name as shown where another stem on the same topic names it: a word few stems use, or a figure', () => {
		const q = (id: string, type: string, answer: string, shown: string) => ({ id, objectiveId: 'o', type, citedSentences: [id], answerKeys: [answer], shownText: ` ${shown} `, optionsText: '' });
		const lead = q('lead', 'multiple_choice', 'fbi', 'the atf gave the lead in bombing cases to the _____');
		const scolded = q('scolded', 'multiple_choice', 'justice department', 'a top _____ official told the atf and the fbi to share bombing cases');
		const elsewhere = q('elsewhere', 'multiple_choice', 'dea', 'the _____ and the fbi trained officers in tijuana');
		const law = q('law', 'multiple_choice', 'recovery act', 'the _____ $40 million was slated for grants');
		const amount = q('amount', 'multiple_choice', '$10 million', '_____ of the recovery act $40 million went to the batf');
		const clashes = clashesWithin([lead, scolded, elsewhere, law, amount]);
		expect(clashes(lead, scolded)).toBe(true);
		expect(clashes(lead, elsewhere)).toBe(false);
		expect(clashes(law, amount)).toBe(true);
	});

	it('lets two choice questions share an answer to fill a quiz, even where other stems name it', () => {
		const q = (id: string, type: string, sentence: string, answer: string, shown = '') => ({ id, objectiveId: 'o', type, citedSentences: [sentence], answerKeys: [answer], shownText: ` ${shown} `, optionsText: ` ${answer} | other ` });
		// "ATF" is named in nearly every stem: a "who said it" question on another topic still lists it among others
		const topics = ['_____ trained mexican police officers in tijuana', '_____ opened tracing centers in colombia', '_____ deployed spanish software across central america'];
		const whoSaid = topics.map((topic, n) => q(`who${n}`, 'attribution', `s${n}`, 'atf', `${topic} ${'the atf was there'}`));
		for (const seed of [1, 2, 3, 4, 5]) {
			const others = [6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => q(`other${n}`, 'true_false', `s${n}`, `answer${n}`));
			expect(drawQuestions([...whoSaid, ...others], seed).filter((d) => d.answerKeys[0] === 'atf')).toHaveLength(1);
			expect(drawQuestions(whoSaid, seed)).toHaveLength(3);
		}
		// but a stem about the same thing that names it gives it away
		const runsIt = q('runs-it', 'multiple_choice', 's20', 'atf', 'project gunrunner is a project of the _____ to stem the flow of firearms');
		const commissioned = q('commissioned', 'numeric', 's21', '100', 'the atf has commissioned _____ special agents to project gunrunner to stem the flow of firearms');
		for (const seed of [1, 2, 3]) expect(drawQuestions([runsIt, commissioned], seed)).toHaveLength(1);
	});

	it('prefers questions that rule out fewer others, so the quiz stays as long as the bank allows', () => {
		// one question cites all four sentences; taking it would leave a quiz of one
		const wide = { id: 'a-wide', objectiveId: 'o', type: 'ordering', citedSentences: ['s1', 's2', 's3', 's4'], answerKeys: [] };
		const narrow = [1, 2, 3, 4].map((n) => ({ id: `b${n}`, objectiveId: 'o', type: 'true_false', citedSentences: [`s${n}`], answerKeys: [] }));
		for (const seed of [1, 2, 3, 4, 5]) expect(drawQuestions([wide, ...narrow], seed).map((q) => q.id).sort()).toEqual(['b1', 'b2', 'b3', 'b4']);
	});

	it('reads the answer a learner could carry over: option text, accepted words, the number; none for true/false and ordering', () => {
		const options = [{ id: 'x', text: 'The ATF.' }, { id: 'y', text: 'FBI' }];
		expect(answerKeysOf({ type: 'multiple_choice', stem: 's', options }, { type: 'multiple_choice', correctOptionId: 'x' })).toEqual(['atf']);
		expect(answerKeysOf({ type: 'fill_blank', stem: '_____' }, { type: 'fill_blank', accepted: ['eTrace', 'e-Trace', 'ETRACE'] })).toEqual(['etrace', 'e trace']);
		expect(answerKeysOf({ type: 'numeric', stem: 's' }, { type: 'numeric', value: 2000, tolerance: 0 })).toEqual(['2000']);
		expect(answerKeysOf({ type: 'true_false', stem: 's', statement: 't' }, { type: 'true_false', correct: true })).toEqual([]);
		expect(answerKeysOf({ type: 'true_false', stem: 's', statement: 't' }, { type: 'true_false', correct: true, fact: '2,005' })).toEqual(['2005']);
		expect(citedSentencesOf([{ sourceId: 'a', sentenceId: 's1', start: 0, end: 1, text: '' }, { bad: true }])).toEqual(['a#s1']);
	});

	it('in every lesson of the real generated bank, every attempt has the same length and none repeats a sentence or shows an answer', () => {
		const content = seedContent();
		type Drawable = BankQuestion & { answerKeys: string[]; citedSentences: string[]; shownText: string; optionsText: string };
		const banks = new Map<string, Drawable[]>();
		for (const q of content.questions) {
			const bank = banks.get(q.lessonId) ?? [];
			bank.push({ id: q.id, type: q.type, objectiveId: q.objectiveId, citedSentences: citedSentencesOf(q.citations), answerKeys: answerKeysOf(q.prompt, q.answer), ...shownTextOf(q.prompt) });
			banks.set(q.lessonId, bank);
		}
		expect(banks.size).toBe(content.lessons.length);
		const lengths: number[] = [];
		for (const [lessonId, bank] of banks) {
			// the bank itself has repeats, or this test would prove nothing
			expect(new Set(bank.flatMap((q) => q.citedSentences)).size, lessonId).toBeLessThan(bank.flatMap((q) => q.citedSentences).length);
			const length = quizLength(bank);
			lengths.push(length);
			for (let seed = 0; seed < 40; seed++) {
				const drawn = drawQuestions(bank, seed);
				expect(drawn.length, `${lessonId} seed ${seed}`).toBe(length);
				const sentences = drawn.flatMap((q) => q.citedSentences);
				expect(new Set(sentences).size, `${lessonId} seed ${seed}`).toBe(sentences.length);
				// (the give-away rules themselves are tested on made-up banks above)
				const clashes = clashesWithin(bank);
				for (const a of drawn) for (const b of drawn) if (a !== b) expect(clashes(a, b), `${lessonId} seed ${seed}: ${a.id} and ${b.id}`).toBe(false);
			}
		}
		// the sources give every lesson a quiz of six or more, and the largest lesson ten
		expect(Math.min(...lengths)).toBeGreaterThanOrEqual(6);
		expect(lengths.filter((n) => n === QUIZ_LENGTH).length).toBeGreaterThanOrEqual(1);
		// and the greedy passes find the longest quiz there is: an exhaustive search finds no longer one
		for (const [lessonId, bank] of banks) expect(quizLength(bank), lessonId).toBe(Math.min(QUIZ_LENGTH, largestQuizWithoutGiveAways(bank)));
	});
});

/** The most questions of a bank (of at most 30) that can go in one quiz: branch and bound over every subset. */
function largestQuizWithoutGiveAways(bank: readonly BankQuestion[]): number {
	expect(bank.length).toBeLessThanOrEqual(30);
	const clashes = clashesWithin(bank);
	const conflicts = bank.map((a, i) => bank.reduce((mask, b, j) => (i !== j && clashes(a, b) ? mask | (1 << j) : mask), 0));
	const count = (mask: number) => {
		let n = 0;
		for (let m = mask; m; m &= m - 1) n++;
		return n;
	};
	let best = 0;
	const search = (candidates: number, size: number) => {
		best = Math.max(best, size);
		if (candidates === 0 || size + count(candidates) <= best) return;
		const i = 31 - Math.clz32(candidates & -candidates);
		search(candidates & ~(1 << i) & ~conflicts[i], size + 1);
		search(candidates & ~(1 << i), size);
	};
	search((1 << bank.length) - 1, 0);
	return best;
}
