import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const announcerStyleHash = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// SvelteKit adds hashes or nonces for its own bootstrap script; nothing else inline may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Exactly one inline style attribute may apply: the one on SvelteKit's route
				// announcer (visually hidden, read by screen readers after each navigation).
				'style-src-attr': ['unsafe-hashes', announcerStyleHash],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
		// Cross-site form posts are refused by SvelteKit's default origin check;
		// cross-origin writes of any other content type are refused in hooks.server.ts.
	}
};

export default config;
