import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { TEST_PASSWORD, uniqueEmail } from '../helpers/accounts';
import { startServer, waitUntilHealthy, type RunningServer } from '../helpers/server-process';

/**
 * The teacher's side from a fresh installation (its own server, so the first account really is
 * the first): the administrator creates a class and an assignment, a student joins with the code
 * and takes the quiz, the teacher reads the gradebook and the item analysis and downloads a CSV.
 */
test.describe.configure({ mode: 'serial' });

let server: RunningServer;
let dataDir = '';
test.beforeAll(async () => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-teaching-'));
	server = startServer({ DATABASE_URL: dataDir }, Number(process.env.E2E_PORT ?? 4173) + 1);
	await waitUntilHealthy(server, 120_000);
});
test.afterAll(async () => {
	server?.child.kill('SIGTERM');
	await server?.waitForExit(5_000);
	fs.rmSync(dataDir, { recursive: true, force: true });
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function signUp(page: Page, name: string, email: string, role: 'Student' | 'Teacher') {
	await nav(page).getByRole('link', { name: 'Sign up' }).click();
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel(role, { exact: true }).check();
	await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(nav(page)).toContainText(name);
}

/** RFC 4180, enough for the files the app writes (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') row.push(cell), (cell = '');
		else if (ch === '\n') row.push(cell.replace(/\r$/, '')), rows.push(row), (row = []), (cell = '');
		else cell += ch;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

test('from a fresh installation: class, assignment, a student’s quiz, gradebook, item analysis and CSV', async ({ browser }) => {
	test.setTimeout(120_000);
	const teacherContext = await browser.newContext({ baseURL: server.url, acceptDownloads: true });
	const teacher = await teacherContext.newPage();
	await teacher.goto('/');
	await signUp(teacher, 'Ms Adeyemi', uniqueEmail('first'), 'Student');
	// the first account administers the installation
	await expect(teacher.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
	await expect(teacher.getByRole('status').filter({ hasText: 'first account' })).toBeVisible();
	await expectNoAxeViolations(teacher);

	await nav(teacher).getByRole('link', { name: 'Teaching' }).click();
	await expectNoAxeViolations(teacher);
	await teacher.getByLabel('Class name').fill('Civics 9B');
	await teacher.getByLabel('Term (optional)').fill('Autumn 2026');
	await teacher.getByRole('button', { name: 'Create class' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toContainText('Civics 9B');
	const code = (await teacher.locator('.code').innerText()).trim();
	expect(code).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
	const lessonTitle = (await teacher.getByLabel('Lesson quiz').locator('option').first().innerText()).trim();
	await teacher.getByLabel('Attempts allowed (optional)').fill('2');
	await teacher.getByRole('button', { name: 'Assign' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: 'assigned' })).toBeVisible();
	await expectNoAxeViolations(teacher);

	// the student
	const studentContext = await browser.newContext({ baseURL: server.url });
	const student = await studentContext.newPage();
	await student.goto('/');
	await signUp(student, 'Sam Ortiz', uniqueEmail('sam'), 'Student');
	await nav(student).getByRole('link', { name: 'Account' }).click();
	await student.getByRole('link', { name: 'Your classes' }).click();
	await student.getByLabel('Class code').fill(code.toLowerCase());
	await student.getByRole('button', { name: 'Join' }).click();
	await expect(student.getByRole('status')).toContainText('You joined Civics 9B');
	await expectNoAxeViolations(student);
	await nav(student).getByRole('link', { name: 'Traceable' }).click();
	const assignments = student.getByRole('region', { name: 'Assignments' });
	await expect(assignments).toContainText('0 of 2 attempts used');
	await assignments.getByRole('link', { name: lessonTitle }).click();
	await student.getByRole('button', { name: 'Start the quiz' }).click();
	const questions = student.locator('fieldset.question');
	await expect(questions.first()).toBeVisible();
	// the first choice of every choice question; typed questions stay blank
	for (let i = 0; i < (await questions.count()); i++) {
		const radios = questions.nth(i).getByRole('radio');
		if ((await radios.count()) > 0) await radios.first().check();
	}
	await student.getByRole('button', { name: 'Submit answers' }).click();
	const anyway = student.getByRole('button', { name: 'Submit anyway' });
	const result = student.getByText(/You scored/);
	await expect(anyway.or(result)).toBeVisible();
	if (await anyway.isVisible()) await anyway.click();
	const scored = await result.innerText();
	const percent = Number(/([\d.]+)%/.exec(scored)![1]);
	await nav(student).getByRole('link', { name: 'My progress' }).click();
	await expect(student.getByRole('region', { name: 'Assignments' })).toContainText('1 of 2 attempts used');

	// the teacher's gradebook shows the same score
	await teacher.getByRole('link', { name: 'Gradebook' }).first().click();
	const row = teacher.getByRole('row').filter({ has: teacher.getByRole('rowheader', { name: 'Sam Ortiz' }) });
	await expect(row.getByRole('cell').first()).toHaveText(`${percent}%`);
	await expect(teacher.getByRole('img', { name: new RegExp(lessonTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
	await expectNoAxeViolations(teacher);
	// sorting is a plain link: it works without JavaScript
	await teacher.getByRole('link', { name: /^Best/ }).first().click();
	await expect(teacher).toHaveURL(/sort=[a-z2-7]{32}\.best&dir=desc/);

	await teacher.getByRole('link', { name: lessonTitle }).first().click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(`Item analysis: ${lessonTitle}`);
	await expect(teacher.getByText('1 attempt analysed')).toBeVisible();
	await expect(teacher.getByRole('link', { name: 'Source sentence' }).first()).toBeVisible();
	await expectNoAxeViolations(teacher);

	await teacher.getByRole('link', { name: 'Gradebook' }).click();
	const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('link', { name: 'Download as CSV' }).click()]);
	const bytes = fs.readFileSync(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(bytes.toString('utf8').slice(1));
	expect(rows[0].slice(0, 3)).toEqual(['Student', 'Username', `${lessonTitle} (best %)`]);
	expect(rows[1][0]).toBe('Sam Ortiz');
	expect(Number(rows[1][2])).toBe(percent);
	expect(rows[1][3]).toBe('Done');

	// the student's page for the teacher: the attempt with its answers
	await teacher.getByRole('link', { name: 'Sam Ortiz' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Sam Ortiz');
	await expect(teacher.getByText(new RegExp(`${lessonTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, attempt 1: ${percent}%`))).toBeVisible();
	await expectNoAxeViolations(teacher);

	// a roster: names pasted, cards printed, the first sign-in asks for a new password
	await teacher.getByRole('link', { name: 'Civics 9B' }).click();
	await teacher.getByLabel('Add students by name').fill('Lee Chen\nO’Brien, Maeve\n');
	await teacher.getByRole('button', { name: 'Create accounts' }).click();
	const cards = teacher.locator('.sign-in-card');
	await expect(cards).toHaveCount(2);
	await expect(cards.first()).toContainText('Lee Chen');
	await expectNoAxeViolations(teacher);
	const username = (await cards.first().locator('dd.mono').first().innerText()).trim();
	const oneTime = (await cards.first().locator('dd.mono').nth(1).innerText()).trim();
	expect(username).toBe('lee.chen');
	// printing shows the cards and nothing else of the page
	await teacher.emulateMedia({ media: 'print' });
	await expect(cards.first()).toBeVisible();
	await expect(nav(teacher)).toBeHidden();
	await expect(teacher.getByRole('heading', { level: 2, name: 'Assignments' })).toBeHidden();
	await teacher.emulateMedia({ media: 'screen' });
	await expect(teacher.getByRole('table', { name: 'Students in Civics 9B' })).toContainText('Maeve O’Brien');

	const leeContext = await browser.newContext({ baseURL: server.url });
	const lee = await leeContext.newPage();
	await lee.goto('/');
	await nav(lee).getByRole('link', { name: 'Sign in' }).click();
	await lee.getByLabel('Email or username').fill(username);
	await lee.getByLabel('Password', { exact: true }).fill(oneTime);
	await lee.getByRole('button', { name: 'Sign in' }).click();
	await expect(lee.getByRole('heading', { level: 1 })).toHaveText('Welcome, Lee Chen');
	await expectNoAxeViolations(lee);
	// nothing else opens before the password is replaced
	await nav(lee).getByRole('link', { name: 'My progress' }).click();
	await expect(lee).toHaveURL(/\/welcome$/);
	await lee.getByLabel('New password', { exact: true }).fill('lantern marigold 88');
	await lee.getByLabel('New password again').fill('lantern marigold 88');
	await lee.getByRole('button', { name: 'Save my password' }).click();
	await expect(lee.getByRole('region', { name: 'Assignments' })).toContainText(lessonTitle);
	await leeContext.close();

	// "Teacher" ticked without an invitation: a student account, told so, until the administrator approves
	const hopefulContext = await browser.newContext({ baseURL: server.url });
	const hopeful = await hopefulContext.newPage();
	await hopeful.goto('/');
	await signUp(hopeful, 'Mr Okafor', uniqueEmail('okafor'), 'Teacher');
	await expect(hopeful.getByRole('status').filter({ hasText: 'You asked for a teacher account' })).toContainText('Until the administrator approves it, this is a student account');
	await expect(nav(hopeful).getByRole('link', { name: 'Teaching' })).toHaveCount(0);
	await nav(teacher).getByRole('link', { name: 'Administration' }).click();
	await teacher.getByRole('button', { name: 'Approve Mr Okafor as a teacher' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: 'Mr Okafor is now a teacher.' })).toBeVisible();
	await expectNoAxeViolations(teacher);
	await hopeful.reload();
	await nav(hopeful).getByRole('link', { name: 'Teaching' }).click();
	await expect(hopeful.getByRole('heading', { level: 1, name: 'Teaching' })).toBeVisible();
	await hopefulContext.close();

	await teacherContext.close();
	await studentContext.close();
});
