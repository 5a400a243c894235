import { describe, expect, it } from 'vitest';
import { gradeCheck, presentCheck, type CheckQuestion } from '../../src/lib/server/content/lesson-checks';
import type { QuestionAnswer, QuestionPrompt } from '../../src/lib/content/question-types';

const key = new Uint8Array(32).fill(7);
const stored: QuestionPrompt = {
	type: 'multiple_choice',
	stem: 'Which year completes this statement? The ATF began the project in _____.',
	options: [
		{ id: 'a', text: '2004' },
		{ id: 'b', text: '2005' },
		{ id: 'c', text: '2006' }
	]
};
const answer: QuestionAnswer = { type: 'multiple_choice', correctOptionId: 'b' };
const shown = presentCheck(key, 'origins', 'q-1', stored, answer);
/** the page's id of the option with this text */
const option = (text: string) => (shown.prompt.type === 'multiple_choice' ? shown.prompt.options.find((o) => o.text === text)!.id : '');

const question: CheckQuestion = {
	...shown,
	lessonId: 'origins',
	sectionId: 'section-growth',
	type: 'multiple_choice',
	answer,
	citations: [
		{ sourceId: 'src', sentenceId: 's1', text: 'The ATF began the project in 2005.', label: 'Source, History', sourceNumber: 1 },
		{ sourceId: 'src', sentenceId: 's1', text: 'The ATF began the project in 2005.', label: 'Source, History', sourceNumber: 1 }
	]
};
const form = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('check yourself grading', () => {
	it('marks a right answer right and shows the cited sentence once', () => {
		const outcome = gradeCheck(question, form({ q1: option('2005') }));
		expect(outcome).toMatchObject({ kind: 'graded', correct: true, given: '2005', answer: '2005', values: { q1: option('2005') } });
		expect(outcome.kind === 'graded' && outcome.citations.map((c) => c.sentenceId)).toEqual(['s1']);
	});

	it('says what was answered and what the answer is when it is wrong', () => {
		expect(gradeCheck(question, form({ q1: option('2006') }))).toMatchObject({ kind: 'graded', correct: false, given: '2006', answer: '2005' });
	});

	it('refuses no answer, an option that is not offered and an unknown question, with a message', () => {
		expect(gradeCheck(question, form({}))).toMatchObject({ kind: 'refused', message: 'Choose or type an answer first.' });
		expect(gradeCheck(question, form({ q1: 'z' }))).toMatchObject({ kind: 'refused', message: 'That option is not one of the choices.' });
		// the stored option id is not an id the page knows
		expect(gradeCheck(question, form({ q1: 'b' }))).toMatchObject({ kind: 'refused' });
		expect(gradeCheck(undefined, form({ q1: option('2005') }))).toEqual({ kind: 'unknown' });
	});

	it('shows the options in the same order every time, without the answer or any stored id', () => {
		const again = presentCheck(key, 'origins', 'q-1', stored, answer);
		expect(again.prompt).toEqual(shown.prompt);
		expect(again.id).toBe(shown.id);
		const page = JSON.stringify({ id: shown.id, prompt: shown.prompt });
		expect(page).not.toContain('correct');
		expect(page).not.toContain('q-1');
		expect(shown.prompt.type === 'multiple_choice' && shown.prompt.options.map((o) => o.id)).not.toContain('b');
		expect(shown.prompt.type === 'multiple_choice' && shown.prompt.options.map((o) => o.text).sort()).toEqual(['2004', '2005', '2006']);
		// another installation's key gives other ids
		expect(presentCheck(new Uint8Array(32).fill(8), 'origins', 'q-1', stored, answer).id).not.toBe(shown.id);
	});
});
