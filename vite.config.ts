import path from 'node:path';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const announcerStyleHash = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/**
 * Builds src/server.ts (what `npm start` runs) into SvelteKit's server bundle, the way
 * adapter-node builds its own handler there: one bundle, so the server, the handler and the
 * app share their modules' single instances (decision 017). It comes out as
 * build/server/panelist-server.js.
 */
function panelistServer(): Plugin {
	const handlerName = 'panelist:adapter-node-handler';
	const handlerFile = fileURLToPath(
		new URL('./src/handler.js', import.meta.resolve('@sveltejs/adapter-node'))
	);
	return {
		name: 'panelist-server',
		apply: 'build',
		config: () => ({
			environments: {
				ssr: {
					build: { rolldownOptions: { input: { 'panelist-server': path.resolve('src/server.ts') } } }
				}
			}
		}),
		resolveId: (id) => (id === handlerName ? handlerFile : undefined)
	};
}

export default defineConfig({
	plugins: [
		sveltekit({
			preprocess: vitePreprocess(),
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
			},
			// Cross-site writes, form posts included, are refused by one check of our own
			// (refuseWrite in request-gate.ts): SvelteKit 3's would also refuse an API script's
			// DELETE that has no body. The public origin comes from ORIGIN when the server starts
			// (src/server.ts), not from paths.origin.
			csrf: { trustedOrigins: ['*'] }
		}),
		panelistServer()
	],
	test: {
		reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
		testTimeout: 20_000,
		// The SQL snapshots differ by engine (placeholders, the month, index hints): the postgres
		// project keeps its own beside SQLite's.
		resolveSnapshotPath: (testPath, extension, { config }) =>
			path.join(
				path.dirname(testPath),
				'__snapshots__',
				...(config.name === 'postgres' ? ['postgres'] : []),
				path.basename(testPath) + extension
			),
		// The unit suite once per engine. PostgreSQL joins when PANELIST_TEST_DATABASE_URL names a
		// server (the run makes its databases there); its own platform tests are *.pg.test.ts.
		projects: [
			{
				extends: true,
				test: {
					name: 'sqlite',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.pg.test.ts'],
					globalSetup: ['tests/unit/global-setup.ts'],
					environment: 'node'
				}
			},
			...(process.env.PANELIST_TEST_DATABASE_URL
				? [
						{
							extends: true,
							test: {
								name: 'postgres',
								include: ['tests/unit/**/*.test.ts'],
								globalSetup: ['tests/unit/global-setup.ts'],
								environment: 'node'
							}
						}
					]
				: [])
		]
	}
});
