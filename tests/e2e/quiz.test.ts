import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { formClient, newAccount, signUpOverHttp } from '../helpers/accounts';
import { signUpFromQuizLink, startQuizWith, submitQuiz } from '../helpers/quiz-pages';

/**
 * A new learner's whole path: read a lesson, follow its quiz link while signed out, sign up and
 * come back to the quiz, take it, retake it answering some questions right and some wrong (known
 * from the first attempt's results), and see results and progress agree. Once with JavaScript,
 * once without.
 */

interface Key {
	type: 'choice' | 'text' | 'number' | 'order';
	/** what to type or arrange (for a number: the digits alone) */
	correct: string;
	/** the correct answer as the results page shows it: an option's whole text */
	shown: string;
}

/** Identifies a question across attempts: its instruction and statement, plus any statement or claim shown with it. */
async function questionKey(container: import('@playwright/test').Locator): Promise<string> {
	const text = async (selector: string) => {
		const found = container.locator(selector);
		return (await found.count()) ? (await found.first().innerText()).replace(/\s+/g, ' ').trim() : '';
	};
	return `${await text('.instruction')} ${await text('.statement-text')}|${await text('.statement')}`;
}

/** Answers every question: right, wrong, or (unknown question) with some plausible answer. */
async function answerAll(page: Page, keys: Map<string, Key>, wantRight: (index: number) => boolean, js: boolean) {
	const questions = page.locator('fieldset.question');
	const count = await questions.count();
	const plan: { key: string; right: boolean | null }[] = [];
	let known = 0;
	for (let i = 0; i < count; i++) {
		const q = questions.nth(i);
		const key = await questionKey(q);
		const answer = keys.get(key);
		const right = answer ? wantRight(known++) : null;
		plan.push({ key, right });
		const radios = q.getByRole('radio');
		const textbox = q.getByRole('textbox');
		if (await radios.count()) {
			const labels = await q.locator('label.choice').allInnerTexts();
			const pick = answer
				? labels.findIndex((l) => (l.trim() === answer.shown) === right)
				: 0;
			await radios.nth(pick).check();
		} else if (await textbox.count()) {
			const numeric = (await q.locator('label').first().innerText()).startsWith('Your answer');
			const value = answer && right ? answer.correct : numeric ? '987654321' : 'zzzz';
			await textbox.fill(value);
			await textbox.blur();
		} else {
			const items = answer ? answer.correct.split(' → ') : [];
			const target = answer && !right ? items.slice().reverse() : items;
			if (target.length) await arrange(q, target, js);
		}
	}
	return plan;
}

async function arrange(q: import('@playwright/test').Locator, target: string[], js: boolean) {
	if (!js) {
		for (const [i, text] of target.entries()) await q.getByLabel(text, { exact: true }).selectOption(String(i + 1));
		return;
	}
	for (const [i, text] of target.entries()) {
		for (let guard = 0; guard < target.length; guard++) {
			const current = (await q.locator('.item-text').allInnerTexts()).map((t) => t.trim());
			if (current.indexOf(text) <= i) break;
			await q.getByRole('button', { name: `Move “${text}” up` }).click();
		}
	}
}

/** Reads the results page: each question's key, verdict and correct answer. */
async function readResults(page: Page) {
	const items = page.locator('ol.answers > li');
	const results: { key: string; correct: boolean; answer: Key }[] = [];
	for (let i = 0; i < (await items.count()); i++) {
		const item = items.nth(i);
		const key = await questionKey(item);
		const correct = (await item.locator('.verdict').innerText()).includes('✓');
		const dd = item.locator('dd');
		const terms = await item.locator('dt').allInnerTexts();
		const yours = await dd.nth(0).innerText();
		const right = correct ? yours : await dd.nth(terms.indexOf('Correct answer')).innerText();
		const type: Key['type'] = right.includes(' → ')
			? 'order'
			: /^-?[\d,.]+( |$)/.test(right) && !(await item.locator('.statement').count())
				? 'number'
				: 'choice';
		results.push({ key, correct, answer: { type, correct: type === 'number' ? right.split(' ')[0].replace(/,/g, '') : right.trim(), shown: right.trim() } });
	}
	return results;
}

