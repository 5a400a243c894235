import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BUILD_DIR lets a test run build beside a developer's own build without clobbering it.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		csrf: { trustedOrigins: [] }
	}
};

export default config;
