import { DatabaseConfigError, openAppDatabase, closeAppDatabase, appDb } from './db';
import { DataDirLockedError } from './db/data-dir-lock';
import { syncSources } from './db/sources-sync';
import { regenerateContent } from './content/store';
import { loadLessonCache } from './content/lesson-cache';
import { answerKeySecret } from './installation-secret';

type StartupStep = (log: (line: string) => void) => Promise<void>;

/** Work that later features add to start-up (e.g. regenerating content), run in order after sources load. */
const startupSteps: StartupStep[] = [];

export function addStartupStep(step: StartupStep): void {
	startupSteps.push(step);
}

/** Opens the database, applies migrations, loads new or changed sources: one line per step. */
export async function startApp(log: (line: string) => void = console.log): Promise<void> {
	const handle = await openAppDatabase();
	log(`Traceable: database: ${handle.description}`);
	log(`Traceable: migrations: ${handle.migrationsApplied ? `${handle.migrationsApplied} applied` : 'up to date'}`);
	const synced = await syncSources(appDb());
	const total = synced.inserted.length + synced.updated.length + synced.unchanged.length;
	const changed = synced.inserted.length + synced.updated.length;
	log(`Traceable: sources: ${total} (${changed ? `${changed} new or changed` : 'unchanged'})`);
	// lessons and questions follow the sources: regenerated only when sources or generator changed
	const content = await regenerateContent(appDb(), {
		onGenerate: () => log('Traceable: content: generating lessons and questions from the sources…')
	});
	log(
		content.regenerated
			? `Traceable: content: ${content.result?.lessons} lessons and ${content.result?.questions} questions generated in ${(content.milliseconds / 1000).toFixed(1)} s`
			: 'Traceable: content: lessons and questions are up to date'
	);
	await loadLessonCache(appDb());
	// made on first start, so every server on one PostgreSQL shows the same quiz ids
	await answerKeySecret(appDb());
	for (const step of startupSteps) await step(log);
}

export async function stopApp(): Promise<void> {
	await closeAppDatabase();
}

/** Errors that mean "fix your configuration", reported as one line instead of a stack trace. */
export function isConfigurationError(error: unknown): error is Error {
	return error instanceof DatabaseConfigError || error instanceof DataDirLockedError;
}
