import fs from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH): Playwright cannot download its own browser here. */
export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
		(p): p is string => Boolean(p)
	);
	const found = candidates.find((candidate) => fs.existsSync(candidate));
	if (!found) {
		throw new Error(
			'Browser tests need Chromium and none was found (looked for CHROMIUM_PATH, /usr/bin/chromium). ' +
				'Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)'
		);
	}
	return found;
}
