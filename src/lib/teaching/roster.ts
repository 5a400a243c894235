/** Turning a pasted class list into accounts: pure, so names and usernames are tested without a database. */

export const ROSTER_MAX_NAMES = 200;
export const NAME_MAX_LENGTH = 60;

export type RosterParse = { ok: true; names: string[] } | { ok: false; message: string };

/** One name per line; blank lines and surrounding spaces ignored; "Last, First" kept as typed. */
export function parseRosterNames(text: string): RosterParse {
	const names = text
		.split(/\r?\n/)
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter((line) => line !== '');
	if (names.length === 0) return { ok: false, message: 'Paste at least one name, one per line.' };
	if (names.length > ROSTER_MAX_NAMES) return { ok: false, message: `Add at most ${ROSTER_MAX_NAMES} names at a time.` };
	const tooLong = names.findIndex((n) => [...n].length > NAME_MAX_LENGTH);
	if (tooLong >= 0) return { ok: false, message: `Line ${tooLong + 1} is longer than ${NAME_MAX_LENGTH} characters: is it one name?` };
	// eslint-disable-next-line no-control-regex
	const control = names.findIndex((n) => /[\u0000-\u001f\u007f]/.test(n));
	if (control >= 0) return { ok: false, message: `Line ${control + 1} has characters that are not letters or punctuation.` };
	return { ok: true, names };
}

/**
 * The username a name suggests: first and last word, accents dropped, lower-case, joined by a
 * dot ("José María López" → "jose.lopez"). Names with no Latin letters fall back to "student".
 */
export function usernameBase(name: string): string {
	const words = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9\s,]/g, '')
		.split(/[\s,]+/)
		.filter(Boolean);
	// "Lopez, Ana" is last name first
	const ordered = /,/.test(name) && words.length >= 2 ? [...words.slice(1), words[0]] : words;
	const picked = ordered.length === 0 ? ['student'] : ordered.length === 1 ? ordered : [ordered[0], ordered.at(-1)!];
	return picked.map((w) => w.slice(0, 16)).join('.');
}

/** The first of base, base2, base3… not in `taken`. */
export function uniqueUsername(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** "Lopez, Ana" is shown as "Ana Lopez" on the card and in the class list. */
export function displayNameFromRoster(name: string): string {
	const parts = name.split(',').map((p) => p.trim());
	return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name;
}
