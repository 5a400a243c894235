import { describe, expect, it } from 'vitest';
import { lessonMastery, masteryByObjective, mostMissedQuestions, recentAnswers, type GradedAnswer } from '../../src/lib/quiz/mastery';
import { formatScore, formatShare, scoreChart } from '../../src/lib/quiz/chart';

function answer(attempt: number, questionId: string, objectiveId: string, fraction: number, lessonId = 'l1'): GradedAnswer {
	return { attemptId: `${lessonId}-a${attempt}`, lessonId, submittedAt: new Date(Date.UTC(2026, 0, attempt)), questionId, objectiveId, fraction };
}

describe('mastery per objective', () => {
	it('is the share of that objective’s questions answered correctly', () => {
		const answers = [answer(1, 'q1', 'o1', 1), answer(1, 'q2', 'o1', 0), answer(1, 'q3', 'o2', 1), answer(2, 'q1', 'o1', 1)];
		const mastery = masteryByObjective(
			[
				{ lessonId: 'l1', objectiveId: 'o1' },
				{ lessonId: 'l1', objectiveId: 'o2' },
				{ lessonId: 'l1', objectiveId: 'o3' }
			],
			answers
		);
		expect(mastery).toEqual([
			{ lessonId: 'l1', objectiveId: 'o1', answered: 3, correct: 2, share: 2 / 3 },
			{ lessonId: 'l1', objectiveId: 'o2', answered: 1, correct: 1, share: 1 },
			{ lessonId: 'l1', objectiveId: 'o3', answered: 0, correct: 0, share: null }
		]);
	});

	it('counts only the latest three attempts of each lesson', () => {
		const answers = [
			answer(1, 'q1', 'o1', 0),
			answer(2, 'q1', 'o1', 1),
			answer(3, 'q1', 'o1', 1),
			answer(4, 'q1', 'o1', 1),
			answer(1, 'q9', 'o9', 0, 'l2')
		];
		expect(recentAnswers(answers).map((a) => a.attemptId)).toEqual(['l1-a2', 'l1-a3', 'l1-a4', 'l2-a1']);
		expect(masteryByObjective([{ lessonId: 'l1', objectiveId: 'o1' }], answers)[0].share).toBe(1);
		expect(lessonMastery(answers.filter((a) => a.lessonId === 'l1'))).toBe(1);
		expect(lessonMastery([])).toBeNull();
	});

	it('lists the most missed questions first', () => {
		const answers = [
			answer(1, 'q1', 'o1', 0),
			answer(2, 'q1', 'o1', 0),
			answer(1, 'q2', 'o1', 0),
			answer(2, 'q2', 'o1', 1),
			answer(1, 'q3', 'o1', 1)
		];
		expect(mostMissedQuestions(answers)).toEqual([
			{ questionId: 'q1', missed: 2, seen: 2 },
			{ questionId: 'q2', missed: 1, seen: 2 }
		]);
		expect(mostMissedQuestions(answers, 1)).toHaveLength(1);
	});
});


describe('scores-over-time chart', () => {
	it('places attempts left to right, higher scores higher, with guide lines', () => {
		const chart = scoreChart([
			{ score: 20, label: 'a' },
			{ score: 100, label: 'b' },
			{ score: 60, label: 'c' }
		]);
		const [a, b, c] = chart.points;
		expect(a.x).toBe(chart.plot.left);
		expect(c.x).toBe(chart.plot.right);
		expect(b.y).toBe(chart.plot.top);
		expect(a.y).toBeGreaterThan(c.y);
		expect(chart.line.split(' ')).toHaveLength(3);
		expect(chart.gridLines.map((g) => g.label)).toEqual(['0%', '50%', '100%']);
		expect(scoreChart([{ score: 50, label: 'only' }]).points[0].x).toBeCloseTo((chart.plot.left + chart.plot.right) / 2, 0);
	});

	it('labels the time axis with dates: first and last, each day once, none crowded', () => {
		const at = (d: number, h = 9) => new Date(Date.UTC(2026, 2, d, h));
		const chart = scoreChart([1, 1, 2, 5, 9, 9].map((d, i) => ({ score: 50, label: `${i}`, date: at(d, 9 + i) })));
		const labels = chart.dateTicks.map((t) => t.label);
		expect(labels[0]).toBe('Mar 1');
		expect(labels.at(-1)).toBe('Mar 9');
		expect(new Set(labels).size).toBe(labels.length);
		expect(chart.dateTicks[0].x).toBe(chart.points[0].x);
		for (let i = 1; i < chart.dateTicks.length; i++) expect(chart.dateTicks[i].x - chart.dateTicks[i - 1].x).toBeGreaterThanOrEqual(56);
		// attempts without dates: no axis labels rather than wrong ones
		expect(scoreChart([{ score: 1, label: 'a' }]).dateTicks).toEqual([]);
	});

	it('formats scores and shares for the text alternatives', () => {
		expect(formatScore(60)).toBe('60%');
		expect(formatScore(66.6666)).toBe('66.7%');
		expect(formatScore(null)).toBe('—');
		expect(formatShare(2 / 3)).toBe('67%');
		expect(formatShare(null)).toBe('not tried yet');
	});
});
