import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { lessons, sources } from '../db/schema';
import { classifyLines } from '../../content/clean';
import { segmentSource } from '../../content/segment';
import { sourceSections } from '../../content/source-view';
import { render } from 'svelte/server';
import LessonBody from '../../components/LessonBody.svelte';
import type { StoredLessonBody } from './store';
import { setRenderedLessonBodies } from '../../content/rendered-lessons';

/**
 * Lessons change only when content is regenerated, so pages read them from memory: one query at
 * start-up (and after each regeneration), none per request.
 */
export interface LessonSummary {
	id: string;
	position: number;
	title: string;
	summary: string;
	objectives: { id: string; text: string }[];
}

export interface SourceView {
	id: string;
	title: string;
	publisher: string;
	kind: string;
	published: string;
	license: string;
	sections: { id: string; title: string; paragraphs: { id: string; sentences: { id: string; text: string }[] }[] }[];
}

interface Cache {
	lessons: Map<string, StoredLessonBody>;
	/** each lesson's generated body, rendered to HTML once: page views only add the header around it */
	bodyHtml: Map<string, string>;
	ordered: LessonSummary[];
	sourceViews: Map<string, SourceView>;
}

let cache: Cache = { lessons: new Map(), bodyHtml: new Map(), ordered: [], sourceViews: new Map() };

export async function loadLessonCache(db: Database): Promise<void> {
	const [lessonRows, sourceRows] = await Promise.all([
		db.select({ body: lessons.body }).from(lessons).where(eq(lessons.active, true)).orderBy(asc(lessons.position)),
		db.select().from(sources).orderBy(asc(sources.fileName))
	]);
	const bodies = lessonRows.map((row) => row.body as StoredLessonBody);
	const sourceViews = new Map<string, SourceView>();
	for (const row of sourceRows) {
		// stored when content was generated; segmented here only for a source never generated yet
		const view = row.view ?? sourceSections(segmentSource({ id: row.id, title: row.title, kind: row.kind, publisher: row.publisher, rawText: row.rawText }, classifyLines(row.rawText)));
		sourceViews.set(row.id, {
			id: row.id,
			title: row.title,
			publisher: row.publisher,
			kind: row.kind,
			published: row.published,
			license: row.license,
			sections: view.sections
		});
	}
	const sourceTitles = Object.fromEntries(sourceRows.map((row) => [row.id, row.title]));
	cache = {
		lessons: new Map(bodies.map((body) => [body.id, body])),
		// lesson pages are not hydrated (csr = false), so Svelte's hydration markers can go
		bodyHtml: new Map(bodies.map((body) => [body.id, render(LessonBody, { props: { lesson: body, sourceTitles } }).body.replace(/<!--[\[\]!]?-->/g, '')])),
		ordered: bodies.map(({ id, position, title, summary, objectives }) => ({ id, position, title, summary, objectives })),
		sourceViews
	};
	setRenderedLessonBodies(cache.bodyHtml);
}

export function listCachedLessons(): LessonSummary[] {
	return cache.ordered;
}

export function cachedLesson(id: string): StoredLessonBody | undefined {
	return cache.lessons.get(id);
}

export function cachedLessonHtml(id: string): string | undefined {
	return cache.bodyHtml.get(id);
}

export function cachedSourceView(id: string): SourceView | undefined {
	return cache.sourceViews.get(id);
}

/** The sources' metadata, for the course page's list (no query per request). */
export function listCachedSources(): Omit<SourceView, 'sections'>[] {
	return [...cache.sourceViews.values()].map(({ sections: _sections, ...meta }) => meta);
}
