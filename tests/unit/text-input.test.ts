import { describe, expect, it } from 'vitest';
import { checkFormFields, checkText, MAX_FIELD_LENGTH, MAX_FIELDS } from '../../src/lib/server/http/text-input';

describe('text every route may store', () => {
	it('accepts ordinary text in any script, with tabs and line breaks', () => {
		for (const text of ['', 'Phoenix', 'Fast and Furious — “gunwalking”', 'Ciudad Juárez 😀', 'two\nlines\r\nand\ta tab', '\ufffd']) expect(checkText(text), text).toBeNull();
	});

	it('refuses NUL, other control characters and unpaired surrogates, saying which', () => {
		expect(checkText('ab\u0000cd')).toMatch(/NUL/);
		expect(checkText('ab\u001bcd')).toMatch(/control character/);
		expect(checkText('ab\u007f')).toMatch(/control character/);
		expect(checkText('ab\ud800')).toMatch(/unpaired surrogate/);
		expect(checkText('\udc00ab')).toMatch(/unpaired surrogate/);
		expect(checkText('\ud83d\ude00')).toBeNull();
	});

	it('refuses a form with files, too many fields or an over-long field, naming the field', () => {
		const form = (entries: [string, string | Blob][]) => {
			const f = new FormData();
			for (const [name, value] of entries) f.append(name, value as string);
			return f;
		};
		expect(checkFormFields(form([['email', 'a@b.org'], ['password', 'secret words']]))).toBeNull();
		expect(checkFormFields(form([['q1', new Blob(['x'])]]))).toMatch(/text only/);
		expect(checkFormFields(form(Array.from({ length: MAX_FIELDS + 1 }, (_, i) => [`f${i}`, 'x'] as [string, string])))).toMatch(/too many fields/);
		expect(checkFormFields(form([['q2', 'x'.repeat(MAX_FIELD_LENGTH + 1)]]))).toMatch(/q2 is too long/);
		expect(checkFormFields(form([['q2', 'ab\u0000cd']]))).toMatch(/q2 is not valid: it contains a NUL/);
	});
});
