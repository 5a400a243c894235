import type { QuestionAnswer, QuestionPrompt } from '../content/question-types';
import { keyedSeed, type OpaqueKey } from './opaque';
import { seededShuffle } from './random';

/**
 * The prompt as this attempt shows it: options and items in an order derived from the attempt's
 * seed and the question's position, keyed with the installation's secret (the generated order is a
 * function of the question's content id, so an unkeyed shuffle of it could be replayed). Uses the answer only to avoid showing an ordering question
 * already solved; the answer itself is never part of the result.
 */
export function presentPrompt(
	prompt: QuestionPrompt,
	seed: number,
	position: number,
	key: OpaqueKey,
	answer?: QuestionAnswer
): QuestionPrompt {
	const partSeed = keyedSeed(key, seed, `question-${position}`);
	switch (prompt.type) {
		case 'multiple_choice':
		case 'attribution':
			return { ...prompt, options: seededShuffle(prompt.options, partSeed) };
		case 'ordering': {
			let items = seededShuffle(prompt.items, partSeed);
			const order = answer?.type === 'ordering' ? answer.order : undefined;
			// left untouched, the shown order is the learner's answer: never let that be the right one
			if (order && items.length > 1 && items.every((item, i) => item.id === order[i])) {
				items = [...items.slice(1), items[0]];
			}
			return { ...prompt, items };
		}
		default:
			return prompt;
	}
}
