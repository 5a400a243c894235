import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { lessons, questions, questionVersions, sources } from '../db/schema';
import { classifyLines } from '../../content/clean';
import { segmentSource } from '../../content/segment';
import { sourceSections, type SourceSections } from '../../content/source-view';
import { render } from 'svelte/server';
import type { StoredLessonBody } from './store';
import { anchorCitations } from './citation-anchors';
import { setRenderedLessonPages, type LessonPageParts } from '../../content/rendered-lessons';
import { structureLesson, type SourceSentence, type StructureSource } from '../../content/lesson-structure';
import type { Citation, QuestionAnswer, QuestionPrompt, QuestionType } from '../../content/question-types';
import { displayText } from '../../content/display';
import { presentCheck, type CheckPrompt, type CheckQuestion } from './lesson-checks';
import { answerKeySecret } from '../installation-secret';

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
	/** the size of the lesson's question bank; a lesson with none is read, not quizzed */
	quizQuestions: number;
}

export interface SourceView {
	id: string;
	title: string;
	publisher: string;
	kind: string;
	published: string;
	license: string;
	sections: { id: string; title: string; paragraphs: { id: string; sentences: { id: string; text: string }[] }[] }[];
	speaker?: string;
}

interface Cache {
	lessons: Map<string, StoredLessonBody>;
	/** each lesson page's parts, rendered to HTML once: key terms, sections, people and organisations */
	pages: Map<string, LessonPageParts>;
	/** check questions by lesson, then by question id: answers stay on the server */
	checks: Map<string, Map<string, CheckQuestion>>;
	ordered: LessonSummary[];
	sourceViews: Map<string, SourceView>;
}

let cache: Cache = { lessons: new Map(), pages: new Map(), checks: new Map(), ordered: [], sourceViews: new Map() };

const stripMarkers = (html: string) => html.replace(/<!--[\[\]!]?-->/g, '');

