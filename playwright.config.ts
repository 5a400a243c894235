import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);
// a fresh embedded database for every run, so tests never see an earlier run's users
const dataDir =
	process.env.E2E_DATA_DIR ??
	(process.env.TRACEABLE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-e2e-')));

export default defineConfig({
	testDir: 'tests/e2e',
	// the shared server's first account (its administrator) is made before any journey
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	forbidOnly: true,
	reporter: [['list'], ['json', { outputFile: 'test-reports/e2e-results.json' }]],
	use: {
		// the address the README tells a newcomer to open
		baseURL: `http://localhost:${port}`,
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	// started exactly as the README says (npm start: it builds when the build is stale), with no
	// ORIGIN or HOST: only the port, a fresh database folder and a sign-up limit for one busy address
	webServer: {
		command: 'npm start',
		url: `http://127.0.0.1:${port}/health`,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			DATABASE_URL: dataDir,
			// every journey signs up from 127.0.0.1: more accounts in a run than one school address makes in an hour
			SIGN_UP_LIMIT_PER_HOUR: '10000'
		}
	}
});
