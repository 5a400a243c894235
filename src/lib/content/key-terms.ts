/**
 * Key terms defined in the sources' own words: a sentence that says what something is ("X is a …",
 * "X, a …,", "X refers to …", "X, meaning …", "… known as X", "Long Name (ACR)") gives the term and
 * its definition, cited to that sentence. Nothing is defined that the sources do not define.
 */
import { displayText } from './display';

export interface TermSentence {
	id: string;
	sourceId: string;
	text: string;
}

export type DefinitionKind = 'copula' | 'appositive' | 'refers' | 'meaning' | 'known-as' | 'acronym';

export interface KeyTerm {
	term: string;
	/** the defining words of the sentence, or the whole sentence when it cannot be cut cleanly */
	definition: string;
	kind: DefinitionKind;
	sourceId: string;
	sentenceId: string;
}

const NAME_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d.’'&-]*)`;
const CONNECTOR = String.raw`(?:of|and|for|the|on|in|to|de|del|la|y)`;
/** "Project Gunrunner", "Bureau of Alcohol, Tobacco, Firearms and Explosives", "eTrace" */
const PROPER = String.raw`(?:[a-z]?${NAME_WORD}(?:(?:,? (?:${CONNECTOR} )*|-)${NAME_WORD})*)`;
const QUOTED = String.raw`(?:[“"‘][^”"’]{2,40}[”"’])`;

const DETERMINER_START = /^(?:the|a|an|this|that|these|those|it|he|she|they|we|you|i|there|here|its|his|her|their|our|my|your|some|many|most|one|each|every|all|no|today|yesterday|tomorrow|in|on|at|by|for|from|with|as|after|before|during|since|when|while|if|but|and|however)$/i;

