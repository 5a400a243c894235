import { citeQuote, citeSentence } from './citations';
import { KNOWN_DISAGREEMENTS } from './disagreements';
import { aliasesOf, GLOSSARY, glossaryEntry, related, type GlossaryEntry } from './glossary';
import { digest } from './hash';
import { extractTimeline, isSelfContained, type LessonPlan } from './lessons';
import { normaliseAnswer } from './normalise';
import { formatLike, isWrittenInWords } from './numbers';
import { COURSE_PREMISE, type OutlineLesson } from './outline';
import { containsNormalised, isAlsoTrue, isTrivialAnswer, overlap, reportedElsewhere } from './question-filters';
import type { Choice, Citation, GeneratedQuestion, QuestionType } from './question-types';
import type { AnalysedSource, Entity, Sentence, TimelineEvent } from './types';

export interface QuestionCorpus {
	analysed: readonly AnalysedSource[];
	sentences: readonly Sentence[];
	/** contested spans by sentence id: never blanked, never stated as true */
	disputed: ReadonlyMap<string, readonly { start: number; end: number }[]>;
	/** every number value the corpus mentions: never a distractor for another count */
	numbers: ReadonlySet<number>;
	/** people named in the corpus without a glossary entry (new sources) */
	otherPeople: readonly string[];
	/** places named in so many sentences that they are the course's premise, not a fact to test */
	premise: ReadonlySet<string>;
}

export const BLANK = '_____';

export function buildCorpus(analysed: readonly AnalysedSource[], disputed: QuestionCorpus['disputed']): QuestionCorpus {
	const sentences = analysed.flatMap((a) => a.sentences);
	const numbers = new Set<number>();
	const otherPeople = new Set<string>();
	for (const sentence of sentences)
		for (const entity of sentence.entities) {
			if (entity.value !== undefined && ['cardinal', 'money', 'percent'].includes(entity.type)) numbers.add(entity.value);
			if (entity.type === 'person' && !entity.glossaryId && entity.text.includes(' ')) otherPeople.add(entity.text);
		}
	const placeMentions = new Map<string, number>();
	for (const sentence of sentences)
		for (const id of new Set(sentence.entities.filter((e) => e.type === 'place' && e.glossaryId).map((e) => e.glossaryId!)))
			placeMentions.set(id, (placeMentions.get(id) ?? 0) + 1);
	const premise = new Set([...COURSE_PREMISE, ...[...placeMentions].filter(([, n]) => n > sentences.length * 0.1).map(([id]) => id)]);
	return { analysed, sentences, disputed, numbers, otherPeople: [...otherPeople].sort(), premise };
}

/** Deterministic pick: rank candidates by a hash of the seed, never by Math.random. */
function rankBy<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
	return [...items].sort((a, b) => digest([seed, key(a)]).localeCompare(digest([seed, key(b)])));
}

function choices(texts: string[], seed: string): Choice[] {
	return rankBy(texts, seed, (t) => t).map((text) => ({ id: `o-${digest([seed, text], 8)}`, text }));
}

function sourceTitle(corpus: QuestionCorpus, sourceId: string): string {
	return corpus.analysed.find((a) => a.source.id === sourceId)?.source.title ?? sourceId;
}

function quoteExplanation(corpus: QuestionCorpus, sentences: readonly Sentence[], lead = ''): string {
	const quotes = sentences.map((s) => `“${s.text}” (${sourceTitle(corpus, s.sourceId)})`).join(' ');
	return `${lead}${lead ? ' ' : ''}The source says: ${quotes}`;
}

// ---------- blanks: which entity of a sentence a fact question asks about ----------

interface Blank {
	sentence: Sentence;
	entity: Entity;
	/** the exact text blanked out of the statement */
	answer: string;
	/** the statement with the answer replaced by the blank */
	blanked: string;
	kind: 'year' | 'number' | 'money' | 'percent' | 'person' | 'organisation' | 'place';
	kindNoun: string;
}

/** organisations that can stand in for each other as options; staff, offices and centres cannot */
const DISTRACTOR_GROUPS = new Set(['us-agency', 'us-department', 'oversight', 'legislature', 'advocacy', 'media', 'research', 'state-agency']);
/** "the _____ cartels" would give "Mexican" away */
const DEMONYMS: Record<string, string[]> = { mexico: ['Mexican'], usa: ['American'], colombia: ['Colombian'], guatemala: ['Guatemalan'], 'costa-rica': ['Costa Rican'] };

