import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';

test('the home page introduces the course and lists its sources from the database', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Project Gunrunner: history and controversy');
	const sources = page.getByRole('region', { name: 'Sources' }).getByRole('listitem');
	await expect(sources).toHaveCount(3);
	await expect(sources.first()).toContainText('Project Gunrunner');
	await expect(page.getByText('NBC News')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the health endpoint reports the database', async ({ request }) => {
	const response = await request.get('/health');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});

test('the home page reads on a 360 px phone without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
