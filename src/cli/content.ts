import { openDatabase, resolveDatabaseTarget, DatabaseConfigError } from '../lib/server/db';
import { DataDirLockedError } from '../lib/server/db/data-dir-lock';
import { syncSources, readCourseFile, readSourceFiles, SOURCES_DIR } from '../lib/server/db/sources-sync';
import { regenerateContent, toSourceInputs } from '../lib/server/content/store';
import { CourseFileError } from '../lib/content/course';

/**
 * `npm run content -- --dry-run [--json]`: runs the whole pipeline on SOURCES_DIR without a
 * database and reports what became of every source (a table, or JSON with --json).
 */
async function dryRun(json: boolean): Promise<void> {
	const files = readSourceFiles();
	const course = readCourseFile();
	const { generate } = await import('../lib/content/generate');
	const { contentReport, formatReport } = await import('../lib/content/report');
	const started = performance.now();
	const content = generate(toSourceInputs(files), course);
	const milliseconds = Math.round(performance.now() - started);
	const report = contentReport(content, new Map(files.map((f) => [f.id, f.fileName])));
	if (json) console.log(JSON.stringify({ ...report, milliseconds }, null, 2));
	else console.log(`${formatReport(report)}

Generated from ${files.length} sources in ${SOURCES_DIR} in ${milliseconds} ms (nothing stored: dry run).`);
}

/** `npm run content`: (re)generates lessons and questions from the sources folder into the database. */
async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const unknown = args.filter((a) => a !== '--dry-run' && a !== '--json');
	if (unknown.length) {
		console.error(`npm run content: unknown option ${unknown.join(' ')} (options: --dry-run, --json)`);
		process.exit(2);
	}
	if (args.includes('--dry-run')) return dryRun(args.includes('--json'));
	if (args.includes('--json')) {
		console.error('npm run content: --json goes with --dry-run');
		process.exit(2);
	}
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
	if (error instanceof CourseFileError) {
		console.error(`npm run content: the course file has problems:\n${error.message}`);
		process.exit(1);
	}
	console.error(`npm run content failed: ${(error as Error).message}`);
	process.exit(1);
});
