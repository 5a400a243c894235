import type { RequestEvent } from '@sveltejs/kit';
import { checkFormFields, checkText } from './text-input';

/**
 * One check in front of every route, so no form action, load or endpoint ever sees what it cannot
 * store: an address with a NUL or another control character, and any posted body that is not a
 * well-formed form of text (wrong content type, broken multipart, invalid UTF-8, NUL bytes, files,
 * too many or too long fields). Refused requests get a 4xx with a sentence saying why, before any
 * session lookup or database query, so they change nothing.
 */
export async function refuseMalformedRequest(event: RequestEvent): Promise<Response | null> {
	const path = safeDecode(event.url.pathname);
	const problem = path === null ? 'it is not valid UTF-8.' : (checkText(path) ?? (event.url.search ? queryProblem(event.url.search) : null));
	if (problem) return refusal(event, 400, `The address is not valid: ${problem}`);
	if (event.request.method !== 'POST') return null;
	const refused = await bodyProblem(event.request);
	return refused ? refusal(event, refused.status, refused.message) : null;
}

function safeDecode(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

function queryProblem(search: string): string | null {
	for (const part of search.slice(1).split('&')) {
		const decoded = safeDecode(part.replaceAll('+', ' '));
		if (decoded === null) return 'it is not valid UTF-8.';
		const problem = checkText(decoded);
		if (problem) return problem;
	}
	return null;
}

/** The largest form this app has (sign-up: five short fields; a quiz: ten answers of 200 characters) with room to spare. */
export const MAX_FORM_BYTES = 64 * 1024;

async function bodyProblem(request: Request): Promise<{ status: number; message: string } | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
		return { status: 415, message: 'Send the form as application/x-www-form-urlencoded or multipart/form-data.' };
	}
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > MAX_FORM_BYTES) return { status: 413, message: 'The form is too large.' };
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await request.clone().arrayBuffer());
	} catch {
		// adapter-node stops a body over its limit mid-stream
		return { status: 413, message: 'The form is too large.' };
	}
	if (bytes.byteLength > MAX_FORM_BYTES) return { status: 413, message: 'The form is too large.' };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { status: 400, message: 'The form is not valid UTF-8 text.' };
	}
	let form: FormData;
	try {
		if (type === 'application/x-www-form-urlencoded') {
			// URLSearchParams would turn a %-escape of invalid UTF-8 into U+FFFD without a word
			form = new FormData();
			for (const pair of text.split('&')) {
				if (pair === '') continue;
				const at = pair.indexOf('=');
				const [name, value] = [safeDecode((at < 0 ? pair : pair.slice(0, at)).replaceAll('+', ' ')), safeDecode(at < 0 ? '' : pair.slice(at + 1).replaceAll('+', ' '))];
				if (name === null || value === null) return { status: 400, message: 'The form is not valid UTF-8 text (or has a broken %-escape).' };
				form.append(name, value);
			}
		} else {
			form = await new Request('http://form.invalid/', { method: 'POST', headers: { 'content-type': request.headers.get('content-type')! }, body: bytes as BodyInit }).formData();
		}
	} catch {
		return { status: 400, message: 'The form could not be read: it is not well-formed.' };
	}
	const problem = checkFormFields(form);
	return problem ? { status: 400, message: problem } : null;
}

/**
 * A form posted by use:enhance (x-sveltekit-action) expects an action result as JSON; a plain
 * browser gets the message as text.
 */
function refusal(event: RequestEvent, status: number, message: string): Response {
	const headers = { 'cache-control': 'no-store' };
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'error', status, error: { message } }), { status, headers: { ...headers, 'content-type': 'application/json' } });
	}
	return new Response(`${message}\n`, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}
