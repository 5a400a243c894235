import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { signUpFromQuizLink } from '../helpers/quiz-pages';
import { newAccount } from '../helpers/accounts';
import { startServer, waitUntilHealthy, type RunningServer } from '../helpers/server-process';

/**
 * A second course with no hand-written knowledge: three texts the generator was not written for (an
 * encyclopedia article on the Alien and Sedition Acts, a senator's floor statement and Lincoln's
 * Gettysburg Address) and an empty course file, served by its own server as a school would start it
 * with SOURCES_DIR. The article's dated events make timeline questions, so the ordering question's
 * controls are tried here; the address names no fact a question could ask, so its lesson is a
 * reading lesson.
 */
test.describe.configure({ mode: 'serial' });

const port = Number(process.env.E2E_PORT ?? 4173) + 60;
let server: RunningServer;
let dataDir: string;

test.beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-second-course-'));
	server = startServer({ DATABASE_URL: dataDir, SOURCES_DIR: 'tests/fixtures/second-course', SIGN_UP_LIMIT_PER_HOUR: '1000' }, port);
	await waitUntilHealthy(server, 120_000);
	// its first account is the administrator: made here, so the journeys below are learners'
	const url = `http://127.0.0.1:${port}`;
	const admin = await fetch(`${url}/signup`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@school.example', displayName: 'Administrator', role: 'student', password: 'an administrator passphrase 42' })
	});
	expect(admin.headers.get('location'), `first sign-up answered ${admin.status}`).toMatch(/^\/admin/);
});
test.afterAll(async () => {
	server.child.kill('SIGTERM');
	await server.waitForExit(10_000);
	fs.rmSync(dataDir, { recursive: true, force: true });
});
test.use({ baseURL: `http://127.0.0.1:${port}` });

/**
 * A new learner's first quiz that holds a question `wanted` finds. Each try is a new learner: a
 * retake prefers sentences not asked before, and an ordering question cites three or four of them,
 * so one learner's retakes soon stop drawing it.
 */
async function newLearnerWith(page: Page, label: string, wanted: (page: Page) => Locator): Promise<Locator> {
	// the generator keeps an ordering question's sentences to itself so quizzes can draw it; the tries
	// only guard against a draw that leaves it out
	for (let attempt = 0; attempt < 10; attempt++) {
		await signUpFromQuizLink(page, `${label}-${attempt}-${Date.now()}@example.org`);
		await page.getByRole('button', { name: 'Start the quiz' }).click();
		await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
		if (await wanted(page).count()) return wanted(page).first();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' })).toBeVisible();
	}
	throw new Error('ten new learners drew no such question');
}

for (const js of [true, false]) {
	test(`a lesson with no quiz is read, not quizzed, and counts as done once read (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: js, baseURL: `http://127.0.0.1:${port}` });
		const page = await context.newPage();
		const learner = newAccount('student', `reader-${js ? 'js' : 'nojs'}`);
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).click();
		await page.getByLabel('Email', { exact: true }).fill(learner.email);
		await page.getByLabel('Your name').fill(learner.displayName);
		await page.getByLabel('Student', { exact: true }).check();
		await page.getByLabel('Password', { exact: true }).fill(learner.password);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(learner.displayName);

		await page.goto('/');
		const reading = page.locator('.lesson-list > li', { hasText: 'Gettysburg' });
		await expect(reading).toContainText('Reading lesson, no quiz');
		await reading.getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 2, name: 'A lesson to read' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Take the quiz' })).toHaveCount(0);
		// no contents link to a quiz or to key terms it does not have, and no objective it does not teach
		const contents = page.getByRole('navigation', { name: 'In this lesson' });
		await expect(contents.getByRole('link', { name: 'Quiz' })).toHaveCount(0);
		for (const href of await contents.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
			if (href?.startsWith('#')) await expect(page.locator(href), href).toHaveCount(1);
		await expect(page.getByText('Objective:')).toHaveCount(0);
		// axe runs in the page: the JavaScript run checks the same markup the other one gets
		if (js) await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Mark as read' }).click();
		await expect(page.locator('#lesson-progress')).toContainText(/Read on /);
		await expect(page.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);

		// back on the course page: read, and the next step is the other lesson, not a quiz on this one
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Traceable|Course|Home/ }).first().click();
		await expect(page.locator('.lesson-list > li', { hasText: 'Gettysburg' })).toContainText('✓ Read');
		await expect(page.getByRole('link', { name: /^Continue: / })).toContainText('Alien and Sedition');
		await expect(page.getByRole('link', { name: /^Continue: .*Gettysburg/ })).toHaveCount(0);
		await context.close();
	});
}

