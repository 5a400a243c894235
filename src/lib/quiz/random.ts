/**
 * Seeded randomness: an attempt stores one integer seed, and every order shown in it (which
 * questions, their order, their options) derives from that seed, so a reload shows the same attempt.
 */

/** mulberry32: tiny, fast and well distributed enough for shuffling quiz items. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seed for one part of an attempt (e.g. question 3's options), independent of the other parts. */
export function deriveSeed(seed: number, part: string | number): number {
	// FNV-1a over the part label, mixed with the attempt seed
	let hash = 0x811c9dc5 ^ (seed >>> 0);
	for (const char of String(part)) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Fisher–Yates with the seeded generator; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
	const random = seededRandom(seed);
	const result = items.slice();
	for (let i = result.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[result[i], result[j]] = [result[j], result[i]];
	}
	return result;
}
