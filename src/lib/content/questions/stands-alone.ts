import { outsideQuotations } from '../references';
import { type AnalysedSource, type Sentence } from '../types';

/**
 * A quiz stem is read alone, with no lesson around it: stricter than a lesson passage, which the
 * sentences before it can explain. Pure text rules for any news or encyclopedia prose; none names
 * a source, a sentence or a topic. Each returns the reason a sentence is not asked, or undefined.
 */

/** "I was proud…", "our bill": a speaker's first person outside a quotation is the speaker's, not the reader's */
const FIRST_PERSON = /\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|us|[Oo]urs?)\b/;

/** third-person pronouns; one needs a name or a noun before it in the same sentence */
const THIRD_PERSON = /\b(?:he|she|him|his|her|hers|it|its|they|them|their|theirs)\b/i;

/** "this January", "currently", "a couple of months later": time measured from the article's own date */
const RELATIVE_TIME = new RegExp(
	[
		String.raw`\b(?:this|last|next|that|the same|the following|the previous|the next)\s+(?:day|week|weekend|month|year|decade|spring|summer|autumn|fall|winter|morning|afternoon|evening|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`,
		String.raw`\b(?:currently|today|tonight|yesterday|tomorrow|to date|so far|at the time|by then(?![—–-])|until then|within the year)\b`,
		String.raw`\b(?:days|weeks|months|years|decades)\s+(?:later|earlier|ago)\b`,
		String.raw`\b(?:later|earlier)\s+that\b`
	].join('|'),
	'i'
);

/** "this perceived threat", "these combined efforts", "those cases": pointing at another sentence */
const DEMONSTRATIVE = /\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?:\p{Ll}|\p{Lu}{2,}s\b)/u;
/**
 * "the bills", "the 2014 bill", "The disclosures", "some of the programs": a document, measure or
 * effort named only by its kind is one the text introduced elsewhere, whatever word it used then.
 */
const GENERIC_REFERENCE = /\b[Tt]he\s+(?:(?:1[6-9]|20)\d{2}\s+)?(?:bills?|legislation|measures?|programs?|programmes?|reports?|study|documents?|disclosures?|proposals?|memos?|investigations?|movements?|probe|scheme|plan|deal|ruling|allegations?|charges?|accusations?|revelations?|findings?|talking points|efforts?)\b(?![\s-]+\p{Lu})/u;

const SUMMING_NOUN = /^(?:activities|efforts|actions|practices|crimes|problems|issues|measures|steps|changes|events|incidents|acts|abuses)$/;

/** "Importantly, …", "Additionally, …": the sentence continues one the reader has not seen */
const CONNECTIVE_OPENING = /^(?:For example|For instance|Obviously|Of course|Clearly|Lastly|Firstly|Secondly|Thirdly|Next|Afterwards?|Subsequently|Importantly|Additionally|Notably|Remarkably|Moreover|Furthermore|Likewise|Similarly|Again|Finally|Then|Meanwhile|Indeed|In addition|In turn|As a result|Still|Instead|However|But|And|Yet|So|Thus|Therefore|Nevertheless|Nonetheless|Even so|By contrast|In contrast)\b/;

/** words that follow "the …" and say which one is meant, within the sentence itself */
const DEFINING = /^(?:of|that|who|whom|which|where|when|in|on|at|for|to|from|by|with|between|against|under|over|called|named|known|behind|about|into|across|along|throughout|since|during|,\s*(?:which|who|a|an|the)\b)\b/i;

/** nouns for one thing everyone shares: "the public", "the border" need no earlier sentence */
const SHARED_REFERENTS = new Set(['public', 'world', 'nation', 'country', 'people', 'press', 'media', 'economy', 'past', 'future', 'time', 'government', 'border', 'president', 'state', 'states', 'law', 'courts', 'military', 'constitution']);

