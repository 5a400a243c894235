import { nameWithoutTitle } from './names';
import type { CourseKnowledge, OutlineLesson } from './course';
import { shortPublisher } from './display';
import { contentWords } from './question-filters';
import type { AnalysedSource, Sentence } from './types';

/**
 * Routing: every prose sentence goes to the lesson it is most about, or is left out with a
 * stated reason. "About" is similarity of words (TF-IDF cosine) to each lesson's title, summary,
 * objectives and the sentences it already holds; the course file's keywords add to it (a boost,
 * never a gate). A source whose prose mostly fits no lesson gets a lesson of its own, with
 * objectives derived from its sections and the names it mentions.
 */

export interface LessonPlan {
	outline: OutlineLesson;
	generated: boolean;
	sentences: Sentence[];
}

/** Where one prose sentence went: a lesson, or left out for a stated reason. */
export interface SentenceRoute {
	sourceId: string;
	sentenceId: string;
	lessonId?: string;
	reason?: string;
}

const phrasePatterns = new Map<string, RegExp>();

function hits(text: string, phrase: string): boolean {
	let pattern = phrasePatterns.get(phrase);
	if (!pattern) {
		const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
		phrasePatterns.set(phrase, pattern);
	}
	return pattern.test(text);
}

/** How strongly the course file's keywords tie a sentence to a lesson, plus its home sections. */
export function topicScore(sentence: Sentence, lesson: OutlineLesson): number {
	let score = 0;
	for (const objective of lesson.objectives) for (const keyword of objective.keywords) if (hits(sentence.text, keyword)) score += 1;
	if (score > 0 && (lesson.sections.includes(`${sentence.sourceId}#${sentence.sectionId}`) || lesson.sections.includes(`${sentence.sourceId}#*`))) score += 1.5;
	return score;
}

// ---------- word vectors ----------

/** Content words, crudely stemmed so "trafficking" meets "traffickers" and "guns" meets "gun". */
export function terms(text: string): string[] {
	return contentWords(text).map((w) => w.replace(/(?:ing|ers?|ed|es|s)$/, '')).filter((w) => w.length > 2 && !/^\d+$/.test(w));
}

type Vector = Map<string, number>;

function vectorOf(words: readonly string[], idf: ReadonlyMap<string, number>): Vector {
	const v: Vector = new Map();
	for (const w of words) v.set(w, (v.get(w) ?? 0) + (idf.get(w) ?? 1));
	return v;
}

function add(into: Vector, v: Vector, weight = 1): void {
	for (const [w, x] of v) into.set(w, (into.get(w) ?? 0) + x * weight);
}

function cosine(a: Vector, b: Vector): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (const [w, x] of a) {
		na += x * x;
		const y = b.get(w);
		if (y) dot += x * y;
	}
	for (const y of b.values()) nb += y * y;
	return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** A sentence this similar to a lesson is about it (TF-IDF cosine, measured on the seeds and the corpus). */
const FIT = 0.1;
/** A source with less than this share of its sentences fitting a lesson is about something else: it gets its own. */
const SOURCE_FIT = 0.5;
/** In a source on the course's subject, a sentence this similar to its closest lesson still goes there. */
const PLACE = 0.05;
/** With the course file's keywords, a sentence needs two signals (two keywords, or one in a home section). */
const KEYWORD_GATE = 1.9;

/** Why a sentence cannot stand in a lesson at all, whatever it is about. */
export function unfitReason(sentence: Sentence): string | undefined {
	const words = sentence.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
	if (words.length < 4) return 'is too short to stand alone (a label or a fragment)';
	// "as tall as ," "of ." : the source lost a number or a name (a stripped template)
	if (/\b(?:as|of|to|the|a|an|by|at|from|than|about|with|in|and)\s+[,.;:)](?!\d)/i.test(sentence.text)) return 'has words missing in the source (a number or name was stripped out)';
	return undefined;
}

/**
 * Routes every prose sentence, recording where each went in `routes`. Lessons of the course file
 * come first, in its order; lessons made for sources that fit none follow, in source order.
 */
