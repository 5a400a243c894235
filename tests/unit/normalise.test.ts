import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../../src/lib/content/normalise';

describe('normaliseAnswer', () => {
	it('ignores case, punctuation, spacing and a leading article', () => {
		expect(normaliseAnswer('  The  ATF. ')).toBe('atf');
		expect(normaliseAnswer('“Fast and Furious”')).toBe('fast and furious');
		expect(normaliseAnswer('straw-purchasers')).toBe(normaliseAnswer('straw purchasers'));
		expect(normaliseAnswer('Felipe Calderón')).toBe(normaliseAnswer('felipe calderon'));
	});

	it('treats thousands separators as absent but keeps decimals, money and percentages', () => {
		expect(normaliseAnswer('1,856')).toBe('1856');
		expect(normaliseAnswer('$37.5 million')).toBe('$37.5 million');
		expect(normaliseAnswer('80 percent')).not.toBe(normaliseAnswer('80'));
		expect(normaliseAnswer('1,400')).not.toBe(normaliseAnswer('14,00'));
	});

	it('keeps different answers different', () => {
		expect(normaliseAnswer('Mexico')).not.toBe(normaliseAnswer('Mexico City'));
		expect(normaliseAnswer('2005')).not.toBe(normaliseAnswer('2006'));
	});
});
