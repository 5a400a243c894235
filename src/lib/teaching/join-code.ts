/**
 * Class join codes are read aloud and copied from a board: no 0/O or 1/I (nor L, which reads as 1
 * in many fonts), upper-case, six characters shown as two groups of three ("KQ7-M3P").
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(random: (n: number) => Uint8Array = randomBytes): string {
	// rejection sampling keeps every character equally likely
	const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
	let code = '';
	while (code.length < JOIN_CODE_LENGTH) {
		for (const byte of random(JOIN_CODE_LENGTH * 2)) {
			if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
		}
	}
	return code;
}

function randomBytes(n: number): Uint8Array {
	const bytes = new Uint8Array(n);
	crypto.getRandomValues(bytes);
	return bytes;
}

/** What a student typed, as stored: spaces and dashes dropped, upper-case. */
export function normaliseJoinCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]+/g, '');
}

export function isJoinCode(code: string): boolean {
	return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

export function formatJoinCode(code: string): string {
	return `${code.slice(0, 3)}-${code.slice(3)}`;
}
