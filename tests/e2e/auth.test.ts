import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { TEST_PASSWORD, newAccount, signInInBrowser, signUpInBrowser, uniqueEmail } from '../helpers/accounts';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('sign up, sign out, sign in back to a protected page, and sign out everywhere', async ({ page, browser }) => {
	const account = newAccount('student', 'ana');
	await page.goto('/signup');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await expectNoAxeViolations(page);
	await signUpInBrowser(page, account);
	// the installation's first account is its administrator and lands on the administration page
	await expect(page).toHaveURL(/^[^?]*\/(admin\?first=1)?$/);
	await expect(nav(page).getByRole('link', { name: 'Account' })).toBeVisible();
	const cookie = (await page.context().cookies()).find((c) => c.name === 'session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(cookie?.value).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);

	await nav(page).getByRole('button', { name: 'Sign out' }).click();
	await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect((await page.context().cookies()).find((c) => c.name === 'session')).toBeUndefined();

	// a protected page sends us to sign in and back
	await page.goto('/account');
	await expect(page).toHaveURL('/signin?redirectTo=%2Faccount');
	await expectNoAxeViolations(page);
	await page.getByLabel('Email or username', { exact: true }).fill(account.email.toUpperCase());
	await page.getByLabel('Password', { exact: true }).fill('not my password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('That email or username and password do not match an account.');
	await expect(page.getByLabel('Email or username', { exact: true })).toHaveValue(account.email.toUpperCase());
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
	await expectNoAxeViolations(page);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/account');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByText(account.email)).toBeVisible();
	await expectNoAxeViolations(page);

	// a second device
	const phone = await browser.newContext({
		userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36'
	});
	const phonePage = await phone.newPage();
	await signInInBrowser(phonePage, account);
	await expect(nav(phonePage)).toContainText(account.displayName);

	await page.reload();
	const sessions = page.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem');
	await expect(sessions).toHaveCount(2);
	await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
	await expect(sessions.filter({ hasText: 'Chrome on Android' })).toHaveCount(1);

	await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Signed out everywhere else (1 session ended).' })).toBeVisible();
	await expect(sessions).toHaveCount(1);

	await phonePage.goto('/account');
	await expect(phonePage).toHaveURL('/signin?redirectTo=%2Faccount');
	await phone.close();
});

test('sign-up errors appear next to their fields, keep what was typed, and never keep the password', async ({ page }) => {
	const taken = newAccount('teacher', 'taken');
	await signUpInBrowser(page, taken);
	await nav(page).getByRole('button', { name: 'Sign out' }).click();
	await expect(nav(page).getByRole('link', { name: 'Sign up' })).toBeVisible();

	await page.goto('/signup');
	await page.getByLabel('Email', { exact: true }).fill('not-an-email');
	await page.getByLabel('Your name').fill('Ben');
	await page.getByLabel('Teacher', { exact: true }).check();
	await page.getByLabel('Password', { exact: true }).fill('password1');
	await page.getByRole('button', { name: 'Create account' }).click();
	const email = page.getByLabel('Email', { exact: true });
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(email).toBeFocused();
	await expect(page.locator('#email-error')).toHaveText('Enter an email address like name@school.org.');
	await expect(page.locator('#password-error')).toContainText('most commonly used');
	await expect(email).toHaveValue('not-an-email');
	await expect(page.getByLabel('Your name')).toHaveValue('Ben');
	await expect(page.getByLabel('Teacher', { exact: true })).toBeChecked();
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	await expectNoAxeViolations(page);

	await email.fill(`  ${taken.email.toUpperCase()} `);
	await page.getByLabel('Password', { exact: true }).fill('marigold lantern 77');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('#email-error')).toHaveText('An account with this email already exists. Sign in instead.');
});

test('change password signs out the other devices; delete account asks for the password and removes it', async ({ page, browser }) => {
	const account = newAccount('teacher', 'carla');
	await signUpInBrowser(page, account);
	const laptop = await browser.newContext();
	const laptopPage = await laptop.newPage();
	await signInInBrowser(laptopPage, account);
	await expect(nav(laptopPage)).toContainText(account.displayName);

	await page.goto('/account');
	await page.getByLabel('Current password').fill('wrong current');
	await page.getByLabel('New password').fill('marigold lantern 77');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.locator('#currentPassword-error')).toHaveText('That is not your current password.');
	await page.getByLabel('Current password').fill(account.password);
	await page.getByLabel('New password').fill('marigold lantern 77');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Password changed. Your 1 other session was signed out.' })).toBeVisible();
	await laptopPage.goto('/account');
	await expect(laptopPage).toHaveURL(/\/signin\?redirectTo=%2Faccount$/);
	await laptop.close();

	const deletion = page.getByRole('region', { name: 'Delete account' });
	await deletion.getByLabel('Your password').fill(account.password);
	await deletion.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page.locator('#deletePassword-error')).toHaveText('That is not your current password.');
	await deletion.getByLabel('Your password').fill('marigold lantern 77');
	await deletion.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page).toHaveURL('/signup?deleted=1');
	await expect(page.getByRole('status').filter({ hasText: 'Your account and everything in it were deleted.' })).toBeVisible();
	await signInInBrowser(page, { email: account.email, password: 'marigold lantern 77' });
	await expect(page.getByRole('alert')).toHaveText('That email or username and password do not match an account.');
});

