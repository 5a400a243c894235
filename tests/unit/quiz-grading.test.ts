import { describe, expect, it } from 'vitest';
import { gradeResponse, scoreAttempt } from '../../src/lib/quiz/grade';
import { parseNumber, readResponse, responseFieldValues } from '../../src/lib/quiz/responses';
import { citationHref, describeAnswer, describeResponse } from '../../src/lib/quiz/describe';
import type { QuestionPrompt } from '../../src/lib/content/question-types';

describe('grading each question type', () => {
	it('multiple choice and attribution: the correct option only', () => {
		expect(gradeResponse({ type: 'multiple_choice', correctOptionId: 'b' }, { type: 'multiple_choice', optionId: 'b' })).toBe(1);
		expect(gradeResponse({ type: 'multiple_choice', correctOptionId: 'b' }, { type: 'multiple_choice', optionId: 'a' })).toBe(0);
		expect(gradeResponse({ type: 'attribution', correctOptionId: 'nbc' }, { type: 'attribution', optionId: 'nbc' })).toBe(1);
		expect(gradeResponse({ type: 'attribution', correctOptionId: 'nbc' }, { type: 'attribution', optionId: 'tpm' })).toBe(0);
	});

	it('true/false', () => {
		expect(gradeResponse({ type: 'true_false', correct: false }, { type: 'true_false', value: false })).toBe(1);
		expect(gradeResponse({ type: 'true_false', correct: false }, { type: 'true_false', value: true })).toBe(0);
	});

	it('fill in the blank tolerates case, punctuation, articles and thousands separators', () => {
		const answer = { type: 'fill_blank' as const, accepted: ['eTrace', 'e-Trace'] };
		expect(gradeResponse(answer, { type: 'fill_blank', text: ' ETRACE. ' })).toBe(1);
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'the e-trace' })).toBe(1);
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'trace' })).toBe(0);
		expect(gradeResponse(answer, { type: 'fill_blank', text: '' })).toBe(0);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['1,856'] }, { type: 'fill_blank', text: '1856' })).toBe(1);
	});

	it('fill in the blank takes a national body with or without its country ("U.S. Supreme Court" for "Supreme Court")', () => {
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Supreme Court'] }, { type: 'fill_blank', text: 'the U.S. Supreme Court' })).toBe(1);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['U.S. Government Accountability Office'] }, { type: 'fill_blank', text: 'Government Accountability Office' })).toBe(1);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Supreme Court'] }, { type: 'fill_blank', text: 'United States Supreme Court' })).toBe(1);
		// the country alone is not the body, and another body is not it
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Supreme Court'] }, { type: 'fill_blank', text: 'U.S.' })).toBe(0);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Supreme Court'] }, { type: 'fill_blank', text: 'U.S. District Court' })).toBe(0);
	});

	it('fill in the blank takes a body’s initials in capitals ("GAO" for "Government Accountability Office")', () => {
		const answer = { type: 'fill_blank' as const, accepted: ['Government Accountability Office'] };
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'GAO' })).toBe(1);
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'the GAO' })).toBe(1);
		// initials of other words, a lower-case guess and a short name's initials are not taken
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'GSA' })).toBe(0);
		expect(gradeResponse(answer, { type: 'fill_blank', text: 'gao' })).toBe(0);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Supreme Court'] }, { type: 'fill_blank', text: 'SC' })).toBe(0);
		expect(gradeResponse({ type: 'fill_blank', accepted: ['Office of Management and Budget'] }, { type: 'fill_blank', text: 'OMB' })).toBe(1);
	});

	it('numeric answers count within the tolerance', () => {
		const answer = { type: 'numeric' as const, value: 2000, tolerance: 50 };
		expect(gradeResponse(answer, { type: 'numeric', value: 2050 })).toBe(1);
		expect(gradeResponse(answer, { type: 'numeric', value: 1950 })).toBe(1);
		expect(gradeResponse(answer, { type: 'numeric', value: 2051 })).toBe(0);
		expect(gradeResponse({ type: 'numeric', value: 0.3, tolerance: 0 }, { type: 'numeric', value: 0.1 + 0.2 })).toBe(1);
	});

	it('ordering is all or nothing', () => {
		const answer = { type: 'ordering' as const, order: ['a', 'b', 'c'] };
		expect(gradeResponse(answer, { type: 'ordering', order: ['a', 'b', 'c'] })).toBe(1);
		expect(gradeResponse(answer, { type: 'ordering', order: ['a', 'c', 'b'] })).toBe(0);
		expect(gradeResponse(answer, { type: 'ordering', order: ['a', 'b'] })).toBe(0);
	});

	it('an unanswered question or a response of another type scores nothing', () => {
		expect(gradeResponse({ type: 'true_false', correct: true }, null)).toBe(0);
		expect(gradeResponse({ type: 'true_false', correct: true }, { type: 'fill_blank', text: 'true' })).toBe(0);
	});

	it('scores an attempt as a percentage with the number correct', () => {
		expect(scoreAttempt([1, 0, 1, 1, 0, 0, 1, 0, 0, 0])).toEqual({ score: 40, correctCount: 4 });
		expect(scoreAttempt([1, 1, 0])).toEqual({ score: 66.7, correctCount: 2 });
		expect(scoreAttempt([])).toEqual({ score: 0, correctCount: 0 });
	});
});

