import { cachedLesson, cachedSourceView, listCachedLessons, listCachedSources } from '../content/lesson-cache';
import { normalisedForSearch, type SourceSentence } from '../../quiz/feedback';

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

let sentencesMemo: { views: unknown[]; sentences: SourceSentence[] } = { views: [], sentences: [] };

/** Every sentence of every source, to find where a learner's wrong choice does belong (kept until the sources reload). */
export function allSourceSentences(): SourceSentence[] {
	const views = listCachedSources().map((meta) => cachedSourceView(meta.id));
	if (views.length === sentencesMemo.views.length && views.every((v, i) => v === sentencesMemo.views[i])) return sentencesMemo.sentences;
	const sentences: SourceSentence[] = [];
	for (const view of views) {
		if (!view) continue;
		for (const section of view.sections)
			for (const paragraph of section.paragraphs)
				for (const s of paragraph.sentences) sentences.push({ sourceId: view.id, sentenceId: s.id, text: s.text, normalised: normalisedForSearch(s.text) });
	}
	sentencesMemo = { views, sentences };
	return sentences;
}

export function sourceTitle(sourceId: string): string {
	return cachedSourceView(sourceId)?.title ?? sourceId;
}
