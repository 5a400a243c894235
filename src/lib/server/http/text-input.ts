/** What every text reaching the database must satisfy, whatever the route. */

export const MAX_FIELDS = 100;
export const MAX_FIELD_LENGTH = 4000;

// NUL cannot be stored by PostgreSQL; the other C0 controls (but tab, newline, return) are never typed
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a text cannot be accepted, or null. */
export function checkText(text: string): string | null {
	if (text.includes('\u0000')) return 'it contains a NUL character.';
	if (CONTROL.test(text)) return 'it contains a control character.';
	if (LONE_SURROGATE.test(text)) return 'it contains an unpaired surrogate (not valid Unicode).';
	return null;
}

/** Why a posted form cannot be accepted, or null: every field is a short text of valid characters. */
export function checkFormFields(form: FormData): string | null {
	let count = 0;
	for (const [name, value] of form) {
		if (++count > MAX_FIELDS) return 'The form has too many fields.';
		if (typeof value !== 'string') return 'This form takes text only, not files.';
		const nameProblem = name.length > 200 ? 'it is too long.' : checkText(name);
		if (nameProblem) return `A field name is not valid: ${nameProblem}`;
		if (value.length > MAX_FIELD_LENGTH) return `The field ${name} is too long (at most ${MAX_FIELD_LENGTH} characters).`;
		const problem = checkText(value);
		if (problem) return `The field ${name} is not valid: ${problem}`;
	}
	return null;
}