export async function loadLessonCache(db: Database): Promise<void> {
	// loaded here, not at the top: the quiz and review modules reach this file, and tools that run them
	// outside the app's build (the benchmark, the browser tests' fixtures) cannot load a .svelte file
	const { default: LessonBody } = await import('../../components/LessonBody.svelte');
	const [lessonRows, sourceRows, questionRows, key] = await Promise.all([
		db.select({ body: lessons.body }).from(lessons).where(eq(lessons.active, true)).orderBy(asc(lessons.position)),
		db.select().from(sources).orderBy(asc(sources.fileName)),
		db
			.select({
				id: questions.id,
				lessonId: questions.lessonId,
				objectiveId: questions.objectiveId,
				type: questions.type,
				prompt: questionVersions.prompt,
				answer: questionVersions.answer,
				citations: questionVersions.citations
			})
			.from(questions)
			.innerJoin(questionVersions, and(eq(questionVersions.questionId, questions.id), eq(questionVersions.version, questions.currentVersion)))
			.where(eq(questions.active, true))
			.orderBy(asc(questions.id)),
		answerKeySecret(db)
	]);
	const bodies = lessonRows.map((row) => row.body as StoredLessonBody);
	const bank = questionRows.map((row) => ({
		...row,
		type: row.type as QuestionType,
		prompt: row.prompt as QuestionPrompt,
		answer: row.answer as QuestionAnswer,
		citations: row.citations as Citation[]
	}));
	const structureSources: StructureSource[] = [];
	const sourceViews = new Map<string, SourceView>();
	for (const row of sourceRows) {
		// stored when content was generated; segmented here only for a source never generated yet
		const view = row.view ?? sourceSections(segmentSource({ id: row.id, title: row.title, kind: row.kind, publisher: row.publisher, rawText: row.rawText }, classifyLines(row.rawText)));
		structureSources.push({ id: row.id, title: row.title, sentences: readingOrder(row.id, view) });
		sourceViews.set(row.id, {
			id: row.id,
			title: row.title,
			publisher: row.publisher,
			kind: row.kind,
			published: row.published,
			license: row.license,
			sections: view.sections,
			...(view.speaker ? { speaker: view.speaker } : {})
		});
	}
	const sourceTitles = Object.fromEntries(sourceRows.map((row) => [row.id, row.title]));
	const sentenceIndex = new Map(structureSources.flatMap((source) => source.sentences.map((s) => [`${s.sourceId}#${s.id}`, s] as const)));
	const pages = new Map<string, LessonPageParts>();
	const checks = new Map<string, Map<string, CheckQuestion>>();
	for (const body of bodies) {
		const lessonBank = bank.filter((q) => q.lessonId === body.id);
		const structure = structureLesson(body, structureSources, lessonBank);
		const lessonChecks = new Map<string, CheckQuestion>();
		// parts rendered in page order, so the first link to each sentence is the one "Back to the lesson" returns to
		const anchored = new Set<string>();
		const part = (props: { part: 'intro' | 'outro' | number }) =>
			anchorCitations(stripMarkers(render(LessonBody, { props: { lesson: body, structure, sourceTitles, ...props } }).body), anchored);
		const intro = part({ part: 'intro' });
		const sections = structure.sections.map((section, index) => {
			const prompts: CheckPrompt[] = [];
			for (const id of section.checkQuestionIds) {
				const q = lessonBank.find((x) => x.id === id)!;
				const shown = presentCheck(key, body.id, q.id, q.prompt, q.answer);
				const citations = q.citations.map((c) => {
					const s = sentenceIndex.get(`${c.sourceId}#${c.sentenceId}`);
					const number = body.sources.findIndex((x) => x.id === c.sourceId) + 1;
					return { sourceId: c.sourceId, sentenceId: c.sentenceId, text: displayText(c.text), label: `${sourceTitles[c.sourceId] ?? c.sourceId}${s ? `, ${s.sectionTitle}` : ''}`, sourceNumber: number };
				});
				lessonChecks.set(shown.id, { ...shown, lessonId: body.id, sectionId: section.id, type: q.type, answer: q.answer, citations });
				prompts.push({ id: shown.id, prompt: shown.prompt });
			}
			return { id: section.id, heading: section.heading, html: part({ part: index }), checks: prompts };
		});
		pages.set(body.id, { objectives: structure.objectives, intro, sections, outro: part({ part: 'outro' }) });
		checks.set(body.id, lessonChecks);
	}
	cache = {
		lessons: new Map(bodies.map((body) => [body.id, body])),
		pages,
		checks,
		// lesson pages are not hydrated (csr = false), so Svelte's hydration markers can go
		// the course page lists the objectives a lesson covers (a passage and a question each)
		ordered: bodies.map(({ id, position, title, summary }) => ({
			id, position, title, summary,
			objectives: pages.get(id)!.objectives.map(({ id, text }) => ({ id, text })),
			quizQuestions: bank.filter((q) => q.lessonId === id).length
		})),
		sourceViews
	};
	setRenderedLessonPages(pages);
}

/** A source's sentences in reading order, as the lesson structure reads them, from its stored view. */
function readingOrder(sourceId: string, view: SourceSections): SourceSentence[] {
	let index = 0;
	return view.sections.flatMap((section) =>
		section.paragraphs.flatMap((paragraph) =>
			paragraph.sentences.map((sentence) => ({
				id: sentence.id,
				sourceId,
				sectionTitle: section.title,
				paragraphIndex: Number(paragraph.id.slice('p-'.length)),
				index: index++,
				text: sentence.text
			}))
		)
	);
}

export function listCachedLessons(): LessonSummary[] {
	return cache.ordered;
}

export function cachedLesson(id: string): StoredLessonBody | undefined {
	return cache.lessons.get(id);
}

export function cachedLessonPage(id: string): LessonPageParts | undefined {
	return cache.pages.get(id);
}

/** A check question of this lesson, with its answer: for grading only. */
export function cachedCheckQuestion(lessonId: string, questionId: string): CheckQuestion | undefined {
	return cache.checks.get(lessonId)?.get(questionId);
}

export function cachedSourceView(id: string): SourceView | undefined {
	return cache.sourceViews.get(id);
}

/** The sources' metadata, for the course page's list (no query per request). */
export function listCachedSources(): Omit<SourceView, 'sections'>[] {
	return [...cache.sourceViews.values()].map(({ sections: _sections, ...meta }) => meta);
}