test('a floor statement’s quiz quotes the senator, naming who spoke, where and when', async ({ page }) => {
	const learner = newAccount('student', 'floor-statement');
	await page.goto('/');
	await page.locator('.lesson-list > li', { hasText: 'Inspector General Reform Act' }).getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Inspector General Reform Act');
	// "where does this come from?": the record names its speaker, though her label is not a sentence
	await page.locator('.lesson-body a.cite').first().click();
	await expect(page.locator('dl.meta')).toContainText(/Speaker\s*Mrs\. McCaskill/);
	// the day written as the questions write it
	await expect(page.locator('dl.meta')).toContainText(/Published\s*8 November 2007/);
	await expect(page.locator('.source-text')).not.toContainText('McCASKILL');
	await page.getByRole('link', { name: /Back to the lesson/ }).click();
	await page.getByRole('link', { name: 'Take the quiz' }).click();
	await page.getByRole('link', { name: 'Create an account' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
	await page.getByLabel('Email', { exact: true }).fill(learner.email);
	await page.getByLabel('Your name').fill(learner.displayName);
	await page.getByLabel('Password', { exact: true }).fill(learner.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const questions = page.locator('fieldset.question');
	await expect(questions.first()).toBeVisible();
	// every question of the speech is her own words, quoted, with the record and the day
	for (let i = 0; i < (await questions.count()); i++)
		await expect(questions.nth(i)).toContainText('In a floor statement (Congressional Record, U.S. Senate, 8 November 2007), Mrs. McCaskill said: “');
	// and none is a true/false: a quotation is never changed into a false statement
	await expect(page.getByRole('radio', { name: 'True' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('the course page lists a lesson per text; the article’s lesson is coherent, with objectives and a quiz', async ({ page }) => {
	await page.goto('/');
	// the course is named by its own sources.json, not by the seed course
	const manifest = JSON.parse(fs.readFileSync('tests/fixtures/second-course/sources.json', 'utf8')) as { course: string; introduction: string };
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(manifest.course);
	await expect(page.getByText(manifest.introduction)).toBeVisible();
	await expect(page.getByText('Project Gunrunner')).toHaveCount(0);
	const lessons = page.locator('main a[href^="/lessons/"]');
	await expect(lessons.first()).toBeVisible();
	await lessons.first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Alien and Sedition/);
	// objectives list, cited passages, a way to the quiz
	expect(await page.locator('#contents li a').count()).toBeGreaterThan(0);
	expect(await page.locator('.lesson-body a.cite').count()).toBeGreaterThan(5);
	await expect(page.getByRole('link', { name: 'Take the quiz' })).toBeVisible();
	await expectNoAxeViolations(page);
});

for (const js of [true, false]) {
	test(`an ordering question left as shown counts as unanswered until touched (${js ? 'with' : 'without'} JavaScript)`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: js, baseURL: `http://127.0.0.1:${port}` });
		const page = await context.newPage();
		const ordering = await newLearnerWith(page, `untouched-${js ? 'js' : 'nojs'}`, (p) => p.locator('fieldset.question', { has: p.locator('.order-list, .order-selects') }));
		const position = (await ordering.getAttribute('id'))!.replace('question-', '');
		// every other question answered
		const questions = page.locator('fieldset.question');
		for (let i = 0; i < (await questions.count()); i++) {
			const q = questions.nth(i);
			if ((await q.getAttribute('id')) === `question-${position}`) continue;
			if (await q.getByRole('radio').count()) await q.getByRole('radio').first().check();
			else if (await q.getByRole('textbox').count()) await q.getByRole('textbox').fill('1234');
			else {
				const selects = q.getByRole('combobox');
				for (let j = 0; j < (await selects.count()); j++) await selects.nth(j).selectOption(String(j + 1));
				if (js) await q.getByRole('button', { name: /Move .* down/ }).first().click();
			}
		}
		await page.getByRole('button', { name: 'Submit answers' }).click();
		const warning = page.getByRole('alert');
		await expect(warning).toContainText(`1 question has no answer yet (question ${position})`);
		// once touched it is an answer: submitting goes through
		if (js) await ordering.getByRole('button', { name: /Move .* down/ }).first().click();
		else {
			const selects = ordering.getByRole('combobox');
			for (let j = 0; j < (await selects.count()); j++) await selects.nth(j).selectOption(String(j + 1));
		}
		if (js) await expect.poll(async () => page.locator('.save-status', { hasText: 'Saving' }).count()).toBe(0);
		await page.locator('#quiz-form').getByRole('button', { name: 'Submit answers' }).click();
		await expect(page).toHaveURL(/\/attempts\//);
		await context.close();
	});
}

test('ordering questions work from the keyboard: the moved item keeps focus, its new place is announced and saved', async ({ page }) => {
	const ordering = await newLearnerWith(page, 'order', (p) => p.locator('fieldset.question', { has: p.locator('.order-list') }));
	await expect(ordering).toBeVisible();
	const texts = async () => (await ordering.locator('.item-text').allInnerTexts()).map((t) => t.trim());
	const before = await texts();
	// three items or more, so the moved item can travel two places down
	expect(before.length).toBeGreaterThan(2);

	const first = before[0];
	await ordering.getByRole('button', { name: `Move “${first}” down` }).focus();
	await page.keyboard.press('Enter');
	await expect.poll(texts).toEqual([before[1], first, ...before.slice(2)]);
	await expect(ordering.getByRole('button', { name: `Move “${first}” down` })).toBeFocused();
	await expect(ordering.locator('[aria-live]').first()).toContainText(`moved to position 2 of ${before.length}`);
	// Enter again moves the same item on, it does not bounce back
	await page.keyboard.press('Enter');
	const expected = [before[1], before[2], first, ...before.slice(3)];
	await expect.poll(texts).toEqual(expected);
	await expect(ordering.locator('[aria-live]').first()).toContainText(`moved to position 3 of ${before.length}`);
	if (before.length > 3) await expect(ordering.getByRole('button', { name: `Move “${first}” down` })).toBeFocused();
	await expect(ordering.locator('.save-status')).toHaveText('Saved');

	// the last order is the one kept
	await page.reload();
	await expect.poll(async () => (await page.locator('fieldset.question', { has: page.locator('.order-list') }).first().locator('.item-text').allInnerTexts()).map((t) => t.trim())).toEqual(expected);
});

