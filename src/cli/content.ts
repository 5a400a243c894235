import { openDatabase, resolveDatabaseTarget, DatabaseConfigError } from '../lib/server/db';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { syncSources, readSourceFiles, SOURCES_DIR } from '../lib/server/db/sources-sync';
import { regenerateContent } from '../lib/server/content/store';

/** `npm run content`: (re)generates lessons and questions from the sources folder into the database. */
async function main(): Promise<void> {
	let handle;
	try {
		handle = await openDatabase(resolveDatabaseTarget(process.env.DATABASE_URL));
	} catch (error) {
		if (error instanceof DataDirLockedError || error instanceof DatabaseConfigError) {
			console.error(`npm run content: ${error.message}`);
			process.exit(1);
		}
		throw error;
	}
	try {
		const files = readSourceFiles();
		await syncSources(handle.db, files);
		const outcome = await regenerateContent(handle.db, { force: true, files });
		const r = outcome.result!;
		console.log(
			`Generated from ${files.length} sources in ${SOURCES_DIR} (${handle.description}) in ${Math.round(outcome.milliseconds)} ms: ` +
				`${r.lessons} lessons, ${r.questions} questions (${r.newQuestions} new, ${r.newVersions} new versions, ` +
				`${r.retiredQuestions} questions and ${r.retiredLessons} lessons retired).`
		);
	} finally {
		await handle.close();
	}
}

main().catch((error: unknown) => {
	console.error(`npm run content failed: ${(error as Error).message}`);
	process.exit(1);
});
