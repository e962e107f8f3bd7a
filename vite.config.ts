import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/unit/global-setup.ts'],
		environment: 'node',
		reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
		testTimeout: 20_000
	}
});
