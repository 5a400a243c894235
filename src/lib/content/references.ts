/**
 * Does a source sentence, shown on its own in a lesson, point at something the lesson does not
 * show? "He also declined to comment", "these agencies' task forces", "identified the following
 * weapons", "The bill was set to…" with no bill before it. Pure text rules, written for any news or
 * encyclopedia prose: no rule names a source, a sentence or a topic.
 */

/** What a sentence leans on: the sentence before it, the one after it, or nothing. */
export type ReferenceNeed = 'previous' | 'following' | undefined;

/** Words that open a sentence by linking it to the one before ("However, …"), and say nothing themselves. */
const CONNECTIVE = /^(?:however|but|and|yet|still|also|meanwhile|instead|moreover|furthermore|nevertheless|nonetheless|thus|so|then|in addition|in turn|as a result|at the same time)\b,?\s+/i;

/** A sentence whose first word is one of these (after any connective) refers back. */
const OPENING_REFERENCE = /^(?:he|she|it|they|him|her|his|its|their|them|this|that|these|those|such|both|neither|either|another|other|others|the other|the latter|the former|we|our|us|here(?:'|’)s)\b/i;

/** A demonstrative in the running text, outside a quotation: "these agencies", "these are". */
const DEMONSTRATIVE = /\b(?:this|these|those|the latter|the former|the aforementioned)\b/i;
/** "this week", "this year": relative time points at the article's date, not at another sentence */
const RELATIVE_TIME = /^\s*(?:week|weekend|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening|time)\b/i;

/** a demonstrative after this many words refers within its own sentence */
const LATE_WORD = 12;

const PERSONAL = /\b(?:he|she|him|his|her|hers|himself|herself)\b/i;
const PLURAL_PERSONAL = /\b(?:they|them|their|theirs|themselves)\b/i;

/** Lower-case nouns that can be what a "he", "she" or "they" later in the same sentence refers to. */
const PERSON_NOUN = /\b(?:official|officials|spokesman|spokeswoman|spokesperson|director|agent|agents|president|prosecutor|prosecutors|judge|man|woman|men|women|member|members|senator|senators|lawmaker|lawmakers|chief|officer|officers|investigator|investigators|critic|critics|author|authors|reporter|secretary|attorney|lawyer|minister|governor|leader|leaders|group|groups|agency|agencies|people|police|suspect|suspects|dealer|dealers|buyer|buyers|purchaser|purchasers|traffickers|cartels|officials|government|committee|administration|department|bureau)\b/i;

/** Function words that may open a sentence capitalised without being a name. */
const CAPITALISED_FUNCTION = /^(?:The|A|An|In|On|At|By|For|From|To|Of|With|As|After|Before|During|Since|Under|When|While|If|Although|Though|Despite|According|However|But|And|Yet|Also|Meanwhile|Thanks|Rather|One|Some|Many|Most|Other|All|Each|Every|No|Not|Only|Even|About|Nearly|More|Less|Over|This|That|These|Those|It|He|She|They|We|There|Here|What|Who|Which|Why|How)$/;

const VERB_AFTER_SUBJECT = /^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|remains|remained|says|said|found|finds|shows|showed|states|stated|became|becomes|also|now|then|still)\b/i;

/** The text with everything inside quotation marks blanked out (a speaker's "that issue" is the speaker's). */
export function outsideQuotations(text: string): string {
	return text
		.replace(/“[^”]*”/g, (m) => ' '.repeat(m.length))
		.replace(/"[^"]*"/g, (m) => ' '.repeat(m.length))
		.replace(/(^|[\s(])‘[^’]*’(?=[\s.,;:!?)]|$)/g, (m) => ' '.repeat(m.length));
}

/** Is there, before `at`, a word a pronoun could refer to (a name, or a noun for people or bodies)? */
function hasAntecedentBefore(text: string, at: number): boolean {
	const before = text.slice(0, at);
	if (PERSON_NOUN.test(before)) return true;
	const words = before.split(/\s+/).filter(Boolean);
	return words.some((word) => {
		const bare = word.replace(/^[“"‘(]+|[,.;:”"’)]+$/g, '').replace(/(?:’|')s$/, '');
		if (!/^\p{Lu}/u.test(bare)) return false;
		// a capitalised function word ("The", "In") is no name, wherever it stands
		return !CAPITALISED_FUNCTION.test(bare);
	});
}

/**
 * "The bill was set to …": a definite subject of one or two lower-case words, straight before its
 * verb, names something an earlier sentence introduced. Returns that noun, or undefined.
 */
export function bareDefiniteSubject(text: string): string | undefined {
	const words = text.replace(CONNECTIVE, '').split(/\s+/);
	if (!/^[Tt]he$/.test(words[0] ?? '')) return undefined;
	for (let k = 2; k <= 4 && k < words.length; k++) {
		const subject = words.slice(1, k);
		if (!subject.every((w) => /^[a-z][a-z-]+$/.test(w))) return undefined;
		if (VERB_AFTER_SUBJECT.test(words[k]) || /^[a-z]+ed$/.test(words[k])) return subject.at(-1);
	}
	return undefined;
}

/** Does the context mention the noun (singular or plural, case-insensitive)? */
export function mentions(context: string, noun: string): boolean {
	const stem = noun.replace(/(?:es|s)$/i, '');
	if (stem.length < 3) return new RegExp(`\\b${noun}\\b`, 'i').test(context);
	return new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:s|es)?\\b`, 'i').test(context);
}

/**
 * What a sentence needs to make sense when shown: `previous` when it refers back (to be shown with
 * the sentence before it in its paragraph, or not at all), `following` when it announces what comes
 * next ("the following weapons", a closing colon), undefined when it stands alone. `context` is the
 * text the reader has already seen (earlier sentences of the lesson): a bare "The report found…"
 * stands alone once a report has been mentioned.
 */
export function referenceNeed(text: string, context = ''): ReferenceNeed {
	const plain = text.trim();
	const outside = outsideQuotations(plain);
	if (/\bthe following\b/i.test(outside) || /:\s*$/.test(plain)) return 'following';
	// a piece of a sentence broken off by a hard line wrap: "in combating waste, fraud and abuse."
	if (/^[a-z]+\b/.test(plain) && !/^[a-z]+[A-Z]/.test(plain)) return 'previous';
	if (isUnfinished(plain)) return 'following';
	const opening = outside.trimStart().replace(CONNECTIVE, '');
	// a quotation with no one named as saying it: the speaker is in another sentence
	if (/^[“"]/.test(plain) && !/[\p{L}\d]/u.test(outside.replace(/[.,;:!?]/g, ''))) return 'previous';
	// a quotation that opens the sentence is the speaker's: judge what follows it
	if (!/^[“"]/.test(plain.trimStart()) && OPENING_REFERENCE.test(opening)) return 'previous';
	// "Other tactics …", "The other …": other than what a sentence not shown said
	if (/^(?:other|the other|another)\b/i.test(opening)) return 'previous';
	for (const match of outside.matchAll(new RegExp(DEMONSTRATIVE.source, 'gi'))) {
		const after = outside.slice(match.index! + match[0].length);
		if (/^(?:this|these|those)$/i.test(match[0]) && RELATIVE_TIME.test(after)) continue;
		// late in a long sentence, "these activities" points back into the sentence itself
		if (outside.slice(0, match.index).split(/\s+/).filter(Boolean).length >= LATE_WORD) continue;
		return 'previous';
	}
	const personal = PERSONAL.exec(outside);
	if (personal && !hasAntecedentBefore(outside, personal.index)) return 'previous';
	const plural = PLURAL_PERSONAL.exec(outside);
	if (plural && !hasAntecedentBefore(outside, plural.index) && !/\b[a-z]{3,}s\b/.test(outside.slice(0, plural.index))) return 'previous';
	const subject = bareDefiniteSubject(outside.trimStart());
	if (subject && !mentions(context, subject)) return 'previous';
	return undefined;
}

/**
 * A sentence that ends with a colon leads into the next sentence; one that announces "the following
 * weapons." and ends there introduced a list or a table, which no prose sentence after it replaces.
 */
export function nextSentenceCompletes(text: string): boolean {
	return /:\s*$/.test(text.trim()) || isUnfinished(text.trim());
}

/** "I was thrilled to have been": no closing punctuation, so the sentence goes on in the next one. */
function isUnfinished(text: string): boolean {
	return !/[.!?…:;][”"’)\]]*$|[.!?][”"’)\]]*\s*\[\d+\]$/.test(text);
}

/**
 * "However, at least 1,856 guns were allowed to walk.": a sentence opening with a connective reads
 * best after the sentence it answers. It still makes sense alone, so it is not left out for want of it.
 */
export function continuesPrevious(text: string): boolean {
	return CONNECTIVE.test(text.trim());
}
