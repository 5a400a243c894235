import { type CourseKnowledge, type GlossaryEntry } from '../course';
import { isFound } from '../discover';
import { initialsOf } from '../normalise';
import { isPlannedFor, isSelfContained } from '../lessons';
import { isWrittenInWords } from '../numbers';
import { containsNormalised, contentWords, isTrivialAnswer, overlap } from '../question-filters';
import { type Entity, type Sentence } from '../types';
import { places } from '../data/places';
import { FIRST_PERSON_WORDS } from '../speech';
import { BLANK, type QuestionCorpus } from './corpus';

// blanks: which entity of a sentence a fact question asks about

export interface Blank {
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
	/** a speaker's words, quoted in the stem: never changed into a false statement */
	spoken?: boolean;
}

/** The sentences a blank's question cites: the one that names a rewritten referent, then its own. */
export function blankSentences(blank: Blank): Sentence[] {
	return blank.naming ? [blank.naming, blank.sentence] : [blank.sentence];
}

/**
 * Organisations that can stand in for each other as options (the course file's distractorGroups;
 * staff, offices and centres cannot). Without that policy, any organisation's group qualifies.
 */
export function isDistractorGroup(knowledge: CourseKnowledge, entry: Pick<GlossaryEntry, 'id' | 'group'>): boolean {
	const groups = knowledge.policies.distractorGroups;
	// a name found in the texts has the generator's own groups, which a course file's list does not name
	if (isFound(entry.id)) return FOUND_PUBLIC_GROUPS.includes(entry.group ?? '') || Boolean(groups?.includes(entry.group ?? ''));
	return groups ? groups.includes(entry.group ?? '') : true;
}

/** groups `discover` gives found bodies that are public or civic (not companies or cartels) */
const FOUND_PUBLIC_GROUPS = ['government', 'legislature', 'civil-society', 'research'];

/** outlets, journalists and press officers (course policy): who printed or relayed a fact is not the fact */
export function notAsked(knowledge: CourseKnowledge, entry: GlossaryEntry): boolean {
	return knowledge.policies.neverAskedGroups.includes(entry.group ?? '') || knowledge.policies.neverAsked.includes(entry.id);
}
/** stems longer than this are passages, not questions */
export const MAX_STEM_WORDS = 65;

export const KIND_PRIORITY: Blank['kind'][] = ['money', 'number', 'percent', 'year', 'person', 'place', 'organisation', 'program', 'law', 'term'];

export function occurrences(text: string, part: string): number {
	let count = 0;
	for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) count++;
	return count;
}

export function placeNoun(entry: GlossaryEntry | undefined): string | undefined {
	return entry?.placeKind === 'country' ? 'country' : entry?.placeKind === 'city' ? 'city' : entry?.placeKind === 'state' ? 'state' : undefined;
}

