import { describe, expect, it } from 'vitest';
import { correlation, discriminationIndex, facilityIndex, histogram, itemFlags, mean, median } from '../../src/lib/stats';
import { assignmentStatus } from '../../src/lib/teaching/assignment-status';
import { neutraliseFormula, percentCell } from '../../src/lib/teaching/csv-cells';
import { buildGradebook, readSort, sortRows } from '../../src/lib/teaching/gradebook';
import { generateJoinCode, isJoinCode, normaliseJoinCode } from '../../src/lib/teaching/join-code';
import { parseRosterNames, usernameBase } from '../../src/lib/teaching/roster';
import { readAssignmentForm } from '../../src/lib/teaching/assignment-form';

describe('mean and median', () => {
	it('match values worked out by hand', () => {
		expect(mean([0.5, 0.7, 0.9])).toBeCloseTo(0.7, 12);
		expect(median([0.9, 0.5, 0.7])).toBe(0.7);
		// even count: the mean of the two middle values, (0.4 + 0.6) / 2
		expect(median([1, 0.4, 0.2, 0.6])).toBeCloseTo(0.5, 12);
		expect(mean([])).toBeNull();
		expect(median([])).toBeNull();
	});
});

describe('item statistics', () => {
	// five attempts of a four-question quiz; the item is the first question.
	// item scores 1,1,0,1,0; totals 4,3,1,2,2 → rest-of-test 3,2,1,1,2.
	const observations = [
		{ itemScore: 1, totalScore: 4 },
		{ itemScore: 1, totalScore: 3 },
		{ itemScore: 0, totalScore: 1 },
		{ itemScore: 1, totalScore: 2 },
		{ itemScore: 0, totalScore: 2 }
	];

	it('facility is the mean item score: 3/5', () => {
		expect(facilityIndex(observations)).toBeCloseTo(0.6, 12);
	});

	it('discrimination is the correlation with the rest of the test, worked by hand', () => {
		// x = 1,1,0,1,0 (mean 0.6); y = 3,2,1,1,2 (mean 1.8)
		// Σdx·dy = 0.4·1.2 + 0.4·0.2 + (−0.6)(−0.8) + 0.4(−0.8) + (−0.6)(0.2) = 0.48+0.08+0.48−0.32−0.12 = 0.6
		// Σdx² = 3·0.16 + 2·0.36 = 1.2 ; Σdy² = 1.44+0.04+0.64+0.64+0.04 = 2.8
		// r = 0.6 / √(1.2·2.8) = 0.6 / √3.36 = 0.32733
		expect(discriminationIndex(observations)).toBeCloseTo(0.6 / Math.sqrt(3.36), 10);
		expect(discriminationIndex(observations)).toBeCloseTo(0.32733, 4);
	});

	it('is negative when weaker students get the item right', () => {
		const reversed = [
			{ itemScore: 0, totalScore: 3 },
			{ itemScore: 0, totalScore: 3 },
			{ itemScore: 1, totalScore: 1 },
			{ itemScore: 1, totalScore: 2 }
		];
		// x = 0,0,1,1 (mean 0.5); rest = 3,3,0,1 (mean 1.75): Σdx·dy = −2.5, Σdx² = 1, Σdy² = 6.75
		// r = −2.5 / √6.75 = −0.96225
		const r = discriminationIndex(reversed)!;
		expect(r).toBeCloseTo(-0.96225, 4);
		expect(correlation([0, 0, 1, 1], [3, 3, 0, 1])).toBeCloseTo(r, 12);
		expect(itemFlags(0.5, r)).toEqual(['negative-discrimination']);
	});

	it('has no discrimination when everyone scores the same on the item', () => {
		expect(discriminationIndex([{ itemScore: 1, totalScore: 3 }, { itemScore: 1, totalScore: 2 }])).toBeNull();
	});

	it('flags facility above 0.95 and below 0.2, not at the limits', () => {
		expect(itemFlags(0.96, 0.3)).toEqual(['too-easy']);
		expect(itemFlags(0.95, 0.3)).toEqual([]);
		expect(itemFlags(0.19, 0.3)).toEqual(['too-hard']);
		expect(itemFlags(0.2, 0.3)).toEqual([]);
	});

	it('bins scores in tens, with 100 % in the top band', () => {
		expect(histogram([0, 0.05, 0.1, 0.55, 0.9, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
	});
});

describe('late and missing', () => {
	const due = new Date('2026-12-04T17:00:00Z');
	const before = new Date('2026-12-04T16:59:00Z');
	const after = new Date('2026-12-04T17:01:00Z');
	it('follows the rules in assignment-status.ts', () => {
		expect(assignmentStatus(due, [before], after)).toBe('done');
		expect(assignmentStatus(due, [due], after)).toBe('done');
		expect(assignmentStatus(due, [after], after)).toBe('late');
		expect(assignmentStatus(due, [after, before], after)).toBe('done');
		expect(assignmentStatus(due, [], after)).toBe('missing');
		expect(assignmentStatus(due, [], before)).toBe('due');
		expect(assignmentStatus(null, [], after)).toBe('open');
		expect(assignmentStatus(null, [after], after)).toBe('done');
	});
});

describe('gradebook table', () => {
	const assignments = [{ id: 'a1', lessonTitle: 'One', dueAt: null, maxAttempts: null }];
	const students = [
		{ id: 's1', displayName: 'Zoe', username: null },
		{ id: 's2', displayName: 'adam', username: null },
		{ id: 's3', displayName: 'Mia', username: null }
	];
	const cells = [
		{ studentId: 's1', assignmentId: 'a1', attempts: 2, best: 0.9, latest: 0.5, firstSubmittedAt: new Date() },
		{ studentId: 's2', assignmentId: 'a1', attempts: 1, best: 0.4, latest: 0.4, firstSubmittedAt: new Date() }
	];
	const book = buildGradebook(students, assignments, cells, new Date());
	it('summarises best scores of those who submitted', () => {
		expect(book.summaries[0]).toMatchObject({ mean: 0.65, median: 0.65, submitted: 2, missing: 0 });
	});
	it('sorts by name or by any column, students without a score last', () => {
		expect(sortRows(book.rows, readSort('name', null, assignments)).map((r) => r.displayName)).toEqual(['adam', 'Mia', 'Zoe']);
		expect(sortRows(book.rows, readSort('a1.best', 'desc', assignments)).map((r) => r.displayName)).toEqual(['Zoe', 'adam', 'Mia']);
		expect(sortRows(book.rows, readSort('a1.best', null, assignments)).map((r) => r.displayName)).toEqual(['adam', 'Zoe', 'Mia']);
		expect(sortRows(book.rows, readSort('a1.attempts', 'desc', assignments)).map((r) => r.displayName)).toEqual(['Zoe', 'adam', 'Mia']);
		expect(readSort('nope.best', null, assignments)).toEqual(readSort(null, null, assignments));
	});
});

describe('small pure helpers', () => {
	it('neutralises formulas in typed text only', () => {
		expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
		for (const lead of ['+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${lead}1`)).toBe(`'${lead}1`);
		expect(neutraliseFormula('Ana, "the" =best')).toBe('Ana, "the" =best');
		expect(percentCell(0.875)).toBe('87.5');
		expect(percentCell(null)).toBe('');
	});
	it('makes join codes without 0, O, 1 or I and reads them back as typed', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateJoinCode();
			expect(isJoinCode(code)).toBe(true);
			expect(code).not.toMatch(/[0O1I]/);
		}
		expect(normaliseJoinCode(' kq7-m3p ')).toBe('KQ7M3P');
	});
	it('reads a pasted roster and suggests usernames', () => {
		expect(parseRosterNames('  Ana  López \n\n Ben\r\n')).toEqual({ ok: true, names: ['Ana López', 'Ben'] });
		expect(parseRosterNames('\n  \n')).toMatchObject({ ok: false });
		expect(usernameBase('Zoë Ann Brontë')).toBe('zoe.bronte');
		expect(usernameBase("O'Neil, Séan")).toBe('sean.oneil');
	});
	it('reads the assignment form, refusing bad limits and dates', () => {
		expect(readAssignmentForm({ lessonId: 'l', due: '', maxAttempts: '' })).toEqual({ ok: true, value: { lessonId: 'l', dueAt: null, maxAttempts: null } });
		expect(readAssignmentForm({ lessonId: 'l', due: '2026-02-30T10:00', maxAttempts: '' })).toMatchObject({ ok: false });
		expect(readAssignmentForm({ lessonId: 'l', due: '', maxAttempts: '0' })).toMatchObject({ ok: false });
		expect(readAssignmentForm({ lessonId: 'l', due: '', maxAttempts: '3' })).toMatchObject({ ok: true, value: { maxAttempts: 3 } });
	});
});
