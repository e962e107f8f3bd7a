import { expect, signInWithForm, test } from './support/fixtures';
import { ports } from '../../playwright.config';

test('an admin invites a recruiter, who joins with the link once and can sign in', async ({
	page,
	seed,
	browser
}) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	const email = `noor-${Date.now()}@e2e.example.com`;

	await page.goto('/admin/users');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Role', { exact: true }).selectOption('recruiter');
	await page.getByRole('button', { name: 'Create invite link' }).click();
	await expect(page.getByRole('status')).toContainText(`Invite created for ${email}`);
	const link = await page.getByLabel('Invite link').inputValue();
	expect(link).toMatch(new RegExp(`^http://localhost:${ports.app}/invite/[a-z0-9]{24}\\.[a-z0-9]{24}$`));
	await expect(page.getByRole('table').first()).toContainText(email);

	const newcomer = await browser.newContext();
	const joinPage = await newcomer.newPage();
	await joinPage.goto(link);
	await expect(joinPage.getByText('You are invited as Recruiter')).toBeVisible();
	await joinPage.getByLabel('Your name').fill('Noor Haddad');
	await joinPage.getByLabel('Password', { exact: true }).fill('noor-joins-panelist');
	await joinPage.getByLabel('Confirm password').fill('noor-joins-typo');
	await joinPage.getByRole('button', { name: 'Create my account' }).click();
	await expect(joinPage.getByRole('link', { name: 'The two passwords do not match' })).toBeVisible();
	await expect(joinPage.getByLabel('Your name')).toHaveValue('Noor Haddad');

	await joinPage.getByLabel('Password', { exact: true }).fill('noor-joins-panelist');
	await joinPage.getByLabel('Confirm password').fill('noor-joins-panelist');
	await joinPage.getByRole('button', { name: 'Create my account' }).click();
	await expect(joinPage.getByRole('heading', { name: 'Good to see you, Noor Haddad' })).toBeVisible();
	await expect(joinPage.getByText('You are signed in as recruiter.')).toBeVisible();

	await joinPage.getByRole('button', { name: 'Sign out' }).click();
	await joinPage.goto(link);
	await expect(joinPage.getByRole('alert')).toHaveText(/already been used/);
	await signInWithForm(joinPage, email, 'noor-joins-panelist');
	await expect(joinPage.getByRole('heading', { name: 'Good to see you, Noor Haddad' })).toBeVisible();
	await newcomer.close();

	await page.reload();
	const row = page.getByRole('row', { name: new RegExp(email) });
	await expect(row).toContainText('Noor Haddad');
	await expect(row.getByLabel('Role of Noor Haddad', { exact: true })).toHaveValue('recruiter');
});

test('a bad invite email gets a message next to the field and creates nothing', async ({
	page,
	seed,
	db
}) => {
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	// The browser's own check would stop "not-an-email"; this one passes it but not ours.
	await page.getByLabel('Email').fill(admin.email);
	await page.getByRole('button', { name: 'Create invite link' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await page.getByRole('link', { name: 'A user with this email already exists' }).click();
	await expect(page.getByLabel('Email')).toBeFocused();
	await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
	expect(await db.selectFrom('invite').select('id').where('email', '=', admin.email).execute()).toHaveLength(
		0
	);
});

test('an invite link that is not valid says so', async ({ page }) => {
	await page.goto('/invite/abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz');
	await expect(page.getByRole('heading', { name: 'This invite cannot be used' })).toBeVisible();
	await expect(page.getByRole('alert')).toHaveText(/not valid/);
});
