import { isFound } from '../discover';
import { type CourseKnowledge } from '../course';
import { normaliseAnswer } from '../normalise';
import { formatLike } from '../numbers';
import { isAlsoTrue } from '../question-filters';
import { type Blank, echoesWord, isDistractorGroup } from './blanks';
import { type QuestionCorpus, rankBy } from './corpus';

// distractors

export function niceRound(value: number): number {
	if (value < 20) return Math.round(value);
	const magnitude = 10 ** Math.floor(Math.log10(value) - 1);
	return Math.round(value / magnitude) * magnitude;
}

export function numberDistractors(blank: Blank, corpus: QuestionCorpus): string[] {
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

export function nameDistractors(blank: Blank, corpus: QuestionCorpus): string[] {
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
		if (entry.kind === 'organisation' && !isDistractorGroup(knowledge, other)) return false;
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
	// groups the course file says stand in for each other (departments and agencies)
	const kin = (group?: string) => group === entry.group || knowledge.policies.kindredGroups.some((set) => set.includes(group ?? '') && set.includes(entry.group ?? ''));
	// same group first (agencies against agencies), then the rest of the same kind
	// organisations only against their own group ("a hearing before the KNXV-TV" reads as nonsense)
	let ordered = [
		...rankBy(sameKind.filter((o) => o.group === entry.group), blank.sentence.id, (o) => o.id),
		...rankBy(sameKind.filter((o) => o.group !== entry.group && (entry.kind !== 'organisation' || kin(o.group))), blank.sentence.id, (o) => o.id)
	];
	// a name found in the text (not in the course file) is set against names of the same text first:
	// a murderer against the case's other people, not against a president of another century
	if (isFound(entry.id)) {
		const here = new Set(corpus.sentences.filter((s) => s.sourceId === blank.sentence.sourceId).flatMap((s) => s.entities.map((e) => e.glossaryId)));
		ordered = [...ordered.filter((o) => here.has(o.id)), ...ordered.filter((o) => !here.has(o.id))];
	}
	const out: string[] = [];
	const answerForm = nameForm(blank.answer);
	for (const other of ordered) {
		// the option reads like the answer: an acronym against acronyms, a full name against full names
		const text = /^[A-Z]{2,6}$/.test(blank.answer)
			? other.aliases.find((a) => /^[A-Z]{2,6}$/.test(a))
			: // laws as the sources name them in passing ("Recovery Act"), never with a year the answer lacks
				other.kind === 'law' ? [...other.aliases].sort((a, b) => a.length - b.length).find((a) => !/\d/.test(a)) : other.name;
		if (!text || out.includes(text)) continue;
		// names found in a text: "Alien Acts" beside "Alien and Sedition Acts", "Kentucky Resolutions" beside
		// "Virginia and Kentucky Resolutions" are parts or other spellings of one another, not alternatives
		if (isFound(entry.id) && [blank.answer, ...out].some((shown) => sharesDistinctiveWord(shown, text))) continue;
		if (isAlsoTrue(blank.blanked, text, corpus.sentences, blank.sentence.id)) continue;
		// a committee against committees, a chamber against chambers, resolutions against resolutions
		if (nameForm(text) !== answerForm) continue;
		// "The _____ were never appealed": a plural answer (four acts together) beside singular options gives itself away, and its parts fit too
		if (/s$/.test(blank.answer.split(/\s+/).at(-1) ?? '') !== /s$/.test(text.split(/\s+/).at(-1) ?? '')) continue;
		// "the Naturalization Act", one of "the Alien and Sedition Acts": a part of the answer also fits
		if (partOf(text, blank.answer, corpus)) continue;
		// "interdiction of _____ and unlicensed dealers": "gun dealers" would echo the stem and half fit
		if (other.kind === 'term' && echoesWord(blank.blanked, text)) continue;
		out.push(text);
		if (out.length === 3) break;
	}
	return out;
}

export function hasRelatedOrganisation(id: string, knowledge: CourseKnowledge): boolean {
	return knowledge.glossary.some((other) => other.id !== id && other.kind === 'organisation' && knowledge.related(other.id, id));
}

export function distractorsFor(blank: Blank, corpus: QuestionCorpus): string[] {
	// "thirty-one" against "62": options written unlike the source give the answer away
	if (blank.inWords) return [];
	return ['person', 'organisation', 'place', 'program', 'law', 'term'].includes(blank.kind) ? nameDistractors(blank, corpus) : numberDistractors(blank, corpus);
}

const GENERIC_NAME_WORD = /^(?:act|acts|bill|committee|subcommittee|department|office|resolution|resolutions|bureau|agency|commission|service|administration|party|university|institute|center|centre|council|court|states|state|united|national|federal|american|u\.s\.|operation|project|program|the|of|and|for|to|on|in|at|a|an|general|select|house|senate)$/i;

/** Two names sharing a word that is not a generic word of names ("Alien", "Kentucky", "Select Committee"'s "Select"). */
function sharesDistinctiveWord(a: string, b: string): boolean {
	const words = (t: string) => new Set(t.toLowerCase().split(/[^\p{L}\p{N}.]+/u).filter((w) => w.length > 2 && !GENERIC_NAME_WORD.test(w)));
	const other = words(b);
	return [...words(a)].some((w) => other.has(w));
}

/**
 * What kind of name it is, read off its head word: a committee is not offered against a chamber of
 * Congress ("No one in _____ has…": a committee of Congress would fit too), nor resolutions against acts.
 */
export function nameForm(name: string): string {
	if (/\b(?:Subcommittee|Committee|Commission|Caucus|Panel)\b/.test(name)) return 'committee';
	if (/^(?:the\s+)?(?:U\.S\.\s+|United States\s+)?(?:Congress|Senate|House(?: of Representatives)?|Parliament|Legislature)$/i.test(name)) return 'chamber';
	if (/\bCourts?\b/.test(name)) return 'court';
	if (/\bParty\b/.test(name)) return 'party';
	if (/\bMovement\b/.test(name)) return 'movement';
	if (/\bResolutions?\b/.test(name)) return 'resolution';
	if (/\bProclamations?\b/.test(name)) return 'proclamation';
	if (/\bOrders?\b/.test(name)) return 'order';
	if (/\bAmendments?\b/.test(name)) return 'amendment';
	if (/\bActs?\b/.test(name)) return 'act';
	return 'other';
}

/** A corpus sentence says one name is among, part of or one of the other ("four laws… the Naturalization Act"). */
export function partOf(option: string, answer: string, corpus: QuestionCorpus): boolean {
	const PART = /\b(?:includ(?:e|es|ed|ing)|one of|among|part of|consist(?:s|ed|ing)? of|compris(?:e|es|ed|ing)|made up of|within|under)\b/i;
	return corpus.sentences.some((s) => s.text.includes(option) && s.text.includes(answer) && PART.test(s.text));
}