const FUNCTION_WORD = /^(?:of|in|on|at|for|to|from|by|with|throughout|during|and|or|but|is|are|was|were|has|have|had|will|would|can|could|did|does|do|be|been|as|than|that|who|which|into|over|under|after|before|since|about|against|between)$/;
/** adjective and adverb endings: "the ever potent gun lobby", "the eventual resolutions" */
const MODIFIER = /(?:al|ive|ous|ful|ic|ent|ant|ed|ing|ly|er|est|ever|first|last)$/;
const PAST_VERB = /^(?:[a-z]+ed|gave|made|took|found|went|came|got|said|told|saw|began|became|left|held|kept|led|met|paid|put|ran|sent|set|won|wrote|brought|bought|sold|shot|struck)$/;
/** "the first", "the same", "the following": an order or a sameness, not a thing introduced earlier */
const ORDINAL = /^(?:past|first|second|third|fourth|last|same|most|only|next|other|following|latter|former|new|whole|entire|very)$/;

/** Capitalised words that open a sentence without naming anything. */
const CAPITALISED_FUNCTION = /^(?:The|A|An|In|On|At|By|For|From|To|Of|With|As|After|Before|During|Since|Under|When|While|If|Although|Though|Despite|According|However|But|And|Yet|Also|Meanwhile|One|Some|Many|Most|Other|All|Each|Every|No|Not|Only|Even|About|Nearly|More|Less|Over|There|Here|What|Who|Which|Why|How|Both|Among|Following|Last|First)$/;

function stem(word: string): string {
	return word.toLowerCase().replace(/(?:ies|es|s)$/, '').slice(0, 7);
}

/**
 * Does something the pronoun can stand for come before it? "he", "his": a name; "they", "their": a
 * name or a plural noun; "it", "its": a name or a "the …" phrase.
 */