const KIND_PRIORITY: Blank['kind'][] = ['money', 'number', 'percent', 'year', 'person', 'place', 'organisation'];

function occurrences(text: string, part: string): number {
	let count = 0;
	for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
	return count;
}

function placeNoun(entry: GlossaryEntry | undefined): string | undefined {
	return entry?.placeKind === 'country' ? 'country' : entry?.placeKind === 'city' ? 'city' : entry?.placeKind === 'state' ? 'state' : undefined;
}

function blankFor(sentence: Sentence, entity: Entity, premise: ReadonlySet<string>): Blank | undefined {
	// the course's premise ("guns flowing to Mexico") is not a question
	if (entity.glossaryId && premise.has(entity.glossaryId)) return undefined;
	const statement = sentence.statement;
	let answer = entity.text;
	let kind: Blank['kind'];
	let kindNoun: string;
	const entry = entity.glossaryId ? glossaryEntry(entity.glossaryId) : undefined;
	switch (entity.type) {
		case 'year':
			kind = 'year';
			kindNoun = 'year';
			break;
		case 'money':
			kind = 'money';
			kindNoun = 'amount';
			answer = entity.text.replace(/^(approximately|about|nearly|over|more than|at least|some)\s+/i, '');
			break;
		case 'percent':
			kind = 'percent';
			kindNoun = 'percentage';
			answer = entity.text.replace(/^(approximately|about|nearly|over|more than|at least|some)\s+/i, '');
			break;
		case 'cardinal':
			if (isWrittenInWords(entity.text) || (entity.value ?? 0) < 5) return undefined;
			kind = 'number';
			kindNoun = 'number';
			answer = /[\d,.]+(?:\s(?:million|billion|thousand))?/.exec(entity.text)?.[0] ?? entity.text;
			break;
		case 'person':
			if (!entry || entry.kind !== 'person' || !entry.role) return undefined;
			if (statement.includes(entry.name)) answer = entry.name;
			else answer = entity.text;
			kind = 'person';
			kindNoun = 'person';
			break;
		case 'organisation':
			if (!entry || !entry.group || entry.id === 'atf' || !DISTRACTOR_GROUPS.has(entry.group)) return undefined;
			kind = 'organisation';
			kindNoun = entry.group === 'advocacy' ? 'group' : 'organisation';
			break;
		case 'place': {
			const noun = placeNoun(entry);
			if (!noun) return undefined;
			kind = 'place';
			kindNoun = noun;
			break;
		}
		default:
			return undefined;
	}
	if (isTrivialAnswer(answer) || occurrences(statement, answer) !== 1) return undefined;
	const at = statement.indexOf(answer);
	// never change words inside a quotation: a true/false swap there would misquote someone
	const before = statement.slice(0, at);
	if ((before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length || (before.match(/"/g) ?? []).length % 2 === 1) return undefined;
	// the last of a long list of agencies is list trivia, not a fact worth asking
	if ((kind === 'organisation' || kind === 'place') && sentence.entities.filter((e) => e.type === entity.type).length >= 4) return undefined;
	// "(ICE)": an acronym in brackets only repeats the name before it
	if (statement[at - 1] === '(') return undefined;
	// the blank must not split a word ("2009" inside "FY 2009")
	if (/[\p{L}\p{N}]/u.test(statement[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(statement[at + answer.length] ?? ' ')) return undefined;
	const blanked = statement.slice(0, at) + BLANK + statement.slice(at + answer.length);
	// a person is offered by name, whatever title the sentence gives them ("Deputy Director Melson")
	if (kind === 'person' && entry) answer = entry.name;
	// no leak through an alias ("Bureau of Alcohol…" beside a blanked "ATF") or a repeated value
	if (entry && aliasesOf(entry.id).some((alias) => alias !== answer && containsNormalised(blanked, alias))) return undefined;
	if (entity.value !== undefined && kind !== 'year' && blanked.includes(String(entity.value))) return undefined;
	if (entry && (DEMONYMS[entry.id] ?? []).some((d) => blanked.includes(d))) return undefined;
	// "Laredo, Texas": the larger place beside it narrows the answer and makes swaps absurd
	if (kind === 'place' && /^,\s+\p{Lu}/u.test(statement.slice(at + answer.length))) return undefined;
	// "Sept. 11" is a date, not a count
	if (kind === 'number' && /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(statement.slice(0, at))) return undefined;
	return { sentence, entity, answer, blanked, kind, kindNoun };
}

export function blanksOf(sentence: Sentence, corpus: QuestionCorpus): Blank[] {
	if (!isSelfContained(sentence.statement)) return [];
	const contested = corpus.disputed.get(sentence.id) ?? [];
	const blanks = sentence.entities
		.filter((entity) => !contested.some((span) => entity.start < span.end && span.start < entity.end))
		.flatMap((entity) => blankFor(sentence, entity, corpus.premise) ?? []);
	return blanks.sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.entity.start - b.entity.start);
}

// ---------- distractors ----------

function niceRound(value: number): number {
	if (value < 20) return Math.round(value);
	const magnitude = 10 ** Math.floor(Math.log10(value) - 1);
	return Math.round(value / magnitude) * magnitude;
}

function numberDistractors(blank: Blank, corpus: QuestionCorpus): string[] {
	const value = blank.entity.value ?? 0;
	const out: string[] = [];
	const candidates =
		blank.kind === 'year'
			? [-1, 1, -2, 2, 3, -3, 4, -4].map((d) => value + d)
			: blank.kind === 'percent'
				? [-30, -20, -10, 10, -40, -15].map((d) => value + d).filter((v) => v > 0 && v < 100)
				: [0.5, 2, 0.75, 1.5, 0.25, 3, 0.6, 1.8].map((f) => niceRound(value * f));
	for (const candidate of rankBy(candidates, blank.sentence.id + blank.answer, String)) {
		if (candidate === value || candidate <= 0) continue;
		if (blank.kind !== 'year' && corpus.numbers.has(candidate)) continue;
		const text = blank.kind === 'year' ? String(candidate) : formatLike(blank.answer, candidate);
		if (out.includes(text) || normaliseAnswer(text) === normaliseAnswer(blank.answer)) continue;
		if (isAlsoTrue(blank.blanked, text, corpus.sentences, blank.sentence.id)) continue;
		out.push(text);
		if (out.length === 3) break;
	}
	return out;
}

function nameDistractors(blank: Blank, corpus: QuestionCorpus): string[] {
	const entry = blank.entity.glossaryId ? glossaryEntry(blank.entity.glossaryId) : undefined;
	if (!entry) return [];
	const inSentence = new Set(blank.sentence.entities.map((e) => e.glossaryId).filter(Boolean));
	const sameKind = GLOSSARY.filter((other) => {
		if (other.kind !== entry.kind || inSentence.has(other.id) || related(other.id, entry.id)) return false;
		// a city only against cities of the same state or country: "the Phoenix area (two in Nuevo Laredo…)" contradicts itself
		if (entry.kind === 'place')
			return other.placeKind === entry.placeKind && other.id !== 'usa' && (entry.placeKind !== 'city' || other.partOf?.[0] === entry.partOf?.[0]);
		if (entry.kind === 'organisation' && !DISTRACTOR_GROUPS.has(other.group ?? '')) return false;
		if (entry.kind === 'person') return Boolean(other.role) && other.id !== 'anonymous-atf-official' && other.id !== 'atf-spokesman';
		return true;
	});
	// same group first (agencies against agencies), then the rest of the same kind
	// organisations only against their own group ("a hearing before the KNXV-TV" reads as nonsense)
	const ordered = [
		...rankBy(sameKind.filter((o) => o.group === entry.group), blank.sentence.id, (o) => o.id),
		...(entry.kind === 'organisation' ? [] : rankBy(sameKind.filter((o) => o.group !== entry.group), blank.sentence.id, (o) => o.id))
	];
	const out: string[] = [];
	for (const other of ordered) {
		// the option reads like the answer: an acronym against acronyms, a full name against full names
		const text = /^[A-Z]{2,6}$/.test(blank.answer) ? other.aliases.find((a) => /^[A-Z]{2,6}$/.test(a)) : other.name;
		if (!text || out.includes(text)) continue;
		if (isAlsoTrue(blank.blanked, text, corpus.sentences, blank.sentence.id)) continue;
		out.push(text);
		if (out.length === 3) break;
	}
	return out;
}

function distractorsFor(blank: Blank, corpus: QuestionCorpus): string[] {
	return ['person', 'organisation', 'place'].includes(blank.kind) ? nameDistractors(blank, corpus) : numberDistractors(blank, corpus);
}

// ---------- the question types ----------

function questionId(lessonId: string, type: QuestionType, citations: Citation[], answerKey: string): string {
	return `q-${digest([lessonId, type, ...citations.map((c) => c.sentenceId), answerKey], 14)}`;
}

interface Draft extends Omit<GeneratedQuestion, 'objectiveId'> {
	/** text the objective is chosen by */
	topicText: string;
}

function multipleChoice(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	const distractors = distractorsFor(blank, corpus);
	if (distractors.length < 3) return undefined;
	const citations = [citeSentence(blank.sentence)];
	const id = questionId(lessonId, 'multiple_choice', citations, blank.answer);
	const options = choices([blank.answer, ...distractors], id);
	const correct = options.find((o) => o.text === blank.answer)!;
	return {
		id, lessonId, type: 'multiple_choice',
		prompt: { type: 'multiple_choice', stem: `Which ${blank.kindNoun} completes this statement? “${blank.blanked}”`, options },
		answer: { type: 'multiple_choice', correctOptionId: correct.id },
		explanation: quoteExplanation(corpus, [blank.sentence], `The answer is ${blank.answer}.`),
		citations, topicText: blank.sentence.text
	};
}

function fillBlank(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	if (blank.kind === 'money' || blank.kind === 'percent') return undefined;
	const citations = [citeSentence(blank.sentence)];
	const entry = blank.entity.glossaryId ? glossaryEntry(blank.entity.glossaryId) : undefined;
	const accepted = [...new Set([blank.answer, ...(entry ? aliasesOf(entry.id) : [])])];
	const hint = blank.kind === 'year' ? 'a year' : blank.kind === 'number' ? 'a number' : `the name of ${/^[aeiou]/.test(blank.kindNoun) ? 'an' : 'a'} ${blank.kindNoun}`;
	return {
		id: questionId(lessonId, 'fill_blank', citations, blank.answer), lessonId, type: 'fill_blank',
		prompt: { type: 'fill_blank', stem: `Fill in the blank with ${hint}: ${blank.blanked}` },
		answer: { type: 'fill_blank', accepted },
		explanation: quoteExplanation(corpus, [blank.sentence], `The answer is ${blank.answer}.`),
		citations, topicText: blank.sentence.text
	};
}

function numeric(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	if (blank.kind !== 'number' && blank.kind !== 'percent') return undefined;
	const value = blank.entity.value;
	if (value === undefined || value >= 1_000_000) return undefined;
	const citations = [citeSentence(blank.sentence)];
	const tolerance = blank.entity.approximate ? Math.max(1, Math.round(value * 0.05)) : 0;
	const unit = blank.kind === 'percent' ? 'percent' : undefined;
	const blanked = blank.kind === 'percent' ? blank.blanked.replace(`${BLANK}`, BLANK) : blank.blanked;
	return {
		id: questionId(lessonId, 'numeric', citations, String(value)), lessonId, type: 'numeric',
		prompt: { type: 'numeric', stem: `What number goes in the blank? ${blanked}`, ...(unit ? { unit } : {}) },
		answer: { type: 'numeric', value, tolerance },
		explanation: quoteExplanation(corpus, [blank.sentence], `The answer is ${blank.answer}${tolerance ? ` (answers within ${tolerance} count, since the source gives an approximate figure)` : ''}.`),
		citations, topicText: blank.sentence.text
	};
}

function trueFalse(lessonId: string, blank: Blank, corpus: QuestionCorpus, wantFalse: boolean): Draft | undefined {
	// a statement holding a contested claim cannot be "true" or "false" without taking a side
	if (corpus.disputed.has(blank.sentence.id)) return undefined;
	const citations = [citeSentence(blank.sentence)];
	if (wantFalse) {
		const swap = distractorsFor(blank, corpus)[0];
		if (!swap) return undefined;
		const statement = blank.blanked.replace(BLANK, swap);
		return {
			id: questionId(lessonId, 'true_false', citations, `false:${swap}`), lessonId, type: 'true_false',
			prompt: { type: 'true_false', stem: 'True or false, according to the sources?', statement },
			answer: { type: 'true_false', correct: false },
			explanation: quoteExplanation(corpus, [blank.sentence], `False: the source says ${blank.answer}, not ${swap}.`),
			citations, topicText: blank.sentence.text
		};
	}
	return {
		id: questionId(lessonId, 'true_false', citations, `true:${blank.answer}`), lessonId, type: 'true_false',
		prompt: { type: 'true_false', stem: 'True or false, according to the sources?', statement: blank.sentence.statement },
		answer: { type: 'true_false', correct: true },
		explanation: quoteExplanation(corpus, [blank.sentence], 'True.'),
		citations, topicText: blank.sentence.text
	};
}

/** Speakers that can be offered as "who said it" options. */
function speakerPool(corpus: QuestionCorpus): Map<string, string> {
	const pool = new Map<string, string>();
	for (const sentence of corpus.sentences) for (const a of sentence.attributions) pool.set(a.speakerId, a.speaker);
	return pool;
}

function speakerNamedIn(text: string, speakerId: string): boolean {
	return aliasesOf(speakerId).some((alias) => containsNormalised(text, alias));
}

function attributionQuestions(lessonId: string, sentence: Sentence, corpus: QuestionCorpus): Draft[] {
	const drafts: Draft[] = [];
	const pool = speakerPool(corpus);
	for (const attribution of sentence.attributions) {
		if (!isSelfContained(sentence.statement.replace(attribution.speakerText, attribution.speaker))) continue;
		let phrase = attribution.speakerText;
		if (occurrences(sentence.statement, phrase) !== 1 || /^(he|she|they|it)$/i.test(phrase)) continue;
		// blank the whole name: "the anonymous senior ATF official", "ATF Deputy Director Kenneth Melson"
		const at = sentence.statement.indexOf(phrase);
		const lead = /(?:\b(?:the|an?|one|anonymous|ATF|Deputy|Director|Secretary|Homeland|Security)\s+)+$/i.exec(sentence.statement.slice(0, at));
		if (lead) phrase = lead[0] + phrase;
		const claim = capitaliseName(sentence.statement.replace(phrase, BLANK));
		// "speaking on condition of anonymity" next to "An anonymous … official": the stem gives the answer away
		const stems = attribution.speaker
			.toLowerCase()
			.split(/[^a-z]+/)
			.filter((w) => w.length >= 5 && !['justice', 'department', 'general', 'government', 'officials', 'official', 'senior'].includes(w))
			.map((w) => w.slice(0, 6));
		if (stems.some((stem) => claim.toLowerCase().includes(stem))) continue;
		const sides = sidesOf(sentence.id, corpus);
		const subjects = new Set(sentence.entities.filter((e) => (e.type === 'law' || e.type === 'program') && e.glossaryId && e.glossaryId !== 'gunrunner').map((e) => e.glossaryId));
		// the claim must not name its own speaker another way (a leak)
		if (aliasesOf(attribution.speakerId).some((alias) => containsNormalised(claim, alias))) continue;
		if (claim.split(/\s+/).length < 8) continue;
		const others = rankBy(
			[...pool.entries()].filter(([id]) => !related(id, attribution.speakerId) && !(id.startsWith('atf') && attribution.speakerId.startsWith('atf'))),
			sentence.id,
			([id]) => id
		)
			// someone else saying much the same thing would make two options right
			.filter(([id]) => !corpus.sentences.some((s) => s.id !== sentence.id && s.attributions.some((a) => a.speakerId === id) && (overlap(attribution.claim, s.text) >= 0.5 || sides.has(s.id) || s.entities.some((e) => e.glossaryId && subjects.has(e.glossaryId)))))
			.slice(0, 3);
		if (others.length < 3) continue;
		const citations = [citeSentence(sentence)];
		if (!speakerNamedIn(sentence.text, attribution.speakerId)) {
			// "the report states": cite the sentence that names the report's author too
			const source = corpus.analysed.find((a) => a.source.id === sentence.sourceId)!;
			const naming = source.sentences.find((s) => s.index < sentence.index && speakerNamedIn(s.text, attribution.speakerId));
			if (!naming) continue;
			citations.unshift(citeSentence(naming));
		}
		const id = questionId(lessonId, 'attribution', citations, attribution.speakerId);
		const options = choices([attribution.speaker, ...others.map(([, name]) => name)].map(capitaliseName), id);
		const correct = options.find((o) => o.text === capitaliseName(attribution.speaker))!;
		drafts.push({
			id, lessonId, type: 'attribution',
			prompt: { type: 'attribution', stem: 'Who made this claim? Choose who fills the blank, according to the sources.', claim, options },
			answer: { type: 'attribution', correctOptionId: correct.id },
			explanation: quoteExplanation(corpus, citations.map((c) => corpus.sentences.find((s) => s.id === c.sentenceId)!), `The claim comes from ${attribution.speaker}.`),
			citations, topicText: sentence.text
		});
	}
	return drafts;
}

/** Sentences on the other sides of any known disagreement this sentence is part of. */
function sidesOf(sentenceId: string, corpus: QuestionCorpus): Set<string> {
	const sides = new Set<string>();
	for (const d of KNOWN_DISAGREEMENTS) {
		const ids = d.claims.flatMap((claim) => {
			const source = corpus.analysed.find((a) => a.source.id === claim.sourceId);
			const citation = source && citeQuote(source, claim.quote);
			return citation ? [citation.sentenceId] : [];
		});
		if (ids.includes(sentenceId)) for (const id of ids) sides.add(id);
	}
	return sides;
}

function capitaliseName(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function sourceQuestion(lessonId: string, sentence: Sentence, corpus: QuestionCorpus): Draft | undefined {
	if (corpus.analysed.length < 2 || !isSelfContained(sentence.statement)) return undefined;
	if (sentence.statement.split(/\s+/).length < 10) return undefined;
	if (reportedElsewhere(sentence.statement, sentence.sourceId, corpus.sentences)) return undefined;
	const citations = [citeSentence(sentence)];
	const id = questionId(lessonId, 'attribution', citations, `source:${sentence.sourceId}`);
	const options = corpus.analysed.slice(0, 4).map((a) => ({ id: `o-${digest([id, a.source.id], 8)}`, text: `${a.source.title} (${a.source.publisher.replace(/\s*\(.*\)$/, '')})` }));
	if (!corpus.analysed.slice(0, 4).some((a) => a.source.id === sentence.sourceId)) return undefined;
	const correct = options[corpus.analysed.findIndex((a) => a.source.id === sentence.sourceId)];
	return {
		id, lessonId, type: 'attribution',
		prompt: { type: 'attribution', stem: 'Which source reports this?', claim: sentence.statement, options },
		answer: { type: 'attribution', correctOptionId: correct.id },
		explanation: quoteExplanation(corpus, [sentence]),
		citations, topicText: sentence.text
	};
}

/** Events fit for ordering: not contested, one year per sentence, no date left in the text (it would give the order away). */
function orderable(events: readonly TimelineEvent[], corpus: QuestionCorpus): TimelineEvent[] {
	const byYear = new Map<number, TimelineEvent>();
	for (const event of events) {
		if (corpus.disputed.has(event.citation.sentenceId)) continue;
		const sentence = corpus.sentences.find((s) => s.id === event.citation.sentenceId)!;
		const years = new Set(sentence.entities.filter((e) => e.year !== undefined).map((e) => e.year));
		if (years.size > 1 || event.text.length > 220 || /\b(19|20)\d{2}\b/.test(event.text)) continue;
		// one event per year: ordering "June 2011" against "2011" would be a guess
		if (!byYear.has(event.year)) byYear.set(event.year, event);
	}
	return [...byYear.values()].sort((a, b) => a.year - b.year);
}

function orderingQuestions(lessonId: string, events: readonly TimelineEvent[], corpus: QuestionCorpus): Draft[] {
	const own = orderable(events, corpus);
	if (own.length < 2) return [];
	// fill up to four with the course's other events, nearest in time first
	const ownYears = new Set(own.map((e) => e.year));
	const others = orderable(extractTimeline(corpus.sentences), corpus).filter((e) => !ownYears.has(e.year));
	const middle = (own[0].year + own[own.length - 1].year) / 2;
	const fill = [...others].sort((a, b) => Math.abs(a.year - middle) - Math.abs(b.year - middle) || a.year - b.year).slice(0, Math.max(0, 4 - own.length));
	const group = [...own.slice(0, 4), ...fill].sort((a, b) => a.year - b.year);
	if (group.length < 3) return [];
	const citations = group.map((e) => e.citation);
	const key = group.map((e) => e.id).join(',');
	const id = questionId(lessonId, 'ordering', citations, key);
	const items = group.map((e) => ({ id: `i-${digest([id, e.id], 8)}`, text: e.text }));
	return [
		{
			id, lessonId, type: 'ordering',
			prompt: { type: 'ordering', stem: 'Put these events in order, earliest first.', items: rankBy(items, id, (i) => i.id) },
			answer: { type: 'ordering', order: items.map((i) => i.id) },
			explanation: `In order: ${group.map((e) => `${e.dateText}: ${e.text}`).join(' ')} The sources: ${group.map((e) => `“${e.citation.text}”`).join(' ')}`,
			citations, topicText: group.filter((e) => ownYears.has(e.year)).map((e) => e.text).join(' ')
		}
	];
}

// ---------- a lesson's bank ----------

const FACT_ROTATION: Record<Blank['kind'], QuestionType[]> = {
	money: ['multiple_choice', 'true_false'],
	number: ['numeric', 'multiple_choice', 'true_false'],
	percent: ['numeric', 'multiple_choice'],
	year: ['multiple_choice', 'fill_blank', 'true_false'],
	// no true/false for people: a swapped name keeps the real person's title ("Secretary Drew Wade")
	person: ['multiple_choice', 'fill_blank'],
	organisation: ['multiple_choice', 'true_false', 'fill_blank'],
	place: ['multiple_choice', 'fill_blank', 'true_false']
};

function chooseObjective(outline: OutlineLesson, draft: Draft, counts: Map<string, number>): string {
	let best = '';
	let bestScore = 0;
	for (const objective of outline.objectives) {
		const score = objective.keywords.filter((k) => draft.topicText.toLowerCase().includes(k.toLowerCase())).length;
		if (score > bestScore) {
			best = objective.id;
			bestScore = score;
		}
	}
	if (best) return best;
	if (outline.objectives.some((o) => o.id === 'claims') && draft.type === 'attribution') return 'claims';
	// no keyword: the objective with the fewest questions so far
	return [...outline.objectives].sort((a, b) => (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0))[0].id;
}

export function generateLessonQuestions(plan: LessonPlan, corpus: QuestionCorpus): GeneratedQuestion[] {
	const lessonId = plan.outline.id;
	const drafts: Draft[] = [];
	const rotation = new Map<Blank['kind'], number>();
	let tfCount = 0;
	for (const sentence of plan.sentences) {
		const blanks = blanksOf(sentence, corpus);
		const usedTypes = new Set<QuestionType>();
		// a sentence with a single fact to ask about gets it asked two ways (e.g. choice and true/false)
		const perBlank = blanks.length === 1 ? 2 : 1;
		for (const blank of blanks.slice(0, 3)) {
			const turn = rotation.get(blank.kind) ?? 0;
			const types = FACT_ROTATION[blank.kind];
			let made = 0;
			for (let k = 0; k < types.length && made < perBlank; k++) {
				const type = types[(turn + k) % types.length];
				if (usedTypes.has(type)) continue;
				const draft =
					type === 'multiple_choice' ? multipleChoice(lessonId, blank, corpus)
					: type === 'fill_blank' ? fillBlank(lessonId, blank, corpus)
					: type === 'numeric' ? numeric(lessonId, blank, corpus)
					: trueFalse(lessonId, blank, corpus, tfCount % 2 === 0);
				if (!draft) continue;
				if (type === 'true_false') tfCount++;
				drafts.push(draft);
				usedTypes.add(type);
				rotation.set(blank.kind, turn + 1);
				made++;
			}
		}
		drafts.push(...attributionQuestions(lessonId, sentence, corpus));
	}
	// "which source" items, spread over the sources: at most as many per source as the rarest has
	const bySource = new Map<string, Draft[]>();
	for (const sentence of plan.sentences) {
		const draft = sourceQuestion(lessonId, sentence, corpus);
		if (draft) bySource.set(sentence.sourceId, [...(bySource.get(sentence.sourceId) ?? []), draft]);
	}
	// one source only: a single item, or the key would always be the same source
	const perSource = bySource.size < 2 ? 1 : Math.min(4, ...[...bySource.values()].map((list) => list.length));
	for (const list of bySource.values()) drafts.push(...rankBy(list, lessonId, (d) => d.id).slice(0, perSource));
	drafts.push(...orderingQuestions(lessonId, extractTimeline(plan.sentences), corpus));

	const unique = new Map<string, Draft>();
	for (const draft of drafts) if (!unique.has(draft.id)) unique.set(draft.id, draft);
	const counts = new Map<string, number>();
	const questions: GeneratedQuestion[] = [];
	for (const draft of unique.values()) {
		const objectiveId = chooseObjective(plan.outline, draft, counts);
		counts.set(objectiveId, (counts.get(objectiveId) ?? 0) + 1);
		const { topicText: _topic, ...rest } = draft;
		questions.push({ ...rest, objectiveId });
	}
	return questions;
}
