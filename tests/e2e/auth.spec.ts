import { expect, signInWithForm, test } from './support/fixtures';
import { ports } from '../../playwright.config';

test('signs in, signs out, and the session is over on the server too', async ({ page, seed, browser }) => {
	const sam = await seed.user('interviewer', 'Sam Okafor');
	await signInWithForm(page, sam.email, sam.password);
	await expect(page.getByRole('heading', { name: 'Good to see you, Sam Okafor' })).toBeVisible();

	const cookie = (await page.context().cookies()).find((c) => c.name === 'panelist-session')!;
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

	// Someone who kept a copy of the cookie gets nowhere with it.
	const replay = await browser.newContext();
	await replay.addCookies([{ ...cookie, secure: false }]);
	const replayPage = await replay.newPage();
	await replayPage.goto('/');
	await expect(replayPage).toHaveURL(/\/login$/);
	await replay.close();
});

test('a wrong password and an unknown email get the same message', async ({ page, seed }) => {
	const sam = await seed.user('interviewer');
	await signInWithForm(page, sam.email, 'not-the-password');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('That email and password do not match an active account.');
	await expect(alert).toBeFocused();
	await expect(page.getByLabel('Email')).toHaveValue(sam.email);

	await signInWithForm(page, 'nobody-here@e2e.example.com', 'not-the-password');
	await expect(page.getByRole('alert')).toContainText(
		'That email and password do not match an active account.'
	);
});

test('repeated wrong passwords are refused with 429 and a clear message', async ({ page, seed }) => {
	const sam = await seed.user('interviewer');
	for (let i = 0; i < 5; i++) {
		await signInWithForm(page, sam.email, `wrong-guess-${i}`);
		await expect(page.getByRole('alert')).toContainText('do not match');
	}
	await signInWithForm(page, sam.email, sam.password);
	await expect(page.getByRole('alert')).toHaveText(
		/Too many failed sign-in attempts\. Wait 1 minute and try again\./
	);
	await expect(page).toHaveURL(/\/login$/);

	// A script posting the form gets the answer as a status, after its own five failures (it
	// may reach the server from another address than the browser).
	const post = (password: string) =>
		page.request.post('/login', {
			form: { email: sam.email, password },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
	for (let i = 0; i < 5; i++) await post(`script-guess-${i}`);
	expect((await post(sam.password)).status()).toBe(429);
});

test('after signing in, a person lands where they were going', async ({ page, seed }) => {
	const sam = await seed.user('interviewer');
	await page.goto('/settings');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings$/);
	await page.getByLabel('Email').fill(sam.email);
	await page.getByLabel('Password').fill(sam.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});

test('a crafted redirectTo cannot send a fresh sign-in to another site', async ({ page, seed }) => {
	const sam = await seed.user('interviewer', 'Sam Hostile');
	// Were the browser sent away, it would not reach anything.
	await page.route(
		(url) => url.hostname === 'evil.example',
		(route) => route.abort()
	);
	await page.goto('/login?redirectTo=/%09/evil.example');
	await page.getByLabel('Email').fill(sam.email);
	await page.getByLabel('Password').fill(sam.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'Good to see you, Sam Hostile' })).toBeVisible();
	expect(new URL(page.url()).host).toBe(`localhost:${ports.app}`);
	expect(new URL(page.url()).pathname).toBe('/');
});

test('a line break in redirectTo leads home instead of failing', async ({ page, seed }) => {
	const sam = await seed.user('interviewer');
	const origin = `http://localhost:${ports.app}`;
	for (const breakChar of ['%0A', '%0D']) {
		const signIn = await page.request.post(`/login?redirectTo=/${breakChar}/evil.example`, {
			form: { email: sam.email, password: sam.password },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signIn.status()).toBe(303);
		expect(signIn.headers()['location']).toBe('/');
		// Signed in already, the page itself leads on.
		const signedIn = await page.request.get(`/login?redirectTo=/${breakChar}evil.example`, {
			maxRedirects: 0
		});
		expect(signedIn.status()).toBe(303);
		expect(signedIn.headers()['location']).toBe('/evil.example');
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('signing in and the error messages still work', async ({ page, seed }) => {
		const sam = await seed.user('recruiter', 'Riley NoScript');
		await signInWithForm(page, sam.email, 'not-the-password');
		await expect(page.getByRole('alert')).toContainText(
			'That email and password do not match an active account.'
		);
		await expect(page.getByRole('alert')).toBeFocused();
		await signInWithForm(page, sam.email, sam.password);
		await expect(page.getByRole('heading', { name: 'Good to see you, Riley NoScript' })).toBeVisible();
	});
});
