import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom, seededShuffle } from '../../src/lib/quiz/random';
import path from 'node:path';
import { answerKeysOf, citedSentencesOf, drawQuestions, QUIZ_LENGTH, type BankQuestion } from '../../src/lib/quiz/draw';
import { generateContent } from '../../src/lib/content/generate';
import { readSourceFiles } from '../../src/lib/server/db/sources-sync';
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
	const choice: QuestionPrompt = {
		type: 'multiple_choice',
		stem: 'Which agency ran Project Gunrunner?',
		options: letters.slice(0, 4).map((id) => ({ id, text: id.toUpperCase() }))
	};

	it('shuffles options by attempt seed and position, keeping every option', () => {
		const shown = presentPrompt(choice, 10, 1);
		expect(presentPrompt(choice, 10, 1)).toEqual(shown);
		if (shown.type !== 'multiple_choice') throw new Error('type changed');
		expect(shown.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
		const orders = new Set(Array.from({ length: 12 }, (_, p) => JSON.stringify(presentPrompt(choice, 10, p))));
		expect(orders.size).toBeGreaterThan(5);
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
			const shown = presentPrompt(ordering, seed, 1, { type: 'ordering', order: ['x', 'y'] });
			if (shown.type !== 'ordering') throw new Error('type changed');
			expect(shown.items.map((i) => i.id)).toEqual(['y', 'x']);
		}
	});

	it('leaves true/false, fill-in and numeric prompts as they are', () => {
		const prompt: QuestionPrompt = { type: 'numeric', stem: 'How many guns?', unit: 'guns' };
		expect(presentPrompt(prompt, 3, 2)).toEqual(prompt);
	});
});

describe('keeping questions that give each other away apart', () => {
	it('draws at most one question per cited sentence and never two typed answers that are the same', () => {
		// 30 questions over 12 sentences; answers repeat every 7 questions
		const questions = Array.from({ length: 30 }, (_, i) => ({
			id: `q${i}`,
			objectiveId: `o${i % 3}`,
			type: ['fill_blank', 'numeric'][i % 2],
			citedSentences: [`src#s${i % 12}`],
			answerKeys: [`answer ${i % 7}`]
		}));
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const drawn = drawQuestions(questions, seed);
			expect(drawn.length).toBe(7);
			expect(new Set(drawn.flatMap((q) => q.citedSentences)).size).toBe(drawn.length);
			expect(new Set(drawn.flatMap((q) => q.answerKeys)).size).toBe(drawn.length);
		}
	});

	it('lets two choice questions share an answer only to fill a quiz, never a choice and a typed answer', () => {
		const q = (id: string, type: string, sentence: string, answer: string) => ({ id, objectiveId: 'o', type, citedSentences: [sentence], answerKeys: [answer] });
		const whoSaid = [1, 2, 3].map((n) => q(`who${n}`, 'attribution', `s${n}`, 'atf'));
		const country = [q('fill-country', 'fill_blank', 's4', 'colombia'), q('mc-country', 'multiple_choice', 's5', 'colombia')];
		for (const seed of [1, 2, 3, 4, 5]) {
			// enough other questions: no answer is shared
			const others = [6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => q(`other${n}`, 'true_false', `s${n}`, `answer ${n}`));
			const full = drawQuestions([...whoSaid, ...country, ...others], seed);
			expect(full.filter((d) => d.answerKeys[0] === 'atf')).toHaveLength(1);
			expect(full.filter((d) => d.answerKeys[0] === 'colombia')).toHaveLength(1);
			// too few: the three "who said it" questions all come in, but still only one "colombia"
			const short = drawQuestions([...whoSaid, ...country], seed);
			expect(short.filter((d) => d.answerKeys[0] === 'atf')).toHaveLength(3);
			expect(short.filter((d) => d.answerKeys[0] === 'colombia')).toHaveLength(1);
		}
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
		expect(citedSentencesOf([{ sourceId: 'a', sentenceId: 's1', start: 0, end: 1, text: '' }, { bad: true }])).toEqual(['a#s1']);
	});

	it('in every lesson of the real generated bank, no attempt repeats a cited sentence or an answer (but between choice questions)', () => {
		const content = generateContent(readSourceFiles(path.resolve('src/sources')));
		const banks = new Map<string, (BankQuestion & { answerKeys: string[]; citedSentences: string[] })[]>();
		for (const q of content.questions) {
			const bank = banks.get(q.lessonId) ?? [];
			bank.push({ id: q.id, type: q.type, objectiveId: q.objectiveId, citedSentences: citedSentencesOf(q.citations), answerKeys: answerKeysOf(q.prompt, q.answer) });
			banks.set(q.lessonId, bank);
		}
		expect(banks.size).toBe(content.lessons.length);
		for (const [lessonId, bank] of banks) {
			// the bank itself has repeats, or this test would prove nothing
			expect(new Set(bank.flatMap((q) => q.citedSentences)).size, lessonId).toBeLessThan(bank.flatMap((q) => q.citedSentences).length);
			for (let seed = 0; seed < 40; seed++) {
				const drawn = drawQuestions(bank, seed);
				const sentences = drawn.flatMap((q) => q.citedSentences);
				expect(new Set(sentences).size, `${lessonId} seed ${seed}`).toBe(sentences.length);
				const choice = (q: (typeof bank)[number]) => q.type === 'multiple_choice' || q.type === 'attribution';
				const shareAnswer = (a: (typeof bank)[number], b: (typeof bank)[number]) => a.answerKeys.some((k) => b.answerKeys.includes(k));
				for (const a of drawn) {
					for (const b of drawn) {
						if (a !== b && shareAnswer(a, b)) expect(choice(a) && choice(b), `${lessonId} seed ${seed}: ${a.id} and ${b.id}`).toBe(true);
					}
				}
				// a short quiz is only as short as the bank forces: every question left out would give one away
				if (drawn.length < QUIZ_LENGTH) {
					const left = bank.filter((q) => !drawn.includes(q));
					const clashes = (q: (typeof bank)[number]) =>
						q.citedSentences.some((x) => sentences.includes(x)) || drawn.some((d) => shareAnswer(q, d) && !(choice(q) && choice(d)));
					expect(left.filter((q) => !clashes(q)).map((q) => q.id), `${lessonId} seed ${seed}`).toEqual([]);
				}
				expect(drawn.length, lessonId).toBeGreaterThan(0);
			}
		}
	});
});
