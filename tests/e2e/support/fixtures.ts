import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Role } from '../../../src/lib/domain/roles';
import { createSession } from '../../../src/lib/server/auth/session';
import { openDatabase, type DB } from '../../../src/lib/server/db';
import { createUser } from '../../../src/lib/server/users';

/** The database of the shared e2e server (see playwright.config.ts). */
export const e2eDatabase = path.join(process.env.PANELIST_E2E_DIR!, 'app.db');

export interface SeededUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	password: string;
}

/** Creates what a test needs through the feature functions, not through clicks. */
export class Seed {
	constructor(readonly db: DB) {}

	async user(role: Role, name?: string): Promise<SeededUser> {
		const tag = randomUUID().slice(0, 8);
		const account = {
			email: `${role}-${tag}@e2e.example.com`,
			name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`,
			role,
			password: `e2e-password-${tag}`
		};
		const user = await createUser(this.db, account);
		return { ...account, id: user.id };
	}

	/** Signs the browser context in as the user by giving it a fresh session cookie. */
	async signIn(context: BrowserContext, user: SeededUser): Promise<void> {
		const { token } = await createSession(this.db, user.id);
		await context.addCookies([
			{
				name: 'panelist-session',
				value: token,
				domain: 'localhost',
				path: '/',
				httpOnly: true,
				sameSite: 'Lax'
			}
		]);
	}
}

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
