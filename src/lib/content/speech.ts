import { outsideQuotations } from './references';
import { type SourceInput } from './types';

/**
 * A record of a speech (a floor statement, a hearing, a debate): a speaker's label opens it, in the
 * style of the Congressional Record or Hansard ("Mrs. McCASKILL.", "Mr. SMITH:"), and the speaker
 * talks in the first person. Its sentences are the speaker's words, not facts told to the reader:
 * a stem quotes them and says who spoke, where and when, so "I", "our bill" and "this January"
 * have their referents.
 */
export interface Speech {
	/** the speaker as the record names them: "Mrs. McCaskill" */
	speaker: string;
	/** where and when: "a floor statement (Congressional Record, U.S. Senate, 8 November 2007)" */
	occasion: string;
	/** what a quoted stem opens with: "In a floor statement (Congressional Record, U.S. Senate, 8 November 2007), Mrs. McCaskill said:" */
	lead: string;
}

/** "Mrs. McCASKILL.", "Mr. SMITH:", "Senator O'BRIEN.": a title and a surname in capitals, alone or opening the first words */
const SPEAKER_LABEL = /^(Mr|Mrs|Ms|Miss|Dr|Senator|Representative)\.?\s+((?:Mc|Mac|O['’]|De|Di|La|Le|Van\s|Von\s)?\p{Lu}[\p{Lu}'’-]+)[.:](?:\s|$)/u;

/** the speaker's own words: "I", "my", "we", "our" (not "US", a country) */
export const FIRST_PERSON_WORDS = /\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b/g;

/** Share of a record's sentences in the first person, at least, for it to be read as a speech. */
const FIRST_PERSON_SHARE = 0.2;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2007-11-08" → "8 November 2007"; "2019" stays a year; anything else is left out. */
export function spokenOn(published: string | undefined): string | undefined {
	const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published ?? '');
	if (full) return `${Number(full[3])} ${MONTHS[Number(full[2]) - 1]} ${full[1]}`;
	return /^\d{4}$/.test(published ?? '') ? published : undefined;
}

/** "McCASKILL" → "McCaskill", "SMITH" → "Smith", "O'BRIEN" → "O'Brien" */
export function surnameAsWritten(capitals: string): string {
	return capitals.replace(/^((?:Mc|Mac|O['’]|De|Di|La|Le|Van\s|Von\s)?)(\p{Lu})([\p{Lu}'’-]*)$/u, (_m, prefix: string, first: string, rest: string) => prefix + first + rest.toLowerCase());
}

/** "government record (floor statement)" → "floor statement": the kind of speech, with its article */
function kindOfSpeech(kind: string): string {
	const named = /\(([^)]+)\)/.exec(kind)?.[1] ?? kind;
	const noun = named.trim().toLowerCase();
	return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "Mrs. McCASKILL.": a speaker's label alone, which names who speaks and says nothing (not a sentence of prose) */
export function isSpeakerLabel(text: string): boolean {
	const label = SPEAKER_LABEL.exec(text.trim());
	return Boolean(label && label[0].trim() === text.trim());
}

/** The speech a source records, or undefined for any other text: the first line that opens with a speaker's label names the speaker. */
export function findSpeech(source: Pick<SourceInput, 'kind' | 'publisher' | 'published' | 'rawText'>, sentences: readonly { text: string }[]): Speech | undefined {
	const labels = source.rawText
		.split('\n')
		.map((line) => SPEAKER_LABEL.exec(line.trim()))
		.filter((m): m is RegExpExecArray => m !== null);
	const label = labels[0];
	if (!label) return undefined;
	// a hearing or a debate: several speakers, each sentence someone else's; no one speaker's words
	if (new Set(labels.map((m) => m[2])).size > 1) return undefined;
	const firstPerson = sentences.filter((s) => new RegExp(FIRST_PERSON_WORDS.source).test(outsideQuotations(s.text))).length;
	if (firstPerson < sentences.length * FIRST_PERSON_SHARE) return undefined;
	const speaker = `${label[1]}. ${surnameAsWritten(label[2])}`.replace(/^(Senator|Representative)\./, '$1');
	const where = [source.publisher, spokenOn(source.published)].filter(Boolean).join(', ');
	const occasion = `${kindOfSpeech(source.kind)}${where ? ` (${where})` : ''}`;
	return { speaker, occasion, lead: `In ${occasion}, ${speaker} said:` };
}