/** Every question's text sits inside its card: no border drawn through it, nothing outside. */
async function expectQuestionTextInsideCards(page: Page) {
	const legends = page.locator('fieldset.question legend');
	expect(await legends.count()).toBeGreaterThan(0);
	const misplaced = await legends.evaluateAll((all) =>
		all
			.filter((legend) => {
				const card = legend.closest('.card')!;
				const c = card.getBoundingClientRect();
				const l = legend.getBoundingClientRect();
				const style = getComputedStyle(card);
				return (
					l.top < c.top + parseFloat(style.borderTopWidth) ||
					l.left < c.left + parseFloat(style.borderLeftWidth) ||
					l.right > c.right - parseFloat(style.borderRightWidth) ||
					l.bottom > c.bottom
				);
			})
			.map((legend) => legend.textContent?.slice(0, 60))
	);
	expect(misplaced).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
}

for (const js of [true, false]) {
	test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled: js });

		test('a new learner reads a lesson, signs up from the quiz link, takes and retakes the quiz, and sees progress', async ({ page }) => {
			const lessonHref = await signUpFromQuizLink(page, `learner-${js ? 'js' : 'nojs'}-${Date.now()}@example.org`);

			// start: the page shows prompts only
			await page.getByRole('button', { name: 'Start the quiz' }).click();
			await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
			// focus moves to the attempt, not back to the top of the page
			if (js) await expect(page.getByRole('heading', { level: 2, name: /^Attempt 1: \d+ questions$/ })).toBeFocused();
			const html = await page.content();
			expect(html).not.toMatch(/correctOptionId|"accepted"|explanation/);
			if (js) await expectNoAxeViolations(page);

			// first attempt: answers without knowing the key
			const firstPlan = await answerAll(page, new Map(), () => false, js);
			if (js) {
				// each answer was saved on change: a reload resumes the attempt with them
				await expect(page.locator('.save-status', { hasText: 'Saved' }).first()).toBeVisible();
				await expect.poll(async () => page.locator('.save-status', { hasText: 'Saving' }).count()).toBe(0);
				await page.reload();
				await expect(page.locator('fieldset.question input[type=radio]:checked').first()).toBeVisible();
			}
			await page.getByRole('button', { name: 'Submit answers' }).click();
			await expect(page).toHaveURL(/\/attempts\//);
			const summary = page.getByRole('heading', { level: 1 });
			await expect(summary).toContainText(/You scored [\d.]+%: \d+ of \d+ correct/);
			if (js) await expect(summary).toBeFocused();
			const firstScore = (await summary.innerText()).match(/You scored ([\d.]+)%/)![1];
			const first = await readResults(page);
			expect(first).toHaveLength(firstPlan.length);
			const lessonId = lessonHref.split('/').pop()!;
			const citation = page.getByRole('link', { name: /read this sentence in its source/ }).first();
			await expect(citation).toHaveAttribute('href', new RegExp(`^/sources/[^?]+\\?s=[^&#]+&from=${lessonId}#s-`));
			// each answer quotes its cited sentences once each, each with its own link to the source
			const answers = page.locator('ol.answers > li');
			for (let i = 0; i < (await answers.count()); i++) {
				const quotes = answers.nth(i).locator('.cited blockquote');
				const hrefs = await quotes.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
				const texts = (await quotes.locator('p').allInnerTexts()).map((t) => t.trim());
				expect(hrefs.length).toBeGreaterThan(0);
				expect(new Set(hrefs).size).toBe(hrefs.length);
				expect(new Set(texts).size).toBe(texts.length);
				expect(texts.every((t) => /^“.+”$/s.test(t))).toBe(true);
				// the quote is not repeated in an explanation beside it ("The answer is X. The source says: …")
				expect(await answers.nth(i).innerText()).not.toMatch(/The source says:|The answer is /);
			}
			if (js) await expectNoAxeViolations(page);
			// a citation leads to its sentence in the source, with a way back to the lesson
			await citation.click();
			await expect(page).toHaveURL(/\/sources\//);
			// back to the lesson at the citation followed, not the top of the lesson
			await expect(page.getByRole('link', { name: /Back to the lesson/ })).toHaveAttribute('href', new RegExp(`^${lessonHref}\\?at=[\\w-]+#cite-`));
			await page.goBack();
			await expect(page).toHaveURL(/\/attempts\//);

			// a resent submission shows the same stored result
			const attemptUrl = page.url();

			// mark the lesson read
			await page.goto(lessonHref);
			await page.getByRole('button', { name: 'Mark as read' }).click();
			await expect(page.locator('#lesson-progress')).toContainText('Read on');

			// retake, answering the questions seen before: alternately right and wrong. A retake draws
			// anew, so it may repeat fewer than two known questions: then its key is learnt too and
			// the quiz taken again
			const keys = new Map(first.map((r) => [r.key, r.answer]));
			const scores = [firstScore];
			let plan: Awaited<ReturnType<typeof answerAll>> = [];
			for (let retake = 0; retake < 6; retake++) {
				await page.goto(attemptUrl);
				await page.getByRole('button', { name: 'Retake the quiz' }).click();
				await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
				if (js) await expect(page.getByRole('heading', { level: 2, name: /^Attempt \d+: \d+ questions$/ })).toBeFocused();
				plan = await answerAll(page, keys, (i) => i % 2 === 0, js);
				await page.getByRole('button', { name: 'Submit answers' }).click();
				await expect(page).toHaveURL(/\/attempts\//);
				scores.push((await page.getByRole('heading', { level: 1 }).innerText()).match(/You scored ([\d.]+)%/)![1]);
				const results = await readResults(page);
				if (plan.filter((p) => p.right !== null).length >= 2) {
					for (const p of plan) {
						if (p.right === null) continue;
						expect(results.find((r) => r.key === p.key)?.correct, p.key).toBe(p.right);
					}
					break;
				}
				for (const r of results) keys.set(r.key, r.answer);
			}
			expect(plan.filter((p) => p.right === true).length).toBeGreaterThanOrEqual(1);
			expect(plan.filter((p) => p.right === false).length).toBeGreaterThanOrEqual(1);

			// the progress page reflects both attempts, the reading and the misses
			await page.getByRole('link', { name: 'My progress' }).first().click();
			await expect(page).toHaveURL('/progress');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('My progress');
			const scoreTable = page.getByRole('table').first();
			await expect(scoreTable.getByRole('row')).toHaveCount(scores.length + 1);
			for (const score of scores) await expect(scoreTable).toContainText(`${score}%`);
			await expect(page.getByRole('img', { name: 'Quiz scores over time, oldest first' })).toBeVisible();
			const best = Math.max(...scores.map(Number));
			const lessonRow = page.getByRole('row').filter({ has: page.locator(`a[href="${lessonHref}"]`) });
			await expect(lessonRow).toContainText(`${best}%`);
			await expect(lessonRow).not.toContainText('Not yet');
			await expect(page.getByRole('heading', { name: 'Mastery by learning objective' })).toBeVisible();
			const missedSection = page.locator('section', { has: page.getByRole('heading', { name: 'Questions you miss most' }) });
			await expect(missedSection.getByRole('link', { name: /Practise it now/ }).first()).toHaveAttribute('href', /^\/review\?question=/);
			await expect(missedSection.getByRole('link', { name: /Read the source sentence/ }).first()).toHaveAttribute('href', /^\/sources\//);
			if (js) await expectNoAxeViolations(page);

			// the course page shows the lesson's progress
			await page.goto('/');
			await expect(page.locator('main')).toContainText(`Best score ${best}%`);
		});
	});
}

for (const js of [true, false]) {
	test.describe(js ? 'Enter with JavaScript' : 'Enter without JavaScript', () => {
		test.use({ javaScriptEnabled: js });

		test('Enter in a text answer saves it and leaves the attempt open; only "Submit answers" submits', async ({ page }) => {
			await signUpFromQuizLink(page, `enter-${js ? 'js' : 'nojs'}-${Date.now()}@example.org`);
			const { lesson, question } = await startQuizWith(page, (p) => p.locator('fieldset.question', { has: p.getByRole('textbox') }));
			const box = question.getByRole('textbox');
			// a number is a valid answer to both fill-in and numeric questions
			await box.fill('4321');
			await box.press('Enter');
			await expect(page.getByRole('status').filter({ hasText: 'Your answers are saved' })).toBeVisible();
			expect(page.url()).not.toMatch(/\/attempts\//);
			// the attempt is still open with the answer kept
			await page.goto(`${lesson}/quiz`);
			await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
			await expect(page.locator('fieldset.question', { has: page.getByRole('textbox') }).getByRole('textbox').first()).toHaveValue('4321');
			await submitQuiz(page);
		});
	});
}

test('a typed answer survives a reload without the learner ever leaving the field', async ({ page }) => {
	await signUpFromQuizLink(page, `typed-reload-${Date.now()}@example.org`);
	const { lesson, question } = await startQuizWith(page, (p) => p.locator('fieldset.question', { has: p.getByRole('textbox') }));
	const id = (await question.getAttribute('id'))!;
	const box = question.getByRole('textbox');
	await box.click();
	// typed key by key, as a learner would (a number fits fill-in and numeric questions alike)
	const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('?/save'), { timeout: 10_000 }).catch(() => null);
	await box.pressSequentially('2468', { delay: 60 });
	await expect(box).toBeFocused();
	// no change event has fired (the field was never left): only the save on typing can have sent it
	await saved;
	await expect.soft(page.locator(`#${id}-status`)).toHaveText('Saved');
	await page.reload();
	await expect(page).toHaveURL(new RegExp(`${lesson}/quiz$`));
	await expect(page.locator(`#${id}`).getByRole('textbox')).toHaveValue('2468');
	await submitQuiz(page);
});

test('the quiz as rendered for a browser without JavaScript (position selects) passes axe', async ({ page }) => {
	await signUpFromQuizLink(page, `static-${Date.now()}@example.org`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
	// axe needs scripts in the page, so keep JavaScript on but stop the app's own scripts: the server-rendered form stays as it is
	await page.route('**/_app/immutable/**/*.js', (route) => route.abort());
	await page.reload();
	await expect(page.locator('fieldset.question').first()).toBeVisible();
	await expect(page.getByRole('button', { name: /Move .* up/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('quiz, results and progress pages fit a 360 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await signUpFromQuizLink(page, `phone-${Date.now()}@example.org`);
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('button', { name: 'Submit answers' })).toBeVisible();
	await expectNoSidewaysScroll(page);
	await expectQuestionTextInsideCards(page);
	await page.screenshot({ path: 'test-reports/quiz-phone-360.png' });
	await page.setViewportSize({ width: 1280, height: 900 });
	await expectQuestionTextInsideCards(page);
	await page.screenshot({ path: 'test-reports/quiz-desktop-1280.png' });
	await page.setViewportSize({ width: 360, height: 740 });
	// nothing answered: asked first, with links to the blank questions, and nothing submitted yet
	await page.getByRole('button', { name: 'Submit answers' }).click();
	const warning = page.getByRole('alert');
	await expect(warning).toContainText(/questions have no answer yet \(questions \d+, /);
	await expect(warning).toBeFocused();
	const firstBlank = warning.locator('.unanswered a').first();
	await expect(firstBlank).toHaveAttribute('href', /^#question-\d+$/);
	await expect(page.locator((await firstBlank.getAttribute('href'))!)).toBeVisible();
	expect(page.url()).not.toMatch(/\/attempts\//);
	await expectNoSidewaysScroll(page);
	await expectNoAxeViolations(page);
	// the way on is in the message itself, next after it for a keyboard
	await warning.getByRole('button', { name: 'Submit anyway' }).click();
	await expect(page).toHaveURL(/\/attempts\//);
	await expectNoSidewaysScroll(page);
	await page.goto('/progress');
	await expectNoSidewaysScroll(page);
	// every figure of the scores and Lessons tables is on screen, none cut off inside a scroll box
	const cells = page.getByRole('main').getByRole('cell');
	expect(await cells.count()).toBeGreaterThan(8);
	const offScreen = await cells.evaluateAll((cells) =>
		cells.filter((cell) => {
			const r = cell.getBoundingClientRect();
			return r.width === 0 || r.left < 0 || r.right > document.documentElement.clientWidth;
		}).length
	);
	expect(offScreen).toBe(0);
	// a table that still scrolls sideways can be reached and scrolled from the keyboard
	const unreachable = await page.locator('main *').evaluateAll((all) =>
		all
			.filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
			.filter((el) => el.getAttribute('tabindex') !== '0' || !el.getAttribute('aria-label')).length
	);
	expect(unreachable).toBe(0);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: 'test-reports/progress-phone-360.png', fullPage: true });
});

test('bad requests get a clear 4xx', async ({ page, request }) => {
	await signUpFromQuizLink(page, `bad-${Date.now()}@example.org`);
	const unknownLesson = await page.goto('/lessons/no-such-lesson/quiz');
	expect(unknownLesson?.status()).toBe(404);
	const unknownAttempt = await page.goto('/attempts/no-such-attempt');
	expect(unknownAttempt?.status()).toBe(404);
	await expect(page.locator('main')).toContainText('No such quiz attempt');
	// signed out, the progress page sends the visitor to sign in
	const anonymous = await request.get('/progress', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers().location).toBe('/signin?redirectTo=%2Fprogress');
});

test('form posts with bad input get a clear 4xx and change nothing; a resent submission shows the same result', async ({ playwright, baseURL }) => {
	const owner = await formClient(playwright, baseURL!);
	const other = await formClient(playwright, baseURL!);
	await signUpOverHttp(owner, newAccount('student', 'owner'));
	await signUpOverHttp(other, newAccount('student', 'other'));
	const home = await (await owner.get('/')).text();
	const lesson = home.match(/href="\/lessons\/([^"/]+)"/)![1];
	const quiz = `/lessons/${lesson}/quiz`;

	expect((await owner.post(`${quiz}?/start`, { form: {} })).status()).toBe(303);
	const page = await (await owner.get(quiz)).text();
	const attemptId = page.match(/name="attemptId" value="([^"]+)"/)![1];
	const choice = page.match(/type="radio" name="(q\d+)" value="([^"]+)"/)!;
	const text = page.match(/name="(q\d+)" type="text"/);

	// someone else's attempt, an unknown attempt, a question not in the attempt, a made-up option, over-long text
	const refusals: [typeof owner, string, Record<string, string>, number, RegExp][] = [
		[other, 'submit', { attemptId, [choice[1]]: choice[2] }, 404, /No such quiz attempt/],
		[other, 'save', { attemptId, [choice[1]]: choice[2] }, 404, /No such quiz attempt/],
		[owner, 'submit', { attemptId: 'no-such-attempt' }, 404, /No such quiz attempt/],
		[owner, 'save', { attemptId, questionId: 'no-such-question' }, 400, /not part of this attempt/],
		[owner, 'save', { attemptId, [choice[1]]: 'made-up-option' }, 400, /not one of the choices|answer true or false/],
		[owner, 'submit', { attemptId, [choice[1]]: 'made-up-option' }, 400, /not one of the choices|answer true or false/]
	];
	if (text) refusals.push([owner, 'submit', { attemptId, [text[1]]: 'x'.repeat(1000) }, 400, /longer than 200 characters/]);
	// the owner's own attempt posted under an unknown lesson or another lesson's address
	const otherLesson = [...home.matchAll(/href="\/lessons\/([^"/]+)"/g)].map((m) => m[1]).find((id) => id !== lesson)!;
	const elsewhere: [string, string, number][] = [];
	for (const wrong of ['nope', otherLesson]) {
		for (const action of ['submit', 'save']) elsewhere.push([`/lessons/${wrong}/quiz?/${action}`, action, 404]);
	}
	for (const [url, action, status] of elsewhere) {
		const response = await owner.post(url, { form: { attemptId, [choice[1]]: choice[2] } });
		expect(response.status(), url).toBe(status);
		expect(await response.text(), `${action} message`).toMatch(/No such quiz attempt for this lesson|No such lesson/);
	}
	for (const [client, action, form, status, message] of refusals) {
		const response = await client.post(`${quiz}?/${action}`, { form });
		expect(response.status(), `${action} ${JSON.stringify(form).slice(0, 80)}`).toBe(status);
		expect((await response.text()).match(message)?.[0], `${action} message`).toBeTruthy();
	}
	// nothing was saved or submitted: the quiz page is as it was
	const after = await (await owner.get(quiz)).text();
	expect(after).toContain(`value="${attemptId}"`);
	expect(after).not.toMatch(/checked/);

	// one answer of several: refused with the blank questions named, nothing stored
	const unconfirmed = await owner.post(`${quiz}?/submit`, { form: { attemptId, [choice[1]]: choice[2] } });
	expect(unconfirmed.status()).toBe(400);
	expect(await unconfirmed.text()).toMatch(/have no answer yet \(questions? [\d, and]+\)/);
	expect(await (await owner.get(quiz)).text()).toContain(`value="${attemptId}"`);
	const first = await owner.post(`${quiz}?/submit`, { form: { attemptId, [choice[1]]: choice[2], confirmUnanswered: '1' } });
	expect(first.status()).toBe(303);
	const results = first.headers().location;
	expect(results).toBe(`/attempts/${attemptId}`);
	const score = (await (await owner.get(results)).text()).match(/You scored ([\d.]+%)/)![1];
	// a resent form lands on the same stored result; saving into the closed attempt is refused
	const again = await owner.post(`${quiz}?/submit`, { form: { attemptId } });
	expect(again.headers().location).toBe(results);
	expect((await (await owner.get(results)).text()).match(/You scored ([\d.]+%)/)![1]).toBe(score);
	const closed = await owner.post(`${quiz}?/save`, { form: { attemptId, [choice[1]]: choice[2] } });
	expect(closed.status()).toBe(409);
	// the results belong to their learner only
	expect((await other.get(results)).status()).toBe(404);
});

test('a teacher can take a quiz and see their progress, and no quiz page calls them a student', async ({ playwright, baseURL }) => {
	const teacher = await formClient(playwright, baseURL!);
	await signUpOverHttp(teacher, newAccount('teacher', 'quiz-teacher'));
	const lesson = (await (await teacher.get('/')).text()).match(/href="\/lessons\/([^"/]+)"/)![1];
	const quiz = `/lessons/${lesson}/quiz`;
	const mainOf = async (path: string) => {
		const response = await teacher.get(path);
		expect(response.status(), path).toBe(200);
		return (await response.text()).match(/<main[\s\S]*<\/main>/)![0];
	};
	const start = await mainOf(quiz);
	expect(start).toContain('Start the quiz');
	// the length the start page announces is the length of the attempt
	const announced = Number(/([1-9]\d*) questions on this lesson/.exec(start)?.[1]);
	expect((await teacher.post(`${quiz}?/start`, { form: {} })).status()).toBe(303);
	const taking = await mainOf(quiz);
	const attemptId = taking.match(/name="attemptId" value="([^"]+)"/)![1];
	const submitted = await teacher.post(`${quiz}?/submit`, { form: { attemptId, confirmUnanswered: '1' } });
	expect(submitted.headers().location).toBe(`/attempts/${attemptId}`);
	const results = await mainOf(`/attempts/${attemptId}`);
	expect(results.replace(/<!--[^>]*-->/g, '')).toMatch(new RegExp(`You scored [^<]*: \\d+ of ${announced} correct`));
	const progress = await mainOf('/progress');
	expect(progress).toContain(`/attempts/${attemptId}`);
	for (const page of [taking, results, progress]) expect(page).not.toMatch(/\bstudents?\b/i);
	await teacher.dispose();
});

test('a choice made before the page script loads is kept when it arrives', async ({ page }) => {
	await signUpFromQuizLink(page, `early-choice-${Date.now()}@example.org`);
	const { lesson } = await startQuizWith(page, (p) => p.locator('fieldset.question', { has: p.getByRole('radio') }));
	// a slow phone connection: the open attempt is usable before hydration, which must not reset it
	let release = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`${lesson}/quiz`, { waitUntil: 'domcontentloaded' });
	const radios = page.locator('fieldset.question').filter({ has: page.getByRole('radio') }).first().getByRole('radio');
	const last = radios.last();
	await last.check();
	const hydrated = page.waitForResponse((response) => response.url().includes('/_app/immutable/'));
	release();
	await hydrated;
	await page.waitForLoadState('networkidle');
	await expect(last).toBeChecked();
});

test('a refused number is marked on its field and read out with it, until a number is typed', async ({ page }) => {
	await signUpFromQuizLink(page, `numeric-${Date.now()}@example.org`);
	const { question } = await startQuizWith(page, (p) => p.locator('fieldset.question', { has: p.getByLabel(/^Your answer/) }));
	const box = question.getByLabel(/^Your answer/);
	await box.fill('eighteen or so');
	await box.blur();
	const status = question.locator('.save-status');
	await expect(status).toContainText('Not saved');
	await expect(box).toHaveAttribute('aria-invalid', 'true');
	await expect(box).toHaveAttribute('aria-describedby', (await status.getAttribute('id'))!);
	await box.fill('18');
	await box.blur();
	await expect(status).toHaveText('Saved');
	await expect(box).not.toHaveAttribute('aria-invalid');
});