export function blankFor(sentence: Sentence, entity: Entity, premise: ReadonlySet<string>, knowledge: CourseKnowledge, corpusSentences: readonly Sentence[] = []): Blank | undefined {
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
		case 'cardinal': {
			inWords = isWrittenInWords(entity.text);
			// "within three working days": a small count of time, asked as a typed number only (no options to write unlike the source)
			const timeCount = inWords && (entity.value ?? 0) >= 2 && /^\s+(?:working\s+|business\s+|calendar\s+)?(?:days|weeks|months|years|hours|decades)\b/.test(statement.slice(statement.indexOf(entity.text) + entity.text.length));
			if ((entity.value ?? 0) < 5 && !timeCount) return undefined;
			// "from five to fourteen years": a count the source writes in words is asked in words or not at all
			if (inWords && (entity.value ?? 0) < 100 && !timeCount) return undefined;
			if (timeCount) durationValue = entity.value;
			kind = 'number';
			kindNoun = 'number';
			answer = /[\d,.]+(?:\s(?:million|billion|thousand))?/.exec(entity.text)?.[0] ?? entity.text;
			break;
		}
		case 'person':
			if (!entry || entry.kind !== 'person' || !entry.role) return undefined;
			if (statement.includes(entry.name)) answer = entry.name;
			else answer = entity.text;
			kind = 'person';
			kindNoun = 'person';
			break;
		case 'organisation':
			if (!entry || !entry.group || !isDistractorGroup(knowledge, entry)) return undefined;
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
	if ((isTrivialAnswer(answer) && durationValue === undefined) || occurrences(statement, answer) !== 1) return undefined;
	// "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)": the acronym goes into the blank too
	let span = answer.length;
	const defined = entry && /^ \(([A-Z]{2,6})\)/.exec(statement.slice(statement.indexOf(answer) + answer.length));
	if (defined && entry && entry.aliases.includes(defined[1])) span += defined[0].length;
	// who published or reported a story, or a spokesman's name, is publication trivia, not civics
	if (entry && notAsked(knowledge, entry)) return undefined;
	// a press officer relays a fact; their name is not the fact
	if (entry && /\bspokes(?:man|woman|person)\b/i.test(entry.role ?? '')) return undefined;
	// "an additional 5 million": without the currency the source leaves the unit unknown
	if (entity.type === 'cardinal' && /\b(million|billion)\b/i.test(entity.text)) return undefined;
	const at = statement.indexOf(answer);
	const after = statement.slice(at + answer.length);
	// "Pena _____'s predecessor": a surname asked with the rest of the name left in the stem
	if (kind === 'person' && at > 0) {
		const word = /(?:^|[^.!?]\s)(\p{Lu}[\p{Ll}'’-]+)\s$/u.exec(statement.slice(Math.max(0, at - 30), at))?.[1];
		if (word && !/^(?:President|Director|Secretary|Senator|Judge|Agent|Deputy|Representative|Governor|Mayor|Chairman|Spokesman|General|Ambassador|Justice|Officer)$/.test(word)) return undefined;
	}
	// "George _____", "Homeland Security and _____ Committee": a blank inside a longer name
	if ((kind === 'place' || kind === 'organisation' || kind === 'program' || kind === 'law') && (/\p{Lu}[\p{L}.'’-]*(?<![’']s)\s$/u.test(statement.slice(Math.max(0, at - 25), at)) && !/(?:^|[.!?]\s|\b(?:The|In|At|By|For|From|On|With|Of|To)\s)$/.test(statement.slice(0, at)) || /\p{Lu}[\p{L}'’-]*\s(?:and|of|for)\s$/u.test(statement.slice(Math.max(0, at - 30), at)))) return undefined;
	// "the _____ case that resulted in…": a case is named for a place or a party, not for a body or a person
	if (['place', 'organisation', 'person', 'program'].includes(kind) && /^\s+(?:case|cases|trial|indictment|prosecution)\b/.test(after)) return undefined;
	// "Fred Hampton, _____, Zayd Shakur…", "the _____ (1961), the Ku Klux Klan (1964), the Nation of Islam": one of
	// a list of names is a gotcha, and the others of the list fit the blank as well
	if (['person', 'organisation', 'place'].includes(kind) && inListOfNames(statement.slice(0, at), after)) return undefined;
	// "In 1947 _____'s Ellis Island": where a landmark is, not a fact of the story
	if (kind === 'place' && /^[’']s\s+\p{Lu}/u.test(after)) return undefined;
	// "the GSA IG" beside a blanked "General Services Administration": an acronym of the answer gives it away
	if (initialsOf(answer) && new RegExp(`\\b${initialsOf(answer)}\\b`).test(statement.slice(0, at) + statement.slice(at + span))) return undefined;
	// "…support of _____ in the midst of the French Revolution": the country's adjective gives it away
	if (kind === 'place' && demonymIn(statement.slice(0, at) + statement.slice(at + answer.length), answer)) return undefined;
	// "My _____ years as State Auditor": a speaker's aside about themselves, not the matter of the speech
	if (kind === 'number' && /\b(?:[Mm]y|[Oo]ur|I)\s+(?:\S+\s+)?$/.test(statement.slice(0, at))) return undefined;
	// "a joint ATF–_____ (CIARA)": a blank joined by a dash to a name is half of one
	if (['place', 'organisation', 'program', 'law'].includes(kind) && /[\p{L}][–-]$/u.test(statement.slice(0, at))) return undefined;
	// "The _____ Oversight and Implementation Act": a name that runs on past the blank
	if (['place', 'organisation', 'program', 'law'].includes(kind) && /^\s+\p{Lu}\p{Ll}/u.test(after)) return undefined;
	if ((kind === 'organisation' || kind === 'program' || kind === 'law') && /^\s(?:and|of|for)\s\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)*\s(?:Committee|Department|Office|Commission|Act|Agency|Bureau)\b/u.test(after)) return undefined;
	// "a six-page memo", "50 U.S.C. 21–24", "Sections 21–24": page counts and code sections are not facts to learn
	if (kind === 'number' && (/^-page\b/.test(after) || /^\s*[–-]\s*\d/.test(after) && !/\bvote of\s*$/.test(statement.slice(0, at)) || /\b(?:U\.S\.C\.|Sections?|Title|Chapter|No\.)\s$/.test(statement.slice(0, at)))) return undefined;
	// "Jaime Avila, 25, has admitted…": a person's age is not a fact of the story
	if (kind === 'number' && /\p{Lu}[\p{L}'’-]+,\s$/u.test(statement.slice(0, at)) && /^,/.test(after) && (entity.value ?? 0) < 110) return undefined;
	// "a security expert at the _____": where a quoted expert works is publication trivia
	if (kind === 'organisation' && /\b(?:expert|professor|fellow|researcher|analyst|scholar|lecturer|student)\s+(?:at|of|with|from)\s+(?:the\s+)?$/i.test(statement.slice(0, at))) return undefined;
	// (so is the body a quoted advocate leads: "…,” said Anne Weismann, the executive director of The _____")
	if (kind === 'organisation' && /[“"]/.test(statement) && /\b(?:director|founder|president|chair(?:man|woman)?|head|member|leader)\s+(?:at|of|with|from)\s+(?:the\s+)?$/i.test(statement.slice(0, at))) return undefined;
	// "In GAO _____ 09-709", "As of a _____ report": document identifiers and report dates are not facts to learn
	if (/^\s+Report\b|^\s+report\b|^\s+\d{2,}-\d+/.test(after)) return undefined;
	// "FY 2007 and _____": the other end of a pair of years gives it away
	if (kind === 'year' && sentence.entities.some((e) => e !== entity && e.year !== undefined && Math.abs(e.start - entity.start) <= 16)) return undefined;
	// "lost track of more than _____ guns": a bound, not a value; a larger figure elsewhere is also right
	if ((kind === 'number' || kind === 'money' || kind === 'percent') && /\b(?:at least|more than|over|up to|fewer than|less than|under|upwards of|as many as|as much as)\s+\$?$/i.test(statement.slice(0, at))) return undefined;
	// "Beginning in _____, leaders of the party were targeted…" where the same source dates it 1967 elsewhere
	if (kind === 'year' && sourceDatesOtherwise(sentence, entity.year, statement.slice(0, at) + statement.slice(at + answer.length), corpusSentences)) return undefined;
	// "proclamations 2525 (…), _____ (…) and 2527": one of a numbered run is given away by its neighbours
	if (kind === 'number' && entity.value !== undefined && sentence.entities.some((e) => e !== entity && e.value !== undefined && e.type === entity.type && e.value !== entity.value && Math.abs(e.value - entity.value!) <= 3)) return undefined;
	// "In _____ Ellis Island continued to incarcerate…": a state that lasted fits more than one year
	if (kind === 'year' && /\b(?:continued|continues|still|remained|remains|ongoing)\b/i.test(statement)) return undefined;
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
	if (kind === 'term') {
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
	// (the value as a number of its own: the "20" of "2009" repeats nothing)
	if (entity.value !== undefined && kind !== 'year' && new RegExp(`(?<![\\d.,])${entity.value}(?![\\d]|[.,]\\d)`).test(blanked)) return undefined;
	if (entry && (entry.demonyms ?? []).some((d) => blanked.includes(d))) return undefined;
	// "the _____ firearm tracing software system": a program's name must not echo in the stem ("eTrace", "tracing")
	if (kind === 'program' && entry && echoesName(blanked, knowledge.aliasesOf(entry.id))) return undefined;
	// "Laredo, Texas": the larger place beside it narrows the answer and makes swaps absurd
	if (kind === 'place' && /^,\s+\p{Lu}/u.test(statement.slice(at + answer.length))) return undefined;
	// "Sept. 11" is a date, not a count
	if (kind === 'number' && /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(statement.slice(0, at))) return undefined;
	// "Proclamation 2525", "H.R. 928", "FY 23", "Executive Order 9066": a number that names a document is not a fact to learn
	if ((kind === 'number' || kind === 'year') && namesDocument(statement.slice(0, at))) return undefined;
	// "the _____ Resolutions" beside "Virginia and Kentucky legislatures", "_____'s death" beside "Terry": the stem gives the answer away
	if (!['year', 'number', 'money', 'percent'].includes(kind) && echoesAnswer(blanked, answer)) return undefined;
	return { sentence, entity, answer, blanked, kind, kindNoun, ...(inWords ? { inWords } : {}), ...(durationValue !== undefined ? { value: durationValue } : {}) };
}

/** "Fred Hampton, _____, Zayd Shakur": the blank sits between names of a comma list of three or more. */
export function inListOfNames(before: string, after: string): boolean {
	const NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*)*(?:\s+\(\d{4}\))?`;
	const test = (pattern: string, text: string) => new RegExp(pattern, 'u').test(text);
	const nameBefore = test(String.raw`${NAME},\s+(?:and\s+)?(?:the\s+)?$`, before);
	const twoBefore = test(String.raw`${NAME},\s+${NAME},\s+(?:and\s+)?(?:the\s+)?$`, before);
	const nameAfter = test(String.raw`^(?:\s+\(\d{4}\))?,?\s+(?:and\s+)?${NAME}`, after);
	const twoAfter = test(String.raw`^(?:\s+\(\d{4}\))?,\s+${NAME},\s+(?:and\s+)?${NAME}`, after);
	return twoBefore || twoAfter || (nameBefore && nameAfter);
}

const DEMONYMS: Record<string, string> = places.demonyms;

/** "French" for France, "Mexican" for Mexico: a country's adjective in the text. */
export function demonymIn(text: string, country: string): boolean {
	const irregular = DEMONYMS[country];
	if (irregular && new RegExp(`\\b${irregular}\\b`).test(text)) return true;
	const stem = country.slice(0, 4);
	return country.length >= 5 && new RegExp(`\\b${stem}\\p{Ll}*(?:an|ian|ese|i|ish)\\b`, 'u').test(text);
}

/** "Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)": the sentence defines the acronym it names. */
export function definedHere(statement: string, text: string, entry: GlossaryEntry): boolean {
	const acronyms = [entry.name, ...entry.aliases].filter((a) => /^[A-Z]{2,6}$/.test(a));
	const after = statement.slice(statement.indexOf(text) + text.length);
	return acronyms.some((acronym) => after.startsWith(` (${acronym})`));
}

export const GENERIC_NAME_WORDS = new Set(['operation', 'project', 'program', 'initiative']);

/** A stem word that starts like a word of the name (4 letters; "eTrace" is read as "Trace"). */
export function echoesName(stem: string, names: readonly string[]): boolean {
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
export function rewriteAddsWords(sentence: Sentence): boolean {
	const written = new Set(contentWords(sentence.text));
	return contentWords(sentence.statement).some((word) => !written.has(word));
}

/** A word of five or more letters of `option` that the stem uses too. */
export function echoesWord(stem: string, option: string): boolean {
	const words = new Set(stem.toLowerCase().split(/[^a-z]+/));
	return option.toLowerCase().split(/[^a-z]+/).some((word) => word.length >= 5 && words.has(word));
}

export function blanksOf(sentence: Sentence, corpus: QuestionCorpus, lessonPremise: ReadonlySet<string> = new Set()): Blank[] {
	const speech = corpus.analysed.find((a) => a.source.id === sentence.sourceId)?.speech;
	// a speaker's "I" and "our" are the speaker's, whom the stem names: the other checks still hold
	const checked = speech ? sentence.statement.replace(FIRST_PERSON_WORDS, 'Speaker') : sentence.statement;
	if (!isSelfContained(checked, corpus.knowledge) || sentence.statement.split(/\s+/).length > MAX_STEM_WORDS) return [];
	const contested = corpus.disputed.get(sentence.id) ?? [];
	const premise = new Set([...corpus.premise, ...lessonPremise]);
	const blanks = sentence.entities
		.filter((entity) => !contested.some((span) => entity.start < span.end && span.start < entity.end))
		.flatMap((entity) => blankFor(sentence, entity, premise, corpus.knowledge, corpus.sentences) ?? []);
	blanks.push(...rewrittenNameBlanks(sentence, corpus));
	if (speech) return blanks.map((b) => ({ ...b, blanked: `${speech.lead} “${b.blanked}”`, spoken: true })).sort(byKind);
	return blanks.sort(byKind);
}

function byKind(a: Blank, b: Blank): number {
	return KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) || a.entity.start - b.entity.start;
}

/**
 * "The bill was set to be the subject of a hearing" is shown as "The Reform and Modernization Act
 * was…": a law the rewrite named can be asked too, citing the earlier sentence of the
 * same source that names it, so the cited sentences alone still give the answer.
 */
export function rewrittenNameBlanks(sentence: Sentence, corpus: QuestionCorpus): Blank[] {
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
		const blank = blankFor({ ...sentence, entities: [entity] }, entity, corpus.premise, corpus.knowledge, corpus.sentences);
		if (blank && at >= 0) blanks.push({ ...blank, sentence, naming });
	}
	return blanks;
}

const MONTH_WORD = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?$/;

/** The words before a number make it a document's number: a capitalised word that is not a month or a sentence opener, "No.", "§". */
export function namesDocument(before: string): boolean {
	const trimmed = before.trimEnd();
	if (/(?:^|\s)(?:No\.|Nos\.|§+|#)$/.test(trimmed)) return true;
	// "proclamations 2525", "Executive Order 9066", "section 21": a document noun before the number, in any case
	if (/\b(?:proclamations?|orders?|sections?|numbers?|bills?|resolutions?|chapters?|titles?|articles?|rules?|amendments?|codes?|cases?|dockets?|forms?)\s*$/i.test(trimmed)) return true;
	// "21–24": the far end of a section range
	if (/\d\s*[–-]$/.test(trimmed)) return true;
	const words = trimmed.split(/\s+/).filter(Boolean);
	const previous = words.at(-1);
	if (!previous || words.length === 1 && !/^(?:FY|H\.R\.|S\.)$/.test(previous)) return false;
	// "E.O. 14059", "H.R. 928", "S. 680": an abbreviation of capitals names a document
	if (/^(?:\p{Lu}{1,4}\.){1,4}$/u.test(previous) && previous !== 'U.S.') return true;
	if (MONTH_WORD.test(previous) || /[,;:.)]$/.test(previous)) return false;
	return /^(?:\p{Lu}[\p{L}.]*|FY)$/u.test(previous) && !/^(?:In|On|By|Since|From|To|Until|After|Before|About|Around|Over|Nearly|Some|The|And|Or|Of|For|At|With|Between|During|Through|Than|About)$/.test(previous);
}

const GENERIC_ANSWER_WORD = /^(?:committee|subcommittee|department|office|bureau|agency|commission|service|administration|national|federal|united|states|american|general|council|court|resolutions?|acts?|house|senate|party|group|program|project|operation|center|centre|institute|university)$/i;

/** A distinctive word of the answer (five letters or more) is a word of the stem too ("Terry" in "Terry's death", "Sedition" in "sedition laws"). */
export function echoesAnswer(blanked: string, answer: string): boolean {
	const base = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/(?<=[^s])s$/, '');
	const distinctive = new Set(answer.split(/[^\p{L}'’]+/u).filter((w) => w.length >= 5 && !GENERIC_ANSWER_WORD.test(w)).map(base));
	if (distinctive.size === 0) return false;
	return blanked.replace(BLANK, ' ').split(/[^\p{L}'’]+/u).some((w) => distinctive.has(base(w)));
}

/** Another sentence of the same source tells much the same thing with a different year. */
export function sourceDatesOtherwise(sentence: Sentence, year: number | undefined, rest: string, sentences: readonly Sentence[]): boolean {
	// "the Black Panther Party (1967)" elsewhere, against "Beginning in 1969, leaders of the Black Panther Party…"
	const names = rest.match(/\b\p{Lu}[\p{L}'’-]+(?:\s+(?:of|and|for|the)?\s*\p{Lu}[\p{L}'’-]+)+/gu) ?? [];
	const datedElsewhere = sentences.some(
		(other) =>
			other.sourceId === sentence.sourceId &&
			other.id !== sentence.id &&
			names.some((name) => new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\((\\d{4})\\)`).exec(other.text)?.[1] !== undefined && !other.text.includes(`${name} (${year})`))
	);
	if (datedElsewhere) return true;
	return sentences.some(
		(other) =>
			other.sourceId === sentence.sourceId &&
			other.id !== sentence.id &&
			other.entities.some((e) => e.year !== undefined && e.year !== year && (e.type === 'year' || e.type === 'date')) &&
			overlap(rest, other.text) >= 0.4
	);
}
