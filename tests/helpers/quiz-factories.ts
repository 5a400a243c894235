import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/lib/server/db/client';
import { lessons, questions, questionVersions, users } from '../../src/lib/server/db/schema';
import type { Citation, QuestionAnswer, QuestionPrompt, QuestionResponse } from '../../src/lib/content/question-types';
import { responseFieldValues } from '../../src/lib/quiz/responses';
import type { AttemptForTaking } from '../../src/lib/server/quiz/attempts';

/** Small factories for quiz tests: lessons, a question bank of all six types, learners. */

export async function createUser(db: Database, id = `user-${randomUUID()}`): Promise<string> {
	await db.insert(users).values({ id, email: `${id}@example.org`, displayName: id, role: 'student', passwordHash: 'not-used' });
	return id;
}

export async function createUsers(db: Database, count: number, prefix = 'learner'): Promise<string[]> {
	const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}-${randomUUID().slice(0, 8)}`);
	await db.insert(users).values(
		ids.map((id) => ({ id, email: `${id}@example.org`, displayName: id, role: 'student' as const, passwordHash: 'not-used' }))
	);
	return ids;
}

export interface SampleQuestion {
	id: string;
	objectiveId: string;
	prompt: QuestionPrompt;
	answer: QuestionAnswer;
	right: QuestionResponse;
	wrong: QuestionResponse;
}

const citation = (n: number): Citation => ({
	sourceId: 'encyclopedia-project-gunrunner',
	sentenceId: `s${n}`,
	start: n * 10,
	end: n * 10 + 9,
	text: `Cited sentence ${n}.`
});

/** A question of each type in turn, cycling through the objectives. */
export function sampleQuestion(lessonId: string, n: number, objectiveIds: string[]): SampleQuestion {
	const id = `${lessonId}-q${n}`;
	const objectiveId = objectiveIds[n % objectiveIds.length];
	const options = ['a', 'b', 'c', 'd'].map((o) => ({ id: `${o}`, text: `Option ${o.toUpperCase()} of ${n}` }));
	switch (n % 6) {
		case 0:
			return {
				id, objectiveId,
				prompt: { type: 'multiple_choice', stem: `Which is right (${n})?`, options },
				answer: { type: 'multiple_choice', correctOptionId: 'c' },
				right: { type: 'multiple_choice', optionId: 'c' },
				wrong: { type: 'multiple_choice', optionId: 'a' }
			};
		case 1:
			return {
				id, objectiveId,
				prompt: { type: 'true_false', stem: `True or false (${n})?`, statement: `Statement ${n}.` },
				answer: { type: 'true_false', correct: true },
				right: { type: 'true_false', value: true },
				wrong: { type: 'true_false', value: false }
			};
		case 2:
			return {
				id, objectiveId,
				prompt: { type: 'fill_blank', stem: `The tracing system is called _____ (${n}).` },
				// answers differ between questions: the draw keeps questions with one answer apart
				answer: { type: 'fill_blank', accepted: [`eTrace ${n}`] },
				right: { type: 'fill_blank', text: `etrace ${n}` },
				wrong: { type: 'fill_blank', text: 'NICS' }
			};
		case 3:
			return {
				id, objectiveId,
				prompt: { type: 'numeric', stem: `How many guns (${n})?`, unit: 'guns' },
				answer: { type: 'numeric', value: 2000 + n, tolerance: 0 },
				right: { type: 'numeric', value: 2000 + n },
				wrong: { type: 'numeric', value: 1999 + n }
			};
		case 4:
			return {
				id, objectiveId,
				prompt: { type: 'ordering', stem: `Earliest first (${n})`, items: ['x', 'y', 'z'].map((i) => ({ id: i, text: `Event ${i}` })) },
				answer: { type: 'ordering', order: ['x', 'y', 'z'] },
				right: { type: 'ordering', order: ['x', 'y', 'z'] },
				wrong: { type: 'ordering', order: ['z', 'y', 'x'] }
			};
		default:
			return {
				id, objectiveId,
				prompt: { type: 'attribution', stem: `Who said it (${n})?`, claim: `Claim ${n}.`, options },
				answer: { type: 'attribution', correctOptionId: 'b' },
				right: { type: 'attribution', optionId: 'b' },
				wrong: { type: 'attribution', optionId: 'd' }
			};
	}
}

export interface SampleLesson {
	id: string;
	objectives: { id: string; text: string }[];
	questions: SampleQuestion[];
}

/** A lesson with `questionCount` questions (all six types) over `objectiveCount` objectives. */
export async function createLessonWithQuestions(
	db: Database,
	{ id = `lesson-${randomUUID().slice(0, 8)}`, questionCount = 14, objectiveCount = 3, position = 1 } = {}
): Promise<SampleLesson> {
	const objectives = Array.from({ length: objectiveCount }, (_, i) => ({ id: `${id}-o${i + 1}`, text: `Objective ${i + 1} of ${id}` }));
	await db.insert(lessons).values({ id, position, title: `Lesson ${id}`, objectives, body: {}, generatorVersion: 'test', contentHash: id });
	const sample = Array.from({ length: questionCount }, (_, n) => sampleQuestion(id, n, objectives.map((o) => o.id)));
	if (sample.length) {
		await db.insert(questions).values(sample.map((q) => ({ id: q.id, lessonId: id, objectiveId: q.objectiveId, type: q.prompt.type, currentVersion: 1 })));
		await db.insert(questionVersions).values(
			sample.map((q, n) => ({
				questionId: q.id,
				version: 1,
				prompt: q.prompt,
				answer: q.answer,
				explanation: `Because the source says so: "Cited sentence ${n}."`,
				citations: [citation(n)],
				contentHash: `${q.id}-v1`
			}))
		);
	}
	return { id, objectives, questions: sample };
}

/** The sample question shown at a position (by its stem: the page never carries the content id). */
export function sampleShown(question: AttemptForTaking['questions'][number], lesson: SampleLesson): SampleQuestion {
	const sample = lesson.questions.find((s) => s.prompt.stem === question.prompt.stem);
	if (!sample) throw new Error(`no sample question has the stem ${question.prompt.stem}`);
	return sample;
}

/** A response in content ids as the page names it: options and items are found by their text. */
export function onPage(response: QuestionResponse, sample: SampleQuestion, shown: QuestionPrompt): QuestionResponse {
	const choices = (p: QuestionPrompt) => (p.type === 'ordering' ? p.items : 'options' in p ? p.options : []);
	const pageId = (id: string) => {
		const text = choices(sample.prompt).find((c) => c.id === id)?.text;
		return choices(shown).find((c) => c.text === text)?.id ?? id;
	};
	if (response.type === 'multiple_choice' || response.type === 'attribution') return { ...response, optionId: pageId(response.optionId) };
	if (response.type === 'ordering') return { ...response, order: response.order.map(pageId) };
	return response;
}

/**
 * Form values answering an attempt's questions: right for positions in `rightPositions`, wrong
 * for the others (as a browser would send them).
 */
export function answerForm(
	attempt: AttemptForTaking,
	lesson: SampleLesson,
	rightPositions: (position: number) => boolean
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const q of attempt.questions) {
		const sample = sampleShown(q, lesson);
		const response = rightPositions(q.position) ? sample.right : sample.wrong;
		Object.assign(values, responseFieldValues(q.prompt, q.position, onPage(response, sample, q.prompt)));
	}
	return values;
}

export const reader = (values: Record<string, string>) => (name: string) => values[name] ?? null;
