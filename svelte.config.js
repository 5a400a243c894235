import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// discloseVersion off: no script on every page that records the Svelte version in window.__svelte
	compilerOptions: { runes: true, discloseVersion: false },
	kit: {
		// BUILD_DIR lets a test run build beside a developer's own build without clobbering it.
		adapter: adapter({ out: process.env.BUILD_DIR ?? 'build' }),
		// with BUILD_DIR, parallel builds (a test run beside a dev build) keep apart
		outDir: process.env.BUILD_DIR ? `${process.env.BUILD_DIR}-kit` : '.svelte-kit',
		csrf: { trustedOrigins: [] },
		// the server tells the client router which route a new path is, so no page ships the route
		// manifest (2.2 KB of the quiz page's 40 KB budget, and a list of every teacher and admin page);
		// links preload on hover, so the extra request is made before the click
		router: { resolution: 'server' },
		// 'auto': a nonce on SvelteKit's own inline script in rendered pages; no other inline script runs
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// the timeline and mastery bars position marks with style attributes; attributes cannot run script
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
