/**
 * Where a learner left off in the course and what comes next, from their progress per lesson.
 * Pure: the course page passes the lessons in order and the learner's progress.
 */

/** A quiz counts as passed at this best score (percent). */
export const PASSING_SCORE = 70;

export interface LessonActivity {
	readAt: Date | null;
	lastAttemptAt: Date | null;
	bestScore: number | null;
	/** when the open attempt was started, if there is one */
	openAttemptStartedAt: Date | null;
}

export interface CourseLesson {
	id: string;
	title: string;
	position: number;
	/** false for a reading-only lesson: no question from its source passed the generator's checks */
	hasQuiz?: boolean;
}

export type NextStep =
	| { kind: 'read'; lesson: CourseLesson }
	| { kind: 'quiz'; lesson: CourseLesson }
	| { kind: 'finish-quiz'; lesson: CourseLesson };

export type Continuation =
	| { kind: 'start'; next: NextStep }
	| {
			kind: 'continue';
			leftOff: { lesson: CourseLesson; did: 'read' | 'quiz' | 'started-quiz'; at: Date };
			next: NextStep;
	  }
	| { kind: 'complete'; passed: number };

export function isPassed(activity: LessonActivity | undefined): boolean {
	return (activity?.bestScore ?? -1) >= PASSING_SCORE;
}

/** A lesson is done when its quiz is passed, or, with no quiz, when it has been read. */
export function isDone(lesson: CourseLesson, activity: LessonActivity | undefined): boolean {
	return lesson.hasQuiz === false ? Boolean(activity?.readAt) : isPassed(activity);
}

export function continuation(lessons: readonly CourseLesson[], activity: Readonly<Record<string, LessonActivity>>): Continuation | null {
	if (lessons.length === 0) return null;
	if (lessons.every((l) => isDone(l, activity[l.id]))) return { kind: 'complete', passed: lessons.filter((l) => l.hasQuiz !== false).length };

	// the latest thing the learner did: read a lesson, submitted a quiz, started one
	let leftOff: { lesson: CourseLesson; did: 'read' | 'quiz' | 'started-quiz'; at: Date } | null = null;
	for (const lesson of lessons) {
		const a = activity[lesson.id];
		if (!a) continue;
		const events: [Date | null, 'read' | 'quiz' | 'started-quiz'][] = [
			[a.readAt, 'read'],
			[a.lastAttemptAt, 'quiz'],
			[a.openAttemptStartedAt, 'started-quiz']
		];
		for (const [at, did] of events) if (at && (!leftOff || at > leftOff.at)) leftOff = { lesson, did, at };
	}
	const stepFor = (lesson: CourseLesson): NextStep => {
		const a = activity[lesson.id];
		if (a?.openAttemptStartedAt) return { kind: 'finish-quiz', lesson };
		return a?.readAt && lesson.hasQuiz !== false ? { kind: 'quiz', lesson } : { kind: 'read', lesson };
	};
	if (!leftOff) return { kind: 'start', next: stepFor(lessons[0]) };

	// the lesson left off at, until its quiz is passed; then the next lesson not passed, after it first
	const at = lessons.findIndex((l) => l.id === leftOff.lesson.id);
	const ordered = [...lessons.slice(at), ...lessons.slice(0, at)];
	const next = ordered.find((l) => !isDone(l, activity[l.id]))!;
	return { kind: 'continue', leftOff, next: stepFor(next) };
}
