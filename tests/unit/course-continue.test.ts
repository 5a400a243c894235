import { describe, expect, it } from 'vitest';
import { continuation, PASSING_SCORE, type LessonActivity } from '../../src/lib/quiz/continue';

const lessons = [1, 2, 3].map((n) => ({ id: `l${n}`, title: `Lesson ${n}`, position: n }));
const day = (d: number) => new Date(Date.UTC(2026, 2, d));
const activity = (a: Partial<LessonActivity>): LessonActivity => ({ readAt: null, lastAttemptAt: null, bestScore: null, openAttemptStartedAt: null, ...a });

describe('continue where you left off', () => {
	it('starts a new learner at the first lesson', () => {
		expect(continuation(lessons, {})).toEqual({ kind: 'start', next: { kind: 'read', lesson: lessons[0] } });
		expect(continuation([], {})).toBeNull();
	});

	it('sends a learner who read a lesson to its quiz, and one with a quiz open back to it', () => {
		expect(continuation(lessons, { l1: activity({ readAt: day(1) }) })).toMatchObject({
			kind: 'continue',
			leftOff: { lesson: lessons[0], did: 'read', at: day(1) },
			next: { kind: 'quiz', lesson: lessons[0] }
		});
		expect(continuation(lessons, { l1: activity({ readAt: day(1) }), l2: activity({ readAt: day(2), openAttemptStartedAt: day(3) }) })).toMatchObject({
			leftOff: { lesson: lessons[1], did: 'started-quiz' },
			next: { kind: 'finish-quiz', lesson: lessons[1] }
		});
	});

	it('moves on to the next lesson once a quiz is passed, and back to one left unpassed', () => {
		const passedFirst = { l1: activity({ readAt: day(1), lastAttemptAt: day(2), bestScore: PASSING_SCORE }) };
		expect(continuation(lessons, passedFirst)).toMatchObject({ leftOff: { lesson: lessons[0], did: 'quiz' }, next: { kind: 'read', lesson: lessons[1] } });
		const failedFirst = { l1: activity({ readAt: day(1), lastAttemptAt: day(2), bestScore: PASSING_SCORE - 1 }) };
		expect(continuation(lessons, failedFirst)).toMatchObject({ next: { kind: 'quiz', lesson: lessons[0] } });
		// the last lesson passed, the first not: back round to the first
		const lastDone = { l1: activity({ readAt: day(1) }), l2: activity({ bestScore: 90, lastAttemptAt: day(2) }), l3: activity({ bestScore: 100, lastAttemptAt: day(5) }) };
		expect(continuation(lessons, lastDone)).toMatchObject({ leftOff: { lesson: lessons[2] }, next: { kind: 'quiz', lesson: lessons[0] } });
	});

	it('counts a reading-only lesson (no quiz) as done once read, and never sends anyone to its quiz', () => {
		const withReading = [lessons[0], { ...lessons[1], hasQuiz: false }, lessons[2]];
		const readSecond = { l1: activity({ readAt: day(1), lastAttemptAt: day(2), bestScore: 90 }), l2: activity({ readAt: day(3) }) };
		expect(continuation(withReading, readSecond)).toMatchObject({ leftOff: { lesson: withReading[1], did: 'read' }, next: { kind: 'read', lesson: lessons[2] } });
		const notYet = { l1: activity({ readAt: day(1), lastAttemptAt: day(2), bestScore: 90 }) };
		expect(continuation(withReading, notYet)).toMatchObject({ next: { kind: 'read', lesson: withReading[1] } });
		const all = { ...readSecond, l3: activity({ readAt: day(4), lastAttemptAt: day(5), bestScore: 80 }) };
		expect(continuation(withReading, all)).toEqual({ kind: 'complete', passed: 2 });
	});

	it('says the course is complete when every quiz is passed', () => {
		const all = Object.fromEntries(lessons.map((l, i) => [l.id, activity({ bestScore: 80, lastAttemptAt: day(i + 1) })]));
		expect(continuation(lessons, all)).toEqual({ kind: 'complete', passed: 3 });
	});
});
