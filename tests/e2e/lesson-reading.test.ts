import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';

/**
 * A reader without an account: from the course page to a lesson, through its sections, out to a
 * cited sentence and back, and through a "check yourself" question answered wrong, then right.
 */

async function openLessonFromCourse(page: Page) {
	await page.goto('/');
	await page.getByRole('link', { name: /^Lesson 1: / }).click();
	await expect(page).toHaveURL(/\/lessons\/origins$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Project Gunrunner is: goals, money and partners');
}

/** Answers the section's first check question wrong, then with the answer the feedback gave, as a learner would. */
async function answerWrongThenRight(page: Page, sectionId: string, js: boolean) {
	const section = page.locator(`section#${sectionId}`);
	const form = section.locator('form.check').first();
	const radios = form.getByRole('radio');
	await expect(radios.first()).toBeVisible();
	// nothing in the page gives the answer away before an answer is sent
	const formId = (await form.getAttribute('id'))!;
	expect(await page.content()).not.toContain('correctOptionId');

	let answer: string | undefined;
	for (let i = 0; i < (await radios.count()) && !answer; i++) {
		await page.locator(`#${formId}`).getByRole('radio').nth(i).check();
		await page.locator(`#${formId}`).getByRole('button', { name: 'Check' }).click();
		const feedback = page.locator(`#${formId}-feedback`);
		await expect(feedback).toContainText(/Right\.|Not quite\./);
		if ((await feedback.innerText()).includes('Not quite.')) {
			await expect(feedback).toContainText('You answered');
			await expect(feedback).toContainText('The source says:');
			await expect(feedback.getByRole('link', { name: /^source 1: Project Gunrunner, / }).first()).toBeVisible();
			// back at the question, not at the top of the page
			await expect(page.locator(`#${formId}`)).toBeInViewport();
			// axe runs in the page's JavaScript: without it, the same server-rendered states are checked by the test above
			if (js) await expectNoAxeViolations(page);
			answer = (await feedback.locator('strong').nth(1).innerText()).trim();
		}
	}
	expect(answer, 'one option is wrong').toBeTruthy();
	await page.locator(`#${formId}`).getByRole('radio', { name: answer, exact: true }).check();
	await page.locator(`#${formId}`).getByRole('button', { name: 'Check' }).click();
	const feedback = page.locator(`#${formId}-feedback`);
	await expect(feedback).toContainText('Right.');
	await expect(feedback).toContainText(`The answer is ${answer}.`);
	await expect(page.locator(`#${formId}`).getByRole('radio', { name: answer, exact: true })).toBeChecked();
	if (js) await expectNoAxeViolations(page);
}

test('a reader moves through a lesson by its sections, checks a citation and answers a check question', async ({ page }) => {
	await openLessonFromCourse(page);
	await expectNoAxeViolations(page);

	// the contents list the objectives; each leads to its section
	const contents = page.getByRole('navigation', { name: 'In this lesson you will' });
	await contents.getByRole('link', { name: 'Recall how the project was funded and staffed.' }).click();
	await expect(page).toHaveURL(/#section-funding$/);
	const section = page.getByRole('region', { name: 'How the project was funded and staffed' });
	await expect(section.getByRole('heading', { level: 2 })).toBeInViewport();
	await expect(section.getByRole('heading', { name: 'Key points' })).toBeVisible();

	// the key terms come from the sources' own definitions, cited
	const term = page.getByRole('region', { name: 'Key terms' }).locator('dt', { hasText: /^Project Gunrunner$/ });
	await expect(term).toBeVisible();
	await expect(term.locator('xpath=following-sibling::dd')).toContainText('a project of the U.S. Bureau of Alcohol');

	// a citation marker: a small link after its sentence, named for its source and section
	const marker = section.locator('.key-points li', { hasText: '$40 million' }).getByRole('link', { name: 'source 1: Project Gunrunner, Budget' }).first();
	await expect(marker).toHaveText('1');
	await marker.click();
	await expect(page).toHaveURL(/\/sources\/encyclopedia-project-gunrunner\?from=origins&s=[\w-]+#s-/);
	await expect(page.locator('.sentence:target')).toContainText('$40 million');
	await expectNoAxeViolations(page);
	// read to the end of the source: the way back is still on screen, and the cited sentence was not under it
	await expect(page.locator('.sentence:target')).toBeInViewport();
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await expect(page.getByRole('link', { name: /Back to the lesson/ })).toBeInViewport();
	await page.getByRole('link', { name: /Back to the lesson/ }).click();
	await expect(page).toHaveURL(/\/lessons\/origins/);

	await answerWrongThenRight(page, 'section-funding', true);
	// reached by clicking from the course page, the lesson runs in the browser: the answers were checked in place
	expect(page.url()).not.toContain('?/check');
});

test('a check question refuses an empty answer with a message and changes nothing', async ({ page }) => {
	await openLessonFromCourse(page);
	const form = page.locator('section#section-funding form.check').first();
	const formId = (await form.getAttribute('id'))!;
	await form.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator(`#${formId}-feedback`)).toHaveText('Choose or type an answer first.');
	await expectNoAxeViolations(page);
});

test('a forged check answer gets a clear 400, not a 500', async ({ page }) => {
	await page.goto('/lessons/origins');
	const response = await page.request.post('/lessons/origins?/check', {
		form: { question: 'not-a-question', q1: 'x' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('not one of this lesson');
});

test('a long lesson reads on a 360 px phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await openLessonFromCourse(page);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	// lines of about 70 characters at most on a wide screen
	await page.setViewportSize({ width: 1400, height: 900 });
	const width = await page.locator('.key-points li').first().evaluate((el) => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize));
	expect(width).toBeLessThan(40);
});

test('on a phone, tabbing through a lesson never leaves the focused link under the floating "↑ Contents" (WCAG 2.4.11)', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	await openLessonFromCourse(page);
	const jump = page.getByRole('link', { name: '↑ Contents' });
	await expect(jump).toBeVisible();
	const pill = (await jump.boundingBox())!;
	let checked = 0;
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el.classList.contains('contents-jump') || el === document.body) return null;
			const r = el.getBoundingClientRect();
			return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, text: el.textContent?.trim().slice(0, 40) ?? '' };
		});
		if (!focused) continue;
		checked++;
		const covered = focused.top >= pill.y && focused.bottom <= pill.y + pill.height && focused.left >= pill.x && focused.right <= pill.x + pill.width;
		const underBottomEdge = focused.bottom > pill.y && focused.top < pill.y + pill.height && focused.right > pill.x && focused.left < pill.x + pill.width;
		expect(covered || underBottomEdge, `focused "${focused.text}" lies under the floating link`).toBe(false);
	}
	expect(checked).toBeGreaterThan(20);
});

