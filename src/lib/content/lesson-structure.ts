/**
 * A generated lesson, organised for learning: one section per learning objective, each opening
 * with its key statements and then the supporting passages; every sentence cited by a small
 * marker; a sentence that refers outside what the lesson shows comes with the sentence before it
 * or is left out; key terms defined from the sources; the timeline, figures, perspectives and
 * disagreements placed in the section they serve; one or two "check yourself" questions per section.
 *
 * Pure post-processing of the generator's output (the lesson document, its question bank and the
 * segmented sources): it changes nothing the generator decides, so the two evolve apart.
 */
import { displayText } from './display';
import { extractKeyTerms, type KeyTerm } from './key-terms';
import type { QuestionType } from './question-types';
import { continuesPrevious, nextSentenceCompletes, referenceNeed } from './references';
import type { KeyFigure, LessonDisagreement, LessonDocument, Perspective, TimelineEvent } from './types';

export interface SourceSentence {
	id: string;
	sourceId: string;
	sectionTitle: string;
	paragraphIndex: number;
	index: number;
	text: string;
}

export interface StructureSource {
	id: string;
	title: string;
	/** in reading order */
	sentences: SourceSentence[];
}

/** What the structure needs of a bank question: never its answer. */
export interface StructureQuestion {
	id: string;
	objectiveId: string;
	type: QuestionType;
	citations: { sourceId: string; sentenceId: string }[];
}

export interface CitedSentence {
	sourceId: string;
	sentenceId: string;
	text: string;
	/** "Project Gunrunner, History": the marker's accessible name says where the sentence is */
	label: string;
	/** the source's number in the lesson's list of sources, shown as the marker */
	sourceNumber: number;
}

export interface SectionPassage {
	sourceTitle: string;
	sectionTitle: string;
	/** runs of sentences that belong together (a sentence with the one it refers back to) */
	units: CitedSentence[][];
}

export interface LessonSection {
	/** the anchor: `section-<objective id>` */
	id: string;
	objectiveId: string;
	objective: string;
	heading: string;
	keyStatements: CitedSentence[][];
	passages: SectionPassage[];
	timeline: TimelineEvent[];
	figures: KeyFigure[];
	perspectives: Perspective[];
	disagreements: LessonDisagreement[];
	/** bank questions citing only sentences this section shows, for "check yourself" */
	checkQuestionIds: string[];
}

export interface LessonKeyTerm extends KeyTerm {
	label: string;
	sourceNumber: number;
}

export interface LessonStructure {
	/** the objectives the lesson covers (a passage and a question each), in the outline's order */
	objectives: { id: string; text: string; sectionId: string }[];
	keyTerms: LessonKeyTerm[];
	sections: LessonSection[];
	/** every citation the lesson shows, `sourceId#sentenceId` → its marker's label and number */
	labels: Record<string, { label: string; sourceNumber: number }>;
	/** sentences left out because they refer to something the lesson does not show */
	dropped: { sourceId: string; sentenceId: string; reason: string }[];
}

const CHECK_TYPE_ORDER: QuestionType[] = ['multiple_choice', 'attribution', 'true_false', 'numeric', 'fill_blank'];
const CHECKS_PER_SECTION = 2;
const LONG_SECTION_UNITS = 6;
const KEY_STATEMENTS_PER_SECTION = 2;

const LEARNING_VERB = /^(?:state|explain|recall|name|describe|identify|compare|summari[sz]e|place|judge|list|define|outline|discuss|evaluate|analy[sz]e|understand|know|learn|trace|give|find|show|say|tell)\s+/i;

/** "Explain what eTrace does." → "What eTrace does": an objective as a section heading. */
export function sectionHeading(objective: string): string {
	const text = objective.trim().replace(/[.!]$/, '');
	// "Compare the claims …, and judge the limits …": the second verb goes too
	const rest = text.replace(LEARNING_VERB, '').replace(new RegExp(`(,? and )${LEARNING_VERB.source.slice(1)}`, 'i'), '$1');
	if (rest === text || rest.length < 8) return text;
	return rest.charAt(0).toUpperCase() + rest.slice(1);
}

