import { inArray } from 'drizzle-orm';
import type { Database } from '../db';
import type { Executor } from './attempts';
import { questionVersions } from '../db/schema';
import type { QuestionAnswer, QuestionPrompt } from '../../content/question-types';

/** What a question says at one version: never changes once stored (a change is a new version). */
export interface QuestionVersionContent {
	prompt: QuestionPrompt;
	answer: QuestionAnswer;
	explanation: string;
	citations: unknown;
}

/**
 * Question versions are immutable, so a copy held in memory never goes stale, on any number of app
 * servers: grading and autosave read prompts and keys from here instead of the database. One map
 * per database (tests open several in one process); bounded, oldest entries dropped first.
 */
const MAX_ENTRIES = 20_000;
const caches = new WeakMap<Database, Map<string, QuestionVersionContent>>();

const keyOf = (questionId: string, version: number) => `${version}:${questionId}`;

/** `db` names the cache; `exec` (the database or a transaction in it) reads what is missing. */
export async function questionVersionContents(
	db: Database,
	wanted: readonly { questionId: string; version: number }[],
	exec: Executor = db
): Promise<(questionId: string, version: number) => QuestionVersionContent> {
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const missing = [...new Set(wanted.filter((w) => !cache.has(keyOf(w.questionId, w.version))).map((w) => w.questionId))];
	if (missing.length) {
		// every version of the missing questions: a later draw of a newer version finds it too
		const rows = await exec
			.select({
				questionId: questionVersions.questionId,
				version: questionVersions.version,
				prompt: questionVersions.prompt,
				answer: questionVersions.answer,
				explanation: questionVersions.explanation,
				citations: questionVersions.citations
			})
			.from(questionVersions)
			.where(inArray(questionVersions.questionId, missing));
		for (const row of rows) {
			if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
			cache.set(keyOf(row.questionId, row.version), {
				prompt: row.prompt as QuestionPrompt,
				answer: row.answer as QuestionAnswer,
				explanation: row.explanation,
				citations: row.citations
			});
		}
	}
	const found = new Map(wanted.map((w) => [keyOf(w.questionId, w.version), cache.get(keyOf(w.questionId, w.version))]));
	return (questionId, version) => {
		const content = found.get(keyOf(questionId, version));
		// attempt_answers references question_versions: a missing row means a broken database
		if (!content) throw new Error(`question ${questionId} has no version ${version}`);
		return content;
	};
}
