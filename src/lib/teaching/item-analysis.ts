import type { QuestionPrompt, QuestionResponse } from '../content/question-types';
import { describeResponse } from '../quiz/describe';
import { discriminationIndex, facilityIndex, itemFlags, type ItemFlag } from '../stats';

/** One graded answer of an analysed attempt. */
export interface AnalysedAnswer {
	attemptId: string;
	questionId: string;
	fraction: number;
	response: QuestionResponse | null;
	/** the attempt's total: the sum of its answers' fractions */
	attemptTotal: number;
}

export interface ItemStatistics {
	questionId: string;
	attempts: number;
	facility: number | null;
	discrimination: number | null;
	flags: ItemFlag[];
	/** choices in the question's own order with how often each was picked; typed answers by frequency */
	responses: { label: string; count: number; correct: boolean }[];
}

/**
 * Moodle-style statistics per question over the given attempts. `prompt(questionId)` gives the
 * wording to label options; `isRight(questionId, label)` is not needed: a response counts as
 * correct when its fraction is 1.
 */
export function analyseItems(answers: readonly AnalysedAnswer[], prompt: (questionId: string) => QuestionPrompt): ItemStatistics[] {
	const byQuestion = new Map<string, AnalysedAnswer[]>();
	for (const a of answers) {
		const list = byQuestion.get(a.questionId);
		if (list) list.push(a);
		else byQuestion.set(a.questionId, [a]);
	}
	return [...byQuestion.entries()].map(([questionId, list]) => {
		const observations = list.map((a) => ({ itemScore: a.fraction, totalScore: a.attemptTotal }));
		const facility = facilityIndex(observations);
		const discrimination = discriminationIndex(observations);
		return { questionId, attempts: list.length, facility, discrimination, flags: itemFlags(facility, discrimination), responses: responseCounts(prompt(questionId), list) };
	});
}

function responseCounts(p: QuestionPrompt, list: readonly AnalysedAnswer[]) {
	const counts = new Map<string, { label: string; count: number; correct: boolean }>();
	// every option is listed, even one nobody chose
	if (p.type === 'multiple_choice' || p.type === 'attribution') for (const o of p.options) counts.set(o.id, { label: o.text, count: 0, correct: false });
	if (p.type === 'true_false') for (const v of ['True', 'False']) counts.set(v, { label: v, count: 0, correct: false });
	for (const a of list) {
		const r = a.response;
		const key = !r ? '\u0000blank' : r.type === 'multiple_choice' || r.type === 'attribution' ? r.optionId : describeResponse(p, r);
		const entry = counts.get(key) ?? { label: r ? describeResponse(p, r) : 'No answer', count: 0, correct: false };
		entry.count += 1;
		if (a.fraction >= 1) entry.correct = true;
		counts.set(key, entry);
	}
	const entries = [...counts.values()];
	return p.type === 'multiple_choice' || p.type === 'attribution' || p.type === 'true_false' ? entries : entries.sort((x, y) => y.count - x.count).slice(0, 8);
}
