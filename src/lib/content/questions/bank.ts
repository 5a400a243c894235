import { topicScore } from '../routing';
import { type OutlineLesson } from '../course';
import { type LessonPlan, extractTimeline } from '../lessons';
import { type GeneratedQuestion, type QuestionType } from '../question-types';
import { type Sentence, type TimelineEvent } from '../types';
import { containsNormalised } from '../question-filters';
import { attributionQuestions } from './attribution';
import { type Blank, blanksOf } from './blanks';
import { type Draft, type QuestionCorpus } from './corpus';
import { fillBlank, multipleChoice, numeric, trueFalse } from './fact-items';
import { orderingQuestions } from './ordering';
import { earlierSentences, notStandingAlone } from './stands-alone';

// a lesson's bank

export const FACT_ROTATION: Record<Blank['kind'], QuestionType[]> = {
	money: ['multiple_choice', 'true_false'],
	number: ['numeric', 'multiple_choice', 'true_false'],
	percent: ['numeric', 'multiple_choice'],
	year: ['multiple_choice', 'fill_blank', 'true_false'],
	// no true/false for people: a swapped name keeps the real person's title ("Secretary Drew Wade")
	person: ['multiple_choice', 'fill_blank'],
	// names are never swapped into a false statement (the sources would merely not say it), and a
	// true statement is asked only beside a number or a year, so true and false stay balanced
	organisation: ['multiple_choice', 'fill_blank'],
	place: ['multiple_choice', 'fill_blank'],
	program: ['multiple_choice', 'fill_blank'],
	// a law's full title is too long to type from memory: chosen, not typed
	law: ['multiple_choice'],
	// "semi-automatic assault rifles" has many spellings: chosen, not typed
	term: ['multiple_choice']
};

export function chooseObjective(outline: OutlineLesson, draft: Draft, counts: Map<string, number>): string {
	let best = '';
	let bestScore = 0;
	for (const objective of outline.objectives) {
		// a "who said it" item belongs, among equals, to an objective about comparing claims
		const score =
			objective.keywords.filter((k) => draft.topicText.toLowerCase().includes(k.toLowerCase())).length +
			(draft.type === 'attribution' && /\bclaims\b/.test(objective.text) ? 0.5 : 0);
		// on a tie, the objective with fewer questions so far: coverage spreads over the objectives
		if (score > bestScore || (score > 0 && score === bestScore && (counts.get(objective.id) ?? 0) < (counts.get(best) ?? 0))) {
			best = objective.id;
			bestScore = score;
		}
	}
	if (best) return best;
	if (outline.objectives.some((o) => o.id === 'claims') && draft.type === 'attribution') return 'claims';
	// no keyword: the objective with the fewest questions so far
	return [...outline.objectives].sort((a, b) => (counts.get(a.id) ?? 0) - (counts.get(b.id) ?? 0))[0].id;
}

/**
 * Organisations and programs named in more than two fifths of a lesson's sentences ("the ATF" in
 * the origins lesson): the lesson's own premise. Asked as a blank, the quiz's other stems would
 * name the answer again and again.
 */
export function namesThroughout(sentences: readonly Sentence[]): Set<string> {
	const mentions = new Map<string, number>();
	for (const sentence of sentences)
		for (const id of new Set(sentence.entities.filter((e) => (e.type === 'organisation' || e.type === 'program') && e.glossaryId).map((e) => e.glossaryId!)))
			mentions.set(id, (mentions.get(id) ?? 0) + 1);
	return new Set([...mentions].filter(([, n]) => n > sentences.length * 0.4).map(([id]) => id));
}

/**
 * A lesson keeps at least this many other questions when its ordering questions take their
 * sentences: a quiz's length (QUIZ_LENGTH in the quiz module), so a full quiz can still be drawn.
 */
const MIN_FOR_ORDERING = 10;

/** The smallest bank a lesson gets: enough for a varied quiz. */
export const MIN_PER_LESSON = 20;
export const MIN_TYPES = 4;
export const MIN_PER_OBJECTIVE = 2;

