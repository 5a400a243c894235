import { digest } from '../hash';
import { type TimelineEvent } from '../types';
import { type Draft, type QuestionCorpus, questionId, rankBy } from './corpus';
import { earlierSentences, notStandingAlone } from './stands-alone';
import { sourceDatesOtherwise } from './blanks';

/** Events fit for ordering: not contested, one year per sentence, no date left in the text (it would give the order away). */
/**
 * "Truman issued Proclamation 2685, titled "Removal of Alien Enemies", citing the revised Act (…) as to
 * powers of the President…": a long event keeps its main clause; a trailing participle or relative
 * clause is detail, not the event.
 */
export function shortenEvent(text: string): string {
	if (text.length <= 160) return text;
	const cut = /,\s+(?:\p{Ll}+ing|which|who|whose|where|as well as|including)\b/u.exec(text.slice(40));
	return cut ? `${text.slice(0, 40 + cut.index).replace(/[,;:\s]+$/, '')}.` : text;
}

export function orderable(events: readonly TimelineEvent[], corpus: QuestionCorpus): TimelineEvent[] {
	const kept: TimelineEvent[] = [];
	for (const whole of events) {
		const event = { ...whole, text: shortenEvent(whole.text) };
		if (corpus.disputed.has(event.citation.sentenceId)) continue;
		const sentence = corpus.sentences.find((s) => s.id === event.citation.sentenceId)!;
		// "Ellis Island continued to incarcerate…": a state that lasted is no point in time to order
		if (/\b(?:continued|continues|continuing|still|remained|remains|until|ongoing)\b/i.test(event.text)) continue;
		// "Proclamation 2655" and "Proclamation 2662", titled alike: their order is only their numbering
		const shape = (text: string) => text.replace(/\d+/g, '#').replace(/^(?:President|Senator|Governor|General)\s+/, '');
		if (kept.some((k) => shape(k.text) === shape(event.text))) continue;
		// "Beginning in 1969, …" where the source dates the same thing 1967 elsewhere: no order to rely on
		if (sourceDatesOtherwise(sentence, event.year, sentence.statement.replace(event.dateText, ''), corpus.sentences)) continue;
		// each event is read alone, as a quiz stem is
		if (notStandingAlone({ ...sentence, statement: event.text }, earlierSentences(sentence, corpus.analysed))) continue;
		const years = new Set(sentence.entities.filter((e) => e.year !== undefined).map((e) => e.year));
		if (years.size > 1 || event.text.length > 220 || /\b(1[5-9]|20)\d{2}\b/.test(event.text)) continue;
		// "… ended, and with Japan in August": a second date left in the text makes two events of one
		if (/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(event.text)) continue;
		// two events of one year are ordered only by their months: "June 2011" against "2011" would be a guess
		const clash = kept.some((k) => k.year === event.year && (k.month === undefined || event.month === undefined || k.month === event.month));
		if (!clash) kept.push(event);
	}
	return kept.sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
}

export function orderingDraft(lessonId: string, group: readonly TimelineEvent[], ownYears: ReadonlySet<number>): Draft {
	const citations = group.map((e) => e.citation);
	const id = questionId(lessonId, 'ordering', citations, group.map((e) => e.id).join(','));
	const items = group.map((e) => ({ id: `i-${digest([id, e.id], 8)}`, text: e.text }));
	return {
		id, lessonId, type: 'ordering',
		prompt: { type: 'ordering', stem: 'Put these events in order, earliest first.', items: rankBy(items, id, (i) => i.id) },
		answer: { type: 'ordering', order: items.map((i) => i.id) },
		explanation: `In order: ${group.map((e) => `${e.dateText}: ${e.text}`).join(' ')} The sources: ${group.map((e) => `“${e.citation.text}”`).join(' ')}`,
		citations, topicText: group.filter((e) => ownYears.has(e.year)).map((e) => e.text).join(' ')
	};
}

/**
 * Up to two ordering items per lesson, each of three or four events: the lesson's own events, and
 * where it has fewer than three, events of its own topic from other lessons' sentences (ones the
 * lesson's keywords name), nearest in time; never events of unrelated topics. At least two events
 * of each item are the lesson's own; the second set differs from the first.
 */
export function orderingQuestions(
	lessonId: string,
	events: readonly TimelineEvent[],
	corpus: QuestionCorpus,
	topicEvents: readonly TimelineEvent[] = [],
	conflicts: (event: TimelineEvent) => boolean = () => false
): Draft[] {
	const fit = orderable(events, corpus);
	// events no other question asks about, when there are enough of them
	const free = fit.filter((e) => !conflicts(e));
	const own = free.length >= 3 ? free : fit;
	if (own.length < 2) return [];
	const ownYears = new Set(own.map((e) => e.year));
	const others = orderable(topicEvents, corpus).filter((e) => !ownYears.has(e.year));
	const middle = (own[0].year + own[own.length - 1].year) / 2;
	const nearest = [...others].sort((a, b) => Math.abs(a.year - middle) - Math.abs(b.year - middle) || a.year - b.year);
	const build = (mine: TimelineEvent[], fillFrom: TimelineEvent[]) =>
		[...mine, ...fillFrom.filter((e) => !mine.some((m) => m.year === e.year)).slice(0, Math.max(0, (mine.length >= 3 ? mine.length : 3) - mine.length))].sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
	const first = build(own.slice(0, 4), nearest);
	const drafts: Draft[] = [];
	if (first.length >= 3) drafts.push(orderingDraft(lessonId, first, ownYears));
	const unused = nearest.filter((e) => !first.includes(e));
	const second = build(own.length > 4 ? own.slice(-4) : own.slice(1), [...unused, ...nearest]);
	const sameSet = second.length === first.length && second.every((e) => first.includes(e));
	if (second.length >= 3 && !sameSet && second.filter((e) => own.includes(e)).length >= 2) drafts.push(orderingDraft(lessonId, second, ownYears));
	return drafts;
}
