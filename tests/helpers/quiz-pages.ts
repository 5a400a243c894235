import { expect, type Locator, type Page } from '@playwright/test';

/** Browser steps the quiz journeys share: each moves by clicking, as a learner would. */

/** From the course page: the first lesson, its quiz link, sign-up from there, back on the quiz. */
export async function signUpFromQuizLink(page: Page, email: string) {
	await page.goto('/');
	const lessonLink = page.locator('main a[href^="/lessons/"]').first();
	const lessonHref = (await lessonLink.getAttribute('href'))!;
	await lessonLink.click();
	await expect(page).toHaveURL(lessonHref);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.getByRole('link', { name: 'Take the quiz' }).click();
	await expect(page).toHaveURL(/\/signin\?redirectTo=/);
	await page.getByRole('link', { name: 'Create an account' }).click();
	// the sign-in page has an Email field too: wait until the sign-up form is there
	await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Your name').fill('Quiz Learner');
	await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase 42');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(`${lessonHref}/quiz`);
	return lessonHref;
}

/** Submits the open attempt, confirming when some questions were left without an answer. */
export async function submitQuiz(page: Page) {
	await page.getByRole('button', { name: 'Submit answers' }).click();
	const anyway = page.getByRole('button', { name: 'Submit anyway' });
	await expect(anyway.or(page.getByRole('heading', { level: 1, name: /You scored/ }))).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	await expect(page).toHaveURL(/\/attempts\//);
}

/**
 * Starts quizzes lesson by lesson until one draws a question that `wanted` finds; returns that
 * question. Draws are random: a quiz without one is submitted and the next tried, round after round.
 */
export async function startQuizWith(page: Page, wanted: (page: Page) => Locator) {
	await page.goto('/');
	const lessons = await page.locator('main a[href^="/lessons/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')))]);
	for (let round = 0; round < 12; round++) {
		for (const lesson of lessons) {
			await page.goto(`${lesson}/quiz`);
			await page.getByRole('button', { name: /Start the quiz|Start a new attempt/ }).click();
			await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
			if (await wanted(page).count()) return { lesson: lesson!, question: wanted(page).first() };
			await submitQuiz(page);
		}
	}
	throw new Error('no lesson drew the wanted question in 12 rounds');
}
