import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { Page } from '@playwright/test';
import { expect, Seed, signInWithForm, test, type SeededUser } from './support/fixtures';
import { expectNoViolations } from './support/axe';
import { openOwnDatabase, startOwnServer } from './support/own-server';
import {
	confirmEnrolment,
	createTwoFactorLimiter,
	prepareEnrolment
} from '../../src/lib/server/auth/two-factor';
import { setTwoFactorRequirement } from '../../src/lib/server/auth/two-factor-policy';
import { timeStep, totpCodeAt } from '../../src/lib/server/auth/totp';
import { createInvite } from '../../src/lib/server/accounts/invites';

// Two-factor sign-in as people meet it: set up in Settings, asked for after the password,
// codes good once, recovery codes good once, a remembered device, an admin's reset, and
// (on a server of its own, since it applies to everyone) the setup forced where required.

const wrongCode = /That code is not right, or it has been used already/;

/** The key as the page shows it for typing into an app. */
async function readKey(page: Page): Promise<Uint8Array> {
	const text = await page.getByLabel('Two-factor key').innerText();
	return decodeBase32IgnorePadding(text.replace(/\s/g, ''));
}

const codeNow = (key: Uint8Array, stepsAhead = 0) => totpCodeAt(key, timeStep(Date.now()) + stepsAhead);

