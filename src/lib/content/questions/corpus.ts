import { type CourseKnowledge } from '../course';
import { isFound } from '../discover';
import { digest } from '../hash';
import { type Choice, type Citation, type GeneratedQuestion, type QuestionType } from '../question-types';
import { type AnalysedSource, type Sentence } from '../types';

export interface QuestionCorpus {
	/** the course file's knowledge, with the names found in the texts */
	knowledge: CourseKnowledge;
	analysed: readonly AnalysedSource[];
	sentences: readonly Sentence[];
	/** contested spans by sentence id: never blanked, never stated as true */
	disputed: ReadonlyMap<string, readonly { start: number; end: number }[]>;
	/** every number value the corpus mentions: never a distractor for another count */
	numbers: ReadonlySet<number>;
	/** people named in the corpus without a glossary entry (new sources) */
	otherPeople: readonly string[];
	/** places named in so many sentences that they are the course's premise, not a fact to test */
	premise: ReadonlySet<string>;
}

export const BLANK = '_____';

export function buildCorpus(analysed: readonly AnalysedSource[], disputed: QuestionCorpus['disputed'], knowledge: CourseKnowledge): QuestionCorpus {
	const sentences = analysed.flatMap((a) => a.sentences);
	const numbers = new Set<number>();
	const otherPeople = new Set<string>();
	for (const sentence of sentences)
		for (const entity of sentence.entities) {
			if (entity.value !== undefined && ['cardinal', 'money', 'percent'].includes(entity.type)) numbers.add(entity.value);
			if (entity.type === 'person' && !entity.glossaryId && entity.text.includes(' ')) otherPeople.add(entity.text);
		}
	const placeMentions = new Map<string, number>();
	for (const sentence of sentences)
		for (const id of new Set(sentence.entities.filter((e) => e.type === 'place' && e.glossaryId).map((e) => e.glossaryId!)))
			placeMentions.set(id, (placeMentions.get(id) ?? 0) + 1);
	// "FACT SHEET: Biden-Harris Administration's Ongoing Efforts…": a body a text's own title names found in it is its author or subject, not a fact in it
	const titled = knowledge.glossary.filter((e) => isFound(e.id) && e.kind === 'organisation' && analysed.some((a) => e.aliases.some((alias) => alias.length > 3 && a.source.title.includes(alias)))).map((e) => e.id);
	const premise = new Set([...knowledge.policies.premise, ...titled, ...[...placeMentions].filter(([, n]) => n > sentences.length * 0.1).map(([id]) => id)]);
	return { knowledge, analysed, sentences, disputed, numbers, otherPeople: [...otherPeople].sort(), premise };
}

/** Deterministic pick: rank candidates by a hash of the seed, never by Math.random. */
export function rankBy<T>(items: readonly T[], seed: string, key: (item: T) => string): T[] {
	return [...items].sort((a, b) => digest([seed, key(a)]).localeCompare(digest([seed, key(b)])));
}

export function choices(texts: string[], seed: string): Choice[] {
	return rankBy(texts, seed, (t) => t).map((text) => ({ id: `o-${digest([seed, text], 8)}`, text }));
}

export function sourceTitle(corpus: QuestionCorpus, sourceId: string): string {
	return corpus.analysed.find((a) => a.source.id === sourceId)?.source.title ?? sourceId;
}

export function quoteExplanation(corpus: QuestionCorpus, sentences: readonly Sentence[], lead = ''): string {
	const quotes = sentences.map((s) => `“${s.text}” (${sourceTitle(corpus, s.sourceId)})`).join(' ');
	return `${lead}${lead ? ' ' : ''}The source says: ${quotes}`;
}

export function questionId(lessonId: string, type: QuestionType, citations: Citation[], answerKey: string): string {
	return `q-${digest([lessonId, type, ...citations.map((c) => c.sentenceId), answerKey], 14)}`;
}

export interface Draft extends Omit<GeneratedQuestion, 'objectiveId'> {
	/** text the objective is chosen by */
	topicText: string;
}
