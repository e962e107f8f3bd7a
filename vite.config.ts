import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		globalSetup: ['tests/unit/global-setup.ts'],
		environment: 'node',
		testTimeout: 20_000
	}
});
