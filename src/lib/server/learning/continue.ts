import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { lessonProgress, quizAttempts } from '../db/schema';
import { continuation, type Continuation, type CourseLesson, type LessonActivity } from '../../quiz/continue';

/** Where the learner left off in the course and what is next (see `quiz/continue.ts`). */
export async function courseContinuation(db: Database, userId: string, lessons: readonly CourseLesson[]): Promise<Continuation | null> {
	const [progressRows, openRows] = await Promise.all([
		db
			.select({ lessonId: lessonProgress.lessonId, readAt: lessonProgress.readAt, lastAttemptAt: lessonProgress.lastAttemptAt, bestScore: lessonProgress.bestScore })
			.from(lessonProgress)
			.where(eq(lessonProgress.userId, userId)),
		db
			.select({ lessonId: quizAttempts.lessonId, startedAt: quizAttempts.startedAt })
			.from(quizAttempts)
			.where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.state, 'in_progress')))
	]);
	const activity: Record<string, LessonActivity> = {};
	const of = (lessonId: string) => (activity[lessonId] ??= { readAt: null, lastAttemptAt: null, bestScore: null, openAttemptStartedAt: null });
	for (const row of progressRows) Object.assign(of(row.lessonId), { readAt: row.readAt, lastAttemptAt: row.lastAttemptAt, bestScore: row.bestScore });
	for (const row of openRows) of(row.lessonId).openAttemptStartedAt = row.startedAt;
	return continuation(lessons, activity);
}