export function planLessons(analysed: readonly AnalysedSource[], knowledge: CourseKnowledge, routes: SentenceRoute[] = []): LessonPlan[] {
	const outline = knowledge.outline;
	const plans: LessonPlan[] = outline.map((lesson) => ({ outline: lesson, generated: false, sentences: [] }));
	const all = analysed.flatMap((a) => a.sentences);
	const termsOf = new Map(all.map((s) => [s.id, terms(s.text)]));
	const df = new Map<string, number>();
	for (const words of termsOf.values()) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
	const idf = new Map([...df].map(([w, n]) => [w, Math.log((1 + all.length) / n)]));
	const sentenceVector = new Map(all.map((s) => [s.id, vectorOf(termsOf.get(s.id)!, idf)]));

	// first pass: what the course file says each lesson is about, and the sentences its keywords claim
	const keywordChoice = new Map<string, { plan: LessonPlan; score: number }>();
	for (const s of all) {
		let best: { plan: LessonPlan; score: number } | undefined;
		for (const plan of plans) {
			const score = topicScore(s, plan.outline);
			if (score > KEYWORD_GATE && (!best || score > best.score)) best = { plan, score };
		}
		if (best) keywordChoice.set(s.id, best);
	}
	const profile = new Map<LessonPlan, Vector>();
	for (const plan of plans) {
		const o = plan.outline;
		const v = vectorOf(terms([o.title, o.summary, ...o.objectives.flatMap((x) => [x.text, ...x.keywords])].join(' ')), idf);
		const own: Vector = new Map();
		const claimed = all.filter((s) => keywordChoice.get(s.id)?.plan === plan);
		for (const s of claimed) add(own, sentenceVector.get(s.id)!, 1 / Math.max(1, claimed.length));
		// the lesson's current content weighs as much as its description
		add(v, own, claimed.length ? norm(v) / Math.max(norm(own), 1e-9) : 0);
		profile.set(plan, v);
	}
	const coursePlans = [...plans];
	const similarity = (s: Sentence) => {
		let best: { plan: LessonPlan; sim: number } | undefined;
		for (const plan of coursePlans) {
			const sim = cosine(sentenceVector.get(s.id)!, profile.get(plan)!);
			if (!best || sim > best.sim) best = { plan, sim };
		}
		return best;
	};

	for (const source of analysed) {
		const sentences = source.sentences;
		const fit = sentences.map((s) => similarity(s));
		// keywords alone do not make a source on-topic: one about another subject shares few words with the lessons
		const fitting = sentences.filter((s, i) => (fit[i]?.sim ?? 0) >= FIT).length;
		if (sentences.length && (coursePlans.length === 0 || fitting / sentences.length < SOURCE_FIT)) {
			const plan: LessonPlan = { outline: generatedOutline(source), generated: true, sentences: [] };
			for (const s of sentences) {
				const reason = unfitReason(s);
				if (reason) routes.push({ sourceId: s.sourceId, sentenceId: s.id, reason });
				else {
					plan.sentences.push(s);
					routes.push({ sourceId: s.sourceId, sentenceId: s.id, lessonId: plan.outline.id });
				}
			}
			if (plan.sentences.length) plans.push(plan);
			continue;
		}
		// the course file's keywords first; then the paragraph a sentence belongs to; then similarity
		const byKeyword = sentences.map((s): LessonPlan | undefined => (unfitReason(s) ? undefined : keywordChoice.get(s.id)?.plan));
		sentences.forEach((sentence, i) => {
			const unfit = unfitReason(sentence);
			if (unfit) {
				routes.push({ sourceId: sentence.sourceId, sentenceId: sentence.id, reason: unfit });
				return;
			}
			let plan = byKeyword[i];
			for (let d = 1; !plan && d < 6; d++) {
				for (const j of [i - d, i + d]) {
					const neighbour = sentences[j];
					if (!plan && neighbour?.paragraphIndex === sentence.paragraphIndex) plan = byKeyword[j];
				}
			}
			if (!plan && (fit[i]?.sim ?? 0) >= PLACE) plan = fit[i]!.plan;
			if (plan) {
				plan.sentences.push(sentence);
				routes.push({ sourceId: sentence.sourceId, sentenceId: sentence.id, lessonId: plan.outline.id });
			} else {
				routes.push({ sourceId: sentence.sourceId, sentenceId: sentence.id, reason: `shares too few words with any lesson (closest: ${fit[i]?.plan.outline.id ?? 'none'}, similarity ${(fit[i]?.sim ?? 0).toFixed(2)} below ${PLACE})` });
			}
		});
	}
	return plans.filter((plan) => plan.sentences.length > 0);
}

