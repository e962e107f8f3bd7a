import { expect, test } from './support/fixtures';
import { changeUserRole } from '../../src/lib/server/accounts/users';
import { ports } from '../../playwright.config';

test('deactivating a user ends their live session at once', async ({ page, seed, browser }) => {
	const admin = await seed.user('admin');
	const lena = await seed.user('interviewer', `Lena ${Date.now()}`);
	await seed.signIn(page.context(), admin);

	const lenaContext = await browser.newContext();
	await seed.signIn(lenaContext, lena);
	const lenaPage = await lenaContext.newPage();
	await lenaPage.goto('/');
	await expect(lenaPage.getByRole('heading', { name: `Good to see you, ${lena.name}` })).toBeVisible();

	await page.goto('/admin/users');
	await expect(page.locator('html.js')).toBeAttached();
	await page.getByRole('button', { name: `Deactivate ${lena.name}` }).click();
	const row = page.getByRole('row', { name: new RegExp(lena.email) });
	await expect(row).toContainText('Deactivated');

	await lenaPage.goto('/settings');
	await expect(lenaPage).toHaveURL(/\/login/);
	await lenaPage.getByLabel('Email').fill(lena.email);
	await lenaPage.getByLabel('Password').fill(lena.password);
	await lenaPage.getByRole('button', { name: 'Sign in' }).click();
	await expect(lenaPage.getByRole('alert')).toHaveText(/do not match an active account/);
	await lenaContext.close();

	await row.getByRole('button', { name: `Reactivate ${lena.name}` }).click();
	await expect(row).toContainText('Active');
});

test('an admin changes a role, and the navigation follows', async ({ page, seed, browser }) => {
	const admin = await seed.user('admin');
	const diego = await seed.user('interviewer', `Diego ${Date.now()}`);
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	await expect(page.locator('html.js')).toBeAttached();
	await page.getByLabel(`Role of ${diego.name}`, { exact: true }).selectOption('admin');
	await page.getByRole('button', { name: `Save role of ${diego.name}` }).click();
	await expect(page.getByLabel(`Role of ${diego.name}`, { exact: true })).toHaveValue('admin');

	const diegoContext = await browser.newContext();
	await seed.signIn(diegoContext, diego);
	const diegoPage = await diegoContext.newPage();
	await diegoPage.goto('/');
	await expect(
		diegoPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })
	).toBeVisible();
	await diegoContext.close();
});

test('an admin cannot deactivate their own account, not even by posting the form', async ({
	page,
	seed,
	db
}) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	await expect(page.locator('html.js')).toBeAttached();
	const row = page.getByRole('row', { name: new RegExp(admin.email) });
	await expect(row.getByText('You')).toBeVisible();
	await expect(row.getByRole('button', { name: /Deactivate/ })).toHaveCount(0);

	const response = await page.request.post('/admin/users?/deactivate', {
		form: { userId: String(admin.id) },
		headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('You cannot deactivate your own account');
	const stored = await db
		.selectFrom('user')
		.select('deactivatedAt')
		.where('id', '=', admin.id)
		.executeTakeFirstOrThrow();
	expect(stored.deactivatedAt).toBeNull();
});

test('changing one’s password ends the other sessions and keeps this one', async ({
	page,
	seed,
	browser
}) => {
	const mei = await seed.user('interviewer', 'Mei Chen');
	await seed.signIn(page.context(), mei);
	const otherDevice = await browser.newContext();
	await seed.signIn(otherDevice, mei);
	const otherPage = await otherDevice.newPage();
	await otherPage.goto('/');
	await expect(otherPage.getByRole('heading', { name: 'Good to see you, Mei Chen' })).toBeVisible();

	await page.goto('/settings');
	await page.getByLabel('Current password').fill('not-my-password');
	await page.getByLabel('New password', { exact: true }).fill('mei-new-password-1');
	await page.getByLabel('Confirm new password').fill('mei-new-password-1');
	await page.getByRole('button', { name: 'Change password' }).click();
	await page.getByRole('link', { name: 'Your current password is not right' }).click();
	await expect(page.getByLabel('Current password')).toBeFocused();

	await page.getByLabel('Current password').fill(mei.password);
	await page.getByLabel('New password', { exact: true }).fill('mei-new-password-1');
	await page.getByLabel('Confirm new password').fill('mei-new-password-1');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toHaveText(/Your password is changed/);

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Good to see you, Mei Chen' })).toBeVisible();
	await otherPage.reload();
	await expect(otherPage).toHaveURL(/\/login$/);
	await otherDevice.close();
});

test('an admin reads the audit trail: who changed what and when, by kind, a page at a time', async ({
	page,
	seed
}) => {
	const admin = await seed.user('admin');
	const diego = await seed.user('interviewer', `Diego Audit ${Date.now()}`);
	await changeUserRole(seed.db, admin, diego.id, 'recruiter');
	await seed.signIn(page.context(), admin);
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit trail');

	await page.getByLabel('Kind of change').selectOption({ label: 'Users' });
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page).toHaveURL(/entity=user/);
	const event = page
		.getByRole('row')
		.filter({ hasText: `user ${diego.id}` })
		.filter({ hasText: 'user.role_changed' });
	await expect(event).toContainText(admin.name);
	await event.getByText('Before and after').click();
	await expect(event.locator('pre').first()).toContainText('"role": "interviewer"');
	await expect(event.locator('pre').last()).toContainText('"role": "recruiter"');
	// Only events about people under this filter (their role, qualifications, training, limits).
	for (const on of await page.locator('tbody tr td:nth-child(4)').allTextContents())
		expect(on.trim()).toMatch(/^user\s+\d+$/);

	const bad = await page.goto('/admin/audit?page=0');
	expect(bad?.status()).toBe(400);
	await expect(page.getByText('Pages start at 1')).toBeVisible();
});
