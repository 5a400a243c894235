import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { appDb } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guards';
import { lessons, questions, questionVersions } from '$lib/server/db/schema';
import { describeAnswer } from '$lib/quiz/describe';
import type { Citation, QuestionAnswer, QuestionPrompt } from '$lib/content/question-types';
import type { PageServerLoad } from './$types';

/** A question with its key, explanation and cited sentence: course content, for teachers only (it holds the key). */
export const load: PageServerLoad = async (event) => {
	requireTeacher(event);
	const [row] = await appDb()
		.select({ lessonTitle: lessons.title, type: questions.type, prompt: questionVersions.prompt, answer: questionVersions.answer, explanation: questionVersions.explanation, citations: questionVersions.citations })
		.from(questions)
		.innerJoin(lessons, eq(lessons.id, questions.lessonId))
		.innerJoin(questionVersions, and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)))
		.where(eq(questions.id, event.params.questionId));
	if (!row) error(404, 'No such question.');
	const prompt = row.prompt as QuestionPrompt;
	return {
		lessonTitle: row.lessonTitle,
		prompt,
		answer: describeAnswer(prompt, row.answer as QuestionAnswer),
		explanation: row.explanation,
		citations: (Array.isArray(row.citations) ? row.citations : []) as Citation[]
	};
};
