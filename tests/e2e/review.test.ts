import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { uniqueEmail } from '../helpers/accounts';

/**
 * A learner's way through the course by clicking from the course page: start the course, take a
 * lesson's quiz with mistakes, read what they got wrong and why, open the review from the results,
 * answer a due review item (after trying to skip it), and come back to the course page to continue.
 *
 * Three ways: with JavaScript; with JavaScript on but the app's own scripts blocked (the
 * server-rendered forms posting as they do without JavaScript, where axe can still run); and with
 * JavaScript off altogether.
 */

type Mode = 'js' | 'server-rendered' | 'no-js';

async function check(page: Page, mode: Mode) {
	if (mode !== 'no-js') await expectNoAxeViolations(page);
}

/** Gives the question some answer, right or (likely) wrong: the first choice, a made-up word or number, one item moved. */
async function answerSomehow(q: Locator, mode: Mode) {
	const radios = q.getByRole('radio');
	const textbox = q.getByRole('textbox');
	if (await radios.count()) {
		await radios.first().check();
	} else if (await textbox.count()) {
		const numeric = (await q.locator('label').first().innerText()).startsWith('Your answer');
		await textbox.fill(numeric ? '987654321' : 'zzzz');
	} else if (mode === 'js') {
		await q.getByRole('button', { name: /Move .* down/ }).first().click();
	} else {
		const selects = q.getByRole('combobox');
		for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption(String(i + 1));
	}
}

/** A phone-width and a desktop screenshot for looking at; on the phone, nothing scrolls sideways. */
async function shoot(page: Page, name: string) {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), name).toBeLessThanOrEqual(0);
	await page.screenshot({ path: `test-reports/${name}-phone-360.png`, fullPage: true });
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.screenshot({ path: `test-reports/${name}-desktop-1280.png` });
	await page.setViewportSize(size);
}