function norm(v: Vector): number {
	let n = 0;
	for (const x of v.values()) n += x * x;
	return Math.sqrt(n);
}

/** The most mentioned names of a source (people and organisations), most frequent first. */
/** a kind of text that is spoken, by its publisher when no label names a speaker: "speech", "address", "remarks" */
const SPOKEN_KIND = /\b(?:speech|address|remarks|sermon|testimony|statement|interview)\b/i;

function topNames(analysed: AnalysedSource, limit: number): string[] {
	const counts = new Map<string, number>();
	for (const s of analysed.sentences)
		for (const e of new Set(s.entities.filter((x) => x.type === 'person' || x.type === 'organisation').flatMap((x) => nameWithoutTitle(x.text) ?? [])))
			counts.set(e, (counts.get(e) ?? 0) + 1);
	return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([name]) => name);
}

/**
 * A lesson for a source that fits no lesson of the course: its title, and objectives derived from
 * its content (its main sections, the people and bodies it names most, its facts and claims).
 */
export function generatedOutline(analysed: AnalysedSource): OutlineLesson {
	const { source } = analysed;
	const bySection = new Map<string, Sentence[]>();
	for (const s of analysed.sentences) bySection.set(s.sectionId, [...(bySection.get(s.sectionId) ?? []), s]);
	const sectionObjectives = analysed.sections
		.filter((section) => (bySection.get(section.id)?.length ?? 0) >= 4 && !/^introduction$/i.test(section.title))
		.sort((a, b) => (bySection.get(b.id)?.length ?? 0) - (bySection.get(a.id)?.length ?? 0))
		.slice(0, 3)
		.map((section) => {
			const words = new Map<string, number>();
			for (const s of bySection.get(section.id) ?? []) for (const w of new Set(terms(s.text))) words.set(w, (words.get(w) ?? 0) + 1);
			const keywords = [...words].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 6).map(([w]) => w);
			return { id: `section-${section.id}`.slice(0, 40), text: `Explain what “${source.title}” says under “${section.title}”.`, keywords };
		});
	const names = topNames(analysed, 4);
	return {
		id: `source-${source.id}`,
		title: source.title,
		// a speech is its speaker's, not its publisher's: "What Mrs. McCaskill said in a floor statement (…)."
		summary: analysed.speech
			? `What ${analysed.speech.speaker} said in ${analysed.speech.occasion}.`
			: SPOKEN_KIND.test(source.kind)
				? `What ${shortPublisher(source.publisher)} said in “${source.title}”.`
				: `What ${shortPublisher(source.publisher)} reports in “${source.title}”.`,
		sections: analysed.sections.map((section) => `${source.id}#${section.id}`),
		objectives: [
			{ id: 'facts', text: `Recall the key facts, figures and dates reported in “${source.title}”.`, keywords: [] },
			...sectionObjectives,
			...(names.length >= 2 ? [{ id: 'people', text: `Identify the people and bodies involved, among them ${names.slice(0, -1).join(', ')} and ${names.at(-1)}.`, keywords: names }] : []),
			// (a speech, or a text that quotes nobody, has no one else's claims to tell apart)
			...(analysed.sentences.some((s) => s.attributions.length) ? [{ id: 'claims', text: `Identify who says what in “${source.title}”.`, keywords: [] }] : [])
		]
	};
}
