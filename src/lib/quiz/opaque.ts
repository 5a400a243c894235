import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { Choice, QuestionPrompt, QuestionResponse } from '../content/question-types';

/**
 * Question ids, option ids and the generated orders derive from content, answer included (that is
 * what keeps them stable across regeneration). Anything derived from them without a secret could be
 * recomputed offline for each possible answer and compared with the page. So what a quiz page shows
 * (ids, the order of options and items, which questions are drawn) goes through an HMAC keyed with
 * the installation's secret; the stored ids and responses stay the content ids.
 */
export type OpaqueKey = Uint8Array;

function mac(key: OpaqueKey, parts: readonly (string | number)[]): Buffer {
	const hmac = createHmac('sha256', key);
	for (const part of parts) hmac.update(String(part)).update('\u0000');
	return hmac.digest();
}

/** A 31-bit seed for one part of an attempt, unpredictable without the key. */
export function keyedSeed(key: OpaqueKey, seed: number, part: string): number {
	return mac(key, ['seed', seed, part]).readUInt32BE(0) >>> 1;
}

function opaqueId(prefix: string, key: OpaqueKey, parts: readonly (string | number)[]): string {
	return `${prefix}-${mac(key, parts).toString('base64url').slice(0, 16)}`;
}

/** The page's id for the question at a position of an attempt. */
export function publicQuestionId(key: OpaqueKey, attemptId: string, position: number, questionId: string): string {
	return opaqueId('q', key, ['question', attemptId, position, questionId]);
}

export interface OpaqueQuestion {
	/** what the browser gets: the prompt with every id replaced */
	prompt: QuestionPrompt;
	questionId: string;
	/** the content id of an option or item, from its id on the page (undefined: not on the page) */
	toContentId(publicId: string): string | undefined;
	toPublicId(contentId: string): string | undefined;
}

/**
 * The prompt of one question of one attempt as the browser sees it. Ids are per attempt and
 * position, so two attempts (or two learners) cannot compare them either.
 */
export function opaqueQuestion(
	prompt: QuestionPrompt,
	questionId: string,
	key: OpaqueKey,
	attemptId: string,
	position: number
): OpaqueQuestion {
	const toContent = new Map<string, string>();
	const toPublic = new Map<string, string>();
	const rename = (choices: readonly Choice[], prefix: string): Choice[] =>
		choices.map((choice) => {
			const id = opaqueId(prefix, key, ['choice', attemptId, position, questionId, choice.id]);
			toContent.set(id, choice.id);
			toPublic.set(choice.id, id);
			return { id, text: choice.text };
		});
	let shown: QuestionPrompt = prompt;
	if (prompt.type === 'multiple_choice' || prompt.type === 'attribution') shown = { ...prompt, options: rename(prompt.options, 'o') };
	else if (prompt.type === 'ordering') shown = { ...prompt, items: rename(prompt.items, 'i') };
	return {
		prompt: shown,
		questionId: publicQuestionId(key, attemptId, position, questionId),
		toContentId: (id) => toContent.get(id),
		toPublicId: (id) => toPublic.get(id)
	};
}

/** A response read from the page (page ids) as stored and graded (content ids), or the reverse. */
export function mapResponseIds(response: QuestionResponse, map: (id: string) => string | undefined): QuestionResponse | null {
	switch (response.type) {
		case 'multiple_choice':
		case 'attribution': {
			const optionId = map(response.optionId);
			return optionId === undefined ? null : { ...response, optionId };
		}
		case 'ordering': {
			const order = response.order.map(map);
			return order.every((id): id is string => id !== undefined) ? { ...response, order } : null;
		}
		default:
			return response;
	}
}

const SEAL_IV_BYTES = 12;
const SEAL_TAG_BYTES = 16;

function sealKey(key: OpaqueKey): Buffer {
	return createHash('sha256').update(key).update('\u0000sealed-reference').digest();
}

/**
 * A reference the page carries back (which question a review form answers) without showing what
 * it refers to: AES-GCM with a key derived from the installation's secret, a random IV each time
 * (so two pages cannot be compared) and a tag that refuses any token this server did not make.
 */
export function sealReference(key: OpaqueKey, text: string): string {
	const iv = randomBytes(SEAL_IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', sealKey(key), iv);
	const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The text a sealed reference holds, or null for anything else (forged, cut short, another installation's). */
export function openReference(key: OpaqueKey, token: string): string | null {
	const bytes = Buffer.from(token, 'base64url');
	if (bytes.length <= SEAL_IV_BYTES + SEAL_TAG_BYTES || bytes.length > 4096) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', sealKey(key), bytes.subarray(0, SEAL_IV_BYTES));
		decipher.setAuthTag(bytes.subarray(SEAL_IV_BYTES, SEAL_IV_BYTES + SEAL_TAG_BYTES));
		return Buffer.concat([decipher.update(bytes.subarray(SEAL_IV_BYTES + SEAL_TAG_BYTES)), decipher.final()]).toString('utf8');
	} catch {
		return null;
	}
}