function antecedentBefore(text: string, at: number, pronoun: string): boolean {
	const before = text.slice(0, at);
	const named = before
		.split(/\s+/)
		.filter(Boolean)
		.some((word) => {
			const bare = word.replace(/^[“"‘(]+|[,.;:”"’)]+$/g, '').replace(/(?:’|')s$/, '');
			return /^\p{Lu}/u.test(bare) && !CAPITALISED_FUNCTION.test(bare);
		});
	// "in their prompt removal" after "the Department of Justice": a plural needs a plural before it
	if (/^(?:they|them|their|theirs)$/.test(pronoun)) return /\b\p{L}{3,}(?<!s)s\b/u.test(before.replace(/\b(?:is|was|has|does|this|its|his|as|us|thus|yes|news|always)\b/gi, ''));
	if (named) return true;
	if (/^(?:it|its)$/.test(pronoun)) return /\b(?:the|a|an)\s+\p{L}/iu.test(before);
	return /\b(?:man|woman|official|officer|agent|director|president|senator|judge|spokesman|spokeswoman|leader|member|prosecutor|secretary)\b/i.test(before);
}

/**
 * "the documents", "the talking points", "the legislation": a definite noun phrase of lower-case
 * words, not defined where it stands ("the documents of…", "the bill that…"), whose noun one of
 * the source's previous sentences introduced. Shown alone, the reader cannot tell which.
 */
export function backReference(statement: string, earlier: readonly string[]): string | undefined {
	const outside = outsideQuotations(statement);
	const earlierStems = new Set(earlier.flatMap((t) => (t.match(/\p{L}{3,}/gu) ?? []).map(stem)));
	for (const match of outside.matchAll(/\b[Tt]he(?:\s+(?:[A-Z]{2,6}|Senate|House|Justice|Defense|State))?((?:\s+[a-z][a-z-]+){1,3})/g)) {
		// the phrase ends before a function word: "the guns throughout the…" is "the guns"
		const all = match[1].trim().split(/\s+/);
		const cut = all.findIndex((w, i) => FUNCTION_WORD.test(w) || (i > 0 && PAST_VERB.test(w)));
		const words = cut < 0 ? all : all.slice(0, cut);
		if (words.length === 0) continue;
		// "the ever potent gun lobby…": the phrase runs on past what was read, so its last word need not be its noun
		const runsOn = cut < 0 && all.length === 3 && /^\s+[a-z]/.test(outside.slice(match.index! + match[0].length));
		// "The documents confirm…": a first word that is no modifier may be the noun itself
		// (as the sentence's subject only: elsewhere the first word is more often a modifier, "the firearm registration records")
		const first = words.length > 1 && match.index === 0 && !MODIFIER.test(words[0]) ? words[0] : undefined;
		if (first && earlierStems.has(stem(first)) && !SHARED_REFERENTS.has(first)) return `the ${first}`;
		if (runsOn) continue;
		// "the revised Alien Enemies Act": the words open a proper name
		if (cut < 0 && /^\s+\p{Lu}/u.test(outside.slice(match.index! + match[0].length))) continue;
		const noun = words.at(-1)!;
		if (SHARED_REFERENTS.has(noun) || ORDINAL.test(words[0])) continue;
		const phraseEnd = match.index! + match[0].length - match[1].length + match[1].indexOf(noun) + noun.length;
		if (DEFINING.test(outside.slice(phraseEnd).trimStart())) continue;
		if (earlierStems.has(stem(noun))) return `the ${words.join(' ')}`;
	}
	// "The Government Accountability Office (GAO) report": a name used as a modifier of a noun introduced earlier
	for (const match of outside.matchAll(/\b[Tt]he((?:\s+(?:\p{Lu}[\p{L}.'’-]*|of|and|for))+?(?:\s+\([A-Z]{2,7}\))?)\s+([a-z]{3,})\b/gu)) {
		const noun = match[2];
		// a body used as a modifier ("the GAO report", "the Justice Department memo"), not a person's name ("the Obama administration")
		if (!/\([A-Z]{2,7}\)$|\b(?:Office|Committee|Subcommittee|Department|Agency|Bureau|Commission|Service|Council|Court|Senate|House)$/.test(match[1].trim())) continue;
		// a law as the modifier names a topic, not an author: "the Freedom of Information Act (FOIA) reform legislation"
		if (/\bActs?(?:\s+\([A-Z]{2,7}\))?$/.test(match[1].trim())) continue;
		if (FUNCTION_WORD.test(noun) || SHARED_REFERENTS.has(noun) || PAST_VERB.test(noun) || /^(?:is|are|was|were|has|have|had|will|would)$/.test(noun)) continue;
		if (DEFINING.test(outside.slice(match.index! + match[0].length).trimStart())) continue;
		if (earlierStems.has(stem(noun))) return `the${match[1]} ${noun}`;
	}
	return undefined;
}

/**
 * Why a sentence cannot be a quiz stem on its own, or undefined when it can. A speech's sentence
 * (`spoken`) is shown as its speaker's quoted words, with who spoke and when: its first person and
 * its time ("this January") have their referents, and every other rule still holds.
 */
export function notStandingAlone(sentence: Sentence, earlier: readonly string[], spoken = false): string | undefined {
	const statement = sentence.statement;
	const outside = outsideQuotations(statement);
	if (!spoken && FIRST_PERSON.test(outside)) return 'first person';
	// "You really think…?", "Maybe making it 40 years or something?": a speaker's question or address, not a fact
	if (/\?[”"’]?\s*$/.test(statement) || /\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b/.test(outside)) return 'a question or an address';
	// ("went so far as to…" measures a claim, not time)
	if (!spoken && RELATIVE_TIME.test(outside.replace(/\bthis day and age\b|\bso far as\b/gi, ''))) return 'relative time';
	// "BLACK HATE established…": a code name cut from a longer one ("COINTELPRO–BLACK HATE") says nothing alone
	if (/(?:^|[^–—-])\b[A-Z]{3,}\s+[A-Z]{3,}\b/.test(outside)) return 'a code name not explained';
	// "Additional documents were revealed…", "Tactics included…": more of, or the kinds of, something not named
	if (/^(?:Additional|Further|Other|Another|Similar)\s+\p{Ll}/u.test(outside.trimStart())) return 'continues another sentence';
	if (/^\p{Lu}\p{Ll}+s\s+(?:included|include|ranged|varied)\b/u.test(outside.trimStart())) return 'refers back: the kinds of something not named';
	// "The Black Panther Party was another targeted organization": another than one the reader has not seen
	if (/\b(?:[Ii]s|[Ww]as|[Aa]re|[Ww]ere|[Bb]ecame|[Ii]n|[Aa]s)\s+another\s+\p{Ll}/u.test(outside)) return 'continues another sentence';
	// "Everything died in the House…": everything the reader has not been told
	if (/^(?:Everything|Nothing|Everyone|Nobody|All of (?:this|that|it))\b/.test(outside.trimStart())) return 'a subject the stem does not name';
	// "also", "actually", "in fact": added to, or set against, something said before
	if (CONNECTIVE_OPENING.test(outside.trimStart()) || /\b(?:(?<!\bbut )also(?! known as| called| referred to)|actually|in fact)\b/i.test(outside.replace(/\bnot only\b[^.]*?\bbut also\b/gi, ''))) return 'continues another sentence';
	// "these movements": internal only when the sentence has named them before
	for (const m of outside.replace(/\bthis day and age\b/gi, '').matchAll(new RegExp(DEMONSTRATIVE.source, 'gu'))) {
		const noun = /^\S+\s+(\p{L}+)/u.exec(outside.slice(m.index))?.[1] ?? '';
		const earlierWords = new Set((outside.slice(0, m.index).match(/\p{L}{3,}/gu) ?? []).map(stem));
		// "many of her reform ideas, but also those introduced in the House": a pronoun for a plural noun the sentence has just named
		if (/^(?:these|those)$/i.test(/^\S+/.exec(outside.slice(m.index))![0]) && /^(?:who|which|that|\p{Ll}+ed)$/u.test(noun) && /\b\p{Ll}{3,}s\b/u.test(outside.slice(0, m.index))) continue;
		// late in a long sentence, "these activities" sums up what the sentence itself has just said
		const late = outside.slice(0, m.index).split(/\s+/).filter(Boolean).length >= 12;
		if (late && SUMMING_NOUN.test(noun)) continue;
		if (!earlierWords.has(stem(noun))) return 'demonstrative';
	}
	for (const m of outside.matchAll(new RegExp(THIRD_PERSON.source, 'gi'))) if (!antecedentBefore(outside, m.index!, m[0].toLowerCase())) return 'pronoun';
	// "Committee Chairman Jason Chaffetz asked Melanie Pustay.", "One lawmaker made a fuss: Senator Jeff Sessions.": short narrative glue, no fact
	if (statement.split(/\s+/).filter(Boolean).length < 10 && !/\d/.test(statement)) return 'too short to teach a fact';
	// "X is the first to plead guilty": first of a set (the accused in which case?) the stem does not name
	if (/\bthe (?:first|second|third|last|only|latest)(?: one| person| man| woman)? to \p{Ll}/u.test(outside)) return 'first of a set not named';
	// "Hoover responded by…": a reply to something the stem does not show
	if (/\b(?:responded|replied|retaliated|reacted|countered|refused|declined|complied|agreed|objected)\b(?!\s+(?:to|that|with)\b)/i.test(outside)) return 'a reply to something not shown';
	const generic = GENERIC_REFERENCE.exec(outside);
	// (said which by what follows it: "the report of the GAO", "the bill that…", "the programs known as…")
	// ("the effort to reform FOIA": said which by its purpose)
	if (generic && !/^(?:of|that|which|who|known|called|named|titled|\(|to (?!the\b|a\b|an\b)\p{Ll}+)/iu.test(outside.slice(generic.index + generic[0].length).trimStart())) return `refers back: ${generic[0].trim()}`;
	const back = backReference(statement, earlier);
	if (back) return `refers back: ${back}`;
	return undefined;
}

/** "this memo", "these changes": a demonstrative whose noun the text itself does not name before it */
export function pointsBack(text: string): boolean {
	for (const m of text.matchAll(new RegExp(DEMONSTRATIVE.source, 'gu'))) {
		const noun = /^\S+\s+(\p{L}+)/u.exec(text.slice(m.index))?.[1] ?? '';
		if (!new Set((text.slice(0, m.index).match(/\p{L}{3,}/gu) ?? []).map(stem)).has(stem(noun))) return true;
	}
	return false;
}

/** how far back a definite "the …" or a surname may have been introduced */
const EARLIER_SENTENCES = 6;

/** The texts of the sentences just before this one in its source. */
export function earlierSentences(sentence: Sentence, analysed: readonly AnalysedSource[]): string[] {
	return (analysed.find((a) => a.source.id === sentence.sourceId)?.sentences ?? [])
		.filter((s) => s.index < sentence.index && s.index >= sentence.index - EARLIER_SENTENCES)
		.map((s) => s.text);
}
