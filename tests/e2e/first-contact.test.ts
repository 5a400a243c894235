import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumPath } from '../helpers/chromium';
import { expectNoAxeViolations } from '../helpers/axe';
import { newAccount, type TestAccount } from '../helpers/accounts';

/**
 * A newcomer's first minutes, against the server started as the README says (`npm start`, no
 * ORIGIN): every step after the first page is a click, as a person would move.
 */

const port = Number(process.env.E2E_PORT ?? 4173);

/** The generated body of a lesson: its citations lead to sentences in the sources. */
const lessonCitations = (page: Page) => page.locator('.lesson-body a[href*="/sources/"]');

async function openFirstLessonFromCourse(page: Page): Promise<string> {
	const lessonLink = page.locator('main a[href^="/lessons/"]').first();
	const href = (await lessonLink.getAttribute('href'))!;
	await lessonLink.click();
	await expect(page).toHaveURL(href);
	return href;
}

async function fillSignUp(page: Page, account: TestAccount) {
	await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Your name').fill(account.displayName);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
}

/** From the course page to a submitted quiz and My progress, signing up on the way. */
async function studentJourney(page: Page, account: TestAccount, js: boolean) {
	await page.goto('/');
	const lessonHref = await openFirstLessonFromCourse(page);
	await page.getByRole('link', { name: 'Take the quiz' }).click();
	await expect(page).toHaveURL(/\/signin\?redirectTo=/);
	await page.getByRole('link', { name: 'Create an account' }).click();
	await fillSignUp(page, account);
	// back where the learner was going, signed in
	await expect(page).toHaveURL(`${lessonHref}/quiz`);
	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav).toContainText(account.displayName);
	await page.reload();
	await expect(nav).toContainText(account.displayName);

	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
	const firstChoice = page.locator('fieldset.question').first().getByRole('radio').first();
	if (await firstChoice.count()) await firstChoice.check();
	await page.getByRole('button', { name: 'Submit answers' }).click();
	// blank questions are named first; the learner submits anyway
	await page.getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page).toHaveURL(/\/attempts\//);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/You scored [\d.]+%/);
	await nav.getByRole('link', { name: 'My progress' }).click();
	await expect(page).toHaveURL('/progress');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(nav).toContainText(account.displayName);
	if (js) await expectNoAxeViolations(page);
}

