import { and, eq } from 'drizzle-orm';
import type { Executor } from './attempts';
import { questions, questionVersions } from '../db/schema';
import type { QuestionAnswer, QuestionPrompt } from '../../content/question-types';
import { answerKeysOf, citedSentencesOf, shownTextOf, type BankQuestion } from '../../quiz/draw';

export interface DrawableQuestion extends BankQuestion {
	version: number;
}

/** A lesson's active questions at their current versions, with what the draw needs to keep them apart. */
export async function loadQuestionBank(db: Executor, lessonId: string): Promise<DrawableQuestion[]> {
	const rows = await db
		.select({
			id: questions.id,
			type: questions.type,
			objectiveId: questions.objectiveId,
			version: questions.currentVersion,
			prompt: questionVersions.prompt,
			answer: questionVersions.answer,
			citations: questionVersions.citations
		})
		.from(questions)
		.innerJoin(questionVersions, and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)))
		.where(and(eq(questions.lessonId, lessonId), eq(questions.active, true)));
	return rows.map((row) => ({
		id: row.id,
		type: row.type,
		objectiveId: row.objectiveId,
		version: row.version,
		citedSentences: citedSentencesOf(row.citations),
		answerKeys: answerKeysOf(row.prompt as QuestionPrompt, row.answer as QuestionAnswer),
		...shownTextOf(row.prompt as QuestionPrompt)
	}));
}
