import { expect, test } from './support/fixtures';
import { openOwnDatabase, startMailingServer } from './support/own-server';

// "Forgot password" as a person meets it, with a server of its own that sends mail to a real
// SMTP server started here (the shared test server has mail off).

test('a forgotten password is reset through the link in the mail, once, and the old sessions end', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { file, db, seed } = await openOwnDatabase('reset');
	await seed.user('admin');
	const sam = await seed.user('interviewer');
	const { origin, mailbox, stop } = await startMailingServer(file);
	const elsewhere = await browser.newContext({ baseURL: origin });
	const context = await browser.newContext({ baseURL: origin });
	try {
		await seed.signIn(elsewhere, sam);
		const other = await elsewhere.newPage();
		await other.goto('/interviews');
		await expect(other).toHaveURL(`${origin}/interviews`);

		const page = await context.newPage();
		await page.goto('/login');
		await page.getByRole('link', { name: 'Forgot your password?' }).click();
		// The new page first: the sign-in page, hydrating as its link is followed, has an Email
		// field and an html.js of its own, and typing there would leave this form empty.
		await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
		// Typed before the page's scripts start, the address could be set back as they do.
		await expect(page.locator('html.js')).toBeAttached();
		await page.getByLabel('Email').fill(sam.email);
		await page.getByRole('button', { name: 'Send me a reset link' }).click();
		// A server of its own, started moments ago on a machine busy with the other tests.
		await expect(page.getByRole('status')).toContainText(`If ${sam.email} belongs to an account`, {
			timeout: 20_000
		});

		const [mail] = await mailbox.waitForCount(1);
		expect(mail!.subject).toBe('Reset your Panelist password');
		const link = /(http\S+\/reset-password\/\S+)/.exec(mail!.text!)![1]!;
		expect(link.startsWith(`${origin}/reset-password/`)).toBe(true);

		await page.goto(link);
		await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
		await page.getByLabel('Confirm new password').fill('a brand new passphrase');
		await page.getByRole('button', { name: 'Set my new password' }).click();
		await expect(page.getByRole('status')).toHaveText('Your new password is set. Sign in with it.');
		await page.getByLabel('Email').fill(sam.email);
		await page.getByLabel('Password').fill('a brand new passphrase');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(`${origin}/`);

		// The session on the other device ended; the link works once.
		await other.goto('/interviews');
		await expect(other).toHaveURL(/\/login/);
		await page.goto(link);
		await expect(page.getByRole('heading', { name: 'This reset link cannot be used' })).toBeVisible();
	} finally {
		await context.close();
		await elsewhere.close();
		await stop();
		await db.destroy();
	}
});
