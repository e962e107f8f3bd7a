import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { expect, test, type Seed, type SeededUser } from './support/fixtures';
import { ports } from '../../playwright.config';

/** A token of the user's, and a way to ask whether the API still takes it (any answer but 401). */
async function tokenOf(seed: Seed, user: SeededUser, request: APIRequestContext) {
	const name = `Script ${randomUUID().slice(0, 8)}`;
	const { token } = await createApiToken(seed.db, user.id, name);
	const works = async () => {
		const answer = await request.get('/api/v1/competencies', {
			headers: { authorization: `Bearer ${token}` }
		});
		return answer.status() !== 401;
	};
	return { name, works };
}

test('an admin sees everyone’s API tokens and revokes one; it stops working at once', async ({
	page,
	seed,
	request
}) => {
	const admin = await seed.user('admin');
	const rita = await seed.user('recruiter', `Rita ${randomUUID().slice(0, 6)}`);
	const token = await tokenOf(seed, rita, request);
	expect(await token.works()).toBe(true);

	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	const tokens = page.getByRole('region', { name: 'API tokens' });
	const row = tokens.getByRole('row', { name: new RegExp(token.name) });
	await expect(row).toContainText(rita.name);
	await expect(row).toContainText(rita.email);
	await row.getByRole('button', { name: `Revoke token ${token.name} of ${rita.name}` }).click();
	await expect(tokens.getByRole('status')).toHaveText('The token is revoked; it no longer works.');
	await expect(tokens.getByRole('row', { name: new RegExp(token.name) })).toHaveCount(0);
	expect(await token.works()).toBe(false);
});

test('only an admin may revoke someone else’s token', async ({ page, seed, request }) => {
	const rita = await seed.user('recruiter');
	const token = await tokenOf(seed, rita, request);
	const tokenId = (
		await seed.db.selectFrom('apiToken').select('id').where('name', '=', token.name).executeTakeFirstOrThrow()
	).id;
	const colleague = await seed.user('recruiter');
	await seed.signIn(page.context(), colleague);
	const headers = { origin: `http://localhost:${ports.app}`, accept: 'text/html' };
	const onAdminPage = await page.request.post('/admin/users?/revokeToken', { form: { tokenId }, headers });
	expect(onAdminPage.status()).toBe(403);
	const onSettings = await page.request.post('/settings?/revokeToken', { form: { tokenId }, headers });
	expect(onSettings.status()).toBe(404);
	expect(await token.works()).toBe(true);
});

test('a deactivated user’s tokens stay dead after reactivation', async ({ page, seed, request }) => {
	const admin = await seed.user('admin');
	const lena = await seed.user('interviewer', `Lena ${randomUUID().slice(0, 6)}`);
	const token = await tokenOf(seed, lena, request);
	await seed.signIn(page.context(), admin);
	await page.goto('/admin/users');
	await page.getByRole('button', { name: `Deactivate ${lena.name}` }).click();
	await expect(page.getByRole('button', { name: `Reactivate ${lena.name}` })).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(token.name) })).toHaveCount(0);
	await page.getByRole('button', { name: `Reactivate ${lena.name}` }).click();
	await expect(page.getByRole('button', { name: `Deactivate ${lena.name}` })).toBeVisible();
	expect(await token.works()).toBe(false);
});

test('changing one’s password keeps the API tokens, unless one asks to revoke them', async ({
	page,
	seed,
	request
}) => {
	const mei = await seed.user('interviewer');
	const token = await tokenOf(seed, mei, request);
	await seed.signIn(page.context(), mei);
	await page.goto('/settings');

	const change = async (from: string, to: string) => {
		await page.getByLabel('Current password').fill(from);
		await page.getByLabel('New password', { exact: true }).fill(to);
		await page.getByLabel('Confirm new password').fill(to);
		await page.getByRole('button', { name: 'Change password' }).click();
	};
	await change(mei.password, 'mei-new-password-1');
	await expect(page.getByRole('status')).toHaveText(
		'Your password is changed. Your other sessions have ended.'
	);
	expect(await token.works()).toBe(true);

	await page.getByLabel('Also revoke my API tokens').check();
	await change('mei-new-password-1', 'mei-new-password-2');
	await expect(page.getByRole('status')).toHaveText(
		'Your password is changed. Your other sessions have ended, and your API tokens are revoked.'
	);
	expect(await token.works()).toBe(false);
	await expect(page.getByText('You have no API tokens.')).toBeVisible();
	// With no tokens left, there is nothing to offer.
	await expect(page.getByLabel('Also revoke my API tokens')).toHaveCount(0);
});

test('after five wrong current passwords, Settings stops checking for a while', async ({ page, seed }) => {
	const mei = await seed.user('interviewer');
	await seed.signIn(page.context(), mei);
	await page.goto('/settings');
	const change = async (from: string) => {
		await page.getByLabel('Current password').fill(from);
		await page.getByLabel('New password', { exact: true }).fill('mei-new-password-1');
		await page.getByLabel('Confirm new password').fill('mei-new-password-1');
		// One answer at a time, so each try is counted before the next.
		const answered = page.waitForResponse((r) => r.url().includes('changePassword'));
		await page.getByRole('button', { name: 'Change password' }).click();
		await answered;
	};
	for (let i = 0; i < 5; i++) {
		await change(`a-wrong-guess-${i}`);
		await expect(page.getByRole('link', { name: 'Your current password is not right' })).toBeVisible();
	}
	await change(mei.password);
	await expect(page.getByRole('alert')).toContainText(
		'Too many wrong current passwords. Wait 15 minutes and try again.'
	);
	await expect(page.getByRole('status')).toHaveCount(0);
});
