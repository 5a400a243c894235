import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { lessons, quizAttempts } from '../db/schema';
import type { Citation } from '../../content/question-types';
import { describeAnswer, describeResponse } from '../../quiz/describe';
import { isCorrect } from '../../quiz/grade';
import { presentPrompt } from '../../quiz/present';
import { isResponseFor } from '../../quiz/responses';
import { attemptQuestionRows } from '../quiz/attempts';
import { loadProgressOverview } from '../progress';
import { answerKeySecret } from '../installation-secret';
import { loadClassStudent } from './classes';
import { questionStem } from './item-analysis';

/**
 * What a teacher sees of one student of their class: every submitted attempt with every answer as
 * given, the question and its cited sentence, and the student's progress and mastery per objective.
 */
export async function loadStudentReport(db: Database, teacherId: string, classId: string, studentId: string) {
	const student = await loadClassStudent(db, teacherId, classId, studentId);
	const [attempts, progress] = await Promise.all([
		db
			.select({ id: quizAttempts.id, lessonTitle: lessons.title, attemptNumber: quizAttempts.attemptNumber, score: quizAttempts.score, correctCount: quizAttempts.correctCount, questionCount: quizAttempts.questionCount, submittedAt: quizAttempts.submittedAt, seed: quizAttempts.seed })
			.from(quizAttempts)
			.innerJoin(lessons, eq(lessons.id, quizAttempts.lessonId))
			.where(and(eq(quizAttempts.userId, studentId), eq(quizAttempts.state, 'submitted')))
			.orderBy(desc(quizAttempts.submittedAt))
			.limit(200),
		loadProgressOverview(db, studentId)
	]);
	const key = await answerKeySecret(db);
	const detailed = await Promise.all(
		attempts.map(async (a) => {
			const rows = await attemptQuestionRows(db, a.id);
			return {
				...a,
				answers: rows.map((row) => {
					const prompt = presentPrompt(row.prompt, a.seed, row.position, key, row.answer);
					const response = isResponseFor(prompt, row.response) ? row.response : null;
					const citations = Array.isArray(row.citations) ? (row.citations as Citation[]) : [];
					return {
						position: row.position,
						questionId: row.questionId,
						question: questionStem(prompt),
						given: describeResponse(prompt, response),
						correctAnswer: describeAnswer(prompt, row.answer),
						correct: isCorrect(row.fraction),
						citation: citations[0] ?? null
					};
				})
			};
		})
	);
	return {
		student: { id: student.id, displayName: student.displayName, username: student.username },
		// scores are stored as percentages: the page works in 0–1
		attempts: detailed.map(({ seed: _seed, ...rest }) => ({ ...rest, score: rest.score === null ? null : rest.score / 100 })),
		lessons: progress.lessons.map((l) => ({ id: l.id, title: l.title, readAt: l.readAt, attemptsSubmitted: l.attemptsSubmitted, bestScore: l.bestScore === null ? null : l.bestScore / 100, mastery: l.mastery, objectives: l.objectives }))
	};
}