/** A user with two-factor on, set up through the feature functions; their key and recovery codes. */
async function enrolledUser(seed: Seed, user: SeededUser) {
	const now = Date.now();
	await prepareEnrolment(seed.db, user, now);
	const { key } = await seed.db
		.selectFrom('userTotp')
		.select('key')
		.where('userId', '=', user.id)
		.executeTakeFirstOrThrow();
	const recoveryCodes = await confirmEnrolment(
		seed.db,
		createTwoFactorLimiter(),
		user,
		totpCodeAt(key, timeStep(now)),
		now
	);
	return { key, recoveryCodes };
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

async function enterCode(page: Page, code: string, remember = false) {
	await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
	await page.getByLabel('Code', { exact: true }).fill(code);
	if (remember) await page.getByLabel('Remember this device for 30 days').check();
	await page.getByRole('button', { name: 'Sign in' }).click();
}

test('sets up two-factor in Settings, then signs in with a code; a wrong or replayed code is refused', async ({
	page,
	seed
}) => {
	const sam = await seed.user('interviewer');
	await signInWithForm(page, sam.email, sam.password);
	await expect(page.getByRole('heading', { name: `Good to see you, ${sam.name}` })).toBeVisible();
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
	await expect(page.getByRole('img', { name: 'QR code holding your two-factor key' })).toBeVisible();
	await expectNoViolations(page);
	const key = await readKey(page);
	await page.getByLabel('Code from your app').fill('123 456');
	await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
	await expect(page.getByRole('alert')).toContainText(wrongCode);
	await page.getByLabel('Code from your app').fill(codeNow(key));
	await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
	await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
	await page.reload();
	await expect(page.getByText('On: signing in asks for a code')).toBeVisible();

	await signOut(page);
	await signInWithForm(page, sam.email, sam.password);
	await enterCode(page, '000000');
	await expect(page.getByRole('alert')).toContainText(wrongCode);
	await expectNoViolations(page);
	// Not signed in yet: the app is out of reach.
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings$/);

	// Signing in from there comes back to the page asked for, through the code.
	await page.getByLabel('Email').fill(sam.email);
	await page.getByLabel('Password').fill(sam.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	// The enrolment used this step's code; the next step's is already good.
	const code = codeNow(key, 1);
	await enterCode(page, code);
	await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
	await expect(page).toHaveURL(/\/settings$/);

	await signOut(page);
	await signInWithForm(page, sam.email, sam.password);
	await enterCode(page, code);
	await expect(page.getByRole('alert')).toContainText(wrongCode);
	await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
});

test('a recovery code signs in once; a remembered device is not asked again', async ({ page, seed }) => {
	const lena = await seed.user('recruiter');
	const { key, recoveryCodes } = await enrolledUser(seed, lena);

	await signInWithForm(page, lena.email, lena.password);
	await enterCode(page, recoveryCodes[0]!.toUpperCase());
	await expect(page.getByRole('heading', { name: `Good to see you, ${lena.name}` })).toBeVisible();
	await signOut(page);

	await signInWithForm(page, lena.email, lena.password);
	await enterCode(page, recoveryCodes[0]!);
	await expect(page.getByRole('alert')).toContainText(wrongCode);

	await enterCode(page, codeNow(key, 1), true);
	await expect(page.getByRole('heading', { name: `Good to see you, ${lena.name}` })).toBeVisible();
	await signOut(page);
	await signInWithForm(page, lena.email, lena.password);
	await expect(page.getByRole('heading', { name: `Good to see you, ${lena.name}` })).toBeVisible();
});

test('an admin resets someone’s two-factor sign-in, and they sign in with their password alone', async ({
	page,
	seed,
	browser
}) => {
	const admin = await seed.user('admin');
	const diego = await seed.user('interviewer');
	await enrolledUser(seed, diego);
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	// The shared server's users page lists everyone the suite has made (hundreds by now):
	// its scripts take a while to start, and the page a while to come back after the reset.
	await expect(page.locator('html.js')).toBeAttached();
	const row = page.getByRole('row', { name: new RegExp(diego.email) });
	await expect(row).toContainText('Two-factor');
	await row.getByRole('button', { name: `Reset two-factor sign-in of ${diego.name}` }).click();
	await expect(row.getByRole('button', { name: /Reset two-factor/ })).toHaveCount(0);

	const diegoContext = await browser.newContext();
	const diegoPage = await diegoContext.newPage();
	await signInWithForm(diegoPage, diego.email, diego.password);
	await expect(diegoPage.getByRole('heading', { name: `Good to see you, ${diego.name}` })).toBeVisible();
	await diegoContext.close();
});

test('where everyone must use two-factor, a user without it sets it up right after the password', async ({
	browser
}) => {
	const { file, db, seed } = await openOwnDatabase('two-factor');
	const admin = await seed.user('admin');
	await enrolledUser(seed, admin);
	await setTwoFactorRequirement(db, admin, 'everyone');
	const priya = await seed.user('interviewer');
	const invite = (await createInvite(db, admin, { email: 'noor@e2e.example.com', role: 'interviewer' }))
		.token;
	await db.destroy();

	const { origin, stop } = await startOwnServer(file, { HOST: '::' });
	try {
		const context = await browser.newContext({ baseURL: origin });
		const page = await context.newPage();
		await signInWithForm(page, priya.email, priya.password);
		await expect(page.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
		await page.goto('/');
		await expect(page).toHaveURL(/\/login$/);

		await signInWithForm(page, priya.email, priya.password);
		await expectNoViolations(page);
		const key = await readKey(page);
		await page.getByLabel('Code from your app').fill(codeNow(key));
		await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
		await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
		await page.getByRole('link', { name: 'Continue to Panelist' }).click();
		await expect(page.getByRole('heading', { name: `Good to see you, ${priya.name}` })).toBeVisible();
		await context.close();

		// Someone joining by invite sets it up before their first session too.
		const joining = await browser.newContext({ baseURL: origin });
		const joinPage = await joining.newPage();
		await joinPage.goto(`/invite/${invite}`);
		await joinPage.getByLabel('Your name').fill('Noor Haddad');
		await joinPage.getByLabel('Password', { exact: true }).fill('noor-password-2026');
		await joinPage.getByLabel('Confirm password').fill('noor-password-2026');
		await joinPage.getByRole('button', { name: 'Create my account' }).click();
		await expect(joinPage.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
		await joinPage.goto('/');
		await expect(joinPage).toHaveURL(/\/login$/);
		await joining.close();
	} finally {
		await stop();
	}
});
