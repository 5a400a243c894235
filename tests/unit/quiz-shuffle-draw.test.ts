import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom, seededShuffle } from '../../src/lib/quiz/random';
import { drawQuestions, QUIZ_LENGTH } from '../../src/lib/quiz/draw';
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
