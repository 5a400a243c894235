import { describe, expect, it } from 'vitest';
import { answerKeysOf, citedSentencesOf, clashesWithin, drawQuestions, quizLength, shownTextOf, type BankQuestion } from '../../src/lib/quiz/draw';
import { seedContent } from '../helpers/seed-content';

/** Retakes prefer sentences the learner has not been asked, without giving up length or give-away rules. */

function asked(quizzes: readonly (readonly BankQuestion[])[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const quiz of quizzes) for (const q of quiz) for (const s of q.citedSentences ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
	return counts;
}

describe('a retake prefers sentences not asked before', () => {
	it('draws a fresh quiz when the bank has enough sentences the learner has not seen', () => {
		// 24 questions on 24 sentences: a first quiz of ten leaves fourteen unseen
		const bank = Array.from({ length: 24 }, (_, i) => ({ id: `q${i}`, objectiveId: `o${i % 3}`, type: ['multiple_choice', 'true_false', 'fill_blank'][i % 3], citedSentences: [`src#s${i}`], answerKeys: [`a${i}`] }));
		for (const seed of [1, 2, 3, 4, 5]) {
			const first = drawQuestions(bank, seed);
			const retake = drawQuestions(bank, seed + 100, undefined, asked([first]));
			expect(retake).toHaveLength(first.length);
			expect(retake.filter((q) => first.includes(q))).toEqual([]);
			// without the history the same seed reuses some of them (or the test would prove nothing)
			const firstIds = new Set(first.map((q) => q.id));
			const unaware = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => drawQuestions(bank, s + 100).filter((q) => firstIds.has(q.id)).length);
			expect(Math.max(...unaware)).toBeGreaterThan(0);
		}
	});

	it('reuses only as many sentences as the quiz length needs, those asked least first', () => {
		// 14 sentences, quiz of ten: a retake takes the four unseen and reuses six; a third attempt
		// takes the sentences asked once before those asked twice
		const bank = Array.from({ length: 14 }, (_, i) => ({ id: `q${i}`, objectiveId: `o${i % 2}`, type: 'true_false', citedSentences: [`s${i}`], answerKeys: [`a${i}`] }));
		for (const seed of [1, 2, 3, 4, 5, 6]) {
			const first = drawQuestions(bank, seed);
			expect(first).toHaveLength(10);
			const second = drawQuestions(bank, seed + 50, undefined, asked([first]));
			expect(second).toHaveLength(10);
			expect(second.filter((q) => !first.includes(q))).toHaveLength(4);
			const history = asked([first, second]);
			const third = drawQuestions(bank, seed + 90, undefined, history);
			const times = (q: BankQuestion) => history.get(q.citedSentences![0]) ?? 0;
			const leastPossible = bank.map(times).sort((a, b) => a - b).slice(0, 10).reduce((a, b) => a + b, 0);
			expect(third.reduce((n, q) => n + times(q), 0)).toBe(leastPossible);
		}
	});

	it('keeps the fixed length and every give-away rule on the real bank, and uses fewer repeated sentences than a draw without history', () => {
		const content = seedContent();
		const banks = new Map<string, (BankQuestion & { citedSentences: string[] })[]>();
		for (const q of content.questions) {
			const bank = banks.get(q.lessonId) ?? [];
			bank.push({ id: q.id, type: q.type, objectiveId: q.objectiveId, citedSentences: citedSentencesOf(q.citations), answerKeys: answerKeysOf(q.prompt, q.answer), ...shownTextOf(q.prompt) });
			banks.set(q.lessonId, bank);
		}
		let reusedWith = 0;
		let reusedWithout = 0;
		for (const [lessonId, bank] of banks) {
			const length = quizLength(bank);
			const clashes = clashesWithin(bank);
			for (let seed = 0; seed < 10; seed++) {
				const first = drawQuestions(bank, seed);
				const history = asked([first]);
				const firstSentences = new Set(first.flatMap((q) => q.citedSentences));
				const retake = drawQuestions(bank, seed + 1000, undefined, history);
				expect(retake.length, `${lessonId} seed ${seed}`).toBe(length);
				for (const a of retake) for (const b of retake) if (a !== b) expect(clashes(a, b), `${lessonId}: ${a.id} and ${b.id}`).toBe(false);
				reusedWith += retake.flatMap((q) => q.citedSentences).filter((s) => firstSentences.has(s)).length;
				reusedWithout += drawQuestions(bank, seed + 1000).flatMap((q) => q.citedSentences).filter((s) => firstSentences.has(s)).length;
			}
		}
		expect(reusedWith).toBeLessThan(reusedWithout);
	});
});