test('a reader goes from the course to a lesson, a citation, its source and back, and the body is always there', async ({ page }) => {
	await page.goto('/');
	const lessonHref = await openFirstLessonFromCourse(page);
	// reached by a link from a hydrated page: the generated body must come with it
	await expect(lessonCitations(page).first()).toBeVisible();
	const citations = await lessonCitations(page).count();
	expect(citations).toBeGreaterThan(5);
	await expectNoAxeViolations(page);

	await lessonCitations(page).first().click();
	await expect(page).toHaveURL(/\/sources\/[^?]+\?from=.*#s-/);
	await expect(page.locator('.sentence:target')).toHaveCount(1);
	await page.getByRole('link', { name: /Back to the lesson/ }).click();
	// back at the citation the reader followed
	const atLesson = new RegExp(`${lessonHref}(\\?at=[\\w-]+#cite-[\\w-]+)?$`);
	await expect(page).toHaveURL(atLesson);
	await expect(page.locator(':target')).toBeInViewport();
	await expect(lessonCitations(page)).toHaveCount(citations);

	// the breadcrumb back to the course, then the browser's back and forward buttons
	await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Course' }).click();
	await expect(page).toHaveURL('/');
	await page.goBack();
	await expect(page).toHaveURL(atLesson);
	await expect(lessonCitations(page)).toHaveCount(citations);
	await page.goBack();
	await expect(page).toHaveURL(/\/sources\//);
	await page.goForward();
	await expect(page).toHaveURL(atLesson);
	await expect(lessonCitations(page)).toHaveCount(citations);

	// every lesson on the course page opens whole
	await page.goto('/');
	const hrefs = await page.locator('main a[href^="/lessons/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))].filter((h) => /^\/lessons\/[^/]+$/.test(h)));
	expect(hrefs.length).toBeGreaterThanOrEqual(5);
	for (const href of hrefs) {
		await page.locator(`main a[href="${href}"]`).first().click();
		await expect(page).toHaveURL(href);
		await expect(lessonCitations(page).first(), href).toBeVisible();
		await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Course' }).click();
	}
});

for (const js of [true, false]) {
	test(`a student signs up from a quiz link, takes the quiz and sees progress (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: js });
		const page = await context.newPage();
		await studentJourney(page, newAccount('student', js ? 'first-js' : 'first-nojs'), js);
		await context.close();
	});
}

test('the header keeps the page a visitor was on when they sign up or sign in', async ({ page }) => {
	await page.goto('/');
	const lessonHref = await openFirstLessonFromCourse(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).click();
	const account = newAccount('student', 'header');
	await fillSignUp(page, account);
	await expect(page).toHaveURL(lessonHref);
	await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(account.displayName);

	// signing out stays on the lesson, and the header's Sign in comes back to it too
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(page).toHaveURL(lessonHref);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
	await page.getByLabel('Email or username').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(lessonHref);
});

test('account: sign out, a wrong password is refused with a message, the right one signs in', async ({ page }) => {
	const account = newAccount('student', 'account');
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).click();
	await fillSignUp(page, account);
	await expect(page).toHaveURL('/');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('button', { name: 'Sign out' }).click();
	await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();

	await nav.getByRole('link', { name: 'Sign in' }).click();
	await page.getByLabel('Email or username').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill('not the password at all');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText(/do not match an account/);
	await expect(nav.getByRole('link', { name: 'Sign in' })).toBeVisible();

	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(nav).toContainText(account.displayName);
	await nav.getByRole('link', { name: 'Account' }).click();
	await expect(page).toHaveURL('/account');
	await expectNoAxeViolations(page);
});

test.describe('on a classroom network (another host name, plain HTTP)', () => {
	let browser: Browser;
	test.beforeAll(async () => {
		// classroom.test stands for the laptop's address on the school network
		browser = await chromium.launch({
			executablePath: chromiumPath(),
			args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP classroom.test 127.0.0.1']
		});
	});
	test.afterAll(async () => browser.close());

	for (const js of [true, false]) {
		test(`a student signs up and stays signed in (${js ? 'with' : 'without'} JavaScript)`, async () => {
			const context = await browser.newContext({ baseURL: `http://classroom.test:${port}`, javaScriptEnabled: js });
			const page = await context.newPage();
			await studentJourney(page, newAccount('student', js ? 'classroom-js' : 'classroom-nojs'), js);
			const cookie = (await context.cookies()).find((c) => c.name === 'session');
			expect(cookie, 'the session cookie over plain HTTP').toBeDefined();
			expect(cookie!.secure).toBe(false);
			expect(cookie!.httpOnly).toBe(true);
			await context.close();
		});
	}
});

test('a form posted from another origin is still refused', async ({ request }) => {
	const response = await request.post('/signin', {
		headers: { origin: 'http://elsewhere.test', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=someone%40school.example&password=whatever'
	});
	expect(response.status()).toBe(403);
	// the same post from the page's own origin reaches the form
	const own = await request.post('/signin', {
		headers: { origin: `http://localhost:${port}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		data: 'email=someone%40school.example&password=whatever',
		maxRedirects: 0
	});
	expect(own.status()).toBe(400);
	// the protocol comes from the connection: a client cannot claim HTTPS to pass as another origin
	const claimed = await request.post('/signin', {
		headers: { origin: `https://localhost:${port}`, 'x-traceable-protocol': 'https', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=someone%40school.example&password=whatever'
	});
	expect(claimed.status()).toBe(403);
});

test('robots.txt is served and /favicon.ico finds the icon', async ({ request }) => {
	const robots = await request.get('/robots.txt');
	expect(robots.status()).toBe(200);
	expect(await robots.text()).toContain('User-agent');
	const icon = await request.get('/favicon.ico');
	expect(icon.status()).toBe(200);
	expect(icon.headers()['content-type']).toContain('image/svg+xml');
});
