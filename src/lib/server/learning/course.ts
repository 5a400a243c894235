import { cachedLesson, cachedSourceView, listCachedLessons, listCachedSources } from '../content/lesson-cache';
import type { SourceSentence } from '../../quiz/feedback';

/** Where a lesson, and the section of an objective in it, are read (from the in-memory lessons). */

/**
 * The lesson's section for this objective (lesson pages give each objective's section the id
 * `section-<objective id>`), or the lesson itself when the lesson does not list the objective.
 */
export function lessonSectionHref(lessonId: string, objectiveId?: string): string {
	const base = `/lessons/${encodeURIComponent(lessonId)}`;
	const listed = objectiveId !== undefined && (cachedLesson(lessonId)?.objectives ?? []).some((o) => o.id === objectiveId);
	return listed ? `${base}#section-${encodeURIComponent(objectiveId!)}` : base;
}

/** The lesson after this one in the course, if any. */
export function nextLessonAfter(lessonId: string): { id: string; title: string; position: number } | null {
	const ordered = listCachedLessons();
	const at = ordered.findIndex((l) => l.id === lessonId);
	const next = at >= 0 ? ordered[at + 1] : undefined;
	return next ? { id: next.id, title: next.title, position: next.position } : null;
}

/** Every sentence of every source, to find where a learner's wrong choice does belong. */
export function allSourceSentences(): SourceSentence[] {
	const sentences: SourceSentence[] = [];
	for (const meta of listCachedSources()) {
		const view = cachedSourceView(meta.id);
		if (!view) continue;
		for (const section of view.sections)
			for (const paragraph of section.paragraphs)
				for (const s of paragraph.sentences) sentences.push({ sourceId: view.id, sentenceId: s.id, text: s.text });
	}
	return sentences;
}

export function sourceTitle(sourceId: string): string {
	return cachedSourceView(sourceId)?.title ?? sourceId;
}
