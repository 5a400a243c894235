import type { CourseKnowledge } from './course';
import { findNames } from './names';
import { APPROXIMATE, parseNumber } from './numbers';
import type { RawSentence } from './segment';
import type { Attribution, Entity, EntityType, Sentence } from './types';
import type { Speech } from './speech';
import { rewriteForDisplay } from './rewrite';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Entities: wink-nlp's numbers, money, percentages and dates; compromise's people and places; then
 * a thin rule layer for what both miss on these texts: fiscal years ("FY 2009", "FY 2005-07"),
 * year ranges ("2006–2007"), acronyms defined as "Long Name (ACR)", and the glossary's names.
 */
export function extractEntities(sentence: RawSentence, knowledge: CourseKnowledge): Entity[] {
	const found: Entity[] = [];
	const text = sentence.text;
	const base = sentence.start;
	const add = (entity: Omit<Entity, 'start' | 'end'> & { at: number }) => {
		const { at, ...rest } = entity;
		found.push({ ...rest, start: base + at, end: base + at + rest.text.length });
	};

	// rule layer first: its spans win over the library's where they overlap
	for (const match of text.matchAll(/\bFY\s?(\d{4})(?:\s?[-–]\s?(\d{2,4}))?/g)) {
		add({ type: 'fiscal_year', text: match[0], at: match.index, year: Number(match[1]), value: Number(match[1]) });
	}
	for (const match of text.matchAll(/\b(?:between )?((?:19|20)\d{2})(?:\s?[-–]\s?(?:(?:19|20)?\d{2})|\s(?:and|to)\s(?:19|20)\d{2})\b/g)) {
		add({ type: 'year_range', text: match[0], at: match.index, year: Number(match[1]), value: Number(match[1]) });
	}
	// "passed by a vote of 410-0": the votes for, a count the tagger reads as part of a range
	for (const match of text.matchAll(/\bvote of (\d{1,3})(?=\s*(?:-|–|to)\s*\d{1,3}\b)/g)) {
		add({ type: 'cardinal', text: match[1], at: match.index + match[0].length - match[1].length, value: Number(match[1]) });
	}
	const lower = text;
	for (const { alias, id } of knowledge.aliasIndex) {
		let from = 0;
		for (;;) {
			const at = lower.indexOf(alias, from);
			if (at < 0) break;
			from = at + alias.length;
			const before = at === 0 ? ' ' : lower[at - 1];
			const after = lower[at + alias.length] ?? ' ';
			if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
			const entry = knowledge.entry(id);
			if (!entry) continue;
			add({ type: entry.kind as EntityType, text: alias, at, glossaryId: id });
		}
	}
	for (const match of text.matchAll(/((?:[A-Z][\w’'.–-]*)(?:\s+(?:of|and|for|the|in|order|to|on|[A-Z][\w’'.–-]*))*)\s+\(([A-Z]{2,6})\)/g)) {
		let name = match[1].replace(/^(?:According|Despite|During|In|Under|With|By|As)\s+(?:to\s+)?/, '');
		// "the U.S. Government Accountability Office": start at the last lower-case-free run
		name = name.replace(/^(?:(?:of|and|for|the|in|order|to|on)\s+)+/, '');
		if (name.split(/\s+/).length < 2) continue;
		const at = match.index + match[0].indexOf(name);
		// a glossary name already found there keeps its id and gains its acronym
		const named = found.find((e) => e.glossaryId && e.start === base + at);
		if (named) named.acronym = match[2];
		else add({ type: 'organisation', text: `${name} (${match[2]})`, at, acronym: match[2] });
	}
	let cursor = 0;
	for (const entity of sentence.libraryEntities) {
		const at = text.indexOf(entity.text, cursor);
		if (at < 0) continue;
		cursor = at + entity.text.length;
		const typed = typeLibraryEntity(entity.text, entity.type, text, at);
		if (typed) add({ ...typed, at });
	}
	const names = findNames(text);
	for (const [list, type] of [
		[names.people, 'person'],
		[names.places, 'place']
	] as const) {
		for (const name of list) {
			const at = text.indexOf(name);
			if (at >= 0) add({ type, text: name, at });
		}
	}
	return removeOverlaps(found);
}

