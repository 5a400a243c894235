import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { EMPTY_COURSE, parseCourseFile, type CourseFile } from '../../content/course';
import { sources } from './schema';

export const SOURCES_DIR = path.resolve(process.env.SOURCES_DIR ?? 'src/sources');

export interface SourceFile {
	id: string;
	fileName: string;
	title: string;
	kind: string;
	publisher: string;
	published: string;
	license: string;
	rawText: string;
	contentHash: string;
}

interface SourcesManifest {
	course?: string;
	/** a paragraph the course page opens with */
	introduction?: string;
	sources: Array<{
		file: string;
		id: string;
		title: string;
		kind: string;
		publisher: string;
		published?: string;
		license?: string;
	}>;
}

/** Reads sources.json and the texts it names, exactly as received. */
export function readSourceFiles(dir = SOURCES_DIR): SourceFile[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')) as SourcesManifest;
	return manifest.sources.map((entry) => {
		const rawText = fs.readFileSync(path.join(dir, entry.file), 'utf8');
		const meta = {
			id: entry.id,
			fileName: entry.file,
			title: entry.title,
			kind: entry.kind,
			publisher: entry.publisher,
			published: entry.published ?? 'unknown',
			license: entry.license ?? 'unknown'
		};
		const contentHash = createHash('sha256').update(JSON.stringify(meta)).update('\0').update(rawText).digest('hex');
		return { ...meta, rawText, contentHash };
	});
}

/**
 * The course file beside sources.json (`course.json`): outline, glossary, disagreements, rewrites
 * and policies. Without one the course is generated from the texts alone. A file that does not
 * validate stops with a message naming its line.
 */
export function readCourseFile(dir = SOURCES_DIR): CourseFile {
	const file = path.join(dir, 'course.json');
	if (!fs.existsSync(file)) return EMPTY_COURSE;
	return parseCourseFile(fs.readFileSync(file, 'utf8'), file);
}

export interface SyncResult {
	inserted: string[];
	updated: string[];
	unchanged: string[];
}

/** Loads new or changed sources (by content hash) into the sources table. */
export async function syncSources(db: Database, files: SourceFile[] = readSourceFiles()): Promise<SyncResult> {
	const result: SyncResult = { inserted: [], updated: [], unchanged: [] };
	const existing = new Map(
		(await db.select({ id: sources.id, contentHash: sources.contentHash }).from(sources)).map((row) => [
			row.id,
			row.contentHash
		])
	);
	for (const file of files) {
		const known = existing.get(file.id);
		if (known === file.contentHash) {
			result.unchanged.push(file.id);
			continue;
		}
		if (known === undefined) {
			await db.insert(sources).values(file).onConflictDoNothing();
			result.inserted.push(file.id);
		} else {
			await db
				.update(sources)
				.set({ ...file, updatedAt: sql`now()` })
				.where(eq(sources.id, file.id));
			result.updated.push(file.id);
		}
	}
	return result;
}

let courseIntroMemo: { dir: string; title: string | undefined; introduction: string | undefined } | undefined;

/** The course's name and opening paragraph from sources.json (read once per process: sources change only with a restart). */
export function courseIntroduction(dir = SOURCES_DIR): { title: string | undefined; introduction: string | undefined } {
	if (courseIntroMemo?.dir === dir) return courseIntroMemo;
	let manifest: Partial<SourcesManifest> = {};
	try {
		manifest = JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')) as Partial<SourcesManifest>;
	} catch {
		// no manifest: the page says what any course says
	}
	const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
	courseIntroMemo = { dir, title: text(manifest.course), introduction: text(manifest.introduction) };
	return courseIntroMemo;
}