/**
 * A lesson's bank, varied by sentence: each sentence first gives one item (its best fact, or who
 * said it), and a second or third item of the same sentence is added only while the lesson still
 * lacks questions, types or objectives; a true/false beside a blank of the same sentence would
 * give one answer away.
 */
export function generateLessonQuestions(plan: LessonPlan, corpus: QuestionCorpus): GeneratedQuestion[] {
	const lessonId = plan.outline.id;
	const lessonPremise = namesThroughout(plan.sentences);
	const perSentence: Draft[][] = [];
	const rotation = new Map<Blank['kind'], number>();
	let tfCount = 0;
	for (const sentence of plan.sentences) {
		// a stem is read with nothing around it: a sentence that leans on another is not asked
		const spoken = corpus.analysed.some((a) => a.source.id === sentence.sourceId && a.speech);
		if (notStandingAlone(sentence, earlierSentences(sentence, corpus.analysed), spoken)) continue;
		const blanks = blanksOf(sentence, corpus, lessonPremise).slice(0, 3);
		const facts: Draft[][] = blanks.map((blank) => {
			const turn = rotation.get(blank.kind) ?? 0;
			const types = FACT_ROTATION[blank.kind];
			const made: Draft[] = [];
			for (let k = 0; k < types.length; k++) {
				const type = types[(turn + k) % types.length];
				const draft =
					type === 'multiple_choice' ? multipleChoice(lessonId, blank, corpus)
					: type === 'fill_blank' ? fillBlank(lessonId, blank, corpus)
					: type === 'numeric' ? numeric(lessonId, blank, corpus)
					: trueFalse(lessonId, blank, corpus, tfCount % 2 === 0);
				if (!draft) continue;
				if (type === 'true_false') tfCount++;
				made.push(draft);
			}
			if (made.length) rotation.set(blank.kind, turn + 1);
			return made;
		});
		const attributions = attributionQuestions(lessonId, sentence, corpus, plan.sentences);
		// best fact first, then who said it, then the other blanks and types
		const ordered: Draft[] = [];
		if (facts[0]?.[0]) ordered.push(facts[0][0]);
		ordered.push(...attributions);
		for (let k = 0; k < 3; k++) for (const list of facts) if (list[k] && !ordered.includes(list[k])) ordered.push(list[k]);
		if (ordered.length) perSentence.push(ordered);
	}

	const chosen = new Map<string, Draft>();
	const counts = new Map<string, number>();
	const typeCounts = new Map<QuestionType, number>();
	const objectiveOf = new Map<string, string>();
	const add = (draft: Draft) => {
		if (chosen.has(draft.id)) return;
		const objectiveId = chooseObjective(plan.outline, draft, counts);
		chosen.set(draft.id, draft);
		objectiveOf.set(draft.id, objectiveId);
		counts.set(objectiveId, (counts.get(objectiveId) ?? 0) + 1);
		typeCounts.set(draft.type, (typeCounts.get(draft.type) ?? 0) + 1);
	};
	for (const list of perSentence) add(list[0]);
	// events of the lesson's own topic elsewhere in the course: sentences its keywords name
	const inPlan = new Set(plan.sentences.map((s) => s.id));
	// (from the sources this lesson draws on: a keyword shared with a text on another subject is no shared topic)
	const planSources = new Set(plan.sentences.map((s) => s.sourceId));
	const topicEvents = plan.generated ? [] : extractTimeline(corpus.sentences.filter((s) => !inPlan.has(s.id) && planSources.has(s.sourceId) && topicScore(s, plan.outline) >= 1), corpus.knowledge);
	// an ordering question whose events another question asks about, or whose text shows another's answer,
	// could never share a quiz with it: events free of both are preferred, so it is drawn at all
	const askedSentences = new Set([...chosen.values()].flatMap((d) => d.citations.map((c) => c.sentenceId)));
	const shownAnswers = [...chosen.values()].flatMap((d) => answerTexts(d)).filter((a) => a.length >= 3);
	const conflicts = (event: TimelineEvent) => askedSentences.has(event.citation.sentenceId) || shownAnswers.some((a) => containsNormalised(event.text, a));
	const orderings = orderingQuestions(lessonId, extractTimeline(plan.sentences, corpus.knowledge), corpus, topicEvents, conflicts);
	for (const draft of orderings) add(draft);
	// the sentences an ordering question puts in order are its own: a fact question on one of them, or
	// one whose answer its events show, could never share a quiz with it, so the ordering question would
	// never be drawn; such questions leave the bank while it keeps enough without them
	const spent = new Set(orderings.flatMap((o) => o.citations.map((c) => c.sentenceId)));
	const eventTexts = orderings.flatMap((o) => (o.prompt.type === 'ordering' ? o.prompt.items.map((i) => i.text) : []));
	const givenAway = (d: Draft) => d.type !== 'ordering' && (d.citations.some((c) => spent.has(c.sentenceId)) || answerTexts(d).some((a) => a.length >= 3 && eventTexts.some((t) => containsNormalised(t, a))));
	const displaced = [...chosen.values()].filter(givenAway);
	// (counting every question the lesson's sentences offer, not only the first of each: the rounds below fill the bank from them)
	const leftWithout = new Set([...chosen.values(), ...perSentence.flat()].filter((d) => d.type !== 'ordering' && !givenAway(d)).map((d) => d.id)).size;
	if (orderings.length && leftWithout >= MIN_FOR_ORDERING) {
		for (const d of displaced) {
			chosen.delete(d.id);
			const objectiveId = objectiveOf.get(d.id)!;
			counts.set(objectiveId, counts.get(objectiveId)! - 1);
			typeCounts.set(d.type, typeCounts.get(d.type)! - 1);
			if (typeCounts.get(d.type) === 0) typeCounts.delete(d.type);
			objectiveOf.delete(d.id);
		}
		for (const list of perSentence) for (let k = list.length - 1; k >= 0; k--) if (givenAway(list[k])) list.splice(k, 1);
	}
	const lacking = () =>
		chosen.size < MIN_PER_LESSON || typeCounts.size < MIN_TYPES || plan.outline.objectives.some((o) => (counts.get(o.id) ?? 0) < MIN_PER_OBJECTIVE);
	for (let round = 1; round < 6 && lacking(); round++) {
		for (const list of perSentence) {
			const draft = list[round];
			if (!draft || !lacking()) continue;
			const objectiveId = chooseObjective(plan.outline, draft, counts);
			const helps =
				chosen.size < MIN_PER_LESSON || !typeCounts.has(draft.type) || (counts.get(objectiveId) ?? 0) < MIN_PER_OBJECTIVE;
			if (helps) add(draft);
		}
	}
	// an item that fits two objectives equally well moves to one that is short of questions
	for (const objective of plan.outline.objectives) {
		for (const draft of chosen.values()) {
			if ((counts.get(objective.id) ?? 0) >= MIN_PER_OBJECTIVE) break;
			const current = objectiveOf.get(draft.id)!;
			if (current === objective.id || (counts.get(current) ?? 0) <= MIN_PER_OBJECTIVE) continue;
			const score = (o: OutlineLesson['objectives'][number]) => o.keywords.filter((k) => draft.topicText.toLowerCase().includes(k.toLowerCase())).length;
			const currentObjective = plan.outline.objectives.find((o) => o.id === current)!;
			if (score(objective) === 0 || score(objective) < score(currentObjective)) continue;
			objectiveOf.set(draft.id, objective.id);
			counts.set(current, counts.get(current)! - 1);
			counts.set(objective.id, (counts.get(objective.id) ?? 0) + 1);
		}
	}
	return [...chosen.values()].map(({ topicText: _topic, ...rest }) => ({ ...rest, objectiveId: objectiveOf.get(rest.id)! }));
}

/** The words a learner would carry from one question to another: the correct option, the accepted answers, the number. */
function answerTexts(draft: Draft): string[] {
	const { prompt, answer } = draft;
	if ((answer.type === 'multiple_choice' || answer.type === 'attribution') && (prompt.type === 'multiple_choice' || prompt.type === 'attribution'))
		return prompt.options.filter((o) => o.id === answer.correctOptionId).map((o) => o.text);
	if (answer.type === 'fill_blank') return answer.accepted;
	if (answer.type === 'numeric') return [String(answer.value)];
	if (answer.type === 'true_false' && answer.fact) return [answer.fact];
	return [];
}
