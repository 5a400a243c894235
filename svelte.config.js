import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR lets a test run build beside a developer's own build without clobbering it.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		// with BUILD_DIR, parallel builds (a test run beside a dev build) keep apart
		outDir: process.env.BUILD_DIR ? `${process.env.BUILD_DIR}-kit` : '.svelte-kit',
		csrf: { trustedOrigins: [] }
	}
};

export default config;
