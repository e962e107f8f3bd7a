import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { Seed } from '../../support/seed';

export { Seed, type SeededUser } from '../../support/seed';

/** The database of the shared e2e server (see playwright.config.ts; PostgreSQL's run gives a URL). */
export const e2eDatabase =
	process.env.PANELIST_E2E_DATABASE_URL ?? path.join(process.env.PANELIST_E2E_DIR!, 'app.db');

export const test = base.extend<{ seed: Seed }, { db: DB }>({
	db: [
		// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
		async ({}, use) => {
			const db = openDatabase(e2eDatabase);
			await use(db);
			await db.destroy();
		},
		{ scope: 'worker' }
	],
	seed: async ({ db }, use) => {
		await use(new Seed(db));
	}
});

export { expect };

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Turns off the browser's own form checks, to reach the server's messages the way a script
 * or an old browser would: on this page and every page after it, and on forms rendered
 * later (a submit before hydration reloads the page, which would bring the checks back).
 */
export async function skipBrowserValidation(page: Page): Promise<void> {
	const skip = () => {
		const apply = () => {
			document.querySelectorAll('form').forEach((form) => (form.noValidate = true));
			document.querySelectorAll('[maxlength]').forEach((field) => field.removeAttribute('maxlength'));
		};
		const watch = () => {
			apply();
			new MutationObserver(apply).observe(document.documentElement, {
				subtree: true,
				childList: true,
				attributes: true,
				attributeFilter: ['maxlength']
			});
		};
		if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
		else watch();
	};
	await page.addInitScript(skip);
	await page.evaluate(skip);
}
