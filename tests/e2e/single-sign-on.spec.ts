import type { Browser, Page } from '@playwright/test';
import type { DB } from '../../src/lib/server/platform/db';
import { startOidcProvider, type TestProvider } from '../support/oidc-provider';
import { expectNoViolations } from './support/axe';
import { expect, signInWithForm, test, type Seed, type SeededUser } from './support/fixtures';
import { openOwnDatabase, startOwnServer, type OwnServer } from './support/own-server';
import { freePort } from './support/server-process';

// Signing in with the company's OpenID provider, as a person meets it: a real provider
// (oidc-provider) and a Panelist server of their own, both on loopback ports chosen here.

let provider: TestProvider;
let server: OwnServer;
let origin: string;
let db: DB;
let seed: Seed;
let breakGlass: SeededUser;

test.beforeAll(async () => {
	test.setTimeout(90_000);
	const port = await freePort();
	origin = `http://localhost:${port}`;
	provider = await startOidcProvider({
		redirectUris: [`${origin}/login/sso/callback`],
		postLogoutRedirectUris: [`${origin}/login`]
	});
	provider.accounts.set('ada', { email: 'ada.sso@example.com', name: 'Ada Lovelace' });
	provider.accounts.set('lena', {
		email: 'lena.sso@example.com',
		name: 'Lena Recruiter',
		groups: ['Talent']
	});
	provider.accounts.set('olive', { email: 'olive@elsewhere.org', name: 'Olive Outsider' });
	const own = await openOwnDatabase('sso');
	({ db, seed } = own);
	breakGlass = await seed.user('admin');
	server = await startOwnServer(
		own.file,
		{
			OIDC_ISSUER: provider.issuer,
			OIDC_CLIENT_ID: provider.clientId,
			OIDC_CLIENT_SECRET: provider.clientSecret,
			OIDC_NAME: 'Example SSO',
			OIDC_ALLOWED_DOMAINS: 'example.com',
			OIDC_GROUP_ROLES: 'Talent=recruiter',
			OIDC_BREAK_GLASS_EMAIL: breakGlass.email
		},
		port
	);
});

test.afterAll(async () => {
	await server?.stop();
	await provider?.close();
	await db?.destroy();
});

async function newPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ baseURL: origin });
	return context.newPage();
}

/** At the provider's own sign-in page, which takes any password. */
async function signInAtProvider(page: Page, login: string) {
	await page.getByPlaceholder('Enter any login').fill(login);
	await page.getByPlaceholder('and password').fill('any password');
	await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('an existing account signs in with the provider and lands on the page it asked for', async ({
	browser
}) => {
	const ada = await seed.user('interviewer');
	await db.updateTable('user').set({ email: 'ada.sso@example.com' }).where('id', '=', ada.id).execute();
	const page = await newPage(browser);
	await page.goto('/interviews');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Finterviews$/);
	await expectNoViolations(page);
	await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
	await signInAtProvider(page, 'ada');
	await expect(page).toHaveURL(`${origin}/interviews`);
	await expect(page.getByRole('link', { name: new RegExp(ada.name) })).toBeVisible();

	// Signing out ends Panelist's session and offers to end the provider's too.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('status')).toContainText('You are signed out of Panelist.');
	await page.getByRole('link', { name: 'Also sign out of Example SSO' }).click();
	await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
	await page.getByRole('button', { name: 'Yes, sign me out' }).click();
	await expect(page).toHaveURL(`${origin}/login`);
	await page.goto('/interviews');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Finterviews$/);
});

test('a first sign-in from an allowed domain creates the account with the role its group maps to', async ({
	browser
}) => {
	const page = await newPage(browser);
	await page.goto('/login');
	await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
	await signInAtProvider(page, 'lena');
	await expect(page.getByRole('heading', { name: 'Good to see you, Lena Recruiter' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Lena Recruiter/ })).toContainText('Recruiter');
});

test('a domain without accounts, and an answer this browser never asked for, get a page that says so', async ({
	browser
}) => {
	const page = await newPage(browser);
	await page.goto('/login');
	await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
	await signInAtProvider(page, 'olive');
	await expect(page.getByRole('heading', { name: 'You are not signed in' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText(
		'There is no active Panelist account for you here. Ask an admin for access.'
	);
	await expectNoViolations(page);

	const forged = await page.goto('/login/sso/callback?code=stolen&state=guessed');
	expect(forged?.status()).toBe(200);
	await expect(page.getByRole('alert')).toContainText('This sign-in was not started in this browser');
	await page.getByRole('link', { name: 'Back to sign-in' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
});

test('with single sign-on required, passwords are refused but the break-glass admin still signs in', async ({
	browser
}) => {
	const admin = await newPage(browser);
	await signInWithForm(admin, breakGlass.email, breakGlass.password);
	await admin.getByRole('link', { name: 'Sign-in', exact: true }).click();
	await admin.getByLabel('Single sign-on only').check();
	await admin.getByRole('region', { name: 'Single sign-on' }).getByRole('button', { name: 'Save' }).click();
	await expect(admin.getByRole('status')).toHaveText('Saved.');
	await expectNoViolations(admin);

	const sam = await seed.user('interviewer');
	const page = await newPage(browser);
	await signInWithForm(page, sam.email, sam.password);
	await expect(page.getByRole('alert')).toContainText(
		'Passwords are turned off here: sign in with Example SSO.'
	);
	// An address with no account is told the same.
	await signInWithForm(page, 'nobody@example.com', 'not a password at all');
	await expect(page.getByRole('alert')).toContainText(
		'Passwords are turned off here: sign in with Example SSO.'
	);

	await admin.getByRole('button', { name: 'Sign out' }).click();
	await signInWithForm(admin, breakGlass.email, breakGlass.password);
	await expect(admin.getByRole('heading', { name: `Good to see you, ${breakGlass.name}` })).toBeVisible();
	await admin.goto('/admin/sign-in');
	await admin.getByLabel('Password or single sign-on').check();
	await admin.getByRole('region', { name: 'Single sign-on' }).getByRole('button', { name: 'Save' }).click();
	await expect(admin.getByRole('status')).toHaveText('Saved.');
});