for (const mode of ['js', 'server-rendered', 'no-js'] as Mode[]) {
	test.describe(`learning journey (${mode})`, () => {
		test.use({ javaScriptEnabled: mode !== 'no-js' });

		test('start, quiz with mistakes, feedback, review a due question, continue from the course page', async ({ page }) => {
			if (mode === 'server-rendered') await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
			const js = mode === 'js';
			await page.goto('/');
			await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign up' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
			await page.getByLabel('Email', { exact: true }).fill(uniqueEmail(`journey-${mode}`));
			await page.getByLabel('Your name').fill('Journey Learner');
			await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase 42');
			await page.getByRole('button', { name: 'Create account' }).click();
			await expect(page).toHaveURL('/');

			// a new learner is offered the first lesson; nothing is due for review yet
			const resume = page.getByRole('region', { name: 'Start the course' });
			await expect(resume).toBeVisible();
			await expect(page.getByRole('link', { name: /^Review$/ })).toBeVisible();
			await check(page, mode);
			await resume.getByRole('link', { name: /^Continue: read lesson 1/ }).click();
			await expect(page).toHaveURL(/\/lessons\/[^/]+$/);
			const lessonPath = new URL(page.url()).pathname;
			await expect(page.getByRole('navigation', { name: 'Next in the course' }).getByRole('link', { name: /^Next lesson: 2\./ })).toBeVisible();

			// the quiz, answered without knowing the key: some answers wrong, the ordering question (if any) left as shown
			await page.getByRole('link', { name: 'Take the quiz' }).click();
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			const questions = page.locator('fieldset.question');
			await expect(questions.first()).toBeVisible();
			// an untouched ordering question has no answer yet, so "Submit" asks first
			const ordering = questions.filter({ has: page.locator('.order-list, .order-selects') });
			const hasOrdering = (await ordering.count()) > 0;
			for (let i = 0; i < (await questions.count()); i++) {
				const q = questions.nth(i);
				if (await q.locator('.order-list, .order-selects').count()) continue;
				await answerSomehow(q, mode);
			}
			if (js) await expect.poll(async () => page.locator('.save-status', { hasText: 'Saving' }).count()).toBe(0);
			await page.getByRole('button', { name: 'Submit answers' }).click();
			if (hasOrdering) {
				const warning = page.getByRole('alert');
				await expect(warning).toContainText(/1 question has no answer yet \(question \d+\)/);
				await warning.getByRole('button', { name: 'Submit anyway' }).click();
			}
			await expect(page).toHaveURL(/\/attempts\//);

			// feedback that teaches: for a missed question, both answers, the sentence once with the answer marked, a way back to the lesson
			const missed = page.locator('ol.answers > li.wrong');
			expect(await missed.count()).toBeGreaterThan(0);
			const first = missed.first();
			await expect(first.locator('dt')).toHaveText(['Your answer', 'Correct answer']);
			await expect(first.locator('.cited blockquote').first()).toBeVisible();
			expect(await first.innerText()).not.toMatch(/The source says:|The answer is /);
			await expect(first.getByRole('link', { name: 'Revisit this in the lesson' })).toHaveAttribute('href', new RegExp(`^${lessonPath}(#.+)?$`));
			// the answer is marked in the cited sentence wherever the sentence has it in those words
			expect(await page.locator('ol.answers .cited mark').count()).toBeGreaterThan(0);
			await expect(page.getByRole('link', { name: /^Next lesson: / })).toBeVisible();
			await check(page, mode);
			if (js) await shoot(page, 'results');

			// the header counts the questions due, and the results page leads to them
			const due = Number((await page.getByRole('link', { name: /^Review \d+ due$/ }).innerText()).match(/\d+/)![0]);
			expect(due).toBe(await missed.count());
			await page.getByRole('link', { name: 'Review what you missed' }).click();
			await expect(page).toHaveURL('/review');
			await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
			await expect(page.getByText(`${due} ${due === 1 ? 'question' : 'questions'} due`)).toBeVisible();
			// nothing before an answer gives it away
			expect(await page.content()).not.toMatch(/correctOptionId|"accepted"|explanation|Correct answer/);
			await check(page, mode);

			// trying to skip it: refused with a clear message, nothing scheduled
			await page.getByRole('button', { name: 'Check my answer' }).click();
			await expect(page.getByRole('alert')).toHaveText(/Choose or type an answer first/);
			await check(page, mode);

			const item = page.locator('fieldset.question');
			await answerSomehow(item, mode);
			await page.getByRole('button', { name: 'Check my answer' }).click();
			const verdict = page.getByRole('heading', { level: 2, name: /^(✓ Right|✗ Not quite)$/ });
			await expect(verdict).toBeVisible();
			if (js) await expect(verdict).toBeFocused();
			await expect(page.getByText(/^This question comes back in (a minute|\d+ minutes)\.$/)).toBeVisible();
			await expect(page.locator('.cited blockquote').first()).toBeVisible();
			if (js) await shoot(page, 'review-feedback');
			// one fewer due
			const after = due - 1;
			if (after > 0) {
				await expect(page.getByRole('link', { name: `Review ${after} due` })).toBeVisible();
				await expect(page.getByRole('link', { name: `Next question (${after} due)` })).toBeVisible();
			} else {
				await expect(page.getByRole('link', { name: /^Review$/ })).toBeVisible();
			}
			await check(page, mode);

			// "Questions you miss most" on My progress leads to practising one of them
			await page.getByRole('link', { name: 'My progress' }).click();
			await page.getByRole('link', { name: /^Practise it now/ }).first().click();
			await expect(page).toHaveURL(/\/review\?question=/);
			await expect(page.getByText(/^Practising a question you have missed, from “.+”\.$/)).toBeVisible();
			await expect(page.getByRole('button', { name: 'Check my answer' })).toBeVisible();
			await check(page, mode);

			// back on the course page: where the learner left off, and what is next
			await page.getByRole('link', { name: 'Traceable', exact: true }).click();
			await expect(page).toHaveURL('/');
			const continuing = page.getByRole('region', { name: 'Continue where you left off' });
			await expect(continuing).toContainText(/You took the quiz on lesson 1, “.+”, on /);
			// the quiz was not passed and the lesson not marked read: back to reading it
			await expect(continuing.getByRole('link', { name: /^Continue: read lesson 1, / })).toHaveAttribute('href', lessonPath);
			if (after > 0) await expect(continuing.getByRole('link', { name: `Review ${after} ${after === 1 ? 'question' : 'questions'} due` })).toBeVisible();
			await check(page, mode);
			if (js) await shoot(page, 'course-continue');
		});
	});
}
