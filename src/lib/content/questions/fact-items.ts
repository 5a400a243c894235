import { citeSentence } from '../citations';
import { type CourseKnowledge } from '../course';
import { type Blank, blankSentences, rewriteAddsWords } from './blanks';
import { BLANK, type Draft, type QuestionCorpus, choices, questionId, quoteExplanation } from './corpus';
import { distractorsFor, hasRelatedOrganisation } from './distractors';

// the question types

/** "over _____", "at least _____": a one-sided bound; any option on its open side is also true */
const OPEN_BOUND_BEFORE = /\b(?:at least|more than|over|up to|fewer than|less than|under|upwards of|as many as|as much as|no more than|no fewer than)\s+\$?$/i;
/** a bound or an approximation: no exact value to contradict in a true/false swap */
const BOUNDED_BEFORE = /\b(?:at least|more than|over|nearly|about|approximately|some|almost|up to|fewer than|less than|under|roughly|around|upwards of|as many as|as much as)\s+\$?$/i;


export function multipleChoice(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	// "Border Patrol agent _____", "Secretary _____": a title only one option holds gives it away
	if (blank.kind === 'person' && /\b(agent|president|President|Secretary|Director|Spokesman|spokesman|member|Senator|Attorney General)\s+$/.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)))) return undefined;
	// "over _____", "nearly _____": a bound, not a value; a smaller or larger option is also true
	if (['number', 'money', 'percent'].includes(blank.kind) && OPEN_BOUND_BEFORE.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)))) return undefined;
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
export function possessiveOwner(blank: Blank, knowledge: CourseKnowledge): string | undefined {
	const before = blank.blanked.slice(0, blank.blanked.indexOf(BLANK));
	const possessive = /([\p{L}.' ]+?)[’']s\s+$/u.exec(before);
	if (!possessive) return undefined;
	return knowledge.glossary.find((entry) => entry.kind === 'organisation' && entry.aliases.some((alias) => possessive[1].endsWith(alias)))?.id;
}

export function partOfOwner(option: string, owner: string, knowledge: CourseKnowledge): boolean {
	const entry = knowledge.glossary.find((g) => g.name === option || g.aliases.includes(option));
	return Boolean(entry && entry.id !== owner && knowledge.related(entry.id, owner));
}

export function fillBlank(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
	if (blank.kind === 'money' || blank.kind === 'percent') return undefined;
	// "A major _____ program": the ATF fits as well as its department; an organisation with a parent
	// or a part in the glossary can be named at either level, so a typed answer is ambiguous
	if (blank.kind === 'organisation' && blank.entity.glossaryId && hasRelatedOrganisation(blank.entity.glossaryId, corpus.knowledge)) return undefined;
	// "the National Association of Assistant United States Attorneys": a long name is chosen, not typed from memory
	if (blank.kind === 'organisation' && blank.answer.split(/\s+/).length > 6) return undefined;
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

export function numeric(lessonId: string, blank: Blank, corpus: QuestionCorpus): Draft | undefined {
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

export function trueFalse(lessonId: string, blank: Blank, corpus: QuestionCorpus, wantFalse: boolean): Draft | undefined {
	// a statement holding a contested claim cannot be "true" or "false" without taking a side
	if (corpus.disputed.has(blank.sentence.id)) return undefined;
	// a speaker's quoted words are never altered, and a quotation is not a claim of the sources
	if (blank.spoken) return undefined;
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
		const bounded = BOUNDED_BEFORE.test(blank.blanked.slice(0, blank.blanked.indexOf(BLANK)));
		// "began in 2009 but expanded in 2006": a swapped year out of step with another year of the sentence gives itself away
		const otherYear = blank.kind === 'year' && blank.sentence.entities.some((e) => e !== blank.entity && e.year !== undefined);
		swap = ['year', 'number', 'money', 'percent'].includes(blank.kind) && !blank.entity.approximate && !bounded && !otherYear ? distractorsFor(blank, corpus)[0] : undefined;
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
