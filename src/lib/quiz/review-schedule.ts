import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/**
 * The glue between graded answers and FSRS (ts-fsrs does the scheduling): which quiz answers put a
 * question in the review queue, which rating an answer earns, and cards to and from the columns
 * they are stored in. Pure: the caller passes the time.
 */

/** A card as stored (review_cards), without its keys. */
export interface StoredCard {
	due: Date;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: number;
	lastReview: Date | null;
}

// no fuzz: a learner's schedule is reproducible from the review log (and testable); a year at most
// between reviews, since a course is taken within a school year
const scheduler = fsrs({ enable_fuzz: false, maximum_interval: 365 });

function toCard(stored: StoredCard): Card {
	return {
		due: stored.due,
		stability: stored.stability,
		difficulty: stored.difficulty,
		elapsed_days: 0,
		scheduled_days: stored.scheduledDays,
		learning_steps: stored.learningSteps,
		reps: stored.reps,
		lapses: stored.lapses,
		state: stored.state as State,
		...(stored.lastReview ? { last_review: stored.lastReview } : {})
	};
}

function fromCard(card: Card): StoredCard {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		lastReview: card.last_review ?? null
	};
}

/** A question just added to the queue: due at once, so "Review what you missed" has it straight after the quiz. */
export function newCard(now: Date): StoredCard {
	return fromCard(createEmptyCard(now));
}

/** Wrong: Again. Right but slow: Hard. Right: Good. (Easy is never inferred from one answer.) */
export function ratingFor(correct: boolean, slow = false): Grade {
	if (!correct) return Rating.Again;
	return slow ? Rating.Hard : Rating.Good;
}

/** The card after one answer at `now`. */
export function scheduleAnswer(card: StoredCard, correct: boolean, now: Date, slow = false): { card: StoredCard; rating: Grade } {
	const rating = ratingFor(correct, slow);
	return { card: fromCard(scheduler.next(toCard(card), now, rating).card), rating };
}

export interface QuizOutcome {
	questionId: string;
	correct: boolean;
	slow: boolean;
}

export interface QueueChange {
	questionId: string;
	card: StoredCard;
	/** set when the question enters the queue; undefined for a card already in it */
	reason?: 'missed' | 'slow';
}

/**
 * What a submitted quiz changes in the learner's queue. A question missed for the first time
 * enters as a new card, due now; one answered right but slowly enters rated Hard. A question
 * already in the queue counts the quiz answer as a review (Again, Hard or Good). A quick right
 * answer to a question not in the queue changes nothing.
 */
export function queueChangesFromQuiz(existing: ReadonlyMap<string, StoredCard>, outcomes: readonly QuizOutcome[], now: Date): QueueChange[] {
	const changes: QueueChange[] = [];
	for (const outcome of outcomes) {
		const card = existing.get(outcome.questionId);
		if (card) {
			changes.push({ questionId: outcome.questionId, card: scheduleAnswer(card, outcome.correct, now, outcome.slow).card });
		} else if (!outcome.correct) {
			changes.push({ questionId: outcome.questionId, card: newCard(now), reason: 'missed' });
		} else if (outcome.slow) {
			changes.push({ questionId: outcome.questionId, card: scheduleAnswer(newCard(now), true, now, true).card, reason: 'slow' });
		}
	}
	return changes;
}

/** Longer than this on one question is slow … */
export const SLOW_ANSWER_MS = 90_000;
/** … unless it is this long: the learner left and came back ("Save and finish later"). */
export const AWAY_MS = 15 * 60_000;

/**
 * The positions answered slowly: the time from the previous answer (or the start) to this one. Only
 * when every answer was saved at its own moment (answers autosaved as they were given); a form
 * posted all at once without JavaScript says nothing about time per question.
 */
export function slowPositions(startedAt: Date, answers: readonly { position: number; answeredAt: Date | null }[]): Set<number> {
	const timed = answers.filter((a): a is { position: number; answeredAt: Date } => a.answeredAt !== null);
	const slow = new Set<number>();
	if (timed.length < 2 || new Set(timed.map((a) => a.answeredAt.getTime())).size !== timed.length) return slow;
	let previous = startedAt.getTime();
	for (const a of [...timed].sort((x, y) => x.answeredAt.getTime() - y.answeredAt.getTime())) {
		const took = a.answeredAt.getTime() - previous;
		if (took > SLOW_ANSWER_MS && took < AWAY_MS) slow.add(a.position);
		previous = a.answeredAt.getTime();
	}
	return slow;
}

/** "now", "in 10 minutes", "in 3 hours", "tomorrow", "in 4 days": when a card comes back. */
export function describeWhenDue(due: Date, now: Date): string {
	const minutes = Math.round((due.getTime() - now.getTime()) / 60_000);
	if (minutes <= 0) return 'now';
	if (minutes < 60) return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return hours === 1 ? 'in an hour' : `in ${hours} hours`;
	const days = Math.round(hours / 24);
	return days === 1 ? 'tomorrow' : `in ${days} days`;
}
