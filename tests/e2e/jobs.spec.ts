import { expect, test } from './support/fixtures';

// The admin's view of the job queue: a dead job is listed with its error and put back by Retry.

test('an admin finds a dead job with its error and retries it; others get 403', async ({
	page,
	seed,
	db
}) => {
	const key = `mail:e2e-${Date.now()}`;
	const now = Date.now();
	const { id } = await db
		.insertInto('job')
		.values({
			kind: 'mail.retired',
			payload: '{}',
			key,
			state: 'dead',
			runAt: now,
			attempts: 8,
			lastError: '550 Mailbox unavailable',
			createdAt: now,
			updatedAt: now,
			finishedAt: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	await seed.signIn(page.context(), await seed.user('interviewer'));
	expect((await page.goto('/admin/jobs'))?.status()).toBe(403);

	await seed.signIn(page.context(), await seed.user('admin'));
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
	await expect(page.getByRole('heading', { name: 'Jobs' })).toBeVisible();
	// The shared test server has no SMTP_URL.
	await expect(page.getByRole('status')).toContainText('Mail is off: no mail is queued or sent');
	await page.getByRole('navigation', { name: 'Job states' }).getByRole('link', { name: /^Dead/ }).click();
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('cell', { name: String(id), exact: true }) });
	await expect(row).toContainText('550 Mailbox unavailable');
	await row.getByRole('button', { name: `Retry job ${id}` }).click();
	await expect(page.getByRole('status').filter({ hasText: 'queued again' })).toHaveText(
		`Job ${id} is queued again.`
	);
	const retried = await db
		.selectFrom('job')
		.select(['attempts', 'state'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	// Queued again with fresh attempts; the server's worker may already have run it once.
	expect(retried.attempts).toBeLessThanOrEqual(1);
});
