import { describe, expect, it } from 'vitest';
import { gradeCheck, presentCheck, type CheckQuestion } from '../../src/lib/server/content/lesson-checks';

const question: CheckQuestion = {
	id: 'q-1',
	lessonId: 'origins',
	sectionId: 'section-growth',
	type: 'multiple_choice',
	prompt: {
		type: 'multiple_choice',
		stem: 'Which year completes this statement? The ATF began the project in _____.',
		options: [
			{ id: 'a', text: '2004' },
			{ id: 'b', text: '2005' },
			{ id: 'c', text: '2006' }
		]
	},
	answer: { type: 'multiple_choice', correctOptionId: 'b' },
	citations: [
		{ sourceId: 'src', sentenceId: 's1', text: 'The ATF began the project in 2005.', label: 'Source, History', sourceNumber: 1 },
		{ sourceId: 'src', sentenceId: 's1', text: 'The ATF began the project in 2005.', label: 'Source, History', sourceNumber: 1 }
	]
};
const form = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('check yourself grading', () => {
	it('marks a right answer right and shows the cited sentence once', () => {
		const outcome = gradeCheck(question, form({ q1: 'b' }));
		expect(outcome).toMatchObject({ kind: 'graded', correct: true, given: '2005', answer: '2005', values: { q1: 'b' } });
		expect(outcome.kind === 'graded' && outcome.citations.map((c) => c.sentenceId)).toEqual(['s1']);
	});

	it('says what was answered and what the answer is when it is wrong', () => {
		expect(gradeCheck(question, form({ q1: 'c' }))).toMatchObject({ kind: 'graded', correct: false, given: '2006', answer: '2005' });
	});

	it('refuses no answer, an option that is not offered and an unknown question, with a message', () => {
		expect(gradeCheck(question, form({}))).toMatchObject({ kind: 'refused', message: 'Choose or type an answer first.' });
		expect(gradeCheck(question, form({ q1: 'z' }))).toMatchObject({ kind: 'refused', message: 'That option is not one of the choices.' });
		expect(gradeCheck(undefined, form({ q1: 'b' }))).toEqual({ kind: 'unknown' });
	});

	it('shows the options in the same order every time, without the answer', () => {
		const shown = presentCheck(question.id, question.prompt, question.answer);
		expect(presentCheck(question.id, question.prompt, question.answer)).toEqual(shown);
		expect(JSON.stringify(shown)).not.toContain('correct');
		expect(shown.type === 'multiple_choice' && shown.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c']);
	});
});
