import { citeQuote, citeSentence } from './citations';
import type { CourseKnowledge, GlossaryEntry, OutlineLesson } from './course';
import { digest } from './hash';
import { extractTimeline, isPlannedFor, isSelfContained, type LessonPlan } from './lessons';
import { normaliseAnswer } from './normalise';
import { formatLike, isWrittenInWords } from './numbers';
import { containsNormalised, contentWords, isAlsoTrue, isTrivialAnswer, overlap } from './question-filters';
import type { Choice, Citation, GeneratedQuestion, QuestionType } from './question-types';
import type { AnalysedSource, Entity, Sentence, TimelineEvent } from './types';

export interface QuestionCorpus {
	/** the course file's knowledge, with the names found in the texts */
	knowledge: CourseKnowledge;
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

export function buildCorpus(analysed: readonly AnalysedSource[], disputed: QuestionCorpus['disputed'], knowledge: CourseKnowledge): QuestionCorpus {
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
	const premise = new Set([...knowledge.policies.premise, ...[...placeMentions].filter(([, n]) => n > sentences.length * 0.1).map(([id]) => id)]);
	return { knowledge, analysed, sentences, disputed, numbers, otherPeople: [...otherPeople].sort(), premise };
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
	kind: 'year' | 'number' | 'money' | 'percent' | 'person' | 'organisation' | 'place' | 'program' | 'law' | 'term';
	kindNoun: string;
	/** "thirty-one": asked only as a typed number, since options could not be written the same way */
	inWords?: boolean;
	/** the number asked, where the entity itself carries none ("18 months") */
	value?: number;
	/** an earlier sentence naming what the statement's rewrite put in ("The bill" → the Act): cited too */
	naming?: Sentence;
}

/** The sentences a blank's question cites: the one that names a rewritten referent, then its own. */
function blankSentences(blank: Blank): Sentence[] {
	return blank.naming ? [blank.naming, blank.sentence] : [blank.sentence];
}

/**
 * Organisations that can stand in for each other as options (the course file's distractorGroups;
 * staff, offices and centres cannot). Without that policy, any organisation's group qualifies.
 */
function isDistractorGroup(knowledge: CourseKnowledge, group: string | undefined): boolean {
	const groups = knowledge.policies.distractorGroups;
	return groups ? groups.includes(group ?? '') : true;
}

/** outlets, journalists and press officers (course policy): who printed or relayed a fact is not the fact */
function notAsked(knowledge: CourseKnowledge, entry: GlossaryEntry): boolean {
	return knowledge.policies.neverAskedGroups.includes(entry.group ?? '') || knowledge.policies.neverAsked.includes(entry.id);
}
/** stems longer than this are passages, not questions */
const MAX_STEM_WORDS = 65;

const KIND_PRIORITY: Blank['kind'][] = ['money', 'number', 'percent', 'year', 'person', 'place', 'organisation', 'program', 'law', 'term'];

function occurrences(text: string, part: string): number {
	let count = 0;
	for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
	return count;
}

function placeNoun(entry: GlossaryEntry | undefined): string | undefined {
	return entry?.placeKind === 'country' ? 'country' : entry?.placeKind === 'city' ? 'city' : entry?.placeKind === 'state' ? 'state' : undefined;
}

function blankFor(sentence: Sentence, entity: Entity, premise: ReadonlySet<string>, knowledge: CourseKnowledge): Blank | undefined {
	// the course's premise ("guns flowing to Mexico") is not a question
	if (entity.glossaryId && premise.has(entity.glossaryId)) return undefined;
	const statement = sentence.statement;
	let answer = entity.text;
	let kind: Blank['kind'];
	let kindNoun: string;
	const entry = entity.glossaryId ? knowledge.entry(entity.glossaryId) : undefined;
	const { policies } = knowledge;
	let inWords = false;
	let durationValue: number | undefined;
	switch (entity.type) {
		case 'year':
			kind = 'year';
			kindNoun = 'year';
			break;
		case 'fiscal_year':
			// "FY 2006" is asked whole; a range ("FY 2005-07") is a period, not a year
			if (!/^FY \d{4}$/.test(entity.text)) return undefined;
			kind = 'year';
			kindNoun = 'fiscal year';
			break;
		case 'program':
			if (!entry || entry.kind !== 'program' || policies.subjects.includes(entry.id)) return undefined;
			answer = statement.includes(entry.name) ? entry.name : entity.text;
			kind = 'program';
			// an operation under a program is called an operation (course policy: the group's noun)
			kindNoun = policies.groupNouns[entry.group ?? ''] ?? 'program';
			break;
		case 'law':
			// "…Act of 2009" beside options without a year would stand out
			if (!entry || entry.kind !== 'law' || /\d/.test(entity.text)) return undefined;
			// a bill Congress only considered is not a law, and there is no other bill to set beside it
			if (entry.group === 'bill') return undefined;
			kind = 'law';
			kindNoun = 'law';
			break;
		case 'term': {
			if (!entry || !entry.group || !policies.groupNouns[entry.group]) return undefined;
			// "drug cartel members", "corrupt gun dealers": a modifier before the blank would make the options misread
			const before = statement.slice(0, statement.indexOf(entity.text)).trimEnd();
			if (before && !/(^|[\s(])(the|and|or|of|by|to|with|were|are|was|is|as|than|for|on)$|[,;:(—–]$/i.test(before)) return undefined;
			kind = 'term';
			kindNoun = policies.groupNouns[entry.group];
			break;
		}
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
		case 'duration': {
			// "for more than 18 months": the count is asked as a typed number, the unit stays in the stem
			const count = /\d[\d,]*/.exec(entity.text)?.[0];
			if (!count || Number(count.replace(/,/g, '')) < 5) return undefined;
			kind = 'number';
			kindNoun = 'number';
			answer = count;
			// options would need the unit and its qualifier ("more than … months"): typed only
			inWords = true;
			durationValue = Number(count.replace(/,/g, ''));
			break;
		}
		case 'cardinal':
			if ((entity.value ?? 0) < 5) return undefined;
			inWords = isWrittenInWords(entity.text);
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
			if (!entry || !entry.group || !isDistractorGroup(knowledge, entry.group)) return undefined;
			// an agency in nearly every sentence (course policy): asked only where a sentence defines it, "… (ACR)"
			if (policies.definedOnly.includes(entry.id) && !definedHere(statement, entity.text, entry)) return undefined;
			kind = 'organisation';
			kindNoun = policies.groupNouns[entry.group] ?? 'organisation';
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
	// "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)": the acronym goes into the blank too
	let span = answer.length;
	const defined = entry && /^ \(([A-Z]{2,6})\)/.exec(statement.slice(statement.indexOf(answer) + answer.length));
	if (defined && entry && entry.aliases.includes(defined[1])) span += defined[0].length;
	// who published or reported a story, or a spokesman's name, is publication trivia, not civics
	if (entry && notAsked(knowledge, entry)) return undefined;
	// "an additional 5 million": without the currency the source leaves the unit unknown
	if (entity.type === 'cardinal' && /\b(million|billion)\b/i.test(entity.text)) return undefined;
	const at = statement.indexOf(answer);
	const after = statement.slice(at + answer.length);
	// "In GAO _____ 09-709", "As of a _____ report": document identifiers and report dates are not facts to learn
	if (/^\s+Report\b|^\s+report\b|^\s+\d{2,}-\d+/.test(after)) return undefined;
	// "FY 2007 and _____": the other end of a pair of years gives it away
	if (kind === 'year' && sentence.entities.some((e) => e !== entity && e.year !== undefined && Math.abs(e.start - entity.start) <= 16)) return undefined;
	// "In _____, KNXV-TV reported that…": the year a story ran is not the year of an event
	if (kind === 'year' && /^,?\s+[^,]{0,40}?\b(reported|said|told)\b/.test(after)) return undefined;
	// "anticipated conducting courses in _____": the year of a plan is a minor detail of an intention
	if (kind === 'year' && isPlannedFor(statement, answer)) return undefined;
	// "the year CENAPI was established": founding dates of other bodies are minor trivia
	if (kind === 'year' && /\bwas (established|founded|created)\b/.test(statement) && !policies.subjects.some((id) => knowledge.aliasesOf(id).some((alias) => statement.includes(alias)))) return undefined;
	// "Laredo, _____": the state of a named city makes swaps impossible ("Laredo, Arizona")
	if (kind === 'place' && /\p{Lu}[\p{L}.]+,\s*$/u.test(statement.slice(0, at))) return undefined;
	// never change words inside a quotation: a true/false swap there would misquote someone
	const before = statement.slice(0, at);
	if ((before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length || (before.match(/"/g) ?? []).length % 2 === 1) return undefined;
	// the last of a long list of agencies is list trivia, not a fact worth asking
	// (distinct bodies: "ATF" twice is not a list)
	if (kind === 'organisation' && new Set(sentence.entities.filter((e) => e.type === entity.type).map((e) => e.glossaryId ?? e.text)).size >= 4) return undefined;
	// "Mexico, Guatemala and _____": one member of a list of places is a gotcha, not a fact
	if (kind === 'place' && sentence.entities.filter((e) => e.type === 'place').length >= 3) return undefined;
	// "(ICE)": an acronym in brackets only repeats the name before it
	// "…allowing known criminals to buy guns (Operation Fast and Furious)": a name in brackets after
	// its own description only labels it, and other operations fit the description too
	if (statement[at - 1] === '(') return undefined;
	// "(unlike _____ and most other cases)": a side contrast, and "most other cases" fits the blank too
	if (/\((?:unlike|except|as opposed to)\s[^)]*$/i.test(before)) return undefined;
	// "all _____ Mexican states": the size of a known set, not a fact of the story
	if (kind === 'number' && /\b(all|every|both|each of the)\s+$/i.test(before)) return undefined;
	// "195 _____ origin guns": a program's name used as a modifier leaves the numbers without their noun
	if (kind === 'program' && /^(?:[\s-]+(?:origin|guns?|firearms?|weapons?|linked)\b)/i.test(statement.slice(at + answer.length))) return undefined;
	// the blank must not split a word ("2009" inside "FY 2009")
	if (/[\p{L}\p{N}]/u.test(statement[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(statement[at + answer.length] ?? ' ')) return undefined;
	let blanked = statement.slice(0, at) + BLANK + statement.slice(at + span);
	if (kind === 'term' && entry?.group === 'weapon') {
		// "… were _____ — a Romanian made version of the AK-47 …": the models after a dash or colon name
		// the answer; the stem ends at the blank instead
		const tail = blanked.slice(blanked.indexOf(BLANK) + BLANK.length);
		if (/^\s*[—:]/.test(tail)) blanked = blanked.slice(0, blanked.indexOf(BLANK) + BLANK.length) + '.';
		if (/\b[A-Z]{1,4}-\d{1,3}\b|\brifles?\b|\bpistols?\b/i.test(blanked)) return undefined;
	}
	if (span !== answer.length && entry) answer = entry.name;
	// a person is offered by name, whatever title the sentence gives them ("Deputy Director Melson")
	if (kind === 'person' && entry) answer = entry.name;
	// no leak through an alias ("Bureau of Alcohol…" beside a blanked "ATF") or a repeated value
	if (entry && knowledge.aliasesOf(entry.id).some((alias) => alias !== answer && containsNormalised(blanked, alias))) return undefined;
	if (entity.value !== undefined && kind !== 'year' && blanked.includes(String(entity.value))) return undefined;
	if (entry && (entry.demonyms ?? []).some((d) => blanked.includes(d))) return undefined;
	// "the _____ firearm tracing software system": a program's name must not echo in the stem ("eTrace", "tracing")
	if (kind === 'program' && entry && echoesName(blanked, knowledge.aliasesOf(entry.id))) return undefined;
	// "Laredo, Texas": the larger place beside it narrows the answer and makes swaps absurd
	if (kind === 'place' && /^,\s+\p{Lu}/u.test(statement.slice(at + answer.length))) return undefined;
	// "Sept. 11" is a date, not a count
	if (kind === 'number' && /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(statement.slice(0, at))) return undefined;
	return { sentence, entity, answer, blanked, kind, kindNoun, ...(inWords ? { inWords } : {}), ...(durationValue !== undefined ? { value: durationValue } : {}) };
}

/** "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)": the sentence defines the acronym it names. */
function definedHere(statement: string, text: string, entry: GlossaryEntry): boolean {
	const acronyms = [entry.name, ...entry.aliases].filter((a) => /^[A-Z]{2,6}$/.test(a));
	const after = statement.slice(statement.indexOf(text) + text.length);
	return acronyms.some((acronym) => after.startsWith(` (${acronym})`));
}

const GENERIC_NAME_WORDS = new Set(['operation', 'project', 'program', 'initiative']);

/** A stem word that starts like a word of the name (4 letters; "eTrace" is read as "Trace"). */
function echoesName(stem: string, names: readonly string[]): boolean {
	const prefixes = new Set(
		names
			.flatMap((name) => name.replace(/^([a-z])(?=[A-Z])/, '').toLowerCase().split(/[^a-z]+/))
			// "Operation" in "Operation Fast and Furious" says what kind of name it is, not which
			.filter((w) => w.length >= 4 && !GENERIC_NAME_WORDS.has(w))
			.map((w) => w.slice(0, 4))
	);
	return stem.toLowerCase().split(/[^a-z]+/).some((word) => word.length >= 4 && prefixes.has(word.slice(0, 4)));
}

/** The displayed statement says something (a name, an amount) that the source sentence does not. */
function rewriteAddsWords(sentence: Sentence): boolean {
	const written = new Set(contentWords(sentence.text));
	return contentWords(sentence.statement).some((word) => !written.has(word));
}

/** A word of five or more letters of `option` that the stem uses too. */
function echoesWord(stem: string, option: string): boolean {
	const words = new Set(stem.toLowerCase().split(/[^a-z]+/));
	return option.toLowerCase().split(/[^a-z]+/).some((word) => word.length >= 5 && words.has(word));
}

export function blanksOf(sentence: Sentence, corpus: QuestionCorpus, lessonPremise: ReadonlySet<string> = new Set()): Blank[] {
	if (!isSelfContained(sentence.statement, corpus.knowledge) || sentence.statement.split(/\s+/).length > MAX_STEM_WORDS) return [];
	const contested = corpus.disputed.get(sentence.id) ?? [];
	const premise = new Set([...corpus.premise, ...lessonPremise]);
	const blanks = sentence.entities
		.filter((entity) => !contested.some((span) => entity.start < span.end && span.start < entity.end))
		.flatMap((entity) => blankFor(sentence, entity, premise, corpus.knowledge) ?? []);
	blanks.push(...rewrittenNameBlanks(sentence, corpus));
	return blanks.sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.entity.start - b.entity.start);
}

/**
 * "The bill was set to be the subject of a hearing" is shown as "The Reform and Modernization Act
 * was…": a law the rewrite named can be asked too, citing the earlier sentence of the
 * same source that names it, so the cited sentences alone still give the answer.
 */
function rewrittenNameBlanks(sentence: Sentence, corpus: QuestionCorpus): Blank[] {
	const source = corpus.analysed.find((a) => a.source.id === sentence.sourceId);
	if (!source || corpus.disputed.has(sentence.id)) return [];
	const blanks: Blank[] = [];
	for (const entry of corpus.knowledge.glossary) {
		// laws only: a program the rewrite names ("During Operation Fast and Furious, at least 1,856…")
		// is the article's context, not something an earlier sentence states about this one
		if (entry.kind !== 'law') continue;
		const alias = entry.aliases.find((a) => sentence.statement.includes(a));
		if (!alias || entry.aliases.some((a) => containsNormalised(sentence.text, a))) continue;
		// the sentence just before (or the one before it) names it: "…the Reform and Modernization Act. The bill was…"
		const naming = [...source.sentences].reverse().find((s) => s.index < sentence.index && sentence.index - s.index <= 2 && entry.aliases.some((a) => s.text.includes(a)));
		if (!naming) continue;
		const at = sentence.statement.indexOf(alias);
		const entity: Entity = { type: entry.kind, text: alias, start: sentence.start, end: sentence.start, glossaryId: entry.id };
		const blank = blankFor({ ...sentence, entities: [entity] }, entity, corpus.premise, corpus.knowledge);
		if (blank && at >= 0) blanks.push({ ...blank, sentence, naming });
	}
	return blanks;
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
		const text = blank.kind === 'year' ? (blank.entity.type === 'fiscal_year' ? `FY ${candidate}` : String(candidate)) : formatLike(blank.answer, candidate);
		if (out.includes(text) || normaliseAnswer(text) === normaliseAnswer(blank.answer)) continue;
		if (isAlsoTrue(blank.blanked, text, corpus.sentences, blank.sentence.id)) continue;
		out.push(text);
		if (out.length === 3) break;
	}
	return out;
}

function nameDistractors(blank: Blank, corpus: QuestionCorpus): string[] {
	const { knowledge } = corpus;
	const entry = blank.entity.glossaryId ? knowledge.entry(blank.entity.glossaryId) : undefined;
	if (!entry) return [];
	const inSentence = new Set(blank.sentence.entities.map((e) => e.glossaryId).filter(Boolean));
	const sameKind = knowledge.glossary.filter((other) => {
		if (other.kind !== entry.kind || inSentence.has(other.id) || knowledge.related(other.id, entry.id)) return false;
		if (knowledge.policies.neverOptions.includes(other.id) || knowledge.policies.subjects.includes(other.id)) return false;
		// a city only against cities of the same state or country: "the Phoenix area (two in Nuevo Laredo…)" contradicts itself
		if (entry.kind === 'place')
			return other.placeKind === entry.placeKind && (entry.placeKind !== 'city' || other.partOf?.[0] === entry.partOf?.[0]);
		if (entry.kind === 'organisation' && !isDistractorGroup(knowledge, other.group)) return false;
		if (entry.kind === 'person') return Boolean(other.role);
		// two gunwalking operations could both fit a description of letting guns walk
		// software only against software ("a Spanish version of _____" fits no operation), operations only
		// against operations, programs against programs: none of the first two here, so those are typed
		if (entry.kind === 'program') return other.id !== entry.id && (other.group ?? '') === (entry.group ?? '') && !entry.group;
		// enacted laws only: a bill is not offered as a law
		if (entry.kind === 'law') return other.group !== 'bill';
		// a kind of weapon against kinds of weapon, a group of people against groups of people
		if (entry.kind === 'term') return other.group === entry.group;
		return true;
	});
	// a department against departments, then federal agencies: "the _____'s broader Southwest Border Initiative"
	const federal = new Set(['us-department', 'us-agency']);
	const kin = (group?: string) => group === entry.group || (federal.has(group ?? '') && federal.has(entry.group ?? ''));
	// same group first (agencies against agencies), then the rest of the same kind
	// organisations only against their own group ("a hearing before the KNXV-TV" reads as nonsense)
	const ordered = [
		...rankBy(sameKind.filter((o) => o.group === entry.group), blank.sentence.id, (o) => o.id),
		...rankBy(sameKind.filter((o) => o.group !== entry.group && (entry.kind !== 'organisation' || kin(o.group))), blank.sentence.id, (o) => o.id)
	];
	const out: string[] = [];
	for (const other of ordered) {
		// the option reads like the answer: an acronym against acronyms, a full name against full names
		const text = /^[A-Z]{2,6}$/.test(blank.answer)
			? other.aliases.find((a) => /^[A-Z]{2,6}$/.test(a))
			: // laws as the sources name them in passing ("Recovery Act"), never with a year the answer lacks
				other.kind === 'law' ? [...other.aliases].sort((a, b) => a.length - b.length).find((a) => !/\d/.test(a)) : other.name;
		if (!text || out.includes(text)) continue;
		if (isAlsoTrue(blank.blanked, text, corpus.sentences, blank.sentence.id)) continue;
		// "interdiction of _____ and unlicensed dealers": "gun dealers" would echo the stem and half fit
		if (other.kind === 'term' && echoesWord(blank.blanked, text)) continue;
		out.push(text);
		if (out.length === 3) break;
	}
	return out;
}

function hasRelatedOrganisation(id: string, knowledge: CourseKnowledge): boolean {
	return knowledge.glossary.some((other) => other.id !== id && other.kind === 'organisation' && knowledge.related(other.id, id));
}

function distractorsFor(blank: Blank, corpus: QuestionCorpus): string[] {
	// "thirty-one" against "62": options written unlike the source give the answer away
	if (blank.inWords) return [];
	return ['person', 'organisation', 'place', 'program', 'law', 'term'].includes(blank.kind) ? nameDistractors(blank, corpus) : numberDistractors(blank, corpus);
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
	// "Border Patrol agent _____", "Secretary _____": a title only one option holds gives it away
	if (blank.kind === 'person' && /\b(agent|president|President|Secretary|Director|Spokesman|spokesman|member|Senator|Attorney General)\s+$/.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)))) return undefined;
	const distractors = distractorsFor(blank, corpus);
	if (distractors.length < 3) return undefined;
	// "the Department of Homeland Security's _____": only parts of that department fit; any other
	// agency among the options is ruled out by the possessive alone ("the ATF's _____ office" asks a city)
	const owner = blank.kind === 'organisation' ? possessiveOwner(blank, corpus.knowledge) : undefined;
	if (owner && distractors.some((d) => !partOfOwner(d, owner, corpus.knowledge))) return undefined;
	const citations = blankSentences(blank).map(citeSentence);
	const id = questionId(lessonId, 'multiple_choice', citations, blank.answer);
	const options = choices([blank.answer, ...distractors], id);
	const correct = options.find((o) => o.text === blank.answer)!;
	return {
		id, lessonId, type: 'multiple_choice',
		prompt: { type: 'multiple_choice', stem: `Which ${blank.kindNoun} completes this statement? ${blank.blanked}`, options },
		answer: { type: 'multiple_choice', correctOptionId: correct.id },
		explanation: quoteExplanation(corpus, blankSentences(blank), `The answer is ${blank.answer}.`),
		citations, topicText: blank.sentence.text
	};
}

/** The glossary organisation named in a possessive right before the blank, if any. */
function possessiveOwner(blank: Blank, knowledge: CourseKnowledge): string | undefined {
	const before = blank.blanked.slice(0, blank.blanked.indexOf(BLANK));
	const possessive = /([\p{L}.' ]+?)[’']s\s+$/u.exec(before);
	if (!possessive) return undefined;
	return knowledge.glossary.find((entry) => entry.kind === 'organisation' && entry.aliases.some((alias) => possessive[1].endsWith(alias)))?.id;
}

function partOfOwner(option: string, owner: string, knowledge: CourseKnowledge): boolean {
	const entry = knowledge.glossary.find((g) => g.name === option || g.aliases.includes(option));
	return Boolean(entry && entry.id !== owner && knowledge.related(entry.id, owner));
}

function fillBlank(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	if (blank.kind === 'money' || blank.kind === 'percent') return undefined;
	// "A major _____ program": the ATF fits as well as its department; an organisation with a parent
	// or a part in the glossary can be named at either level, so a typed answer is ambiguous
	if (blank.kind === 'organisation' && blank.entity.glossaryId && hasRelatedOrganisation(blank.entity.glossaryId, corpus.knowledge)) return undefined;
	const citations = blankSentences(blank).map(citeSentence);
	const entry = blank.entity.glossaryId ? corpus.knowledge.entry(blank.entity.glossaryId) : undefined;
	// "President _____": who held the office is general knowledge, not what the source teaches
	if (blank.kind === 'person' && /\bPresident\s+$/.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)))) return undefined;
	// a person's surname alone is a right answer too ("Calderon" for "Felipe Calderon")
	const surname = blank.kind === 'person' && /\s/.test(blank.answer) ? [blank.answer.split(/\s+/).at(-1)!] : [];
	// "FY 2006": the year alone, or written out, is the same answer
	const fiscal = blank.entity.type === 'fiscal_year' && blank.entity.year ? [String(blank.entity.year), `fiscal year ${blank.entity.year}`] : [];
	const accepted = [...new Set([blank.answer, ...surname, ...fiscal, ...(entry ? corpus.knowledge.aliasesOf(entry.id) : [])])];
	const hint = blank.kind === 'year' ? (fiscal.length ? 'a fiscal year' : 'a year') : blank.kind === 'number' ? 'a number' : `the name of ${/^[aeiou]/.test(blank.kindNoun) ? 'an' : 'a'} ${blank.kindNoun}`;
	return {
		id: questionId(lessonId, 'fill_blank', citations, blank.answer), lessonId, type: 'fill_blank',
		prompt: { type: 'fill_blank', stem: `Fill in the blank with ${hint}: ${blank.blanked}` },
		answer: { type: 'fill_blank', accepted },
		explanation: quoteExplanation(corpus, blankSentences(blank), `The answer is ${blank.answer}.`),
		citations, topicText: blank.sentence.text
	};
}

function numeric(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	if (blank.kind !== 'number' && blank.kind !== 'percent') return undefined;
	const value = blank.value ?? blank.entity.value;
	if (value === undefined || value >= 1_000_000) return undefined;
	const citations = blankSentences(blank).map(citeSentence);
	const tolerance = blank.entity.approximate ? Math.max(1, Math.round(value * 0.05)) : 0;
	const unit = blank.kind === 'percent' ? 'percent' : undefined;
	const blanked = blank.kind === 'percent' ? blank.blanked.replace(`${BLANK}`, BLANK) : blank.blanked;
	return {
		id: questionId(lessonId, 'numeric', citations, String(value)), lessonId, type: 'numeric',
		prompt: { type: 'numeric', stem: `What number goes in the blank? ${blanked}`, ...(unit ? { unit } : {}) },
		answer: { type: 'numeric', value, tolerance },
		explanation: quoteExplanation(corpus, blankSentences(blank), `The answer is ${blank.answer}${tolerance ? ` (answers within ${tolerance} count, since the source gives an approximate figure)` : ''}.`),
		citations, topicText: blank.sentence.text
	};
}

function trueFalse(lessonId: string, blank: Blank, corpus: QuestionCorpus, wantFalse: boolean): Draft | undefined {
	// a statement holding a contested claim cannot be "true" or "false" without taking a side
	if (corpus.disputed.has(blank.sentence.id)) return undefined;
	// a number written in words or a duration has no swap that reads right: asked typed instead
	if (blank.inWords) return undefined;
	// "During Operation Fast and Furious, at least 1,856 guns…": words the rewrite brought in from
	// another sentence are not in the cited one, so the statement as a whole is not grounded there
	if (rewriteAddsWords(blank.sentence)) return undefined;
	// a source's own characterisation ("an effort to weaken ATF", “scathing indictment”) is not a plain fact
	if (/[“”"]|\b(weaken|scathing|the opposite|controversial|timid)\b/i.test(blank.sentence.statement)) return undefined;
	const citations = blankSentences(blank).map(citeSentence);
	let swap: string | undefined;
	if (wantFalse) {
		// only a changed count, year or sum contradicts the source; "at least 1,856" does not rule out 2,800
		const bounded = /\b(at least|more than|over|nearly|about|approximately|some|almost|up to)\s+$/i.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)));
		swap = ['year', 'number', 'money', 'percent'].includes(blank.kind) && !blank.entity.approximate && !bounded ? distractorsFor(blank, corpus)[0] : undefined;
		// no contradicting swap: the statement is asked as written (true) instead
	}
	if (wantFalse && swap) {
		const statement = blank.blanked.replace(BLANK, swap);
		return {
			id: questionId(lessonId, 'true_false', citations, `false:${swap}`), lessonId, type: 'true_false',
			prompt: { type: 'true_false', stem: 'True or false, according to the sources?', statement },
			answer: { type: 'true_false', correct: false, fact: blank.answer },
			explanation: quoteExplanation(corpus, blankSentences(blank), `False: the source says ${blank.answer}, not ${swap}.`),
			citations, topicText: blank.sentence.text
		};
	}
	return {
		id: questionId(lessonId, 'true_false', citations, `true:${blank.answer}`), lessonId, type: 'true_false',
		prompt: { type: 'true_false', stem: 'True or false, according to the sources?', statement: blank.sentence.statement },
		answer: { type: 'true_false', correct: true, fact: blank.answer },
		explanation: quoteExplanation(corpus, blankSentences(blank), 'True.'),
		citations, topicText: blank.sentence.text
	};
}

/**
 * Speakers that can be offered as "who said it" options for a lesson: those the lesson itself
 * quotes or names (the same topic), then those quoted elsewhere in the course.
 */
function speakerPool(corpus: QuestionCorpus, lessonSentences: readonly Sentence[]): { lesson: Map<string, string>; course: Map<string, string> } {
	const lesson = new Map<string, string>();
	const course = new Map<string, string>();
	for (const sentence of lessonSentences) {
		for (const a of sentence.attributions) lesson.set(a.speakerId, a.speaker);
		for (const e of sentence.entities) {
			const entry = e.glossaryId ? corpus.knowledge.entry(e.glossaryId) : undefined;
			if (entry?.speaker) lesson.set(entry.id, entry.name);
		}
	}
	for (const sentence of corpus.sentences) {
		for (const a of sentence.attributions) course.set(a.speakerId, a.speaker);
		for (const e of sentence.entities) {
			const entry = e.glossaryId ? corpus.knowledge.entry(e.glossaryId) : undefined;
			if (entry?.speaker && !course.has(entry.id)) course.set(entry.id, entry.name);
		}
	}
	return { lesson, course };
}

/** A person against people, a body against bodies; never an outlet or a press officer. */
function plausibleSpeaker(id: string, answerId: string, knowledge: CourseKnowledge): boolean {
	const entry = knowledge.entry(id);
	const answer = knowledge.entry(answerId);
	if (!entry || !answer || notAsked(knowledge, entry)) return false;
	if (entry.kind !== answer.kind) return false;
	// a body against bodies of the same standing: a finding of an agency or a watchdog against other
	// public bodies, a campaign's claim against other campaigns and researchers
	return entry.kind === 'person' || speakerClass(entry.group, knowledge) === speakerClass(answer.group, knowledge);
}

function speakerClass(group: string | undefined, knowledge: CourseKnowledge): string {
	return knowledge.policies.civilSocietyGroups.includes(group ?? '') ? 'civil-society' : 'public-body';
}

/** Two people of the same office ("an anonymous senior ATF official" and the ATF's acting chief) could be one person. */
function sameOffice(a: string, b: string, knowledge: CourseKnowledge): boolean {
	const pa = knowledge.entry(a)?.partOf ?? [];
	const pb = knowledge.entry(b)?.partOf ?? [];
	return knowledge.entry(a)?.kind === 'person' && knowledge.entry(b)?.kind === 'person' && pa.some((p) => pb.includes(p));
}

function speakerNamedIn(text: string, speakerId: string, knowledge: CourseKnowledge): boolean {
	return knowledge.aliasesOf(speakerId).some((alias) => containsNormalised(text, alias));
}

function attributionQuestions(lessonId: string, sentence: Sentence, corpus: QuestionCorpus, lessonSentences: readonly Sentence[]): Draft[] {
	const drafts: Draft[] = [];
	const { knowledge } = corpus;
	const pools = speakerPool(corpus, lessonSentences);
	for (const attribution of sentence.attributions) {
		const speakerEntry = knowledge.entry(attribution.speakerId);
		// who relayed a story (an outlet, a press officer) is not the claim's author worth learning
		if (!speakerEntry || notAsked(knowledge, speakerEntry)) continue;
		if (sentence.statement.split(/\s+/).length > MAX_STEM_WORDS || /\b\d{2,}-\d{3}\b/.test(sentence.statement)) continue;
		if (!isSelfContained(sentence.statement.replace(attribution.speakerText, attribution.speaker), knowledge)) continue;
		let phrase = attribution.speakerText;
		if (occurrences(sentence.statement, phrase) !== 1 || /^(he|she|they|it)$/i.test(phrase)) continue;
		// blank the whole name: "the anonymous senior ATF official", "ATF Deputy Director Kenneth Melson"
		const at = sentence.statement.indexOf(phrase);
		const lead = /(?:\b(?:the|an?|one|some|anonymous|ATF|Deputy|Director|Secretary|Homeland|Security)\s+)+$/i.exec(sentence.statement.slice(0, at));
		if (lead) phrase = lead[0] + phrase;
		// "the U.S. Government Accountability Office (GAO)": the acronym is part of the name
		const acronym = /^ \([A-Z]{2,6}\)/.exec(sentence.statement.slice(at + attribution.speakerText.length));
		if (acronym) phrase += acronym[0];
		// "_____ also faults…": the "also" points at a claim the learner has not seen
		const claim = capitaliseName(sentence.statement.replace(phrase, BLANK).replace(`${BLANK} also `, `${BLANK} `));
		// "…purchase weapons, _____ ": the blank needs its verb after it
		if (new RegExp(`${BLANK}[,.\\s]*$`).test(claim)) continue;
		// "speaking on condition of anonymity" next to "An anonymous … official": the stem gives the answer away
		const stems = attribution.speaker
			.toLowerCase()
			.split(/[^a-z]+/)
			.filter((w) => w.length >= 5 && !['justice', 'department', 'general', 'government', 'officials', 'official', 'senior'].includes(w))
			.map((w) => w.slice(0, 6));
		if (stems.some((stem) => claim.toLowerCase().includes(stem))) continue;
		// "the report states": the sentence that names the report's author is cited too
		let naming: Sentence | undefined;
		if (!speakerNamedIn(sentence.text, attribution.speakerId, knowledge)) {
			const source = corpus.analysed.find((a) => a.source.id === sentence.sourceId)!;
			naming = source.sentences.find((s) => s.index < sentence.index && speakerNamedIn(s.text, attribution.speakerId, knowledge));
			if (!naming) continue;
		}
		const sides = sidesOf(sentence.id, corpus);
		const subjects = new Set(sentence.entities.filter((e) => (e.type === 'law' || e.type === 'program') && e.glossaryId && !knowledge.policies.subjects.includes(e.glossaryId)).map((e) => e.glossaryId));
		// the claim must not name its own speaker another way (a leak)
		if (knowledge.aliasesOf(attribution.speakerId).some((alias) => containsNormalised(claim, alias))) continue;
		if (claim.split(/\s+/).length < 8) continue;
		const candidates = (pool: Map<string, string>) =>
			rankBy(
				[...pool.entries()].filter(([id]) => plausibleSpeaker(id, attribution.speakerId, knowledge) && !knowledge.related(id, attribution.speakerId)),
				sentence.id,
				([id]) => id
			)
				// someone else saying much the same thing would make two options right
				.filter(([id]) => !sameOffice(id, attribution.speakerId, knowledge))
				// a body the sentence names (the finding's subject, "within ATF itself", or the report it
				// appeared in) and its parts are not offered as its author
				.filter(([id]) => ![id, ...(knowledge.entry(id)?.partOf ?? [])].some((named) => speakerNamedIn(claim, named, knowledge) || speakerNamedIn(sentence.text, named, knowledge) || (naming !== undefined && speakerNamedIn(naming.text, named, knowledge))))
				// someone (or a part of someone) on a side of the same question would make two options right
				.filter(([id]) => !corpus.sentences.some((s) => s.id !== sentence.id && s.attributions.some((a) => a.speakerId === id || knowledge.related(a.speakerId, id)) && (overlap(attribution.claim, s.text) >= 0.5 || sides.has(s.id) || s.entities.some((e) => e.glossaryId && subjects.has(e.glossaryId)))));
		// the lesson's own speakers first (same topic), then others quoted in the course
		const fromLesson = candidates(pools.lesson);
		const pick = (keep: (candidate: [string, string]) => boolean) =>
			[...fromLesson.filter(keep), ...candidates(pools.course).filter(keep).filter(([id]) => !fromLesson.some(([other]) => other === id))].slice(0, 3);
		// "_____ states that…": a plural speaker ("Mexican government officials states") would not read
		// as a sentence; singular speakers only, or, when there are too few, the verb in the past
		// tense ("_____ concluded"), which agrees with either
		let shownClaim = claim;
		let others = pick(() => true);
		const afterBlank = claim.slice(claim.indexOf(BLANK) + BLANK.length);
		// "_____ reported that they …", "… and is working": a pronoun or a second verb of the speaker's
		// tells its number, and with it the answer
		if (/^ \w+(?: \w+)? that (?:they|it|he|she)\b/.test(afterBlank)) continue;
		const singular = pick(([id]) => !isPluralName(knowledge.entry(id)?.name ?? ''));
		const plural = others.some(([id]) => isPluralName(knowledge.entry(id)?.name ?? '')) || isPluralName(attribution.speaker);
		if (plural && /\b(?:and|but) (?:is|has|was|does)\b/.test(afterBlank)) {
			if (singular.length < 3 || isPluralName(attribution.speaker)) continue;
			others = singular;
		}
		const verb = new RegExp(`^ (${Object.keys(PAST_TENSE).join('|')})\\b`).exec(afterBlank)?.[1];
		if (verb && others.some(([id]) => isPluralName(knowledge.entry(id)?.name ?? ''))) {
			if (singular.length === 3) others = singular;
			else shownClaim = claim.replace(`${BLANK} ${verb}`, `${BLANK} ${PAST_TENSE[verb]}`);
		}
		if (others.length < 3) continue;
		const citations = [citeSentence(sentence)];
		if (naming) citations.unshift(citeSentence(naming));
		const id = questionId(lessonId, 'attribution', citations, attribution.speakerId);
		const options = choices([attribution.speaker, ...others.map(([, name]) => name)].map(capitaliseName), id);
		const correct = options.find((o) => o.text === capitaliseName(attribution.speaker))!;
		drafts.push({
			id, lessonId, type: 'attribution',
			prompt: { type: 'attribution', stem: 'Who made this claim? Choose who fills the blank, according to the sources.', claim: shownClaim, options },
			answer: { type: 'attribution', correctOptionId: correct.id },
			explanation: quoteExplanation(corpus, citations.map((c) => corpus.sentences.find((s) => s.id === c.sentenceId)!), `The claim comes from ${attribution.speaker}.`),
			citations, topicText: sentence.text
		});
	}
	return drafts;
}

/** Verbs of saying in the present, as a claim's verb after its speaker, and their past tense. */
const PAST_TENSE: Record<string, string> = {
	states: 'stated', finds: 'found', reports: 'reported', concludes: 'concluded', faults: 'faulted', claims: 'claimed',
	says: 'said', opposes: 'opposed', identifies: 'identified', accuses: 'accused'
};

/** "Mexican government officials", "ATF agents": a plural noun last ("Congress", "GAO" are not). */
function isPluralName(name: string): boolean {
	return /(?<![su])s$/.test(name.split(/\s+/).at(-1) ?? '');
}

/** Sentences on the other sides of any known disagreement this sentence is part of. */
function sidesOf(sentenceId: string, corpus: QuestionCorpus): Set<string> {
	const sides = new Set<string>();
	for (const d of corpus.knowledge.disagreements) {
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

/** Events fit for ordering: not contested, one year per sentence, no date left in the text (it would give the order away). */
function orderable(events: readonly TimelineEvent[], corpus: QuestionCorpus): TimelineEvent[] {
	const kept: TimelineEvent[] = [];
	for (const event of events) {
		if (corpus.disputed.has(event.citation.sentenceId)) continue;
		const sentence = corpus.sentences.find((s) => s.id === event.citation.sentenceId)!;
		const years = new Set(sentence.entities.filter((e) => e.year !== undefined).map((e) => e.year));
		if (years.size > 1 || event.text.length > 220 || /\b(1[5-9]|20)\d{2}\b/.test(event.text)) continue;
		// two events of one year are ordered only by their months: "June 2011" against "2011" would be a guess
		const clash = kept.some((k) => k.year === event.year && (k.month === undefined || event.month === undefined || k.month === event.month));
		if (!clash) kept.push(event);
	}
	return kept.sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
}

function orderingDraft(lessonId: string, group: readonly TimelineEvent[], ownYears: ReadonlySet<number>): Draft {
	const citations = group.map((e) => e.citation);
	const id = questionId(lessonId, 'ordering', citations, group.map((e) => e.id).join(','));
	const items = group.map((e) => ({ id: `i-${digest([id, e.id], 8)}`, text: e.text }));
	return {
		id, lessonId, type: 'ordering',
		prompt: { type: 'ordering', stem: 'Put these events in order, earliest first.', items: rankBy(items, id, (i) => i.id) },
		answer: { type: 'ordering', order: items.map((i) => i.id) },
		explanation: `In order: ${group.map((e) => `${e.dateText}: ${e.text}`).join(' ')} The sources: ${group.map((e) => `“${e.citation.text}”`).join(' ')}`,
		citations, topicText: group.filter((e) => ownYears.has(e.year)).map((e) => e.text).join(' ')
	};
}

/**
 * Up to two ordering items per lesson, each of three or four of the lesson's own events (never
 * events of other lessons: a learner is asked to order only what the lesson teaches); the second
 * set differs from the first.
 */
function orderingQuestions(lessonId: string, events: readonly TimelineEvent[], corpus: QuestionCorpus): Draft[] {
	const own = orderable(events, corpus);
	if (own.length < 3) return [];
	const ownYears = new Set(own.map((e) => e.year));
	const first = own.slice(0, 4);
	const drafts: Draft[] = [orderingDraft(lessonId, first, ownYears)];
	const second = own.length > 4 ? own.slice(-4) : own.slice(1);
	const sameSet = second.length === first.length && second.every((e) => first.includes(e));
	if (second.length >= 3 && !sameSet) drafts.push(orderingDraft(lessonId, second, ownYears));
	return drafts;
}

// ---------- a lesson's bank ----------

const FACT_ROTATION: Record<Blank['kind'], QuestionType[]> = {
	money: ['multiple_choice', 'true_false'],
	number: ['numeric', 'multiple_choice', 'true_false'],
	percent: ['numeric', 'multiple_choice'],
	year: ['multiple_choice', 'fill_blank', 'true_false'],
	// no true/false for people: a swapped name keeps the real person's title ("Secretary Drew Wade")
	person: ['multiple_choice', 'fill_blank'],
	// names are never swapped into a false statement (the sources would merely not say it), and a
	// true statement is asked only beside a number or a year, so true and false stay balanced
	organisation: ['multiple_choice', 'fill_blank'],
	place: ['multiple_choice', 'fill_blank'],
	program: ['multiple_choice', 'fill_blank'],
	// a law's full title is too long to type from memory: chosen, not typed
	law: ['multiple_choice'],
	// "semi-automatic assault rifles" has many spellings: chosen, not typed
	term: ['multiple_choice']
};

function chooseObjective(outline: OutlineLesson, draft: Draft, counts: Map<string, number>): string {
	let best = '';
	let bestScore = 0;
	for (const objective of outline.objectives) {
		// a "who said it" item belongs, among equals, to an objective about comparing claims
		const score =
			objective.keywords.filter((k) => draft.topicText.toLowerCase().includes(k.toLowerCase())).length +
			(draft.type === 'attribution' && /\bclaims\b/.test(objective.text) ? 0.5 : 0);
		// on a tie, the objective with fewer questions so far: coverage spreads over the objectives
		if (score > bestScore || (score > 0 && score === bestScore && (counts.get(objective.id) ?? 0) < (counts.get(best) ?? 0))) {
			best = objective.id;
			bestScore = score;
		}
	}
	if (best) return best;
	if (outline.objectives.some((o) => o.id === 'claims') && draft.type === 'attribution') return 'claims';
	// no keyword: the objective with the fewest questions so far
	return [...outline.objectives].sort((a, b) => (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0))[0].id;
}

/**
 * Organisations and programs named in more than two fifths of a lesson's sentences ("the ATF" in
 * the origins lesson): the lesson's own premise. Asked as a blank, the quiz's other stems would
 * name the answer again and again.
 */
function namesThroughout(sentences: readonly Sentence[]): Set<string> {
	const mentions = new Map<string, number>();
	for (const sentence of sentences)
		for (const id of new Set(sentence.entities.filter((e) => (e.type === 'organisation' || e.type === 'program') && e.glossaryId).map((e) => e.glossaryId!)))
			mentions.set(id, (mentions.get(id) ?? 0) + 1);
	return new Set([...mentions].filter(([, n]) => n > sentences.length * 0.4).map(([id]) => id));
}

/** The smallest bank a lesson gets: enough for a varied quiz. */
const MIN_PER_LESSON = 20;
const MIN_TYPES = 4;
const MIN_PER_OBJECTIVE = 2;

/**
 * A lesson's bank, varied by sentence: each sentence first gives one item (its best fact, or who
 * said it), and a second or third item of the same sentence is added only while the lesson still
 * lacks questions, types or objectives; a true/false beside a blank of the same sentence would
 * give one answer away.
 */
export function generateLessonQuestions(plan: LessonPlan, corpus: QuestionCorpus): GeneratedQuestion[] {
	const lessonId = plan.outline.id;
	const lessonPremise = namesThroughout(plan.sentences);
	const perSentence: Draft[][] = [];
	const rotation = new Map<Blank['kind'], number>();
	let tfCount = 0;
	for (const sentence of plan.sentences) {
		const blanks = blanksOf(sentence, corpus, lessonPremise).slice(0, 3);
		const facts: Draft[][] = blanks.map((blank) => {
			const turn = rotation.get(blank.kind) ?? 0;
			const types = FACT_ROTATION[blank.kind];
			const made: Draft[] = [];
			for (let k = 0; k < types.length; k++) {
				const type = types[(turn + k) % types.length];
				const draft =
					type === 'multiple_choice' ? multipleChoice(lessonId, blank, corpus)
					: type === 'fill_blank' ? fillBlank(lessonId, blank, corpus)
					: type === 'numeric' ? numeric(lessonId, blank, corpus)
					: trueFalse(lessonId, blank, corpus, tfCount % 2 === 0);
				if (!draft) continue;
				if (type === 'true_false') tfCount++;
				made.push(draft);
			}
			if (made.length) rotation.set(blank.kind, turn + 1);
			return made;
		});
		const attributions = attributionQuestions(lessonId, sentence, corpus, plan.sentences);
		// best fact first, then who said it, then the other blanks and types
		const ordered: Draft[] = [];
		if (facts[0]?.[0]) ordered.push(facts[0][0]);
		ordered.push(...attributions);
		for (let k = 0; k < 3; k++) for (const list of facts) if (list[k] && !ordered.includes(list[k])) ordered.push(list[k]);
		if (ordered.length) perSentence.push(ordered);
	}

	const chosen = new Map<string, Draft>();
	const counts = new Map<string, number>();
	const typeCounts = new Map<QuestionType, number>();
	const objectiveOf = new Map<string, string>();
	const add = (draft: Draft) => {
		if (chosen.has(draft.id)) return;
		const objectiveId = chooseObjective(plan.outline, draft, counts);
		chosen.set(draft.id, draft);
		objectiveOf.set(draft.id, objectiveId);
		counts.set(objectiveId, (counts.get(objectiveId) ?? 0) + 1);
		typeCounts.set(draft.type, (typeCounts.get(draft.type) ?? 0) + 1);
	};
	for (const list of perSentence) add(list[0]);
	for (const draft of orderingQuestions(lessonId, extractTimeline(plan.sentences, corpus.knowledge), corpus)) add(draft);
	const lacking = () =>
		chosen.size < MIN_PER_LESSON || typeCounts.size < MIN_TYPES || plan.outline.objectives.some((o) => (counts.get(o.id) ?? 0) < MIN_PER_OBJECTIVE);
	for (let round = 1; round < 6 && lacking(); round++) {
		for (const list of perSentence) {
			const draft = list[round];
			if (!draft || !lacking()) continue;
			const objectiveId = chooseObjective(plan.outline, draft, counts);
			const helps =
				chosen.size < MIN_PER_LESSON || !typeCounts.has(draft.type) || (counts.get(objectiveId) ?? 0) < MIN_PER_OBJECTIVE;
			if (helps) add(draft);
		}
	}
	// an item that fits two objectives equally well moves to one that is short of questions
	for (const objective of plan.outline.objectives) {
		for (const draft of chosen.values()) {
			if ((counts.get(objective.id) ?? 0) >= MIN_PER_OBJECTIVE) break;
			const current = objectiveOf.get(draft.id)!;
			if (current === objective.id || (counts.get(current) ?? 0) <= MIN_PER_OBJECTIVE) continue;
			const score = (o: OutlineLesson['objectives'][number]) => o.keywords.filter((k) => draft.topicText.toLowerCase().includes(k.toLowerCase())).length;
			const currentObjective = plan.outline.objectives.find((o) => o.id === current)!;
			if (score(objective) === 0 || score(objective) < score(currentObjective)) continue;
			objectiveOf.set(draft.id, objective.id);
			counts.set(current, counts.get(current)! - 1);
			counts.set(objective.id, (counts.get(objective.id) ?? 0) + 1);
		}
	}
	return [...chosen.values()].map(({ topicText: _topic, ...rest }) => ({ ...rest, objectiveId: objectiveOf.get(rest.id)! }));
}
