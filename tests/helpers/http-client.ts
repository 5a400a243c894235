import { unflatten } from 'devalue';

/**
 * A minimal browser stand-in for tests that speak HTTP to the built server: it keeps the session
 * cookie itself (whatever its Secure flag), sends the Origin a same-site form post carries, and
 * never follows redirects, so each response is seen as the browser got it.
 */
export class HttpClient {
	cookie = '';
	constructor(readonly baseUrl: string) {}

	async request(path: string, init: { method?: string; body?: BodyInit | null; headers?: Record<string, string> } = {}): Promise<Response> {
		// a browser asks for HTML: SvelteKit answers form posts that accept JSON as use:enhance would get them
		const headers: Record<string, string> = { origin: this.baseUrl, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...(init.headers ?? {}) };
		if (this.cookie) headers.cookie = this.cookie;
		const response = await fetch(this.baseUrl + path, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
			const others = this.cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`));
			this.cookie = [...others, ...(value && !/max-age=0/i.test(line) ? [`${name}=${value}`] : [])].join('; ');
		}
		return response;
	}

	get(path: string): Promise<Response> {
		return this.request(path);
	}

	/** A form post as a browser without JavaScript sends it. */
	postForm(path: string, fields: Record<string, string> | [string, string][]): Promise<Response> {
		return this.request(path, {
			method: 'POST',
			body: new URLSearchParams(fields).toString(),
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
	}

	async text(path: string): Promise<string> {
		const response = await this.get(path);
		if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
		return response.text();
	}

	/** The data a page's load functions sent (SvelteKit's __data.json, decoded), last node first. */
	async pageData(path: string): Promise<{ raw: string; nodes: unknown[] }> {
		const raw = await this.text(`${path.replace(/\/$/, '')}/__data.json`);
		const parsed = JSON.parse(raw) as { nodes: ({ type: string; data?: unknown[] } | null)[] };
		const nodes = parsed.nodes.filter((n) => n?.type === 'data').map((n) => unflatten(n!.data as never));
		return { raw, nodes: nodes.reverse() };
	}
}

export function uniqueEmail(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

export const TEST_PASSWORD = 'correct horse battery staple 42';

/** A new student account, signed in on this client. */
export async function signUp(client: HttpClient, prefix = 'learner'): Promise<string> {
	const email = uniqueEmail(prefix);
	const response = await client.postForm('/signup', { email, displayName: prefix, role: 'student', password: TEST_PASSWORD });
	if (response.status !== 303) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
	return email;
}

/** Lesson and source ids, as the course page links them. */
export async function courseLinks(client: HttpClient): Promise<{ lessons: string[]; sources: string[] }> {
	const html = await client.text('/');
	const ids = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => decodeURIComponent(m[1])))];
	return { lessons: ids(/href="\/lessons\/([^"/?#]+)"/g), sources: ids(/href="\/sources\/([^"/?#]+)"/g) };
}
