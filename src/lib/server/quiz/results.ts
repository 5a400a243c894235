import type { Database } from '../db';
import type { Citation, QuestionPrompt } from '../../content/question-types';
import { isCorrect } from '../../quiz/grade';
import { teachingFeedback, type TeachingFeedback } from '../learning/feedback';
import { nextLessonAfter } from '../learning/course';
import { presentPrompt } from '../../quiz/present';
import { isResponseFor } from '../../quiz/responses';
import { answerKeySecret } from '../installation-secret';
import { attemptQuestionRows, loadOwnAttempt } from './attempts';

export interface ResultQuestion extends TeachingFeedback {
	position: number;
	prompt: QuestionPrompt;
	/** as stored; the page shows `lead` and `cited` instead, so the quote appears once */
	explanation: string;
	citations: Citation[];
}

export type AttemptResults =
	| { state: 'in_progress'; lessonId: string }
	| {
			state: 'submitted';
			id: string;
			lessonId: string;
			lessonTitle: string;
			attemptNumber: number;
			score: number;
			correctCount: number;
			questionCount: number;
			submittedAt: Date;
			questions: ResultQuestion[];
			nextLesson: { id: string; title: string; position: number } | null;
	  };

/** A submitted attempt with answers, keys and explanations: only its own learner sees it. */
export async function loadAttemptResults(db: Database, userId: string, attemptId: string): Promise<AttemptResults> {
	const attempt = await loadOwnAttempt(db, userId, attemptId);
	if (attempt.state !== 'submitted') return { state: 'in_progress', lessonId: attempt.lessonId };
	const [rows, key] = await Promise.all([attemptQuestionRows(db, attemptId), answerKeySecret(db)]);
	return {
		state: 'submitted',
		id: attempt.id,
		lessonId: attempt.lessonId,
		lessonTitle: attempt.lessonTitle,
		attemptNumber: attempt.attemptNumber,
		score: attempt.score ?? 0,
		correctCount: attempt.correctCount ?? 0,
		questionCount: attempt.questionCount,
		submittedAt: attempt.submittedAt ?? new Date(0),
		questions: rows.map((row) => {
			const prompt = presentPrompt(row.prompt, attempt.seed, row.position, key, row.answer);
			const response = isResponseFor(prompt, row.response) ? row.response : null;
			return {
				position: row.position,
				prompt,
				explanation: row.explanation,
				citations: Array.isArray(row.citations) ? (row.citations as Citation[]) : [],
				...teachingFeedback({
					prompt,
					answer: row.answer,
					response,
					explanation: row.explanation,
					citations: row.citations,
					correct: isCorrect(row.fraction),
					lessonId: attempt.lessonId,
					objectiveId: row.objectiveId
				})
			};
		}),
		nextLesson: nextLessonAfter(attempt.lessonId)
	};
}
