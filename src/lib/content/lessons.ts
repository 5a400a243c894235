import { nameWithoutTitle } from './names';
import { citeQuote, citeSentence } from './citations';
import type { CourseKnowledge } from './course';
import { digest } from './hash';
import { isFound } from './discover';
import type { Actor, AnalysedSource, KeyFigure, LessonDocument, Perspective, Sentence, TimelineEvent } from './types';
import { overlap } from './question-filters';
import { capitalise } from './rewrite';
import { findDisagreements } from './find-disagreements';

export type { LessonPlan, SentenceRoute } from './routing';
import type { LessonPlan } from './routing';

const PRONOUN_START = /^(it|this|that|these|those|they|he|she|his|her|their|its|we|our|here’s|here's)\b/i;

/** Shown alone, does the statement still make sense? */
export function isSelfContained(statement: string, knowledge?: CourseKnowledge): boolean {
	if (PRONOUN_START.test(statement)) return false;
	if (/^[“"]/.test(statement) && !/[”"].*\b(said|says)\b/.test(statement)) return false;
	if (/\b(it|they|he|she) (said|says)\b/i.test(statement)) return false;
	if (/\b(these|those|the following) (subject areas|weapons|agencies|cases)\b|\bthat field division\b/i.test(statement)) return false;
	// lower-case nouns only: "revealed that Operation Wide Receiver…" names the operation
	if (/\b([Tt]his|[Tt]hat) (operation|program|discrepancy|conclusion|money|report)\b/.test(statement)) return false;
	if (/\b(the official|the document|the operation|the case|the bill|the committee)\b/i.test(statement)) return false;
	// "The report also said…", "shot during the gunfight": which report, which gunfight, a sentence not shown says
	if (/^The (report|study|survey|memo|letter)\b|\bthe (study|survey|gunfight|shootout|shooting|attack|raid|incident|ceremony|meeting|hearing|interview)\b/.test(statement)) return false;
	// "Other U.S. agencies…", "Other tactics…": other than those of a sentence not shown
	if (/^(Other|Another)\b/.test(statement)) return false;
	// "Instead, …", "The program was secret…", "The Acts were…": they lean on a sentence not shown
	if (/^(Instead|Still|Thus|Therefore|Moreover|Nevertheless|Yet|Also),? |^The (program|programme|acts|Acts|agency|law|group|plan|policy|project|proclamation)\b/.test(statement)) return false;
	// "strongly objected, and … protested the sales": to what, and which sales, a sentence not shown says
	if (/\b(objected|protested),|\b(protested|objected to) the (sales|transactions|purchases)\b/.test(statement)) return false;
	// news copy's "told us", "we found": the reader is not "us"
	if (/\b(us|we|our)\b/.test(statement)) return false;
	// relative time and comparisons that need the article around them
	if (/\b(last|this|next) (week|month|year)\b|\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\bthe opposite\b|\bother problems\b|\b(these|those) are\b/i.test(statement)) return false;
	// "his failure to nominate…": a pronoun with no named person before it
	const pronoun = /\b(he|she|him|his|her)\b/i.exec(statement);
	if (pronoun && !namesPersonBefore(statement.slice(0, pronoun.index), knowledge)) return false;
	// "Here's a key graph …:" introduces what follows; it states nothing itself
	if (/:\s*$/.test(statement)) return false;
	if (!quotesBalanced(statement)) return false;
	return statement.split(/\s+/).length >= 7;
}

/**
 * A person named as a person ("Janet Napolitano said"), not as an adjective ("the Obama
 * administration"): a glossary person, or without a course, a first and last name.
 */
function namesPersonBefore(text: string, knowledge?: CourseKnowledge): boolean {
	const asPerson = (at: number, length: number) => at >= 0 && !/^[’']?s? administration/.test(text.slice(at + length).trimStart());
	if (!knowledge) {
		return [...text.matchAll(/\b\p{Lu}\p{Ll}+(?: \p{Lu}\.)? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\b/gu)].some((m) => asPerson(m.index, m[0].length));
	}
	// "Senator Collins … her reform ideas": a title and a surname name a person too
	if (/\b(?:Senator|Representative|Congressman|Congresswoman|Governor|Judge|Mr\.|Mrs\.|Ms\.|Dr\.)\s+\p{Lu}\p{L}+/u.test(text)) return true;
	return knowledge.glossary.some((entry) => entry.kind === 'person' && entry.aliases.some((alias) => asPerson(text.indexOf(alias), alias.length)));
}

/** A quotation split over two sentences leaves one of them with an unmatched mark. */
export function quotesBalanced(text: string): boolean {
	const open = (text.match(/“/g) ?? []).length;
	const close = (text.match(/”/g) ?? []).length;
	return open === close && (text.match(/"/g) ?? []).length % 2 === 0;
}

function dateLabel(sentence: Sentence): { year: number; month?: number; day?: number; text: string } | undefined {
	const dated = sentence.entities.filter((e) => e.year !== undefined && (e.type === 'year' || e.type === 'date' || e.type === 'fiscal_year'));
	const first = dated[0];
	if (!first || first.year === undefined) return undefined;
	return { year: first.year, ...(first.month ? { month: first.month } : {}), ...(first.day ? { day: first.day } : {}), text: first.text };
}

const OPENING_CLAUSE = /^(?:When|After|Before|While|Although|Though|Because|If|As|Since|Once|Until|Following|During|Whereas)\b/;

/** The event without its date phrase: "In June 2011 Congress opened…" → "Congress opened…". */
export function eventText(sentence: Sentence, dateText: string): string {
	const escaped = dateText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const text = sentence.statement
		.replace(new RegExp(`^(?:(?:Beginning|Starting) in|In|On|By|During|Since)\\s+(?:[A-Z][a-z]+,?\\s+)?${escaped},?\\s+`), '')
		// "launched its own project in 1967 called…", "began in August 1956 with…": the date phrase inside the sentence goes too
		// (never inside a quotation; a comma that closes an opening clause, "When … was founded, the FBI…", stays)
		.replace(new RegExp(`(,?)\\s+(?:in|on|during)\\s+(?:(?:early|late|mid)[- ])?${escaped}(,?)(?=\\s|;)`), (match: string, before: string, after: string, at: number, whole: string) => {
			const preceding = whole.slice(0, at);
			if ((preceding.match(/[“”"]/g) ?? []).length % 2 === 1) return match;
			if (before && !after) return ',';
			return after && !before && OPENING_CLAUSE.test(whole) ? ',' : '';
		})
		// "… late in 1948." loses its qualifier with its date
		.replace(new RegExp(`(?:,?\\s+(?:late|early|later|earlier|mid|until|by))?\\s+(?:in|on|during)\\s+${escaped}\\.$`), '.');
	return capitalise(text);
}

const INTENTION = /\b(anticipated|anticipates|planned|plans|planning|expected|expects|intended|intends|slated|goal to|will|would|aims? to)\b/i;

/** The date belongs to a plan or an expectation: an intention verb comes before it in its sentence. */
export function isPlannedFor(statement: string, dateText: string): boolean {
	const at = statement.indexOf(dateText);
	return at >= 0 && INTENTION.test(statement.slice(0, at));
}

export function extractTimeline(sentences: readonly Sentence[], knowledge?: CourseKnowledge): TimelineEvent[] {
	const events: TimelineEvent[] = [];
	for (const sentence of sentences) {
		const date = dateLabel(sentence);
		if (!date) continue;
		const text = eventText(sentence, date.text);
		if (!isSelfContained(text, knowledge)) continue;
		// "anticipated conducting courses in 2009": the year of a plan, not of something that happened
		if (isPlannedFor(sentence.statement, date.text)) continue;
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

const FUNCTION_WORD = /^(the|to|of|and|or|in|for|a|an|by|with|involving|were|was|at|on|from|that|which|who|them|it|such|as|than|but|about|into|across|under|its|their)$/i;
const FINITE = /^(were|was|had|have|has|is|are|did|would|will|could|can|may)$/i;
const PREPOSITION = /^(in|for|from|at|during|since|to|across|along|into)$/i;
const CLAUSE_STOP = /^(by|of|with|involving|who|which|that|while|when|because|after|before|but|or|—|–)$/i;
/** verbs written before a number that say what happened to the things counted */
const VERB_BEFORE: Record<string, string> = { interdict: 'interdicted', seize: 'seized', recover: 'recovered', trace: 'traced', train: 'trained' };

function isParticiple(word: string | undefined): boolean {
	return Boolean(word && /^[a-z]+(ed|en)$/.test(word) && !/^(need|seed|feed|speed|breed|often|seven|eleven|even|when|then|been)$/.test(word));
}

/** Words up to a clause boundary (comma, semicolon, dash, bracket, sentence end). */
function clauseWords(text: string): string[] {
	return text.split(/,\s|;|:|\(|\)|—|–|\.(?=\s+[A-Z]|\s*$)/)[0].trim().split(/\s+/).filter(Boolean);
}

/**
 * What a number counts, as a readable phrase ("defendants referred for prosecution in federal and
 * state courts", "people killed in the past four years"), or undefined when the sentence does not
 * say it in a way that stands alone ("60,000 of them", "195 were recovered"): such a figure is left out.
 */
export function whatItCounts(sentence: Sentence, start: number, end: number, knowledge?: CourseKnowledge): string | undefined {
	const entity = sentence.entities.find((e) => e.start === start && e.end === end);
	const nextNumber = sentence.entities.find((e) => e.start >= end && ['cardinal', 'money', 'percent', 'year'].includes(e.type));
	const stop = nextNumber ? nextNumber.start - sentence.start : sentence.text.length;
	const words = clauseWords(sentence.text.slice(end - sentence.start, stop));
	const before = sentence.text.slice(0, start - sentence.start).trim().split(/\s+/);
	const verbBefore = before.at(-1)?.toLowerCase();
	let i = 0;
	if (words[0]?.toLowerCase() === 'such') i++;
	// percent: "70 percent of Gunrunner cases involve …" is a share of something
	if (entity?.type === 'percent' && words[0] === 'of') {
		const rest = words.slice(1, 12);
		const verb = rest.findIndex((w, k) => k > 0 && /^(involve|involves|are|were|is|was|have|had|has|came|come|go|went)$|ed$/.test(w));
		if (verb > 0) rest.splice(verb, 0, 'that');
		const phrase = trimPhrase(rest);
		return phrase && phrase.split(' ').length >= 2 ? `share of ${phrase}` : undefined;
	}
	// money: "$37.5 million in new funding from Congress", "provided $40 million to …"
	if (entity?.type === 'money') {
		if (words[0] === 'in') return trimPhrase(words.slice(1, 9));
		const law = sentence.entities.find((e) => e.type === 'law' && e.end <= start);
		if (words[0] === 'to' || words[0] === 'for') return law ? trimPhrase([`${law.glossaryId ? knowledge?.entry(law.glossaryId)?.name ?? law.text : law.text}`, 'funding', ...words.slice(0, 8)]) : undefined;
		return undefined;
	}
	// "1,400 offenders and 12,000 firearms" inside "650 cases involving …": a part of another count
	if (/^(involving|and|with|or)$/i.test(verbBefore ?? '')) return undefined;
	const noun: string[] = [];
	for (; i < words.length && noun.length < 6; i++) {
		const w = words[i];
		if (FINITE.test(w) || PREPOSITION.test(w) || CLAUSE_STOP.test(w) || isParticiple(w)) break;
		noun.push(w);
	}
	while (noun.length && FUNCTION_WORD.test(noun.at(-1)!)) noun.pop();
	if (noun.length === 0) return undefined;
	// "rounds of ammunition": an "of" phrase that names the stuff belongs to the noun
	if (words[i] === 'of' && words[i + 1] && !/^(the|them|those|these|it|which|whom)$/i.test(words[i + 1])) {
		noun.push('of', words[i + 1]);
		i += 2;
	}
	const tail: string[] = [];
	let j = i;
	// "650 such cases involving … were referred for prosecution": the verb comes after the list
	if (/^(involving|with)$/i.test(words[i] ?? '')) {
		const clause = clauseWords(sentence.text.slice(end - sentence.start));
		const at = clause.findIndex((w, k) => k > 0 && FINITE.test(w) && isParticiple(clause[k + 1]?.toLowerCase()));
		if (at > 0) tail.push(...clause.slice(at + 1, at + 8));
	} else if (verbBefore && (isParticiple(verbBefore) || verbBefore in VERB_BEFORE)) {
		// "have killed 30,000 people in the past four years" → "people killed in the past four years"
		tail.push(VERB_BEFORE[verbBefore] ?? verbBefore, ...(PREPOSITION.test(words[i] ?? '') ? words.slice(i, i + 7) : []));
	} else {
		// "were recovered in Mexico", "have been trained to use eTrace", "confiscated by Mexican authorities"
		while (j < words.length && /^(were|was|have|has|had|been|be)$/i.test(words[j])) j++;
		if (isParticiple(words[j]?.toLowerCase())) tail.push(...words.slice(j, j + 9));
		else if (j === i && PREPOSITION.test(words[i] ?? '')) tail.push(...words.slice(i, i + 7));
	}
	let phrase = trimPhrase([...noun, ...tail]);
	if (!phrase || !/\p{L}{3,}/u.test(phrase)) return undefined;
	// the period the count covers, when the sentence gives one: "cases referred for prosecution, 2005–2008"
	const period = sentence.entities.find((e) => e.type === 'year_range');
	if (period && !/\d{4}/.test(phrase)) phrase += `, ${period.text.replace(/^between\s+/, '').replace(/\s*(?:and|to|[-–])\s*/, '–')}`;
	return phrase;
}

/** Drops dangling function words at the end and any trailing full stop. */
function trimPhrase(words: string[]): string | undefined {
	const kept = [...words];
	while (kept.length && (FUNCTION_WORD.test(kept.at(-1)!) || /^(and|or)$/i.test(kept.at(-1)!))) kept.pop();
	const phrase = kept.join(' ').replace(/[.,;:]+$/, '');
	if (!phrase || FUNCTION_WORD.test(kept[0] ?? '')) return undefined;
	return phrase;
}

const KEY_FIGURE_LIMIT = 8;

/**
 * Numbers with what they count: a figure whose meaning the sentence does not state cleanly is left
 * out, one row per value (the same number is the same figure), money first, up to a table's worth.
 */
export function extractFigures(sentences: readonly Sentence[], knowledge?: CourseKnowledge): KeyFigure[] {
	const figures: KeyFigure[] = [];
	for (const sentence of sentences) {
		for (const entity of sentence.entities) {
			if (!['cardinal', 'money', 'percent'].includes(entity.type) || entity.value === undefined) continue;
			if (entity.type === 'cardinal' && (entity.value < 5 || /^\p{L}+$/u.test(entity.text))) continue;
			// "an additional 5 million": without its currency the unit is unknown
			if (entity.type !== 'money' && /\b(million|billion)\b/i.test(entity.text)) continue;
			// "Sept. 11" is a date, not a figure
			if (/\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$/.test(sentence.text.slice(0, entity.start - sentence.start))) continue;
			const counts = whatItCounts(sentence, entity.start, entity.end, knowledge);
			if (!counts) continue;
			figures.push({ value: entity.text.replace(/^About\b/, 'about'), counts, citation: citeSentence(sentence) });
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

/** "CBP" → "Customs and Border Protection (CBP)": readers see the full name with its acronym. */
export function actorDisplayName(entry: { name: string; aliases: string[]; role?: string }): string {
	// a role that starts with the full name already says it ("Bureau of Alcohol, Tobacco, …")
	if (entry.role) return entry.name;
	const isAcronym = (text: string) => /^[A-Z]{2,6}$/.test(text);
	if (isAcronym(entry.name)) {
		const full = entry.aliases.find((alias) => !isAcronym(alias) && alias.split(' ').length >= 2);
		return full ? `${full} (${entry.name})` : entry.name;
	}
	const acronym = entry.aliases.find(isAcronym);
	return acronym ? `${entry.name} (${acronym})` : entry.name;
}

export function extractActors(sentences: readonly Sentence[], knowledge: CourseKnowledge): Actor[] {
	const actors = new Map<string, Actor>();
	for (const sentence of sentences) {
		for (const entity of sentence.entities) {
			if (entity.type !== 'person' && entity.type !== 'organisation') continue;
			// "Hernandez Case (2007)": the name of a case, not a person in the story
			if (/^\s+(Case|case)\b/.test(sentence.text.slice(entity.end - sentence.start))) continue;
			const entry = entity.glossaryId ? knowledge.entry(entity.glossaryId) : undefined;
			// "Mr. President", "Senators": a form of address names nobody; "Senator Collins" is Collins
			const name = entry ? undefined : nameWithoutTitle(entity.text);
			if (!entry && !name) continue;
			const id = entry?.id ?? `n-${digest([name!], 8)}`;
			const known = actors.get(id);
			if (known) {
				known.mentions += 1;
				continue;
			}
			actors.set(id, {
				id,
				name: entry ? actorDisplayName(entry) : name!,
				kind: (entry?.kind ?? entity.type) === 'person' ? 'person' : 'organisation',
				...(entry?.role ? { role: entry.role } : {}),
				mentions: 1,
				citation: citeSentence(sentence)
			});
		}
	}
	// "Terry" after "Brian Terry": a surname alone is the same person ("Benjamin" of "Benjamin Fairbanks", a first name, too)
	for (const actor of [...actors.values()]) {
		if (actor.kind !== 'person' || actor.name.includes(' ')) continue;
		const full = [...actors.values()].find((other) => other !== actor && other.kind === 'person' && (other.name.endsWith(` ${actor.name}`) || other.name.startsWith(`${actor.name} `)));
		if (!full) continue;
		full.mentions += actor.mentions;
		actors.delete(actor.id);
	}
	// a name the tagger cut short ("Kurt G. W"), a case ("Ludecke v. Watkins") or a place ("Pearl Harbor") is nobody
	for (const actor of [...actors.values()])
		if ((actor.id.startsWith('n-') || isFound(actor.id)) && actor.kind === 'person' && (/\s\p{Lu}\.?$|\bv\.\s|\b(?:Harbor|Bay|Island|River|Street|County)$/u.test(actor.name))) actors.delete(actor.id);
	return [...actors.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

const PERSPECTIVE_LIMIT = 6;
/** first words that are ordinary words, not names, when a claim is run on after "found that" */
const ORDINARY_START = /^(The|A|An|About|Asked|With|Many|Some|Most|There|Only|In|During|Of|For|Since|More|Nearly|Almost|Approximately|Several|Multiple|Just|Despite|Under|Although|While|When|If|As|Other|One|No|Not|All|Each|Every)\b/;
const REPORTING_VERB: Record<string, string> = { 'according to': 'reports', 'tells us': 'says', stating: 'states' };

/**
 * A claim as the perspective card shows it: direct speech as a quotation in balanced marks, anything
 * else as a clause run on after the verb ("found that the resistance…"), lower-cased where its first
 * word is an ordinary word. Undefined when it does not stand alone.
 */
export function renderClaim(claim: string, direct: boolean, knowledge?: CourseKnowledge): string | undefined {
	let text = claim.trim().replace(/[,;:]$/, '');
	const opens = (text.match(/“/g) ?? []).length;
	const closes = (text.match(/”/g) ?? []).length;
	if (opens > closes) text += '”';
	else if (closes > opens) text = `“${text}`;
	if ((text.match(/"/g) ?? []).length % 2 === 1) text += '"';
	if (!quotesBalanced(text)) return undefined;
	if (direct) return `“${text.replace(/^[“"]|[”"]$/g, '').replace(/[.,]$/, '')}.”`;
	if (!isSelfContained(text, knowledge)) return undefined;
	if (ORDINARY_START.test(text)) text = text.charAt(0).toLowerCase() + text.slice(1);
	return /[.!?”"]$/.test(text) ? (/[”"]$/.test(text) && !/[.!?][”"]$/.test(text) ? `${text}.` : text) : `${text}.`;
}

/**
 * Who claims what: a handful of cards, one claim each, no two saying much the same thing, as many
 * different speakers as the lesson has, in reading order.
 */
export function selectPerspectives(ordered: readonly Sentence[], knowledge?: CourseKnowledge): Perspective[] {
	const candidates: Perspective[] = [];
	for (const sentence of ordered) {
		for (const a of sentence.attributions) {
			const direct = /^[“"]/.test(sentence.statement) && /[”"],?\s+(\S+\s+){0,6}(said|says|states|stated)\.$/.test(sentence.statement);
			const claim = renderClaim(a.claim, direct, knowledge);
			if (!claim) continue;
			if (candidates.some((c) => overlap(c.claim, claim) >= 0.5 || overlap(claim, c.claim) >= 0.5)) continue;
			// "In GAO Report 09-709, the ATF reports …": a document reference, with the source's garbled grammar
			if (/\b\d{2,}-\d{3}\b/.test(sentence.statement)) continue;
			const plural = /\b(officials|agents|groups|critics)$/i.test(a.speaker);
			let verb = REPORTING_VERB[a.verb] ?? a.verb;
			if (plural) verb = verb.replace(/^(reports|says|states|claims|finds)$/, (v) => v.slice(0, -1));
			// "that" only where the source's sentence has it, or after "reports" for "according to"
			if (a.verb === 'according to' || sentence.statement.includes(`${a.verb} that`)) verb += ' that';
			if (direct) verb = 'said';
			candidates.push({ speakerId: a.speakerId, speaker: a.speaker, verb, claim, citation: citeSentence(sentence) });
		}
	}
	// round-robin over speakers so one report's many findings do not fill every card
	const bySpeaker = new Map<string, Perspective[]>();
	for (const c of candidates) bySpeaker.set(c.speakerId, [...(bySpeaker.get(c.speakerId) ?? []), c]);
	const chosen = new Set<Perspective>();
	for (let round = 0; chosen.size < PERSPECTIVE_LIMIT && round < 6; round++)
		for (const list of bySpeaker.values()) if (list[round] && chosen.size < PERSPECTIVE_LIMIT) chosen.add(list[round]);
	return candidates.filter((c) => chosen.has(c));
}

function lessonDisagreements(lessonId: string, analysed: readonly AnalysedSource[], knowledge: CourseKnowledge): LessonDocument['disagreements'] {
	const byId = new Map(analysed.map((a) => [a.source.id, a]));
	return knowledge.disagreements.filter((d) => d.lessonId === lessonId).flatMap((d) => {
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
	return withContext(ordered, chosen);
}

/**
 * A quoted sentence that needs its neighbour comes with it: "He also declined to comment" with the
 * sentence naming him, a quotation split over two sentences with its other half. When the
 * neighbour is not in the same paragraph, the sentence is left out instead.
 */
export function withContext(ordered: readonly Sentence[], chosen: ReadonlySet<string>): Sentence[] {
	const kept = new Set<string>();
	ordered.forEach((sentence, i) => {
		if (!chosen.has(sentence.id)) return;
		const needs: Sentence[] = [];
		let at = i;
		// walk back while the sentence leans on the one before it
		while (at > 0 && (PRONOUN_START.test(ordered[at].text) || closesQuote(ordered[at].text))) {
			at--;
			needs.push(ordered[at]);
		}
		let ahead = i;
		while (ahead + 1 < ordered.length && opensQuote(ordered[ahead].text)) {
			ahead++;
			needs.push(ordered[ahead]);
		}
		const sameParagraph = needs.every((n) => n.sourceId === sentence.sourceId && n.paragraphIndex === sentence.paragraphIndex);
		const complete = !PRONOUN_START.test(ordered[at].text) && !closesQuote(ordered[at].text) && !opensQuote(ordered[ahead].text);
		if (!sameParagraph || !complete) return;
		kept.add(sentence.id);
		for (const n of needs) kept.add(n.id);
	});
	return ordered.filter((s) => kept.has(s.id));
}

function opensQuote(text: string): boolean {
	return (text.match(/“/g) ?? []).length > (text.match(/”/g) ?? []).length;
}

function closesQuote(text: string): boolean {
	return (text.match(/”/g) ?? []).length > (text.match(/“/g) ?? []).length;
}

export function buildLesson(plan: LessonPlan, position: number, analysed: readonly AnalysedSource[], knowledge: CourseKnowledge): LessonDocument {
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
	const perspectives = selectPerspectives(ordered, knowledge);
	// the course file's disagreements first; those found in the text add to them
	const curated = lessonDisagreements(outline.id, analysed, knowledge);
	const usedSources = sourceOrder.filter((id) => sentences.some((s) => s.sourceId === id));
	return {
		id: outline.id,
		position,
		title: outline.title,
		summary: outline.summary,
		objectives: outline.objectives.map((o) => ({ id: o.id, text: o.text })),
		generated: plan.generated,
		passages,
		timeline: extractTimeline(ordered, knowledge),
		figures: extractFigures(ordered, knowledge),
		actors: extractActors(ordered, knowledge),
		perspectives,
		disagreements: [...curated, ...findDisagreements(ordered, new Map(analysed.map((a) => [a.source.id, a.source.title])), new Set(curated.flatMap((d) => d.claims.map((c) => c.citation.sentenceId))))],
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
export function disputedSpans(analysed: readonly AnalysedSource[], knowledge: CourseKnowledge): Map<string, { start: number; end: number }[]> {
	const spans = new Map<string, { start: number; end: number }[]>();
	const add = (sentenceId: string, start: number, end: number) => spans.set(sentenceId, [...(spans.get(sentenceId) ?? []), { start, end }]);
	for (const d of knowledge.disagreements) {
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
