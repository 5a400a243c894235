import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/helpers/chromium';

const port = Number(process.env.E2E_PORT ?? 4173);
const buildDir = process.env.BUILD_DIR ?? 'build';
// a fresh embedded database for every run, so tests never see an earlier run's users
const dataDir =
	process.env.E2E_DATA_DIR ??
	(process.env.TRACEABLE_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'traceable-e2e-')));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	forbidOnly: true,
	reporter: [['list'], ['json', { outputFile: 'test-reports/e2e-results.json' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
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
	webServer: {
		command: `node ${buildDir}`,
		url: `http://127.0.0.1:${port}/health`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: dataDir
		}
	}
});
