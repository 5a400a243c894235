import { normaliseAnswer } from '../content/normalise';
import { overlap } from '../content/question-filters';
import type { QuestionAnswer, QuestionPrompt, QuestionResponse } from '../content/question-types';

/**
 * Feedback that teaches, as plain data: the cited sentence with the answer marked in it, and, for
 * a wrong choice, where the sources do use what the learner chose ("the FBI" belongs to another
 * sentence, "2009" is the year of something else).
 */

/** A piece of a sentence; `mark` pieces are the words the feedback points at. */
export interface TextPart {
	text: string;
	mark: boolean;
}

/** The sentence cut into parts, the first occurrence of any of `phrases` marked (whole words, any case). */
export function markPhrase(sentence: string, phrases: readonly string[]): TextPart[] {
	for (const phrase of phrases) {
		const trimmed = phrase.trim();
		if (trimmed.length === 0) continue;
		const at = findWhole(sentence, trimmed);
		if (at >= 0) {
			const parts: TextPart[] = [];
			if (at > 0) parts.push({ text: sentence.slice(0, at), mark: false });
			parts.push({ text: sentence.slice(at, at + trimmed.length), mark: true });
			if (at + trimmed.length < sentence.length) parts.push({ text: sentence.slice(at + trimmed.length), mark: false });
			return parts;
		}
	}
	return [{ text: sentence, mark: false }];
}

/** Index of `phrase` in `text` as whole words, ignoring case ("ATF" not inside "ATFs", "2009" not inside "20091"). */
function findWhole(text: string, phrase: string): number {
	const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
	const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
	return match ? match.index : -1;
}

/** How the correct answer may be written in the cited sentence: the option's text, the accepted forms, the number. */
export function answerPhrases(prompt: QuestionPrompt, answer: QuestionAnswer): string[] {
	switch (answer.type) {
		case 'multiple_choice':
		case 'attribution': {
			const options = 'options' in prompt ? prompt.options : [];
			const text = options.find((o) => o.id === answer.correctOptionId)?.text;
			return text ? [text] : [];
		}
		case 'fill_blank':
			return answer.accepted;
		case 'numeric':
			return numberForms(answer.value);
		case 'true_false':
			return answer.fact ? [answer.fact] : [];
		case 'ordering':
			return [];
	}
}

function numberForms(value: number): string[] {
	return [...new Set([value.toLocaleString('en-US'), String(value)])];
}

/** What the learner put, as a phrase to look up in the sources; none for true/false, ordering or a blank. */
export function chosenPhrase(prompt: QuestionPrompt, response: QuestionResponse | null): string | null {
	if (!response || response.type !== prompt.type) return null;
	switch (response.type) {
		case 'multiple_choice':
		case 'attribution': {
			const options = 'options' in prompt ? prompt.options : [];
			return options.find((o) => o.id === response.optionId)?.text ?? null;
		}
		case 'fill_blank':
			return response.text;
		case 'numeric':
			return response.value.toLocaleString('en-US');
		default:
			return null;
	}
}

export interface ShownSentence {
	href: string;
	sourceTitle: string;
	parts: TextPart[];
}

/** What the results page and the review page show for one answered question (after grading only). */
export interface TeachingFeedback {
	correct: boolean;
	yourAnswer: string;
	correctAnswer: string;
	/** what the explanation adds beyond the answer ("False: the source says $40 million, not $24 million."), or '' */
	lead: string;
	/** the cited sentence(s), each once, the answer marked */
	cited: ShownSentence[];
	/** for a wrong choice that the sources use elsewhere: that sentence, the choice marked */
	chosenElsewhere: { chosen: string; sentence: ShownSentence } | null;
	/** the lesson section that teaches it */
	lessonHref: string;
}

export interface SourceSentence {
	sourceId: string;
	sentenceId: string;
	text: string;
	/** `normalisedForSearch(text)`, worked out once for sentences searched again and again */
	normalised?: string;
}

/** A sentence in the form `whereChosenBelongs` looks phrases up in ("Mexico’s" holds "Mexico"). */
export function normalisedForSearch(text: string): string {
	return ` ${normaliseAnswer(text.replace(/[’']s\b/g, ''))} `;
}

/** Words too common to say anything about where they belong. */
const VAGUE = new Set(['true', 'false', 'yes', 'no', 'none', 'all', 'many', 'some', 'one', 'two', 'three']);

/**
 * The sentence of the sources that best shows where the learner's wrong choice belongs: it contains
 * the chosen phrase as whole words, is not one of the question's own cited sentences, and shares the
 * most words with the question's topic (so "2009" finds the 2009 event nearest the question's
 * subject). Null when the phrase is too vague to look up or appears nowhere else.
 */
export function whereChosenBelongs(
	chosen: string,
	sentences: readonly SourceSentence[],
	cited: readonly { sourceId: string; sentenceId: string }[],
	topic: string
): SourceSentence | null {
	const phrase = normaliseAnswer(chosen);
	if (phrase.length < 2 || VAGUE.has(phrase)) return null;
	// a small number ("5") is in too many sentences to say anything; a year or a count of hundreds is not
	if (/^\d+$/.test(phrase) && phrase.length < 3) return null;
	const citedKeys = new Set(cited.map((c) => `${c.sourceId}#${c.sentenceId}`));
	const needle = ` ${phrase} `;
	let best: SourceSentence | null = null;
	let bestScore = -1;
	for (const s of sentences) {
		if (!(s.normalised ?? normalisedForSearch(s.text)).includes(needle)) continue;
		if (citedKeys.has(`${s.sourceId}#${s.sentenceId}`)) continue;
		const score = overlap(topic, s.text);
		if (score > bestScore) {
			best = s;
			bestScore = score;
		}
	}
	return best;
}

/**
 * The part of a stored explanation worth showing beside the correct answer: what comes before the
 * quoted source ("False: the source says $40 million, not $24 million."), minus a lead that only
 * repeats the answer ("The answer is 2005."). The quote itself is shown once, from the citation.
 */
export function explanationLead(explanation: string): string {
	const cut = explanation.search(/\s*(The source says:|The sources:)/);
	const lead = (cut >= 0 ? explanation.slice(0, cut) : explanation).trim();
	// "The answer is 2005.", "The claim comes from GAO.", "True.": the correct answer says as much
	if (/^(The answer is|The claim comes from)\b/.test(lead) || lead === 'True.') return '';
	return lead;
}
