import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { selectRows } from '../db/client';
import type { QuestionResponse } from '../../content/question-types';
import { describeAnswer, describeResponse } from '../../quiz/describe';
import { presentPrompt } from '../../quiz/present';
import { isResponseFor } from '../../quiz/responses';
import { STATUS_LABELS } from '../../teaching/assignment-status';
import { neutraliseFormula, percentCell } from '../../teaching/csv-cells';
import { sortRows, DEFAULT_SORT } from '../../teaching/gradebook';
import { questionVersionContents } from '../quiz/question-versions';
import { loadGradebook } from './gradebook';
import { answerKeySecret } from '../installation-secret';
import { classRoster, loadOwnClass } from './classes';
import { questionStem } from './item-analysis';

/** CSV written by csv-stringify (quoting of commas, quotes, newlines), UTF-8 with a BOM so spreadsheets read the accents. */
function csvBody(columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): ReadableStream<Uint8Array> {
	const stringifier = stringify({ bom: true, header: true, columns, record_delimiter: 'windows' });
	// pipe: the database is read only as fast as the client takes the file
	Readable.from(rows).pipe(stringifier);
	return Readable.toWeb(stringifier) as unknown as ReadableStream<Uint8Array>;
}

export function csvResponse(body: ReadableStream<Uint8Array>, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]+/g, '-')}"`,
			'cache-control': 'no-store'
		}
	});
}

/** One row per student, a column per assignment (best score in %), then each assignment's late/missing mark. */
export async function gradebookCsv(db: Database, teacherId: string, classId: string, now = new Date()) {
	const book = await loadGradebook(db, teacherId, classId, now);
	const columns = [
		'Student',
		'Username',
		...book.assignments.map((a) => `${neutraliseFormula(a.lessonTitle)} (best %)`),
		...book.assignments.map((a) => `${neutraliseFormula(a.lessonTitle)} (status)`)
	];
	const rows = sortRows(book.rows, DEFAULT_SORT).map((r) => [
		neutraliseFormula(r.displayName),
		neutraliseFormula(r.username ?? ''),
		...r.cells.map((c) => percentCell(c.best)),
		...r.cells.map((c) => STATUS_LABELS[c.status])
	]);
	return { name: book.class.name, body: csvBody(columns, rows) };
}

interface AnswerRow {
	attemptId: string;
	lessonTitle: string;
	attemptNumber: number;
	submittedAt: string;
	score: number;
	seed: number;
	position: number;
	questionId: string;
	version: number;
	response: QuestionResponse | null;
	fraction: number | null;
}

/**
 * Every answer of every submitted attempt by the class's students, one student at a time (a few
 * hundred rows in memory, never the whole file); the stream asks for the next student only when
 * the client has taken the rows before.
 */
async function* answerRows(db: Database, classId: string): AsyncGenerator<unknown[]> {
	// options in the order each learner saw them, which the attempt's seed keyed with this secret set
	const key = await answerKeySecret(db);
	const students = await classRoster(db, classId);
	for (const student of students) {
		const rows = await selectRows<AnswerRow>(
			db,
			sql`
			select q.id as "attemptId", l.title as "lessonTitle", q.attempt_number as "attemptNumber", q.submitted_at as "submittedAt",
			       q.score, q.seed, x.position, x.question_id as "questionId", x.question_version as version, x.response, x.fraction
			from quiz_attempts q
			join lessons l on l.id = q.lesson_id
			join attempt_answers x on x.attempt_id = q.id
			where q.user_id = ${student.id} and q.state = 'submitted'
			order by q.submitted_at, q.id, x.position`
		);
		if (rows.length === 0) continue;
		const content = await questionVersionContents(db, rows.map((r) => ({ questionId: r.questionId, version: r.version })));
		const name = neutraliseFormula(student.displayName);
		const username = neutraliseFormula(student.username ?? '');
		for (const r of rows) {
			const { prompt: stored, answer } = content(r.questionId, r.version);
			const prompt = presentPrompt(stored, r.seed, r.position, key, answer);
			const response = isResponseFor(prompt, r.response) ? r.response : null;
			yield [
				name,
				username,
				r.lessonTitle,
				r.attemptNumber,
				new Date(r.submittedAt).toISOString(),
				percentCell(Number(r.score) / 100),
				r.position,
				r.questionId,
				neutraliseFormula(questionStem(prompt)),
				neutraliseFormula(response ? describeResponse(prompt, response) : ''),
				neutraliseFormula(describeAnswer(prompt, answer)),
				Number(r.fraction ?? 0) >= 1 ? 'yes' : 'no',
				Number(r.fraction ?? 0)
			];
		}
	}
}

export async function attemptsCsv(db: Database, teacherId: string, classId: string) {
	const found = await loadOwnClass(db, teacherId, classId);
	const columns = ['Student', 'Username', 'Lesson', 'Attempt', 'Submitted (UTC)', 'Attempt score %', 'Question number', 'Question id', 'Question', 'Answer given', 'Correct answer', 'Correct', 'Fraction'];
	return { name: found.name, body: csvBody(columns, answerRows(db, classId)) };
}
