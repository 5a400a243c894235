import { createHash } from 'node:crypto';

/** Short, stable hex digest of the given parts: ids derived from content, never from order or time. */
export function digest(parts: readonly string[], length = 12): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0000');
	return hash.digest('hex').slice(0, length);
}
