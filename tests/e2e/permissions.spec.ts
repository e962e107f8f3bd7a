import type { Role } from '../../src/lib/domain/roles';
import { expect, test } from './support/fixtures';

const navigationByRole: Record<Role, { sees: string[]; doesNotSee: string[] }> = {
	admin: { sees: ['Dashboard', 'Users'], doesNotSee: [] },
	recruiter: { sees: ['Dashboard'], doesNotSee: ['Users'] },
	interviewer: { sees: ['Dashboard'], doesNotSee: ['Users'] }
};

for (const [role, expected] of Object.entries(navigationByRole) as [
	Role,
	(typeof navigationByRole)[Role]
][]) {
	test(`the ${role} sees the navigation of their role`, async ({ page, seed }) => {
		await seed.signIn(page.context(), await seed.user(role));
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const label of expected.sees) await expect(nav.getByRole('link', { name: label })).toBeVisible();
		for (const label of expected.doesNotSee)
			await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
	});
}

for (const role of ['recruiter', 'interviewer'] as const) {
	test(`the ${role} gets a 403 page for user administration, and its actions refuse them`, async ({
		page,
		seed,
		db
	}) => {
		await seed.signIn(page.context(), await seed.user(role));
		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
		await expect(page.locator('body')).not.toContainText(/node_modules|\.ts:\d|ForbiddenError/);

		const email = `sneaky-${Date.now()}@e2e.example.com`;
		const post = await page.request.post('/admin/users?/invite', {
			form: { email, role: 'admin' },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(post.status()).toBe(403);
		expect(await db.selectFrom('invite').select('id').where('email', '=', email).execute()).toHaveLength(0);
	});
}

test('signed-out visitors are sent to sign in, from any page', async ({ page }) => {
	for (const path of ['/', '/admin/users', '/settings', '/no-such-page']) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/login/);
	}
});

test('an unknown page shows a plain 404', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('interviewer'));
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
