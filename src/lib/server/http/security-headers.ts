import type { RequestEvent } from '@sveltejs/kit';

/**
 * Headers every response carries. The Content-Security-Policy itself comes from kit.csp in
 * svelte.config.js (SvelteKit adds a nonce to its own inline script); these are the rest.
 */
const ALWAYS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	// frame-ancestors 'none' in the CSP; this for browsers that predate it
	'x-frame-options': 'DENY'
};

/** A signed-in page (or a response that signs in or out) is never kept by a browser or proxy cache. */
export function withSecurityHeaders(response: Response, event: Pick<RequestEvent, 'locals'>): Response {
	const personal = event.locals.user !== null || response.headers.has('set-cookie');
	const set = (headers: Headers) => {
		for (const [name, value] of Object.entries(ALWAYS)) headers.set(name, value);
		if (personal) headers.set('cache-control', 'private, no-store');
	};
	try {
		set(response.headers);
		return response;
	} catch {
		// a response with immutable headers (fetched from elsewhere) is copied first
		const copy = new Response(response.body, response);
		set(copy.headers);
		return copy;
	}
}
