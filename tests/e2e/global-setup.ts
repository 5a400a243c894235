import { request, type FullConfig } from '@playwright/test';

/**
 * The first account on a fresh installation becomes its administrator and lands on /admin. The
 * shared server's journeys are about learners and teachers who come later, so an administrator
 * signs up first, whichever test would otherwise have been first (the teaching journey, which is
 * about that first account, runs its own server).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
	const baseURL = config.projects[0].use.baseURL!;
	const client = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }, maxRedirects: 0 });
	const response = await client.post('/signup', {
		form: { email: 'administrator@school.example', displayName: 'Administrator', role: 'student', password: 'an administrator passphrase 42' }
	});
	const landing = response.headers().location ?? '';
	await client.dispose();
	if (response.status() !== 303 || !landing.startsWith('/admin')) {
		throw new Error(`global setup: the first sign-up should make the administrator (got ${response.status()} to ${landing || 'nowhere'})`);
	}
}
