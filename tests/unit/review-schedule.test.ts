import { describe, expect, it } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import {
	AWAY_MS,
	describeWhenDue,
	newCard,
	queueChangesFromQuiz,
	ratingFor,
	scheduleAnswer,
	slowPositions,
	SLOW_ANSWER_MS,
	type StoredCard
} from '../../src/lib/quiz/review-schedule';

const now = new Date('2026-03-02T09:00:00Z');
const minutes = (n: number) => n * 60_000;
const at = (ms: number) => new Date(now.getTime() + ms);

describe('review scheduling with FSRS', () => {
	it('rates a wrong answer Again, a slow right one Hard, a right one Good', () => {
		expect(ratingFor(false)).toBe(Rating.Again);
		expect(ratingFor(false, true)).toBe(Rating.Again);
		expect(ratingFor(true, true)).toBe(Rating.Hard);
		expect(ratingFor(true)).toBe(Rating.Good);
	});

	it('brings a question back sooner after a miss and later after each right answer', () => {
		let card = newCard(now);
		expect(card.due).toEqual(now);
		expect(card.state).toBe(State.New);
		const gaps: number[] = [];
		let t = now;
		for (let i = 0; i < 4; i++) {
			card = scheduleAnswer(card, true, t).card;
			gaps.push(card.due.getTime() - t.getTime());
			t = card.due;
		}
		// every right answer spaces the next review further out, to days and then weeks
		for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
		expect(gaps.at(-1)!).toBeGreaterThan(minutes(60 * 24 * 7));
		expect(card.reps).toBe(4);
		const missed = scheduleAnswer(card, false, t);
		expect(missed.rating).toBe(Rating.Again);
		expect(missed.card.lapses).toBe(1);
		expect(missed.card.state).toBe(State.Relearning);
		expect(missed.card.due.getTime() - t.getTime()).toBeLessThan(minutes(60));
	});

	it('is reproducible: no fuzz, so the same answers give the same schedule', () => {
		const run = () => [true, false, true, true].reduce<{ card: StoredCard; t: Date }>((s, ok) => {
			const card = scheduleAnswer(s.card, ok, s.t).card;
			return { card, t: card.due };
		}, { card: newCard(now), t: now }).card;
		expect(run()).toEqual(run());
	});

	it('from a quiz: a miss enters the queue due at once, a slow right answer enters rated Hard, a quick right one stays out', () => {
		const changes = queueChangesFromQuiz(
			new Map(),
			[
				{ questionId: 'missed', correct: false, slow: false },
				{ questionId: 'slow', correct: true, slow: true },
				{ questionId: 'quick', correct: true, slow: false }
			],
			now
		);
		expect(changes.map((c) => [c.questionId, c.reason])).toEqual([
			['missed', 'missed'],
			['slow', 'slow']
		]);
		expect(changes[0].card.due).toEqual(now);
		expect(changes[0].card.reps).toBe(0);
		expect(changes[1].card.reps).toBe(1);
		expect(changes[1].card.due.getTime()).toBeGreaterThan(now.getTime());
	});

	it('from a quiz: a queued question counts the quiz answer as a review, right or wrong', () => {
		const learnt = [true, true, true].reduce((card, ok) => scheduleAnswer(card, ok, card.due).card, newCard(now));
		const quizAt = learnt.due;
		const existing = new Map([
			['kept', learnt],
			['forgotten', learnt]
		]);
		const [kept, forgotten] = queueChangesFromQuiz(
			existing,
			[
				{ questionId: 'kept', correct: true, slow: false },
				{ questionId: 'forgotten', correct: false, slow: false }
			],
			quizAt
		);
		expect(kept.reason).toBeUndefined();
		expect(kept.card.reps).toBe(learnt.reps + 1);
		expect(kept.card.due.getTime()).toBeGreaterThan(quizAt.getTime() + minutes(60 * 24));
		expect(forgotten.card.lapses).toBe(learnt.lapses + 1);
		expect(forgotten.card.due.getTime()).toBeLessThan(quizAt.getTime() + minutes(60));
	});

	it('finds slow answers only where each answer was saved at its own moment, ignoring a long break', () => {
		const answers = [
			{ position: 1, answeredAt: at(minutes(0.5)) },
			{ position: 2, answeredAt: at(minutes(0.5) + SLOW_ANSWER_MS + 1000) },
			{ position: 3, answeredAt: at(minutes(0.5) + SLOW_ANSWER_MS + 1000 + AWAY_MS + 1000) },
			{ position: 4, answeredAt: null }
		];
		expect([...slowPositions(now, answers)]).toEqual([2]);
		// a form posted at once (no JavaScript): every answer has the same time, which says nothing
		const together = [1, 2, 3].map((position) => ({ position, answeredAt: at(minutes(5)) }));
		expect(slowPositions(now, together).size).toBe(0);
	});

	it('says when a question comes back in words', () => {
		expect(describeWhenDue(now, now)).toBe('now');
		expect(describeWhenDue(at(minutes(1)), now)).toBe('in a minute');
		expect(describeWhenDue(at(minutes(10)), now)).toBe('in 10 minutes');
		expect(describeWhenDue(at(minutes(180)), now)).toBe('in 3 hours');
		expect(describeWhenDue(at(minutes(60 * 24)), now)).toBe('tomorrow');
		expect(describeWhenDue(at(minutes(60 * 24 * 4)), now)).toBe('in 4 days');
	});
});
