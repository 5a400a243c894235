import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';

test('the course page lists the lessons in order with their objectives', async ({ page }) => {
	await page.goto('/');
	const lessons = page.getByRole('region', { name: 'Lessons' }).getByRole('heading', { level: 3 });
	await expect(lessons.first()).toHaveText(/^Lesson 1: /);
	expect(await lessons.count()).toBeGreaterThanOrEqual(5);
	await expect(page.getByText('Place the start and growth of the project on a timeline.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a lesson shows its timeline, key figures, people, perspectives and disagreements', async ({ page }) => {
	await page.goto('/lessons/gunwalking');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gunwalking and Operation Fast and Furious');
	await expect(page.locator('.events li').first()).toBeVisible();
	await expect(page.getByRole('table', { name: 'Key figures' }).first()).toBeVisible();
	await expect(page.getByRole('rowheader', { name: '1,856' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'People and organisations' })).toContainText('Brian Terry');
	const disagreement = page.getByRole('complementary', { name: /How many Fast and Furious guns were recovered in the U\.S\.\?/ });
	await expect(disagreement.getByText(/372 Fast and Furious firearms/)).toBeVisible();
	await expect(disagreement.getByText(/nearly 270 at crime scenes/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('following a citation lands on the highlighted sentence in the source, with a way back', async ({ page }) => {
	await page.goto('/lessons/origins');
	// the marker right after the sentence, named for its source and section
	const sentence = page.locator('.key-points li', { hasText: 'began Project Gunrunner as a pilot project in Laredo' });
	await sentence.getByRole('link', { name: 'source 1: Project Gunrunner, History' }).click();
	await expect(page).toHaveURL(/\/sources\/encyclopedia-project-gunrunner\?from=origins&s=[^#]+#s-/);
	const target = page.locator('.sentence:target');
	await expect(target).toHaveCount(1);
	await expect(target).toContainText('The ATF began Project Gunrunner as a pilot project in Laredo, Texas, in 2005');
	await expect(target).toBeInViewport();
	const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(background).not.toBe('rgba(0, 0, 0, 0)');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Project Gunrunner');
	await expect(page.getByText('CC BY-SA 4.0', { exact: false })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: /Back to the lesson/ }).click();
	// back where the reader was: at the citation they followed, not the top of the lesson
	await expect(page).toHaveURL(/\/lessons\/origins\?at=[\w-]+#cite-[\w-]+$/);
	const back = page.locator(':target');
	await expect(back).toHaveCount(1);
	await expect(back).toBeInViewport();
	expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
});

test('the source viewer drops page chrome and 404s an unknown source', async ({ page }) => {
	await page.goto('/sources/tpm-atf-flubbing');
	await expect(page.getByText('Sign up for the Morning Memo newsletter')).toHaveCount(0);
	await expect(page.getByText('Executive Editor:')).toHaveCount(0);
	await expect(page.getByText(/Spokesman Drew Wade tells us/)).toBeVisible();
	const response = await page.goto('/sources/no-such-source');
	expect(response?.status()).toBe(404);
	const lesson = await page.goto('/lessons/no-such-lesson');
	expect(lesson?.status()).toBe(404);
});

test('lesson and source pages read on a 360 px phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const url of ['/', '/lessons/origins', '/lessons/inspector-general', '/lessons/gunwalking', '/sources/nbc-gunrunner-misfires']) {
		await page.goto(url);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, url).toBeLessThanOrEqual(0);
		// nor a table whose last column hides in a box that scrolls without saying so
		const hidden = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].map((box) => box.scrollWidth - box.clientWidth));
		for (const width of hidden) expect(width, `${url} key figures table`).toBeLessThanOrEqual(0);
		// and no word in a table cut in two across lines ("Figur/e", "Proje/ct")
		const cutWords = await page.evaluate(() => {
			const cut: string[] = [];
			for (const cell of document.querySelectorAll('main th, main td')) {
				// headers kept for screen readers only (1 px wide) are not read by eye
				if (cell.getBoundingClientRect().width <= 2 || cell.closest('thead')?.getBoundingClientRect().width === 1) continue;
				const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					for (const match of (node.textContent ?? '').matchAll(/[A-Za-z]{4,}/g)) {
						const range = document.createRange();
						range.setStart(node, match.index!);
						range.setEnd(node, match.index! + match[0].length);
						const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
						if (tops.size > 1) cut.push(match[0]);
					}
				}
			}
			return cut;
		});
		expect(cutWords, `${url} words cut across lines in a table`).toEqual([]);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('lessons and the highlighted citation are server-rendered', async ({ page }) => {
		await page.goto('/lessons/etrace');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('eTrace: tracing guns across borders');
		const href = await page.locator('.lesson-section').first().getByRole('link', { name: /^source 1: / }).first().getAttribute('href');
		expect(href).toMatch(/^\/sources\/.+\?from=etrace&s=[\w-]+#s-/);
		await page.goto(href!);
		await expect(page.locator('.sentence:target')).toHaveCount(1);
		// links from elsewhere (quiz results) name the sentence with ?s= as well
		const id = href!.split('#s-')[1];
		await page.goto(`/sources/${href!.split('/')[2].split('?')[0]}?s=${id}`);
		await expect(page.locator(`#s-${id}.cited`)).toHaveCount(1);
	});
});

test('readers see source metadata as a name and notes, source text tidied, and figures that say what they count', async ({ page }) => {
	await page.goto('/sources/encyclopedia-project-gunrunner');
	await expect(page.locator('dl.meta dd').first()).toHaveText('Wikipedia');
	const about = page.getByRole('region', { name: 'About this document' });
	await expect(about).toContainText('Mentions events up to 2014');
	await expect(about).toContainText('wiki markup headings');
	await expectNoAxeViolations(page);

	await page.goto('/sources/nbc-gunrunner-misfires');
	const text = await page.locator('article.source-text').innerText();
	expect(text).toContain('A major Justice Department program aimed at intercepting');
	// the teaser line repeating the lead is page chrome; display spacing is tidied
	expect(text).not.toMatch(/A\s+U\.S\. program aimed at intercepting/);
	expect(text).not.toMatch(/ ,| {2}/);

	await page.goto('/');
	await expect(page.getByText('Wikipedia (encyclopedia-style', { exact: false })).toHaveCount(0);

	await page.goto('/lessons/origins');
	await expect(page.getByRole('row', { name: /^650/ })).toContainText('cases referred for prosecution, 2005–2008');
	await expect(page.getByRole('region', { name: 'People and organisations' })).toContainText('Customs and Border Protection (CBP)');

	await page.goto('/lessons/inspector-general');
	const cards = page.locator('.perspectives li');
	expect(await cards.count()).toBeGreaterThan(2);
	expect(await cards.count()).toBeLessThanOrEqual(6);
});