/** A term is a name, an acronym, a quoted word or a short noun phrase: not a clause, not a pronoun. */
function acceptableTerm(term: string): boolean {
	const words = term.split(/\s+/);
	if (words.length === 0 || words.length > 6 || term.length < 2) return false;
	if (/[,;:()]/.test(term) || /(?:’|')s\b/.test(term)) return false;
	if (DETERMINER_START.test(words[0].replace(/^[“"‘]/, ''))) {
		// "The National Tracing Center" is a name; "The bill" is not a term
		return /^the$/i.test(words[0]) && words.length > 1 && words.slice(1).every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|and|for|the|on|in|to)$/.test(w));
	}
	return true;
}

/** Quotation marks and a full stop are not part of a term. */
function stripQuotes(term: string): string {
	return term.replace(/^[“"‘]|[”"’]$/g, '').replace(/[.,;:]$/, '').trim();
}

/** "According to the U.S. Government Accountability Office" → "U.S. Government Accountability Office" */
function withoutLeadingFunctionWords(name: string): string {
	let clean = stripQuotes(name);
	while (/^(?:According|to|the|The|In|By|For|From|At|On|As|With|Under|Thanks|Despite|Since|During|After|Before|Of|And)\s/.test(clean)) clean = clean.replace(/^\S+\s+/, '');
	return clean;
}

/** Cuts a definition where its clause ends: a semicolon, a dash, or a comma before a lower-case word. */
function clauseOf(text: string): string {
	let end = text.length;
	const semicolon = text.search(/;|\s[—–]\s|\s--?\s/);
	if (semicolon >= 0) end = Math.min(end, semicolon);
	const comma = /,\s+(?=[\p{Ll}])/u.exec(text);
	if (comma && comma.index < end) end = comma.index;
	return text.slice(0, end).replace(/[.,:]+\s*$/, '').trim();
}

function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** Are the acronym's letters, in order, initials of the long name's words? */
function initialsMatch(acronym: string, name: string): boolean {
	const initials = name
		.split(/[\s-]+/)
		.filter((w) => /^[\p{Lu}]/u.test(w))
		.map((w) => w[0].toUpperCase())
		.join('');
	let at = 0;
	for (const letter of acronym.replace(/[^A-Z]/g, '')) {
		at = initials.indexOf(letter, at);
		if (at < 0) return false;
		at++;
	}
	return initials.startsWith(acronym[0]) || initials.indexOf(acronym[0]) <= 2;
}

/** Every definition one sentence gives. */
export function definitionsIn(sentence: TermSentence): KeyTerm[] {
	const text = displayText(sentence.text);
	const found: KeyTerm[] = [];
	const add = (term: string, definition: string, kind: DefinitionKind) => {
		const clean = stripQuotes(term);
		if (!acceptableTerm(clean) || wordCount(definition) < 3) return;
		if (found.some((f) => f.term.toLowerCase() === clean.toLowerCase())) return;
		found.push({ term: clean, definition, kind, sourceId: sentence.sourceId, sentenceId: sentence.id });
	};

	// "Project Gunrunner is a project of …", "Gunwalking is the practice of …"
	const copula = new RegExp(String.raw`^(${QUOTED}|${PROPER}|[\p{Lu}][\p{Ll}-]+(?: [\p{Ll}-]+){0,2}) (?:is|are|was|were) ((?:a|an|the) .+)$`, 'u').exec(text);
	if (copula) {
		const definition = clauseOf(copula[2]);
		// "is the subject of a hearing", "is a scathing indictment": a judgement or an event, not what the thing is
		if (!/^(?:a|an|the) (?:subject|result|reason|first|last|same|one|scathing|major|key|big|important)\b/i.test(definition)) add(copula[1], definition, 'copula');
	}

	// "… X refers to …", "X means …"
	const refers = new RegExp(String.raw`^(${QUOTED}|${PROPER}|[\p{Lu}][\p{Ll}-]+(?: [\p{Ll}-]+){0,2}) (?:refers to|means|is defined as|describes) (.+)$`, 'u').exec(text);
	if (refers) add(refers[1], clauseOf(refers[2]), 'refers');

	// "Project Gunrunner, a law enforcement initiative run by …," (an appositive after a name)
	for (const m of text.matchAll(new RegExp(String.raw`(?:^|[\s(])(${PROPER}), (an? [\p{Ll}].+)`, 'gu'))) {
		const definition = clauseOf(m[2]);
		// "In Colombia, a joint centre opened …": a sentence-opening place or time is no appositive
		const fronted = /^(?:in|at|on|by|from|to|for|with|during|after|before|since|under|into|across|throughout|near|within|outside|inside|about|according)$/i;
		const opening = text.slice(0, m.index! + m[0].indexOf(m[1])).trim();
		if (fronted.test(m[1].split(/\s/)[0]) || (fronted.test(opening) && !opening.includes(' '))) continue;
		if (wordCount(definition) >= 3 && wordCount(definition) <= 30 && /^[\p{Lu}]/u.test(m[1]) && wordCount(m[1]) >= 1) add(m[1], definition, 'appositive');
	}

	// "a 'working draft,' meaning it could change": the meaning of the quoted or named words before it
	for (const m of text.matchAll(new RegExp(String.raw`(${QUOTED}|${PROPER}),?[”"’]? \(?meaning (.+)`, 'gu'))) {
		add(m[1], clauseOf(m[2]).replace(/\)$/, ''), 'meaning');
	}

	// "…, also known as X, …" / "… called X": the sentence says what X is; it is shown whole
	for (const m of text.matchAll(new RegExp(String.raw`\b(?:also |commonly |widely |sometimes |better )?(?:known as|called|dubbed|nicknamed) (?:the )?(${QUOTED}|${PROPER}(?: [\p{Ll}-]+){0,3}?|[\p{Ll}-]+(?: [\p{Ll}-]+){0,3}?)(?=[,.;:)]|\s[—–-]|\s(?:which|that|who|and|or|in|on|at|for|to|from|between)\b|$)`, 'gu'))) {
		add(m[1], text, 'known-as');
	}

	// "U.S. Government Accountability Office (GAO)"
	for (const m of text.matchAll(new RegExp(String.raw`(${PROPER}) \(([A-Z][A-Za-z]{1,7})\)`, 'gu'))) {
		const name = withoutLeadingFunctionWords(m[1]);
		const acronym = m[2];
		if (/[A-Z]{2}/.test(acronym) && wordCount(name) >= 2 && initialsMatch(acronym, name)) add(acronym, name, 'acronym');
	}
	return found;
}

/** Does the text use the term (whole words, ignoring case for phrases, exactly for acronyms)? */
export function usesTerm(text: string, term: string): boolean {
	const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, /^[A-Z]{2,}$/.test(term) ? 'u' : 'iu').test(text);
}

const KIND_ORDER: DefinitionKind[] = ['copula', 'refers', 'meaning', 'appositive', 'known-as', 'acronym'];

/**
 * The terms a lesson uses, each defined once from the sources: the best definition (a clean "is a"
 * over a whole sentence) in source order, terms ordered as the lesson first uses them.
 */
export function extractKeyTerms(sentences: readonly TermSentence[], lessonText: string, limit = 10): KeyTerm[] {
	const best = new Map<string, KeyTerm>();
	for (const sentence of sentences) {
		for (const term of definitionsIn(sentence)) {
			const key = term.term.toLowerCase();
			const known = best.get(key);
			if (!known || KIND_ORDER.indexOf(term.kind) < KIND_ORDER.indexOf(known.kind)) best.set(key, term);
		}
	}
	const position = (term: string) => {
		const m = new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu').exec(lessonText);
		return m ? m.index : Infinity;
	};
	return [...best.values()]
		.filter((t) => usesTerm(lessonText, t.term))
		// a definition that only repeats the term ("ATF: ATF agents") teaches nothing
		.filter((t) => !usesTerm(t.definition, t.term) || t.kind === 'known-as')
		.sort((a, b) => position(a.term) - position(b.term))
		.slice(0, limit);
}
