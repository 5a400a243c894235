import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { assignments, quizAttempts, users } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import { loadAttemptForTaking, startOrResumeAttempt } from '../../src/lib/server/quiz/attempts';
import { submitAttempt } from '../../src/lib/server/quiz/submit';
import { QuizRequestError } from '../../src/lib/server/quiz/errors';
import { createClass, joinClassWithCode, removeStudent } from '../../src/lib/server/teaching/classes';
import { createAssignment, learnerAssignments } from '../../src/lib/server/teaching/assignments';
import { loadGradebook } from '../../src/lib/server/teaching/gradebook';
import { loadItemAnalysis } from '../../src/lib/server/teaching/item-analysis';
import { loadStudentReport } from '../../src/lib/server/teaching/student-report';
import { attemptsCsv, gradebookCsv } from '../../src/lib/server/teaching/exports';
import { TeachingError } from '../../src/lib/server/teaching/errors';
import { describeEachDatabase } from '../helpers/databases';
import { answerForm, createLessonWithQuestions, createUser, reader, type SampleLesson } from '../helpers/quiz-factories';

async function refused(promise: Promise<unknown>, status: number) {
	const error = await promise.then(() => null, (e: unknown) => e);
	expect(error).toBeInstanceOf(TeachingError);
	expect((error as TeachingError).status).toBe(status);
}

async function teacher(db: Database, name: string) {
	const id = await createUser(db, `${name}-${Math.random().toString(36).slice(2, 8)}`);
	await db.update(users).set({ role: 'teacher', displayName: name }).where(eq(users.id, id));
	return id;
}

async function student(db: Database, name: string) {
	const id = await createUser(db, `${name.replace(/\W/g, '')}-${Math.random().toString(36).slice(2, 8)}`);
	await db.update(users).set({ displayName: name }).where(eq(users.id, id));
	return id;
}

