import { citeQuote, citeSentence } from './citations';
import { KNOWN_DISAGREEMENTS } from './disagreements';
import { digest } from './hash';
import { glossaryEntry } from './glossary';
import { COURSE_OUTLINE, type OutlineLesson } from './outline';
import type { Actor, AnalysedSource, KeyFigure, LessonDocument, Sentence, TimelineEvent } from './types';
import { capitalise } from './rewrite';

export interface LessonPlan {
	outline: OutlineLesson;
	generated: boolean;
	sentences: Sentence[];
}

function hits(text: string, phrase: string): boolean {
	const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** How strongly a sentence belongs to a lesson: its keywords, plus its section. */
export function topicScore(sentence: Sentence, lesson: OutlineLesson): number {
	let score = 0;
	for (const objective of lesson.objectives) for (const keyword of objective.keywords) if (hits(sentence.text, keyword)) score += 1;
	if (score > 0 && (lesson.sections.includes(`${sentence.sourceId}#${sentence.sectionId}`) || lesson.sections.includes(`${sentence.sourceId}#*`))) score += 1.5;
	return score;
}

/** A lesson for a source that matched no topic: its title, and objectives about its facts. */
function generatedOutline(analysed: AnalysedSource): OutlineLesson {
	const { source } = analysed;
	return {
		id: `source-${source.id}`,
		title: source.title,
		summary: `What ${source.publisher} reports in “${source.title}”.`,
		sections: analysed.sections.map((section) => `${source.id}#${section.id}`),
		objectives: [
			{ id: 'facts', text: `Recall the key facts, figures and dates reported in “${source.title}”.`, keywords: [] },
			{ id: 'claims', text: `Identify who says what in “${source.title}”.`, keywords: [] }
		]
	};
}

/**
 * Routes every prose sentence to the lesson whose topic it matches best. A sentence that matches
 * none follows its paragraph's neighbours; a source none of whose sentences match gets a lesson of
 * its own, so a new source always shows up in the course.
 */
export function planLessons(analysed: readonly AnalysedSource[]): LessonPlan[] {
	const plans: LessonPlan[] = COURSE_OUTLINE.map((outline) => ({ outline, generated: false, sentences: [] }));
	for (const source of analysed) {
		const chosen = source.sentences.map((sentence) => {
			let best: LessonPlan | undefined;
			// one stray keyword is not a topic: a sentence needs two signals (two keywords, or one in a home section)
			let bestScore = 1.9;
			for (const plan of plans.slice(0, COURSE_OUTLINE.length)) {
				const score = topicScore(sentence, plan.outline);
				if (score > bestScore) {
					best = plan;
					bestScore = score;
				}
			}
			return best;
		});
		if (chosen.every((plan) => plan === undefined)) {
			if (source.sentences.length > 0) plans.push({ outline: generatedOutline(source), generated: true, sentences: [...source.sentences] });
			continue;
		}
		source.sentences.forEach((sentence, i) => {
			let plan = chosen[i];
			// unmatched: take the lesson of the nearest matched sentence in the same paragraph
			for (let d = 1; !plan && d < 6; d++) {
				for (const j of [i - d, i + d]) {
					const neighbour = source.sentences[j];
					if (!plan && neighbour?.paragraphIndex === sentence.paragraphIndex) plan = chosen[j];
				}
			}
			plan?.sentences.push(sentence);
		});
	}
	return plans.filter((plan) => plan.sentences.length > 0);
}

const PRONOUN_START = /^(it|this|that|these|those|they|he|she|his|her|their|its|we|our|here’s|here's)\b/i;

/** Shown alone, does the statement still make sense? */
export function isSelfContained(statement: string): boolean {
	if (PRONOUN_START.test(statement)) return false;
	if (/^[“"]/.test(statement) && !/[”"].*\b(said|says)\b/.test(statement)) return false;
	if (/\b(it|they|he|she) (said|says)\b/i.test(statement)) return false;
	if (/\b(these|those|the following) (subject areas|weapons|agencies|cases)\b|\bthat field division\b/i.test(statement)) return false;
	if (/\b(this|that) (operation|program|discrepancy|conclusion|money|report)\b/i.test(statement)) return false;
	if (/\b(the official|the document|the operation|the case|the bill|the committee)\b/i.test(statement)) return false;
	return statement.split(/\s+/).length >= 7;
}

function dateLabel(sentence: Sentence): { year: number; month?: number; day?: number; text: string } | undefined {
	const dated = sentence.entities.filter((e) => e.year !== undefined && (e.type === 'year' || e.type === 'date' || e.type === 'fiscal_year'));
	const first = dated[0];
	if (!first || first.year === undefined) return undefined;
	return { year: first.year, ...(first.month ? { month: first.month } : {}), ...(first.day ? { day: first.day } : {}), text: first.text };
}

/** The event without its date phrase: "In June 2011 Congress opened…" → "Congress opened…". */
export function eventText(sentence: Sentence, dateText: string): string {
	const escaped = dateText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const text = sentence.statement
		.replace(new RegExp(`^(?:In|On|By|During|Since)\\s+(?:[A-Z][a-z]+,?\\s+)?${escaped},?\\s+`), '')
		.replace(new RegExp(`\\s+(?:in|on|during)\\s+${escaped}\\.$`), '.');
	return capitalise(text);
}

export function extractTimeline(sentences: readonly Sentence[]): TimelineEvent[] {
	const events: TimelineEvent[] = [];
	for (const sentence of sentences) {
		const date = dateLabel(sentence);
		if (!date) continue;
		const text = eventText(sentence, date.text);
		if (!isSelfContained(text)) continue;
		// a sentence naming three or more years is a summary, not one event
		if (new Set(text.match(/\b(19|20)\d{2}\b/g) ?? []).size >= 3) continue;
		events.push({
			id: `e-${sentence.id}`,
			year: date.year,
			...(date.month ? { month: date.month } : {}),
			...(date.day ? { day: date.day } : {}),
			dateText: date.text,
			text,
			citation: citeSentence(sentence)
		});
	}
	return events.sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0) || a.id.localeCompare(b.id));
}