test('repeated wrong passwords lock the account for a while and say when to try again', async ({ page }) => {
	const account = newAccount('student', 'guessed');
	await signUpInBrowser(page, account);
	await nav(page).getByRole('button', { name: 'Sign out' }).click();
	await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
	for (let attempt = 1; attempt <= 5; attempt++) {
		await signInInBrowser(page, { email: account.email, password: `wrong guess ${attempt}` });
		await expect(page.getByRole('alert')).toHaveText('That email or username and password do not match an account.');
	}
	await signInInBrowser(page, { email: account.email, password: 'wrong guess 6' });
	await expect(page.getByRole('alert')).toHaveText(
		'That email or username and password do not match an account. Too many failed sign-in attempts. Try again in 1 minute.'
	);
	// while locked, even the right password is refused, with the same advice
	await signInInBrowser(page, account);
	await expect(page.getByRole('alert')).toHaveText('Too many failed sign-in attempts. Try again in 1 minute.');
	await expect(page).toHaveURL('/signin');
});

test('the sign-out page and auth pages read on a 360 px phone and pass axe', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const account = newAccount('student', 'a-rather-long-display-name-for-a-phone');
	for (const path of ['/signup', '/signin', '/signout']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
	}
	await signUpInBrowser(page, account);
	for (const path of ['/account', '/signout']) {
		await page.goto(path);
		await expectNoAxeViolations(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
	}
	await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL('/');
	await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign up, sign out and sign in back to the account page work as plain forms', async ({ page }) => {
		const account = newAccount('student', 'nojs');
		await signUpInBrowser(page, account);
		await expect(page).toHaveURL('/');
		await nav(page).getByRole('button', { name: 'Sign out' }).click();
		await expect(nav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

		await page.goto('/account');
		await expect(page).toHaveURL('/signin?redirectTo=%2Faccount');
		await page.getByLabel('Email or username', { exact: true }).fill(account.email);
		await page.getByLabel('Password', { exact: true }).fill('wrong password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('That email or username and password do not match an account.');
		await expect(page.getByLabel('Email or username', { exact: true })).toHaveValue(account.email);
		await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL('/account');
		await expect(page.getByText('Student', { exact: true })).toBeVisible();
	});

	test('sign-up validation works without JavaScript', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Email', { exact: true }).fill(uniqueEmail('nojs-invalid'));
		await page.getByLabel('Password', { exact: true }).fill('short');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.locator('#displayName-error')).toHaveText('Enter the name your teacher and classmates will see.');
		await expect(page.locator('#password-error')).toHaveText('Use at least 8 characters.');
		await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
	});
});

test('what someone types before the page script loads is kept when it arrives', async ({ page }) => {
	// a slow phone connection: the form is usable before hydration, which must not reset it
	let release = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/signin', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Email or username', { exact: true }).fill('early@example.org');
	await page.getByLabel('Password', { exact: true }).fill('typed early');
	const hydrated = page.waitForResponse((response) => response.url().includes('/_app/immutable/'));
	release();
	await hydrated;
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Email or username', { exact: true })).toHaveValue('early@example.org');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('typed early');
});
