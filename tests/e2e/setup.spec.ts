import { expect, test } from '@playwright/test';
import { ports } from '../../playwright.config';

// The second server starts on an empty database; only this file uses it.
test.use({ baseURL: `http://localhost:${ports.fresh}` });

test('first run: every page leads to setup, which creates the first admin', async ({ page }) => {
	await page.goto('/admin/users');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { name: 'Welcome to Panelist' })).toBeVisible();

	await page.getByLabel('Your name').fill('Ada Lovelace');
	await page.getByLabel('Work email').fill('ada@example.com');
	await page.getByLabel('Password', { exact: true }).fill('short');
	await page.getByLabel('Confirm password').fill('short');
	await page.getByRole('button', { name: 'Create admin account' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await page.getByRole('link', { name: 'Use at least 10 characters' }).click();
	await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
	await expect(page.getByLabel('Your name')).toHaveValue('Ada Lovelace');

	await page.getByLabel('Password', { exact: true }).fill('password123');
	await page.getByLabel('Confirm password').fill('password123');
	await page.getByRole('button', { name: 'Create admin account' }).click();
	await expect(page.getByRole('link', { name: /on the list of the most common passwords/ })).toBeVisible();

	await page.getByLabel('Password', { exact: true }).fill('analytical-engine-1843');
	await page.getByLabel('Confirm password').fill('analytical-engine-1843');
	await page.getByRole('button', { name: 'Create admin account' }).click();
	await expect(page.getByRole('heading', { name: 'Good to see you, Ada Lovelace' })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })
	).toBeVisible();

	// Setup is over: the page now leads away, for everyone.
	await page.goto('/setup');
	await expect(page).toHaveURL(/\/$/);
	const stranger = await page
		.context()
		.browser()!
		.newPage({ baseURL: `http://localhost:${ports.fresh}` });
	await stranger.goto('/setup');
	await expect(stranger).toHaveURL(/\/login$/);
	await stranger.close();

	// A post is refused at once; a flood of posts from one address is cut off.
	const statuses: number[] = [];
	let lastAnswer = '';
	for (let i = 0; i < 12; i++) {
		const answer = await page.request.post('/setup', {
			form: {
				name: 'Eve',
				email: `eve${i}@example.com`,
				password: 'a-takeover-attempt',
				confirmPassword: 'a-takeover-attempt'
			},
			headers: { origin: `http://localhost:${ports.fresh}`, accept: 'text/html' },
			maxRedirects: 0
		});
		statuses.push(answer.status());
		lastAnswer = await answer.text();
	}
	expect(statuses[0]).toBe(303);
	expect(statuses.at(-1)).toBe(429);
	expect(statuses.every((status) => status === 303 || status === 429)).toBe(true);
	expect(lastAnswer).toContain('Too many attempts');
});
