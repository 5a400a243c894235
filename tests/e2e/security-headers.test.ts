import { expect, test, type Page } from '@playwright/test';
import { newAccount, signUpInBrowser } from '../helpers/accounts';
import { HttpClient, courseLinks, signUp } from '../helpers/http-client';

/** Security headers on the main pages, and a Content-Security-Policy the pages work under, with and without JavaScript. */

function expectCommonHeaders(response: Response, path: string) {
	const h = response.headers;
	expect(h.get('x-content-type-options'), path).toBe('nosniff');
	expect(h.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
	expect(h.get('x-frame-options'), path).toBe('DENY');
}

async function expectPage(client: HttpClient, path: string, signedIn: boolean) {
	const response = await client.get(path);
	expect(response.status, path).toBe(200);
	expectCommonHeaders(response, path);
	const csp = response.headers.get('content-security-policy') ?? '';
	expect(csp, path).toContain("frame-ancestors 'none'");
	expect(csp, path).toContain("default-src 'self'");
	expect(csp, path).toContain("object-src 'none'");
	expect(csp, path).toContain("form-action 'self'");
	const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
	expect(scriptSrc, path).not.toContain('unsafe-inline');
	// every inline script carries the nonce the policy names
	const html = await response.text();
	const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
	for (const [tag] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)) expect(tag, path).toContain(`nonce="${nonce}"`);
	if (signedIn) expect(response.headers.get('cache-control'), path).toBe('private, no-store');
	else expect(response.headers.get('cache-control') ?? '', path).not.toContain('private');
}

test('the main pages send CSP, nosniff, a referrer policy, framing denied, and no-store when signed in', async ({ baseURL }) => {
	const anonymous = new HttpClient(baseURL!);
	const { lessons, sources } = await courseLinks(anonymous);
	const lesson = `/lessons/${encodeURIComponent(lessons[0])}`;
	for (const path of ['/', '/about', '/signin', '/signup', lesson, `/sources/${encodeURIComponent(sources[0])}`]) await expectPage(anonymous, path, false);
	expectCommonHeaders(await anonymous.get('/health'), '/health');

	const learner = new HttpClient(baseURL!);
	await signUp(learner, 'headers');
	expect((await learner.postForm(`${lesson}/quiz?/start`, {})).status).toBe(303);
	for (const path of ['/', lesson, `${lesson}/quiz`, '/progress', '/account']) await expectPage(learner, path, true);
	// the data a signed-in page loads in the background is not cached either
	const data = await learner.get(`${lesson}/quiz/__data.json`);
	expect(data.headers.get('cache-control')).toBe('private, no-store');
});

/** Fails the test on any CSP violation the page reports. */
async function watchViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
	});
	return violations;
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('a learner signs up, opens a lesson, starts its quiz and saves an answer under the policy', async ({ page }) => {
			const violations = await watchViolations(page);
			await signUpInBrowser(page, newAccount('student', javaScriptEnabled ? 'csp-js' : 'csp-nojs'));
			await page.goto('/');
			await page.locator('main a[href^="/lessons/"]').first().click();
			await page.getByRole('link', { name: 'Take the quiz' }).click();
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			const question = page.locator('fieldset.question').filter({ has: page.getByRole('radio') }).first();
			await question.getByRole('radio').first().check();
			if (javaScriptEnabled) {
				// the hydrated page saves on change, by fetch, under connect-src 'self'
				await expect(question.getByText('Saved', { exact: true })).toBeVisible();
			} else {
				await page.getByRole('button', { name: /Save and finish later/ }).click();
				await expect(page.getByText(/Your answers are saved/)).toBeVisible();
			}
			expect(violations).toEqual([]);
		});
	});
}