/** Takes the quiz: the first `right` positions right, the rest wrong; returns the score (a percentage). */
async function takeQuiz(db: Database, userId: string, lesson: SampleLesson, right: number, submittedAt?: Date) {
	const { id } = await startOrResumeAttempt(db, userId, lesson.id);
	const shown = await loadAttemptForTaking(db, userId, id);
	const result = await submitAttempt(db, userId, id, reader(answerForm(shown, lesson, (p) => p <= right)));
	if (submittedAt) await db.update(quizAttempts).set({ submittedAt, startedAt: submittedAt }).where(eq(quizAttempts.id, id));
	return result.score;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

describeEachDatabase('assignments, gradebook, item analysis and exports', (getDb) => {
	it('refuses to assign a reading lesson (one with no quiz): there would be nothing to complete', async () => {
		const { db } = getDb().handle;
		const reading = await createLessonWithQuestions(db, { questionCount: 0 });
		const t = await teacher(db, 'Rita');
		const c = await createClass(db, t, 'Reading', '');
		await refused(createAssignment(db, t, c.id, { lessonId: reading.id, dueAt: null, maxAttempts: null }), 400);
		expect(await db.select().from(assignments).where(eq(assignments.classId, c.id))).toEqual([]);
	});

	it('enforces an attempt limit on the server, counting attempts since the lesson was assigned', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 12 });
		const t = await teacher(db, 'Tess');
		const s = await student(db, 'Sam');
		// an attempt before the assignment does not count
		await takeQuiz(db, s, lesson, 3, new Date(Date.now() - 86_400_000));
		const c = await createClass(db, t, 'Civics', '');
		await joinClassWithCode(db, s, c.joinCode);
		await createAssignment(db, t, c.id, { lessonId: lesson.id, dueAt: null, maxAttempts: 2 }, new Date(Date.now() - 3_600_000));
		await takeQuiz(db, s, lesson, 5);
		await takeQuiz(db, s, lesson, 7);
		const error = await startOrResumeAttempt(db, s, lesson.id).then(() => null, (e: unknown) => e);
		expect(error).toBeInstanceOf(QuizRequestError);
		expect((error as QuizRequestError).status).toBe(403);
		expect((error as QuizRequestError).message).toMatch(/all 2 attempts/);
		expect(await learnerAssignments(db, s)).toMatchObject([{ attemptsUsed: 2, maxAttempts: 2, bestScore: 0.7, status: 'done' }]);
		// removed from the class, the limit no longer applies
		await removeStudent(db, t, c.id, s);
		expect((await startOrResumeAttempt(db, s, lesson.id)).resumed).toBe(false);
	});

	it('marks late and missing in the gradebook, with mean and median of best scores', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 12 });
		const t = await teacher(db, 'Tom');
		const c = await createClass(db, t, 'History', '');
		const [onTime, late, missing, early] = await Promise.all(['Ada', 'Ben', 'Cy', 'Di'].map((n) => student(db, n)));
		for (const s of [onTime, late, missing, early]) await joinClassWithCode(db, s, c.joinCode);
		const assignedAt = new Date(Date.now() - 10 * 86_400_000);
		const dueAt = new Date(Date.now() - 2 * 86_400_000);
		const { id: assignmentId } = await createAssignment(db, t, c.id, { lessonId: lesson.id, dueAt, maxAttempts: null }, assignedAt);
		await takeQuiz(db, onTime, lesson, 8, new Date(dueAt.getTime() - 3_600_000));
		await takeQuiz(db, onTime, lesson, 4, new Date(dueAt.getTime() + 3_600_000));
		await takeQuiz(db, late, lesson, 6, new Date(dueAt.getTime() + 60_000));
		// before the assignment: counts for nothing here
		await takeQuiz(db, early, lesson, 10, new Date(assignedAt.getTime() - 60_000));

		const book = await loadGradebook(db, t, c.id);
		const byName = Object.fromEntries(book.rows.map((r) => [r.displayName, r.cells[0]]));
		expect(byName.Ada).toEqual({ attempts: 2, best: 0.8, latest: 0.4, status: 'done' });
		expect(byName.Ben).toEqual({ attempts: 1, best: 0.6, latest: 0.6, status: 'late' });
		expect(byName.Cy).toEqual({ attempts: 0, best: null, latest: null, status: 'missing' });
		expect(byName.Di).toEqual({ attempts: 0, best: null, latest: null, status: 'missing' });
		expect(book.summaries[0]).toMatchObject({ submitted: 2, late: 1, missing: 2 });
		expect(book.summaries[0].mean).toBeCloseTo(0.7, 10);
		expect(book.summaries[0].median).toBeCloseTo(0.7, 10);
		expect(await learnerAssignments(db, missing)).toMatchObject([{ status: 'missing', attemptsUsed: 0 }]);
		expect(await learnerAssignments(db, late)).toMatchObject([{ status: 'late' }]);

		// item analysis: first attempts (Ada's 80 %, Ben's 60 %), every question with its facility
		const analysis = await loadItemAnalysis(db, t, c.id, assignmentId, 'first');
		expect(analysis.attempts).toBe(2);
		const answered = analysis.items.reduce((n, i) => n + i.attempts, 0);
		expect(answered).toBe(20);
		for (const item of analysis.items) {
			expect(item.facility).toBeGreaterThanOrEqual(0);
			expect(item.facility).toBeLessThanOrEqual(1);
			expect(item.citation?.text).toMatch(/^Cited sentence/);
			expect(item.responses.reduce((n, r) => n + r.count, 0)).toBe(item.attempts);
		}
		expect((await loadItemAnalysis(db, t, c.id, assignmentId, 'all')).attempts).toBe(3);

		// a second teacher sees none of it
		const other = await teacher(db, 'Otto');
		await refused(loadGradebook(db, other, c.id), 404);
		await refused(loadItemAnalysis(db, other, c.id, assignmentId, 'first'), 404);
		await refused(loadStudentReport(db, other, c.id, onTime), 404);
		await refused(gradebookCsv(db, other, c.id), 404);
		await refused(attemptsCsv(db, other, c.id), 404);
		// nor does this teacher see a student outside the class
		const outsider = await student(db, 'Eve');
		await refused(loadStudentReport(db, t, c.id, outsider), 404);

		const report = await loadStudentReport(db, t, c.id, onTime);
		expect(report.attempts.map((a) => a.score)).toEqual([0.4, 0.8]);
		expect(report.attempts[1].answers).toHaveLength(10);
		expect(report.attempts[1].answers.filter((a) => a.correct)).toHaveLength(8);
		expect(report.lessons.find((l) => l.id === lesson.id)?.objectives).toHaveLength(3);
	});

	it('exports CSV with a BOM, quoted names and formulas neutralised, a row per answer', async () => {
		const { db } = getDb().handle;
		const lesson = await createLessonWithQuestions(db, { questionCount: 12 });
		const t = await teacher(db, 'Tia');
		const c = await createClass(db, t, 'Export', '');
		const tricky = await student(db, '=HYPERLINK("http://evil.example"), "Bobby"');
		const plain = await student(db, 'Zoë, Ann');
		for (const s of [tricky, plain]) await joinClassWithCode(db, s, c.joinCode);
		await createAssignment(db, t, c.id, { lessonId: lesson.id, dueAt: null, maxAttempts: null }, new Date(Date.now() - 60_000));
		await takeQuiz(db, tricky, lesson, 5);
		await takeQuiz(db, plain, lesson, 9);

		const book = await readAll((await gradebookCsv(db, t, c.id)).body);
		expect([...book.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = book.toString('utf8');
		expect(text).toContain(`"'=HYPERLINK(""http://evil.example""), ""Bobby""",,50,Done\r\n`);
		expect(text).toContain('"Zoë, Ann",,90,Done\r\n');
		expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

		const answers = (await readAll((await attemptsCsv(db, t, c.id)).body)).toString('utf8');
		const lines = answers.trim().split('\r\n');
		expect(lines).toHaveLength(1 + 20);
		expect(lines[0]).toContain('Answer given');
		expect(answers.split(`"'=HYPERLINK`).length - 1).toBe(10);
		await db.delete(assignments).where(eq(assignments.classId, c.id));
	});
});