function typeLibraryEntity(text: string, type: string, sentence: string, at: number): Omit<Entity, 'start' | 'end'> | undefined {
	const approximate = APPROXIMATE.test(text) || /\b(approximately|about|nearly|over|more than|at least|some)\s+$/i.test(sentence.slice(Math.max(0, at - 16), at));
	if (type === 'DATE') {
		const year = /\b((?:19|20)\d{2})\b/.exec(text);
		if (!year) return { type: 'date', text };
		const month = MONTHS.findIndex((m) => text.toLowerCase().includes(m));
		const day = /^(\d{1,2})\s+[A-Z]/.exec(text) ?? /[A-Z][a-z]+\s+(\d{1,2}),/.exec(text);
		if (/^\d{4}$/.test(text)) return { type: 'year', text, year: Number(text), value: Number(text) };
		return {
			type: 'date',
			text,
			year: Number(year[1]),
			...(month >= 0 ? { month: month + 1 } : {}),
			...(day ? { day: Number(day[1]) } : {})
		};
	}
	if (type === 'CARDINAL') {
		if (/^(19|20)\d{2}$/.test(text)) return { type: 'year', text, year: Number(text), value: Number(text) };
		const value = parseNumber(text);
		if (value === undefined) return undefined;
		return { type: 'cardinal', text, value, ...(approximate ? { approximate } : {}) };
	}
	if (type === 'MONEY') {
		const value = parseNumber(text);
		return value === undefined ? undefined : { type: 'money', text, value, ...(approximate ? { approximate } : {}) };
	}
	if (type === 'PERCENT') {
		const value = parseNumber(text);
		return value === undefined ? undefined : { type: 'percent', text, value, ...(approximate ? { approximate } : {}) };
	}
	if (type === 'ORDINAL') return { type: 'ordinal', text };
	if (type === 'DURATION') return { type: 'duration', text };
	return undefined;
}

