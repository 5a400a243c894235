import { isCorrect } from './grade';

/** Mastery looks at a learner's latest attempts per lesson, so old mistakes fade as they improve. */
export const RECENT_ATTEMPTS = 3;

export interface GradedAnswer {
	attemptId: string;
	lessonId: string;
	submittedAt: Date;
	questionId: string;
	objectiveId: string;
	fraction: number;
}

export interface ObjectiveMastery {
	lessonId: string;
	objectiveId: string;
	answered: number;
	correct: number;
	/** correct / answered, 0–1; null when none of this objective's questions were answered yet */
	share: number | null;
}

/** Answers from each lesson's `recent` latest submitted attempts. */
export function recentAnswers(answers: readonly GradedAnswer[], recent = RECENT_ATTEMPTS): GradedAnswer[] {
	const attemptsByLesson = new Map<string, Map<string, number>>();
	for (const a of answers) {
		const attempts = attemptsByLesson.get(a.lessonId) ?? new Map<string, number>();
		attempts.set(a.attemptId, a.submittedAt.getTime());
		attemptsByLesson.set(a.lessonId, attempts);
	}
	const kept = new Set<string>();
	for (const attempts of attemptsByLesson.values()) {
		[...attempts.entries()]
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))
			.slice(0, recent)
			.forEach(([id]) => kept.add(id));
	}
	return answers.filter((a) => kept.has(a.attemptId));
}

/**
 * Share of each objective's questions answered correctly in the recent attempts. Every listed
 * objective appears, with `share: null` until one of its questions has been answered.
 */
export function masteryByObjective(
	objectives: readonly { lessonId: string; objectiveId: string }[],
	answers: readonly GradedAnswer[],
	recent = RECENT_ATTEMPTS
): ObjectiveMastery[] {
	const tally = new Map<string, { answered: number; correct: number }>();
	for (const a of recentAnswers(answers, recent)) {
		const key = `${a.lessonId}\u0000${a.objectiveId}`;
		const entry = tally.get(key) ?? { answered: 0, correct: 0 };
		entry.answered += 1;
		if (isCorrect(a.fraction)) entry.correct += 1;
		tally.set(key, entry);
	}
	return objectives.map(({ lessonId, objectiveId }) => {
		const entry = tally.get(`${lessonId}\u0000${objectiveId}`) ?? { answered: 0, correct: 0 };
		return { lessonId, objectiveId, ...entry, share: entry.answered ? entry.correct / entry.answered : null };
	});
}

/** One lesson's mastery: share of all its questions answered correctly in recent attempts. */
export function lessonMastery(answers: readonly GradedAnswer[], recent = RECENT_ATTEMPTS): number | null {
	const kept = recentAnswers(answers, recent);
	if (kept.length === 0) return null;
	return kept.filter((a) => isCorrect(a.fraction)).length / kept.length;
}

export interface MissedQuestion {
	questionId: string;
	missed: number;
	seen: number;
}

/** Questions the learner got wrong most often (over all attempts), most missed first. */
export function mostMissedQuestions(answers: readonly GradedAnswer[], limit = 5): MissedQuestion[] {
	const byQuestion = new Map<string, MissedQuestion>();
	for (const a of answers) {
		const entry = byQuestion.get(a.questionId) ?? { questionId: a.questionId, missed: 0, seen: 0 };
		entry.seen += 1;
		if (!isCorrect(a.fraction)) entry.missed += 1;
		byQuestion.set(a.questionId, entry);
	}
	return [...byQuestion.values()]
		.filter((q) => q.missed > 0)
		.sort((a, b) => b.missed - a.missed || b.missed / b.seen - a.missed / a.seen || (a.questionId < b.questionId ? -1 : 1))
		.slice(0, limit);
}
