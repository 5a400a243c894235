import type { QuestionAnswer, QuestionPrompt, QuestionResponse } from '../content/question-types';

/** The learner's response in words, for the results page ("No answer" when left blank). */
export function describeResponse(prompt: QuestionPrompt, response: QuestionResponse | null): string {
	if (!response || response.type !== prompt.type) return 'No answer';
	switch (response.type) {
		case 'multiple_choice':
		case 'attribution':
			return optionText(prompt, response.optionId);
		case 'true_false':
			return response.value ? 'True' : 'False';
		case 'fill_blank':
			return response.text;
		case 'numeric':
			return withUnit(prompt, response.value);
		case 'ordering':
			return response.order.map((id) => optionText(prompt, id)).join(' → ');
	}
}

/** The correct answer in words (after submission only). */
export function describeAnswer(prompt: QuestionPrompt, answer: QuestionAnswer): string {
	switch (answer.type) {
		case 'multiple_choice':
		case 'attribution':
			return optionText(prompt, answer.correctOptionId);
		case 'true_false':
			return answer.correct ? 'True' : 'False';
		case 'fill_blank':
			return answer.accepted[0] ?? '';
		case 'numeric':
			return answer.tolerance > 0
				? `${withUnit(prompt, answer.value)} (within ${answer.tolerance.toLocaleString('en-US')})`
				: withUnit(prompt, answer.value);
		case 'ordering':
			return answer.order.map((id) => optionText(prompt, id)).join(' → ');
	}
}

function optionText(prompt: QuestionPrompt, id: string): string {
	const choices = 'options' in prompt ? prompt.options : 'items' in prompt ? prompt.items : [];
	return choices.find((c) => c.id === id)?.text ?? id;
}

function withUnit(prompt: QuestionPrompt, value: number): string {
	const unit = prompt.type === 'numeric' && prompt.unit ? ` ${prompt.unit}` : '';
	return `${value.toLocaleString('en-US')}${unit}`;
}

/** Where a citation's sentence is shown in its source. */
export function citationHref(citation: { sourceId: string; sentenceId: string }, fromLessonId?: string): string {
	const s = encodeURIComponent(citation.sentenceId);
	// `from` gives the source viewer a link back to the lesson the learner came from
	const from = fromLessonId ? `&from=${encodeURIComponent(fromLessonId)}` : '';
	return `/sources/${encodeURIComponent(citation.sourceId)}?s=${s}${from}#s-${s}`;
}

/** Each cited sentence once, in the order first cited (an ordering question may cite one twice). */
export function distinctCitations<C extends { sourceId: string; sentenceId: string }>(citations: readonly C[]): C[] {
	const seen = new Set<string>();
	return citations.filter((c) => {
		const key = `${c.sourceId}#${c.sentenceId}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
