import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';

/** Accounts for browser and HTTP tests, made through the real sign-up form. */

export const TEST_PASSWORD = 'tangerine glacier 42';

export function uniqueEmail(label: string): string {
	return `${label}-${randomBytes(5).toString('hex')}@school.example`;
}

export interface TestAccount {
	email: string;
	password: string;
	displayName: string;
	role: 'student' | 'teacher';
}

export function newAccount(role: 'student' | 'teacher', label: string = role): TestAccount {
	return { email: uniqueEmail(label), password: TEST_PASSWORD, displayName: `${label} ${randomBytes(2).toString('hex')}`, role };
}

/** Signs up through the page's form; ends on the page the form redirects to. */
export async function signUpInBrowser(page: Page, account: TestAccount): Promise<void> {
	await page.goto('/signup');
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Your name').fill(account.displayName);
	await page.getByLabel(account.role === 'teacher' ? 'Teacher' : 'Student', { exact: true }).check();
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(account.displayName);
}

export async function signInInBrowser(page: Page, account: Pick<TestAccount, 'email' | 'password'>, path = '/signin'): Promise<void> {
	await page.goto(path);
	await page.getByLabel('Email or username', { exact: true }).fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * An HTTP client that posts forms the way a browser without JavaScript does: same-site Origin
 * (SvelteKit's CSRF check), HTML accepted, redirects not followed so tests see them.
 */
export async function formClient(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<APIRequestContext> {
	return playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, accept: 'text/html' }, maxRedirects: 0 });
}

export async function signUpOverHttp(client: APIRequestContext, account: TestAccount): Promise<void> {
	const response = await client.post('/signup', { form: { ...account } });
	expect(response.status(), `sign-up of ${account.email}`).toBe(303);
}

export async function signInOverHttp(client: APIRequestContext, account: Pick<TestAccount, 'email' | 'password'>): Promise<void> {
	const response = await client.post('/signin', { form: { email: account.email, password: account.password } });
	expect(response.status(), `sign-in of ${account.email}`).toBe(303);
}
