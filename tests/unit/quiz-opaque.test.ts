import { describe, expect, it } from 'vitest';
import { mapResponseIds, opaqueQuestion, publicQuestionId } from '../../src/lib/quiz/opaque';
import type { QuestionPrompt } from '../../src/lib/content/question-types';

const KEY = new Uint8Array(32).fill(1);
const OTHER_KEY = new Uint8Array(32).fill(2);
const choice: QuestionPrompt = {
	type: 'multiple_choice',
	stem: 'Which agency ran Project Gunrunner?',
	options: ['o-aaaa', 'o-bbbb', 'o-cccc'].map((id, i) => ({ id, text: `Option ${i}` }))
};
const ordering: QuestionPrompt = { type: 'ordering', stem: 'Earliest first', items: ['i-1', 'i-2', 'i-3'].map((id) => ({ id, text: id })) };

describe('the ids a quiz page shows', () => {
	it('replace every content id, keep texts and order, and map back', () => {
		const shown = opaqueQuestion(choice, 'q-content', KEY, 'attempt-1', 3);
		if (shown.prompt.type !== 'multiple_choice') throw new Error('type changed');
		expect(shown.prompt.options.map((o) => o.text)).toEqual(['Option 0', 'Option 1', 'Option 2']);
		for (const [i, option] of shown.prompt.options.entries()) {
			expect(option.id).toMatch(/^o-[\w-]{16}$/);
			expect(JSON.stringify(shown)).not.toContain(choice.options[i].id);
			expect(shown.toContentId(option.id)).toBe(choice.options[i].id);
			expect(shown.toPublicId(choice.options[i].id)).toBe(option.id);
		}
		expect(shown.questionId).toBe(publicQuestionId(KEY, 'attempt-1', 3, 'q-content'));
		expect(shown.questionId).not.toContain('content');
		expect(shown.toContentId('o-aaaa')).toBeUndefined();
	});

	it('differ between installations, attempts and positions, and are stable within one', () => {
		const ids = (key: Uint8Array, attempt: string, position: number) => {
			const shown = opaqueQuestion(ordering, 'q-content', key, attempt, position);
			return [shown.questionId, ...(shown.prompt.type === 'ordering' ? shown.prompt.items.map((i) => i.id) : [])];
		};
		const base = ids(KEY, 'attempt-1', 1);
		expect(ids(KEY, 'attempt-1', 1)).toEqual(base);
		for (const other of [ids(OTHER_KEY, 'attempt-1', 1), ids(KEY, 'attempt-2', 1), ids(KEY, 'attempt-1', 2)]) {
			for (const id of other) expect(base).not.toContain(id);
		}
	});

	it('map responses between page ids and content ids, refusing ids the page did not show', () => {
		const shown = opaqueQuestion(ordering, 'q-content', KEY, 'attempt-1', 1);
		if (shown.prompt.type !== 'ordering') throw new Error('type changed');
		const pageOrder = shown.prompt.items.map((i) => i.id).reverse();
		expect(mapResponseIds({ type: 'ordering', order: pageOrder }, shown.toContentId)).toEqual({ type: 'ordering', order: ['i-3', 'i-2', 'i-1'] });
		expect(mapResponseIds({ type: 'ordering', order: ['i-3', 'i-2', 'i-1'] }, shown.toContentId)).toBeNull();
		expect(mapResponseIds({ type: 'numeric', value: 4 }, shown.toContentId)).toEqual({ type: 'numeric', value: 4 });
	});
});
