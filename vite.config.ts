import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/global-setup.ts'],
		expect: { requireAssertions: true },
		// the JSON summary lets .ci/run print one plain "N passed, N failed" line
		reporters: ['default', 'json'],
		outputFile: { json: 'test-reports/unit-results.json' },
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// PGlite holds ~300 MB per open database: two forks keep memory and the two cores in balance.
		pool: 'forks',
		maxWorkers: 2
	}
});