/** Earlier entries win (rule layer, then glossary, then library), then longer spans. */
function removeOverlaps(entities: Entity[]): Entity[] {
	const kept: Entity[] = [];
	for (const entity of entities) {
		if (kept.some((k) => entity.start < k.end && k.start < entity.end)) continue;
		kept.push(entity);
	}
	return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** "told NBC News": telling a named outlet or body is saying */
const VERBS =
	"said|says|reported|reports|accused|claimed|claims|announced|states|stated|found|finds|concludes|concluded|determined|complained|touted|acknowledged|identifies|faults|opposes|played down|stating|tells us|told(?: [A-Z][\\w.&'’-]*){1,3}";
const LEADING = new RegExp(`^(.{2,140}?)\\s(?:have |has )?(?:repeatedly |also )?(${VERBS})(?: that)?\\s+(.+)$`);
const SUBORDINATE_OPENING = /^(?:Although|Though|While|When|Whenever|If|Because|Since|As|Unless|Until|After|Before|Once|Whereas)\b/;
const ACCORDING_START = /^According to ([^,]{3,90}),\s+(.+)$/;
const ACCORDING_END = /^(.+),\s+according to ([^,]{3,90})\.$/;
/** "“…,” said Trevor Timm, executive director of…": a news quotation with its speaker after the verb */
const SAID_AFTER_QUOTE = /^([“"].{20,}?[,?!][”"])\s+(said|says|added|wrote)\s+((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)(?:,\s+[^“”"]+)?\.$/u;
const TRAILING = /^(.+?),?["”]?,?\s+((?:the |an? )?[\w’'. -]{1,60}?)\s(said|says|states|stated|found|reported)\.$/;

/** A named person or body the speaker phrase refers to, or undefined ("it", "critics", "the official" unresolved). */
function resolveSpeaker(phrase: string, recent: Attribution[], sourceText: string, knowledge: CourseKnowledge): { id: string; name: string; text: string } | undefined {
	if (/^(he|she)$/i.test(phrase.trim()) || /^the (official|spokesman)$/i.test(phrase.trim())) {
		const last = recent.at(-1);
		return last && knowledge.entry(last.speakerId)?.kind === 'person' ? { id: last.speakerId, name: last.speaker, text: phrase.trim() } : undefined;
	}
	// "the report (obtained by NBC News)": the course file says whose report a source is about
	const report = /(?:the |an? )?[\w’' -]*\breport\b(?: obtained by(?:\s+[A-Z][\w.&-]*){1,3})?/i.exec(phrase);
	const author = report && knowledge.policies.reportAuthors.find((a) => new RegExp(a.when).test(sourceText));
	const authorEntry = author && knowledge.entry(author.speaker);
	if (report && authorEntry) return { id: authorEntry.id, name: authorEntry.name, text: report[0].trim() };
	// the alias nearest the verb names the speaker ("Despite the GAO report, the ATF claimed")
	let best: { id: string; at: number; alias: string } | undefined;
	for (const { alias, id } of knowledge.aliasIndex) {
		const at = phrase.lastIndexOf(alias);
		if (at < 0) continue;
		const end = at + alias.length;
		if (/[\p{L}]/u.test(phrase[end] ?? ' ') || (at > 0 && /[\p{L}]/u.test(phrase[at - 1]))) continue;
		if (!best || end > best.at) best = { id, at: end, alias };
	}
	if (!best) return undefined;
	const entry = knowledge.entry(best.id);
	if (!entry?.speaker) return undefined;
	// "the ATF official in charge of that field division": one unnamed person, not the agency
	const tail = phrase.slice(best.at);
	if (/\b(officials?|agents?|officers?|critics|groups?)\b/.test(tail)) return undefined;
	return { id: entry.id, name: entry.name, text: best.alias };
}

export function extractAttributions(statement: string, recent: Attribution[], sourceText: string, knowledge: CourseKnowledge): Attribution[] {
	const candidates: { phrase: string; verb: string; claim: string }[] = [];
	let match = ACCORDING_START.exec(statement);
	if (match) candidates.push({ phrase: match[1], verb: 'according to', claim: match[2] });
	match = ACCORDING_END.exec(statement);
	if (match) candidates.push({ phrase: match[2], verb: 'according to', claim: match[1] });
	if (candidates.length === 0 && (match = SAID_AFTER_QUOTE.exec(statement))) candidates.push({ phrase: match[3], verb: match[2], claim: match[1] });
	if (candidates.length === 0) {
		match = TRAILING.exec(statement);
		if (match && /[“"]/.test(match[1]) === /[”"]/.test(statement)) candidates.push({ phrase: match[2], verb: match[3], claim: match[1] });
		else {
			match = LEADING.exec(statement);
			// "Although ATF issues … reports and bulletins…": a sentence that opens with a subordinate clause has its speaker, if any, after it
			if (match && !SUBORDINATE_OPENING.test(match[1])) candidates.push({ phrase: match[1], verb: match[2], claim: match[3] });
		}
	}
	const attributions: Attribution[] = [];
	for (const candidate of candidates) {
		const speaker = resolveSpeaker(candidate.phrase, recent, sourceText, knowledge);
		if (!speaker) continue;
		const claim = candidate.claim.replace(/^[“"]|[,.]?[”"]?,?$/g, '').trim();
		if (claim.split(/\s+/).length < 4) continue;
		attributions.push({ speakerId: speaker.id, speaker: speaker.name, speakerText: speaker.text, verb: candidate.verb, claim });
	}
	return attributions;
}

/**
 * "Additionally, the Act called for…", "Last year, in testimony…": an opener that only links the
 * sentence to the one before it, or dates it from the article's own date. Without it the
 * statement still holds, and stands alone. (Contrasts, "But", "Instead", change the sense: kept.)
 */
const LINKING_OPENER = /^(?:Additionally|In addition|Moreover|Furthermore|Notably|Importantly|Remarkably|Indeed|Last (?:year|month|week)|This (?:year|month|week)|Earlier this (?:year|month|week)|Recently),\s+(?=\p{L})/u;

export function withoutLinkingOpener(statement: string): string {
	const opener = LINKING_OPENER.exec(statement);
	if (!opener) return statement;
	const rest = statement.slice(opener[0].length);
	// "Moreover, a separate set…", "Additionally, it…": the rest still leans on what came before; left whole for the checks to see
	if (/^(?:a|an)\s+(?:separate|second|further|new|similar|related)\b|^(?:it|they|he|she|this|these|that|those)\b/i.test(rest)) return statement;
	return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** "This bill", "our bill", "the legislation": a reference to a law the sentence does not name. */
const BILL_REFERENCE = /\b([Tt]his|[Oo]ur|[Tt]he) (?:new |IG reform |reform |House |Senate |(?:19|20)\d{2} )?(bill|legislation|measure)\b(?!\s*(?:of|that|which|to|\w+ed by)\b)/;

/**
 * "This bill represents…" shown alone names nothing: the bill is the law the document introduces
 * (one named in its first three sentences), or else the law named in the last three sentences.
 */
function resolveBill(statement: string, subjectLaw: string | undefined, recentLaw: { name: string; index: number } | undefined, index: number, quoted = false): string {
	const law = subjectLaw ?? (recentLaw && index - recentLaw.index <= 3 ? recentLaw.name : undefined);
	if (!law) return statement;
	const match = BILL_REFERENCE.exec(statement);
	if (!match || statement.includes(law) || insideQuote(statement, match.index)) return statement;
	// "S. 680, the bill…": named right before, by its number; another bill than the document's
	if (/(?:\b[A-Z]\.(?:\s?[A-Z]\.)*\s?\d+|\d),\s*$/.test(statement.slice(0, match.index))) return statement;
	let named = `${/^[A-Z]/.test(match[1]) && match.index === 0 ? 'The' : 'the'} ${law.replace(/^the /i, '')}`;
	if (quoted) named = `[${named}]`;
	return statement.slice(0, match.index) + named + statement.slice(match.index + match[0].length);
}

function insideQuote(text: string, at: number): boolean {
	const before = text.slice(0, at);
	return (before.match(/“/g) ?? []).length > (before.match(/”/g) ?? []).length || (before.match(/"/g) ?? []).length % 2 === 1;
}

/**
 * "INL" in a sentence of its own reads as letters: the first use of an acronym the source spells
 * out elsewhere ("Bureau of International Narcotics and Law Enforcement Affairs (INL)") is shown
 * with its long form, so a stem made of the sentence says what it names.
 */
export function spellOutAcronyms(statement: string, longForms: ReadonlyMap<string, string>): string {
	for (const [acronym, long] of longForms) {
		if (statement.includes(`(${acronym})`) || statement.includes(long)) continue;
		// positions in the statement as it now stands (an earlier acronym may have been spelled out)
		const outside = statement.replace(/“[^”]*”|"[^"]*"/g, (m) => ' '.repeat(m.length));
		// (not inside a longer name: "the FOIA Oversight and Implementation Act" stays as its sponsors named it)
		const at = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}]|\\s+\\p{Lu}\\p{Ll})`, 'u').exec(outside)?.index;
		if (at === undefined) continue;
		// "DOJ is using…" reads "The Department of Justice (DOJ) is using…": a long name takes its article
		const before = statement.slice(0, at);
		// (not after "the 2014 …": an article a word or two back already governs the name)
		// none where a determiner a few words back already governs it ("the 2014 FOIA reform bill"), after a count ("23 FBI offices") or a possessive
		// (a preposition or a verb between them ends the determiner's phrase: "a great job with FOIA")
		const governed = /(?:^|[\s'‘“"(])(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:(?!(?:with|of|in|on|for|to|by|from|at|about|is|are|was|were|has|have|had)\s)[^\s,;:.]+\s+){0,4}$|[’']s\s+$|\d\s+$/i.test(before);
		const article = governed ? '' : /^[\s'‘“"(]*$/.test(before) ? 'The ' : 'the ';
		statement = `${before}${article}${long} (${acronym})${statement.slice(at + acronym.length)}`;
	}
	return statement;
}

/** "Freedom of Information Act (FOIA)": each acronym a text spells out, with the words whose capitals it takes. */
export function acronymLongForms(texts: readonly string[]): Map<string, string> {
	const found = new Map<string, string>();
	const NAME = /((?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:of|and|for|the|on|to|in|\p{Lu}[\p{L}.'’-]*))*)\s+\((\p{Lu}{2,7})\)/gu;
	for (const text of texts)
		for (const m of text.matchAll(NAME)) {
			const acronym = m[2];
			if (found.has(acronym)) continue;
			const words = m[1].split(/\s+/);
			const subsequence = (letters: string) => {
				let at = 0;
				for (const c of letters) if (acronym[at] === c) at++;
				return at === acronym.length;
			};
			// the run of words ending at the bracket whose initials spell the acronym ("Department of
			// Justice (DOJ)"), or else the longest whose capitals hold its letters in order
			let loose: string | undefined;
			for (let start = words.length - 1; start >= 0; start--) {
				if (!/^\p{Lu}/u.test(words[start])) continue;
				const run = words.slice(start);
				const capitals = run.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
				const initials = run.map((w) => w[0].toUpperCase()).join('');
				if (capitals === acronym || initials === acronym) {
					loose = run.join(' ');
					break;
				}
				if (capitals[0] === acronym[0] && subsequence(capitals) && capitals.length <= acronym.length + 3) loose = run.join(' ');
				if (capitals.length > acronym.length + 3) break;
			}
			// "Bureau of International Narcotics … (INL)": the body the letters name is part of the name
			if (loose) {
				const start = words.length - loose.split(' ').length;
				if (words[start - 1] === 'of' && /^\p{Lu}/u.test(words[start - 2] ?? '')) loose = `${words[start - 2]} of ${loose}`;
				found.set(acronym, loose);
			}
		}
	return found;
}

/** capitalised only because they open a sentence: "Although Kennedy…" */
const OPENING_WORD = /^(?:Although|Though|When|While|After|Before|Since|If|But|And|However|In|On|At|By|For|From|With|As|Then|Because|Unlike|Like|Under|Once|Until|Whether|Even|So|Yet|Still|Also|Later|Meanwhile|During|Despite|According)$/;
const TITLE_BEFORE_NAME = /^(?:President|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Judge|Justice|Secretary|Director|Agent|Mr\.|Mrs\.|Ms\.|Dr\.|General|Chairman|Speaker|Ambassador|Officer|Deputy|Commissioner|Minister|Attorney)$/;

/**
 * "Terry's death exposed…" shown alone does not say who Terry is: a surname whose full name an
 * earlier sentence gave is shown in full the first time the sentence uses it ("Brian Terry's death").
 */
function nameInFull(statement: string, fullNames: ReadonlyMap<string, string>): string {
	const outside = statement.replace(/“[^”]*”|"[^"]*"/g, (m) => ' '.repeat(m.length));
	for (const [surname, full] of fullNames) {
		if (statement.includes(full)) continue;
		const m = new RegExp(`(^|[^\\p{L}.'’-])(${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=[’']s\\b|[^\\p{L}'’-]|$)`, 'u').exec(outside);
		if (!m) continue;
		const at = m.index + m[1].length;
		const before = outside.slice(0, at).trimEnd().split(/\s+/).at(-1) ?? '';
		const after = outside.slice(at + surname.length).trimStart();
		// part of a longer name ("Terry Smith", "Jane Terry"), or named by title ("Senator Terry")
		if (/^\p{Lu}\p{L}*$/u.test(before) && at > 0 && !/[.!?]$/.test(before) && !OPENING_WORD.test(before)) continue;
		if (TITLE_BEFORE_NAME.test(before) || /^\p{Lu}/u.test(after) && !/^[’']s\b/.test(after)) continue;
		// "Marbury v. Madison": a party to a case is named as the case names it
		if (/^(?:v\.|vs\.?|versus)$/i.test(before) || /^(?:v\.|vs\.?)\s/i.test(after)) continue;
		return statement.slice(0, at) + full + statement.slice(at + surname.length);
	}
	return statement;
}

export function analyseSentences(raw: readonly RawSentence[], sourceText: string, knowledge: CourseKnowledge, speech?: Speech): Sentence[] {
	const fullNames = new Map<string, string>();
	const longForms = acronymLongForms(raw.map((r) => r.text));
	const recent: Attribution[] = [];
	let subjectLaw: string | undefined;
	let recentLaw: { name: string; index: number } | undefined;
	return raw.map((sentence, index) => {
		const entities = extractEntities(sentence, knowledge);
		let statement = rewriteForDisplay(sentence.text, sourceText, knowledge.rewrites);
		// a speech is quoted as spoken: what the quotation names for the reader goes in square brackets
		statement = resolveBill(statement, subjectLaw, recentLaw, index, Boolean(speech));
		if (!speech) {
			statement = withoutLinkingOpener(statement);
			// "(see below)": a pointer into the article the learner does not have
			statement = statement.replace(/\s*\((?:see|cf\.)\s[^)]*\)/gi, '');
			statement = spellOutAcronyms(statement, longForms);
			statement = nameInFull(statement, fullNames);
		}
		const people = entities.filter((e) => e.type === 'person').map((e) => e.text);
		// "Attorney General Robert F. Kennedy": a name after an office is a person's, whatever the tagger saw
		for (const m of sentence.text.matchAll(/\b(?:President|Senator|Representative|Governor|Judge|Justice|Secretary|Director|Agent|Attorney General|Chairman|Speaker|Ambassador|Commissioner)\s+(\p{Lu}\p{Ll}+(?: \p{Lu}\.)* \p{Lu}[\p{L}'’-]+)/gu)) people.push(m[1]);
		for (const name of people.filter((t) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\.)* \p{Lu}[\p{L}'’-]+$/u.test(t)))
			if (!fullNames.has(name.split(' ').at(-1)!)) fullNames.set(name.split(' ').at(-1)!, name);
		// a bill is a specific act, named with its year ("the Inspector General Reform Act of 2007"),
		// the last one the sentence names (not "FOIA" after "the FOIA Oversight and Implementation Act of 2014")
		const law = entities
			.filter((e) => e.type === 'law' && e.glossaryId && !/^\d/.test(e.text))
			.map((e) => knowledge.entry(e.glossaryId!))
			.filter((entry) => entry && entry.group !== 'bill' && /\bAct of \d{4}$/.test(entry.name))
			.at(-1);
		if (law) {
			recentLaw = { name: law.name, index };
			if (index < 3 && !subjectLaw) subjectLaw = law.name;
		}
		// (a speech's sentences are all its speaker's: asked as quotations, not as who said what)
		const attributions = speech ? [] : extractAttributions(statement, recent.slice(-1), sourceText, knowledge);
		if (attributions.length) recent.push(...attributions);
		const { libraryEntities: _ignored, ...rest } = sentence;
		return { ...rest, statement, entities, attributions };
	});
}