const TRAILING_FILLER = /(\s+(the|to|of|and|in|for|a|an|by|with|involving|were|was|at))+$/i;

/** What a number counts: the words after it, up to the next number or the end of the clause. */
export function whatItCounts(sentence: Sentence, start: number, end: number): string {
	const nextNumber = sentence.entities.find((e) => e.start >= end && ['cardinal', 'money', 'percent', 'year'].includes(e.type));
	const stop = nextNumber ? nextNumber.start - sentence.start : sentence.text.length;
	const after = sentence.text.slice(end - sentence.start, stop).split(/,\s|;|:|\(|\)|—|–|\.(?:\s|$)/)[0].trim();
	const words = after.split(/\s+/).filter(Boolean).slice(0, 12).join(' ').replace(TRAILING_FILLER, '');
	if (words && !/^(of|to|in|for|and|or|from|by|with)\b/i.test(words)) return words;
	const before = sentence.text.slice(0, start - sentence.start).split(/,\s|;|:|\(/).at(-1)?.trim() ?? '';
	return [before.split(/\s+/).slice(-8).join(' '), words].filter(Boolean).join(' … ');
}

const KEY_FIGURE_LIMIT = 8;

/** Numbers with what they count: one row per value, the largest first, up to a table's worth. */
export function extractFigures(sentences: readonly Sentence[]): KeyFigure[] {
	const figures: KeyFigure[] = [];
	for (const sentence of sentences) {
		for (const entity of sentence.entities) {
			if (!['cardinal', 'money', 'percent'].includes(entity.type) || entity.value === undefined) continue;
			if (entity.type === 'cardinal' && (entity.value < 5 || /^\p{L}+$/u.test(entity.text))) continue;
			// "Sept. 11" is a date, not a figure
			if (/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(sentence.text.slice(0, entity.start - sentence.start))) continue;
			figures.push({ value: entity.text, counts: whatItCounts(sentence, entity.start, entity.end), citation: citeSentence(sentence) });
		}
	}
	const seen = new Set<string>();
	const distinct = figures.filter((f) => {
		const key = f.value.replace(/^(approximately|about|nearly|over|more than|at least)\s+/i, '').toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	// money first, then the rest in reading order: a short table a student can take in
	const money = distinct.filter((f) => f.value.includes('$'));
	return [...money, ...distinct.filter((f) => !f.value.includes('$'))].slice(0, KEY_FIGURE_LIMIT);
}

export function extractActors(sentences: readonly Sentence[]): Actor[] {
	const actors = new Map<string, Actor>();
	for (const sentence of sentences) {
		for (const entity of sentence.entities) {
			if (entity.type !== 'person' && entity.type !== 'organisation') continue;
			const entry = entity.glossaryId ? glossaryEntry(entity.glossaryId) : undefined;
			const id = entry?.id ?? `n-${digest([entity.text], 8)}`;
			const known = actors.get(id);
			if (known) {
				known.mentions += 1;
				continue;
			}
			actors.set(id, {
				id,
				name: entry?.name ?? entity.text,
				kind: (entry?.kind ?? entity.type) === 'person' ? 'person' : 'organisation',
				...(entry?.role ? { role: entry.role } : {}),
				mentions: 1,
				citation: citeSentence(sentence)
			});
		}
	}
	return [...actors.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function lessonDisagreements(lessonId: string, analysed: readonly AnalysedSource[]): LessonDocument['disagreements'] {
	const byId = new Map(analysed.map((a) => [a.source.id, a]));
	return KNOWN_DISAGREEMENTS.filter((d) => d.lessonId === lessonId).flatMap((d) => {
		const claims = d.claims.flatMap((claim) => {
			const source = byId.get(claim.sourceId);
			const citation = source && citeQuote(source, claim.quote);
			return citation && source ? [{ label: claim.label, sourceTitle: source.source.title, citation }] : [];
		});
		// a disagreement needs at least two sides present in the loaded sources
		return claims.length >= 2 ? [{ id: d.id, title: d.title, note: d.note, claims }] : [];
	});
}

const KEY_PASSAGE_LIMIT = 14;

/**
 * The sentences a lesson quotes: those carrying a date, a figure, a name or a claim, up to a limit
 * that keeps a lesson readable in one sitting (the source viewer has the rest), in reading order.
 */
export function keyPassageSentences(ordered: readonly Sentence[]): Sentence[] {
	const weight = (s: Sentence) =>
		s.attributions.length * 2 +
		s.entities.filter((e) => ['year', 'date', 'money', 'cardinal', 'percent', 'person'].includes(e.type)).length +
		(PRONOUN_START.test(s.statement) ? -2 : 0);
	if (ordered.length <= KEY_PASSAGE_LIMIT) return [...ordered];
	const chosen = new Set(
		[...ordered]
			.map((s, i) => ({ s, i, w: weight(s) }))
			.sort((a, b) => b.w - a.w || a.i - b.i)
			.slice(0, KEY_PASSAGE_LIMIT)
			.map((x) => x.s.id)
	);
	return ordered.filter((s) => chosen.has(s.id));
}

export function buildLesson(plan: LessonPlan, position: number, analysed: readonly AnalysedSource[]): LessonDocument {
	const { outline, sentences } = plan;
	const sourceOrder = analysed.map((a) => a.source.id);
	const ordered = [...sentences].sort((a, b) => sourceOrder.indexOf(a.sourceId) - sourceOrder.indexOf(b.sourceId) || a.index - b.index);
	const passages: LessonDocument['passages'] = [];
	for (const sentence of keyPassageSentences(ordered)) {
		const last = passages.at(-1);
		const source = analysed.find((a) => a.source.id === sentence.sourceId)!.source;
		if (last && last.sourceId === sentence.sourceId && last.sectionTitle === sentence.sectionTitle) last.sentences.push(citeSentence(sentence));
		else passages.push({ sourceId: source.id, sourceTitle: source.title, sectionTitle: sentence.sectionTitle, sentences: [citeSentence(sentence)] });
	}
	const perspectives = ordered.flatMap((sentence) =>
		sentence.attributions.map((a) => ({ speakerId: a.speakerId, speaker: a.speaker, verb: a.verb, claim: a.claim, citation: citeSentence(sentence) }))
	);
	const usedSources = sourceOrder.filter((id) => sentences.some((s) => s.sourceId === id));
	return {
		id: outline.id,
		position,
		title: outline.title,
		summary: outline.summary,
		objectives: outline.objectives.map((o) => ({ id: o.id, text: o.text })),
		generated: plan.generated,
		passages,
		timeline: extractTimeline(ordered),
		figures: extractFigures(ordered),
		actors: extractActors(ordered),
		perspectives,
		disagreements: lessonDisagreements(outline.id, analysed),
		sources: usedSources.map((id) => {
			const source = analysed.find((a) => a.source.id === id)!.source;
			return { id, title: source.title, publisher: source.publisher };
		})
	};
}

/**
 * Spans that hold one side of a known disagreement, by sentence: no fact question may take a side,
 * so no blank may fall inside one and no true/false statement may contain one.
 */
export function disputedSpans(analysed: readonly AnalysedSource[]): Map<string, { start: number; end: number }[]> {
	const spans = new Map<string, { start: number; end: number }[]>();
	const add = (sentenceId: string, start: number, end: number) => spans.set(sentenceId, [...(spans.get(sentenceId) ?? []), { start, end }]);
	for (const d of KNOWN_DISAGREEMENTS) {
		for (const claim of d.claims) {
			const source = analysed.find((a) => a.source.id === claim.sourceId);
			const citation = source && citeQuote(source, claim.quote);
			if (citation) add(citation.sentenceId, citation.start, citation.end);
		}
	}
	// explicit dispute markers make the whole sentence contested
	for (const source of analysed)
		for (const s of source.sentences) if (/\b(discrepancy|disputed|no evidence|has not been explained)\b/i.test(s.text)) add(s.id, s.start, s.end);
	return spans;
}
