/**
 * `npm run bench -- phone`: how tall every lesson is on a phone (375×812, Chromium through
 * Playwright, the production build on a fresh embedded database), as a learner first sees it and
 * with every "More from the sources" disclosure opened.
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../../tests/helpers/chromium';
import { freshBenchDatabase, startBuiltServer } from './server';

const PORT = Number(process.env.BENCH_PORT ?? 4395);

export interface LessonHeight {
	path: string;
	title: string;
	/** document height as the page opens */
	heightPx: number;
	/** with every disclosure on the page opened */
	openedPx: number;
	disclosures: number;
	/** elements wider than the viewport (a table or a word that does not wrap) */
	overflowing: number;
}

export async function benchPhone(log: (line: string) => void = console.log): Promise<LessonHeight[]> {
	const database = await freshBenchDatabase('pglite');
	const server = await startBuiltServer({ databaseUrl: database.databaseUrl, port: PORT });
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	try {
		const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
		await page.goto(`${server.origin}/`);
		const hrefs = await page.locator('a[href^="/lessons/"]:not([href*="/quiz"])').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const paths = [...new Set(hrefs.map((href) => href.split(/[?#]/)[0]))];
		const heights: LessonHeight[] = [];
		for (const path of paths) {
			await page.goto(`${server.origin}${path}`);
			// a string, not a function: tsx wraps functions in a helper the page does not have
			const measured: Omit<LessonHeight, 'path'> = await page.evaluate(`(() => {
				const heightPx = Math.round(document.documentElement.scrollHeight);
				const disclosures = [...document.querySelectorAll('details')];
				disclosures.forEach((d) => (d.open = true));
				const overflowing = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).length;
				const title = document.querySelector('h1')?.textContent?.trim() ?? '';
				return { title, heightPx, openedPx: Math.round(document.documentElement.scrollHeight), disclosures: disclosures.length, overflowing };
			})()`);
			heights.push({ path, ...measured });
			log(`phone bench: ${path} ${measured.heightPx} px (${measured.openedPx} px opened, ${measured.disclosures} disclosures)`);
		}
		return heights;
	} finally {
		await browser.close();
		await server.stop();
		await database.drop();
	}
}

export function formatPhoneBench(heights: LessonHeight[]): string {
	return [
		'## Lessons on a phone',
		'',
		'Document height of each lesson at 375×812 (Chromium), as it opens and with every disclosure opened.',
		'',
		'| Lesson | Height | All opened | Disclosures | Wider than the screen |',
		'| --- | --- | --- | --- | --- |',
		...heights.map((h) => `| ${h.title} (\`${h.path}\`) | ${h.heightPx.toLocaleString('en-US')} px | ${h.openedPx.toLocaleString('en-US')} px | ${h.disclosures} | ${h.overflowing} |`)
	].join('\n');
}