const keyOf = (sourceId: string, sentenceId: string) => `${sourceId}#${sentenceId}`;

function words(text: string): Set<string> {
	return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !/^(that|this|with|from|have|were|which|their|about|what|when|they|been|also|more|than|into|said|says|against|between|through|during|after|before|under|over|within|without|while|where|there|these|those|would|could|should|other|some|such|only|each|many|much)$/.test(w)));
}

export function structureLesson(lesson: LessonDocument, sources: readonly StructureSource[], questions: readonly StructureQuestion[]): LessonStructure {
	const byKey = new Map<string, SourceSentence>();
	const sourceOrder = new Map<string, number>();
	for (const [i, source] of sources.entries()) {
		sourceOrder.set(source.id, i);
		for (const s of source.sentences) byKey.set(keyOf(s.sourceId, s.id), s);
	}
	const titleOf = new Map(sources.map((s) => [s.id, s.title]));
	const sourceNumber = new Map(lesson.sources.map((s, i) => [s.id, i + 1]));
	const readingOrder = (a: SourceSentence, b: SourceSentence) => (sourceOrder.get(a.sourceId)! - sourceOrder.get(b.sourceId)!) || a.index - b.index;
	const neighbour = (s: SourceSentence, step: -1 | 1) => {
		const source = sources[sourceOrder.get(s.sourceId)!];
		const at = source.sentences.findIndex((x) => x.id === s.id);
		const other = source.sentences[at + step];
		return other && other.paragraphIndex === s.paragraphIndex && other.sectionTitle === s.sectionTitle ? other : undefined;
	};
	/** "Four score and seven years ago … on this continent": a source's first sentence has nothing before it to lean on */
	const opensSource = (s: SourceSentence) => sources[sourceOrder.get(s.sourceId)!].sentences[0]?.id === s.id;
	const cite = (s: SourceSentence): CitedSentence => ({
		sourceId: s.sourceId,
		sentenceId: s.id,
		text: displayText(s.text),
		label: `${titleOf.get(s.sourceId) ?? s.sourceId}, ${s.sectionTitle}`,
		sourceNumber: sourceNumber.get(s.sourceId) ?? 0
	});

	// what the lesson quotes: its key passages and every sentence a question (other than ordering, which spans lessons) cites
	const asked = questions.filter((q) => q.type !== 'ordering');
	const pool = new Map<string, SourceSentence>();
	const addToPool = (sourceId: string, sentenceId: string) => {
		const s = byKey.get(keyOf(sourceId, sentenceId));
		if (s) pool.set(keyOf(sourceId, sentenceId), s);
	};
	for (const passage of lesson.passages) for (const c of passage.sentences) addToPool(c.sourceId, c.sentenceId);
	for (const q of asked) for (const c of q.citations) addToPool(c.sourceId, c.sentenceId);

	// references: pull in the sentence referred to (same paragraph), or leave the sentence out
	const kept = new Map(pool);
	const removed = new Map<string, string>();
	const prefix = `${lesson.title}. ${lesson.summary}`;
	for (let round = 0; round < 6; round++) {
		let changed = false;
		const ordered = [...kept.values()].sort(readingOrder);
		let context = prefix;
		for (const s of ordered) {
			const key = keyOf(s.sourceId, s.id);
			const need = opensSource(s) ? undefined : referenceNeed(s.text, context);
			context += ` ${s.text}`;
			if (!need) {
				// "However, …" brings the sentence it answers when its paragraph has it; alone it still reads
				const before = continuesPrevious(s.text) ? neighbour(s, -1) : undefined;
				if (before && !kept.has(keyOf(before.sourceId, before.id)) && !removed.has(keyOf(before.sourceId, before.id)) && !referenceNeed(before.text)) {
					kept.set(keyOf(before.sourceId, before.id), before);
					changed = true;
				}
				continue;
			}
			const other = need === 'following' && !nextSentenceCompletes(s.text) ? undefined : neighbour(s, need === 'previous' ? -1 : 1);
			const otherKey = other && keyOf(other.sourceId, other.id);
			if (otherKey && kept.has(otherKey)) continue;
			if (other && otherKey && !removed.has(otherKey)) kept.set(otherKey, other);
			else {
				kept.delete(key);
				removed.set(key, need === 'previous' ? 'refers to a sentence the lesson does not show' : 'announces what follows, which the lesson does not show');
			}
			changed = true;
		}
		if (!changed) break;
	}
	// whatever still leans on a sentence not shown after the last round (a long chain of fragments) goes
	for (let settled = false; !settled; ) {
		settled = true;
		let context = prefix;
		for (const s of [...kept.values()].sort(readingOrder)) {
			const need = opensSource(s) ? undefined : referenceNeed(s.text, context);
			context += ` ${s.text}`;
			const other = need && (need === 'previous' || nextSentenceCompletes(s.text)) ? neighbour(s, need === 'previous' ? -1 : 1) : undefined;
			if (!need || (other && kept.has(keyOf(other.sourceId, other.id)))) continue;
			kept.delete(keyOf(s.sourceId, s.id));
			removed.set(keyOf(s.sourceId, s.id), 'refers to a sentence the lesson does not show');
			settled = false;
		}
	}

	// units: a sentence glued to the one before it when it refers back, or that one announces it
	const shown = [...kept.values()].sort(readingOrder);
	const units: SourceSentence[][] = [];
	let context = prefix;
	let previousNeed: ReturnType<typeof referenceNeed>;
	shown.forEach((s, i) => {
		const need = referenceNeed(s.text, context);
		context += ` ${s.text}`;
		const before = shown[i - 1];
		const glued = before && neighbour(s, -1)?.id === before.id && before.sourceId === s.sourceId && (need === 'previous' || continuesPrevious(s.text) || (previousNeed === 'following' && nextSentenceCompletes(before.text)));
		if (glued) units.at(-1)!.push(s);
		else units.push([s]);
		previousNeed = need;
	});

	// objectives: those with questions, in the outline's order
	const objectives = lesson.objectives.filter((o) => questions.some((q) => q.objectiveId === o.id));
	const votes = new Map<string, Map<string, number>>();
	for (const q of asked)
		for (const c of q.citations) {
			const key = keyOf(c.sourceId, c.sentenceId);
			const tally = votes.get(key) ?? new Map<string, number>();
			tally.set(q.objectiveId, (tally.get(q.objectiveId) ?? 0) + 1);
			votes.set(key, tally);
		}
	const objectiveOwn = new Map(objectives.map((o) => [o.id, words(o.text)]));
	const objectiveText = new Map(objectives.map((o) => [o.id, words(o.text)]));
	for (const [key, tally] of votes) {
		const s = byKey.get(key);
		const best = [...tally].sort((a, b) => b[1] - a[1])[0];
		if (s && best) for (const w of words(s.text)) objectiveText.get(best[0])?.add(w);
	}
	const voted = (sentences: readonly SourceSentence[]): string | undefined => {
		const total = new Map<string, number>();
		for (const s of sentences) for (const [o, n] of votes.get(keyOf(s.sourceId, s.id)) ?? []) if (objectiveText.has(o)) total.set(o, (total.get(o) ?? 0) + n);
		const ranked = [...total].sort((a, b) => b[1] - a[1] || objectives.findIndex((o) => o.id === a[0]) - objectives.findIndex((o) => o.id === b[0]));
		return ranked[0]?.[0];
	};
	const byOverlap = (text: string): string | undefined => {
		const mine = words(text);
		let best: string | undefined;
		let bestScore = -1;
		for (const o of objectives) {
			// the objective's own words first; the words of the sentences its questions ask about break ties
			const own = objectiveOwn.get(o.id)!;
			const theirs = objectiveText.get(o.id)!;
			const score = [...mine].filter((w) => own.has(w)).length * 1000 + [...mine].filter((w) => theirs.has(w)).length;
			if (score > bestScore) {
				best = o.id;
				bestScore = score;
			}
		}
		return best;
	};
	// a word most of the lesson uses ("project" in a lesson on a project) says little about which objective a sentence serves
	const poolWords = [...pool.values()].map((s) => words(s.text));
	const weight = (w: string) => Math.log((poolWords.length + 1) / (poolWords.filter((ws) => ws.has(w)).length + 1));
	const ownWordsMatch = (text: string): string | undefined => {
		const mine = words(text);
		const scores = objectives
			.map((o) => {
				const shared = [...objectiveOwn.get(o.id)!].filter((w) => mine.has(w));
				return { id: o.id, n: shared.length, score: shared.reduce((sum, w) => sum + weight(w), 0) };
			})
			.sort((a, b) => b.score - a.score);
		const [best, next] = scores;
		return best && best.n >= 2 && best.score > 1.5 * (next?.score ?? 0) ? best.id : undefined;
	};
	const unitObjective = new Map<SourceSentence[], string | undefined>(units.map((u) => [u, voted(u)]));
	/** a sentence with no question of its own follows the nearest one in its paragraph, then its words */
	const objectiveNear = (s: SourceSentence): string | undefined => {
		const direct = voted([s]);
		if (direct) return direct;
		// a sentence that names two or more of one objective's own words ("Congress opened an
		// investigation") belongs to that objective, whatever its paragraph's neighbours are about
		const own = ownWordsMatch(s.text);
		if (own) return own;
		let best: { distance: number; objective: string } | undefined;
		for (const [unit, objective] of unitObjective) {
			if (!objective) continue;
			for (const other of unit) {
				if (other.sourceId !== s.sourceId || other.paragraphIndex !== s.paragraphIndex || other.sectionTitle !== s.sectionTitle) continue;
				const distance = Math.abs(other.index - s.index);
				if (!best || distance < best.distance) best = { distance, objective };
			}
		}
		return best?.objective ?? byOverlap(s.text);
	};
	for (const unit of units) if (!unitObjective.get(unit)) unitObjective.set(unit, objectiveNear(unit[0]));

	const fallbackId = objectives[0]?.id;
	const sections: LessonSection[] = (objectives.length ? objectives : [{ id: 'sources', text: 'What the sources say.' }]).map((o) => ({
		id: `section-${o.id}`,
		objectiveId: o.id,
		objective: o.text,
		heading: objectives.length ? sectionHeading(o.text) : 'What the sources say',
		keyStatements: [],
		passages: [],
		timeline: [],
		figures: [],
		perspectives: [],
		disagreements: [],
		checkQuestionIds: []
	}));
	const sectionFor = (objectiveId: string | undefined) => sections.find((s) => s.objectiveId === objectiveId) ?? sections.find((s) => s.objectiveId === fallbackId) ?? sections[0];
	const sectionUnits = new Map<LessonSection, SourceSentence[][]>(sections.map((s) => [s, []]));
	for (const unit of units) sectionUnits.get(sectionFor(unitObjective.get(unit)))!.push(unit);

	const sentenceSection = new Map<string, LessonSection>();
	for (const [section, list] of sectionUnits) for (const unit of list) for (const s of unit) sentenceSection.set(keyOf(s.sourceId, s.id), section);
	const placeOf = (citation: { sourceId: string; sentenceId: string; text?: string }): LessonSection => {
		const key = keyOf(citation.sourceId, citation.sentenceId);
		const known = sentenceSection.get(key);
		if (known) return known;
		const s = byKey.get(key);
		return sectionFor(s ? objectiveNear(s) : citation.text ? byOverlap(citation.text) : undefined);
	};

	for (const [section, list] of sectionUnits) {
		const score = (unit: SourceSentence[]) => unit.reduce((n, s) => n + [...(votes.get(keyOf(s.sourceId, s.id))?.values() ?? [])].reduce((a, b) => a + b, 0), 0);
		const key = new Set<SourceSentence[]>();
		const ranked = list
			.filter((u) => u.length <= 2 && score(u) > 0)
			.map((u, i) => ({ u, i, score: score(u) }))
			.sort((a, b) => b.score - a.score || a.i - b.i);
		for (const { u } of ranked) {
			if (key.size >= KEY_STATEMENTS_PER_SECTION) break;
			// two sources saying the same thing make one key point, not two
			const mine = words(u.map((x) => x.text).join(' '));
			const repeats = [...key].some((k) => {
				const theirs = words(k.map((x) => x.text).join(' '));
				return [...mine].filter((w) => theirs.has(w)).length >= 0.5 * Math.min(mine.size, theirs.size);
			});
			if (!repeats) key.add(u);
		}
		// with one or two units the section is all key statements: nothing would support them
		if (list.length <= 2) for (const u of list) key.add(u);
		section.keyStatements = list.filter((u) => key.has(u)).map((u) => u.map(cite));
		for (const unit of list.filter((u) => !key.has(u))) {
			const first = unit[0];
			const sourceTitle = titleOf.get(first.sourceId) ?? first.sourceId;
			const last = section.passages.at(-1);
			if (last && last.sourceTitle === sourceTitle && last.sectionTitle === first.sectionTitle) last.units.push(unit.map(cite));
			else section.passages.push({ sourceTitle, sectionTitle: first.sectionTitle, units: [unit.map(cite)] });
		}
	}

	// the timeline serves the section most of its events belong to; the rest go where their sentence is
	if (lesson.timeline.length) {
		const tally = new Map<LessonSection, number>();
		for (const e of lesson.timeline) tally.set(placeOf(e.citation), (tally.get(placeOf(e.citation)) ?? 0) + 1);
		const home = [...tally].sort((a, b) => b[1] - a[1] || sections.indexOf(a[0]) - sections.indexOf(b[0]))[0][0];
		home.timeline = lesson.timeline;
		// a passage the timeline already shows, word for word, is not shown a second time below it
		const onTimeline = new Set(lesson.timeline.map((e) => keyOf(e.citation.sourceId, e.citation.sentenceId)));
		for (const passage of home.passages) passage.units = passage.units.filter((u) => !u.every((s) => onTimeline.has(keyOf(s.sourceId, s.sentenceId))));
		home.passages = home.passages.filter((p) => p.units.length > 0);
	}
	for (const f of lesson.figures) placeOf(f.citation).figures.push(f);
	for (const p of lesson.perspectives) placeOf(p.citation).perspectives.push(p);
	for (const d of lesson.disagreements) {
		const tally = new Map<LessonSection, number>();
		for (const c of d.claims) tally.set(placeOf(c.citation), (tally.get(placeOf(c.citation)) ?? 0) + 1);
		const home = [...tally].sort((a, b) => b[1] - a[1] || sections.indexOf(a[0]) - sections.indexOf(b[0]))[0]?.[0] ?? sections[0];
		home.disagreements.push(d);
	}

	// a passage a perspective or a disagreement of the same section already quotes (nearly) whole is not repeated
	for (const section of sections) {
		const quoted = new Set<string>();
		// only a quote of (nearly) the whole sentence: a claim cut from it would lose the rest ("In June 2011 Congress opened…")
		const quotesWhole = (citation: { sourceId: string; sentenceId: string }, quote: string) => {
			const whole = byKey.get(keyOf(citation.sourceId, citation.sentenceId));
			if (whole && quote.length >= 0.75 * whole.text.length) quoted.add(keyOf(citation.sourceId, citation.sentenceId));
		};
		for (const p of section.perspectives) quotesWhole(p.citation, p.claim);
		for (const d of section.disagreements) for (const c of d.claims) quotesWhole(c.citation, c.citation.text);
		for (const passage of section.passages) passage.units = passage.units.filter((u) => !u.every((x) => quoted.has(keyOf(x.sourceId, x.sentenceId))));
		section.passages = section.passages.filter((p) => p.units.length > 0);
	}

	// check yourself: questions answered by what the section shows, choice questions first
	for (const section of sections) {
		const inSection = new Set([...sentenceSection].filter(([, s]) => s === section).map(([k]) => k));
		const candidates = asked
			.filter((q) => CHECK_TYPE_ORDER.includes(q.type) && q.citations.length > 0 && q.citations.every((c) => inSection.has(keyOf(c.sourceId, c.sentenceId))))
			.sort(
				(a, b) =>
					Number(b.objectiveId === section.objectiveId) - Number(a.objectiveId === section.objectiveId) ||
					CHECK_TYPE_ORDER.indexOf(a.type) - CHECK_TYPE_ORDER.indexOf(b.type) ||
					a.id.localeCompare(b.id)
			);
		const used = new Set<string>();
		// a short section gets one question, a longer one two
		const wanted = (sectionUnits.get(section)?.length ?? 0) >= LONG_SECTION_UNITS ? CHECKS_PER_SECTION : 1;
		for (const q of candidates) {
			if (section.checkQuestionIds.length >= wanted) break;
			const keys = q.citations.map((c) => keyOf(c.sourceId, c.sentenceId));
			if (keys.some((k) => used.has(k))) continue;
			section.checkQuestionIds.push(q.id);
			for (const k of keys) used.add(k);
		}
	}

	// an objective is listed only when its section shows a passage and the bank asks about it
	const covered = sections.filter((s) => s.keyStatements.length + s.passages.length > 0);
	const coveredObjectives = objectives.filter((o) => covered.some((s) => s.objectiveId === o.id));
	// what was placed in a section with nothing to show moves to the first that has something
	for (const section of sections) {
		const home = covered[0];
		if (covered.includes(section) || !home) continue;
		home.timeline = home.timeline.length ? home.timeline : section.timeline;
		home.figures.push(...section.figures);
		home.perspectives.push(...section.perspectives);
		home.disagreements.push(...section.disagreements);
	}

	const lessonText = [lesson.title, lesson.summary, ...coveredObjectives.map((o) => o.text), ...shown.map((s) => s.text)].join(' ');
	const lessonSentences = sources.filter((s) => sourceNumber.has(s.id)).flatMap((s) => s.sentences);
	const keyTerms = extractKeyTerms(lessonSentences, lessonText).map((t) => {
		const s = byKey.get(keyOf(t.sourceId, t.sentenceId));
		return { ...t, label: s ? cite(s).label : (titleOf.get(t.sourceId) ?? t.sourceId), sourceNumber: sourceNumber.get(t.sourceId) ?? 0 };
	});

	const labels: LessonStructure['labels'] = {};
	const citations = [
		...lesson.timeline.map((e) => e.citation),
		...lesson.figures.map((f) => f.citation),
		...lesson.perspectives.map((p) => p.citation),
		...lesson.actors.map((a) => a.citation),
		...lesson.disagreements.flatMap((d) => d.claims.map((c) => c.citation))
	];
	for (const c of citations) {
		const s = byKey.get(keyOf(c.sourceId, c.sentenceId));
		labels[keyOf(c.sourceId, c.sentenceId)] = s
			? { label: cite(s).label, sourceNumber: cite(s).sourceNumber }
			: { label: titleOf.get(c.sourceId) ?? c.sourceId, sourceNumber: sourceNumber.get(c.sourceId) ?? 0 };
	}

	return {
		labels,
		objectives: coveredObjectives.map((o) => ({ id: o.id, text: o.text, sectionId: `section-${o.id}` })),
		keyTerms,
		sections: covered,
		dropped: [...removed].map(([key, reason]) => {
			const [sourceId, sentenceId] = key.split('#');
			return { sourceId, sentenceId, reason };
		})
	};
}