/**
 * A section's supporting passages sit behind "More from the sources": opened from the keyboard, a
 * citation in them followed to the source, and "Back to the lesson" lands on that citation with
 * the disclosure open again, though the lesson was loaded afresh.
 */
async function followCitationInsidePassages(page: Page, js: boolean) {
	await openLessonFromCourse(page);
	// a passage sentence shown nowhere else in the lesson: its citation link is the anchor "Back to the lesson" returns to
	const folded = page.locator('section.lesson-section').filter({ has: page.locator('details.more:not([open]) a.cite[id^="cite-"]') }).first();
	// held by its section's id: "not open" stops matching once it opens
	const more = page.locator(`section#${await folded.getAttribute('id')} details.more`);
	const citation = more.locator('a.cite[id^="cite-"]').first();
	const summary = more.locator('summary');
	await expect(summary).toHaveText(/^More from the sources \(\d+ passages?\)$/);
	await expect(citation).toBeHidden();
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(citation).toBeVisible();
	if (js) await expectNoAxeViolations(page);
	const anchor = (await citation.getAttribute('id'))!;
	await citation.click();
	await expect(page).toHaveURL(/\/sources\/[^?]+\?from=origins&s=[\w-]+#s-/);
	await expect(page.locator('.sentence:target')).toHaveCount(1);
	await page.getByRole('link', { name: /Back to the lesson/ }).click();
	await expect(page).toHaveURL(new RegExp(`/lessons/origins\\?at=[\\w-]+#${anchor}$`));
	const target = page.locator(':target');
	await expect(target).toHaveAttribute('id', anchor);
	await expect(target).toBeVisible();
	await expect(target).toBeInViewport();
	await expect(page.locator(`details.more[open]:has(#${anchor})`)).toHaveCount(1);
	// opened by the server, not only by Chromium's own unfolding of a disclosure that holds the
	// target (which not every browser does)
	const served = await (await page.request.get(page.url())).text();
	expect(served).toMatch(new RegExp(`<details open[^>]*>(?:(?!</details>)[\\s\\S])*id="${anchor}"`));
	// the other sections' passages stay folded
	expect(await page.locator('details.more:not([open])').count()).toBeGreaterThan(0);
}

test('passages behind "More from the sources" open from the keyboard, and "Back to the lesson" reopens them at the citation', async ({ page }) => {
	await followCitationInsidePassages(page, true);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the sections, the citation markers and the check questions work as plain links and forms', async ({ page }) => {
		await openLessonFromCourse(page);
		await page.getByRole('navigation', { name: 'In this lesson you will' }).getByRole('link', { name: 'Recall how the project was funded and staffed.' }).click();
		await expect(page).toHaveURL(/#section-funding$/);
		await answerWrongThenRight(page, 'section-funding', false);
		// the form posted back to the question's own anchor on the lesson page
		expect(page.url()).toMatch(/\/lessons\/origins\?\/check#check-/);
	});

	test('"More from the sources" opens, and "Back to the lesson" reopens it at the citation, from the server', async ({ page }) => {
		await followCitationInsidePassages(page, false);
	});
});