describe('reading responses from a form', () => {
	const choice: QuestionPrompt = { type: 'multiple_choice', stem: 'S', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] };
	const ordering: QuestionPrompt = {
		type: 'ordering',
		stem: 'S',
		items: [
			{ id: 'x', text: 'X' },
			{ id: 'y', text: 'Y' },
			{ id: 'z', text: 'Z' }
		]
	};
	const form = (values: Record<string, string>) => (name: string) => values[name] ?? null;

	it('reads an offered option and refuses one that is not offered', () => {
		expect(readResponse(choice, 2, form({ q2: 'b' }))).toEqual({ kind: 'answered', response: { type: 'multiple_choice', optionId: 'b' } });
		expect(readResponse(choice, 2, form({}))).toEqual({ kind: 'unanswered' });
		expect(readResponse(choice, 2, form({ q2: 'zz' })).kind).toBe('invalid');
	});

	it('reads true/false, trimmed text and numbers; refuses over-long text and non-numbers', () => {
		expect(readResponse({ type: 'true_false', stem: 'S', statement: 'T' }, 1, form({ q1: 'false' }))).toEqual({
			kind: 'answered',
			response: { type: 'true_false', value: false }
		});
		expect(readResponse({ type: 'true_false', stem: 'S', statement: 'T' }, 1, form({ q1: 'maybe' })).kind).toBe('invalid');
		expect(readResponse({ type: 'fill_blank', stem: '_____' }, 1, form({ q1: '  eTrace ' }))).toEqual({
			kind: 'answered',
			response: { type: 'fill_blank', text: 'eTrace' }
		});
		expect(readResponse({ type: 'fill_blank', stem: '_____' }, 1, form({ q1: '   ' }))).toEqual({ kind: 'unanswered' });
		expect(readResponse({ type: 'fill_blank', stem: '_____' }, 1, form({ q1: 'x'.repeat(201) })).kind).toBe('invalid');
		expect(readResponse({ type: 'numeric', stem: 'S' }, 1, form({ q1: '1,500' }))).toEqual({
			kind: 'answered',
			response: { type: 'numeric', value: 1500 }
		});
		expect(readResponse({ type: 'numeric', stem: 'S' }, 1, form({ q1: 'many' })).kind).toBe('invalid');
	});

	it('reads an ordering from position selects, refusing repeated or missing positions', () => {
		expect(readResponse(ordering, 4, form({ 'q4-x': '3', 'q4-y': '1', 'q4-z': '2' }))).toEqual({
			kind: 'answered',
			response: { type: 'ordering', order: ['y', 'z', 'x'] }
		});
		expect(readResponse(ordering, 4, form({ 'q4-x': '1', 'q4-y': '1', 'q4-z': '2' })).kind).toBe('invalid');
		expect(readResponse(ordering, 4, form({ 'q4-x': '1', 'q4-y': '2' })).kind).toBe('invalid');
		expect(readResponse(ordering, 4, form({ 'q4-x': '1', 'q4-y': '2', 'q4-z': '4' })).kind).toBe('invalid');
		expect(readResponse(ordering, 4, form({}))).toEqual({ kind: 'unanswered' });
	});

	it('turns a saved response back into the form values that show it', () => {
		const values = responseFieldValues(ordering, 4, { type: 'ordering', order: ['y', 'z', 'x'] });
		expect(values).toEqual({ 'q4-y': '1', 'q4-z': '2', 'q4-x': '3' });
		expect(readResponse(ordering, 4, form(values))).toEqual({ kind: 'answered', response: { type: 'ordering', order: ['y', 'z', 'x'] } });
	});

	it('parses numbers with separators, signs and units', () => {
		expect(parseNumber('2,000')).toBe(2000);
		expect(parseNumber('-2.5')).toBe(-2.5);
		expect(parseNumber('$40')).toBe(40);
		expect(parseNumber('1e9')).toBeNull();
		expect(parseNumber('')).toBeNull();
	});

	it('takes a number written in words, as the sources write small ones ("within three working days")', () => {
		expect(parseNumber('three')).toBe(3);
		expect(parseNumber(' Twenty-one ')).toBe(21);
		expect(parseNumber('forty two')).toBe(42);
		expect(parseNumber('three days')).toBeNull();
		expect(parseNumber('lots')).toBeNull();
	});
});

describe('describing answers for the results page', () => {
	it('names options and orders in words, and links to the cited sentence', () => {
		const ordering: QuestionPrompt = { type: 'ordering', stem: 'S', items: [{ id: 'x', text: '2005' }, { id: 'y', text: '2009' }] };
		expect(describeResponse(ordering, { type: 'ordering', order: ['y', 'x'] })).toBe('2009 → 2005');
		expect(describeAnswer(ordering, { type: 'ordering', order: ['x', 'y'] })).toBe('2005 → 2009');
		expect(describeResponse(ordering, null)).toBe('No answer');
		expect(describeAnswer({ type: 'numeric', stem: 'S', unit: 'guns' }, { type: 'numeric', value: 2000, tolerance: 0 })).toBe('2,000 guns');
		expect(citationHref({ sourceId: 'nbc-gunrunner-misfires', sentenceId: 'p3s2' })).toBe('/sources/nbc-gunrunner-misfires?s=p3s2#s-p3s2');
	});
});
