import { expect, skipBrowserValidation, test } from './support/fixtures';

test('a recruiter adds a candidate to an opening and finds them by search; a bad email saves nothing', async ({
	page,
	seed,
	db
}) => {
	const manager = await seed.user('interviewer');
	const title = `Data engineer ${Date.now()}`;
	await seed.opening([manager], title);
	await seed.signIn(page.context(), await seed.user('recruiter'));
	const name = `Grace Searchable ${Date.now()}`;

	await page.goto('/candidates/new');
	await skipBrowserValidation(page);
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Email').fill('grace-at-example');
	await page.getByLabel(title).check();
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(
		page.getByRole('link', { name: 'Enter a valid email address, like name@example.com' })
	).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveValue(name);
	await expect(page.getByLabel(title)).toBeChecked();
	expect(await db.selectFrom('candidate').select('id').where('name', '=', name).execute()).toHaveLength(0);

	const email = `grace.${Date.now()}@example.org`;
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByRole('link', { name: `Create loop for ${title}` })).toBeVisible();

	await page.goto('/candidates');
	await page.getByLabel('Search name or email').fill('searchable');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText(title);

	await page.goto('/candidates/new');
	await page.getByLabel('Name').fill('Grace Again');
	await page.getByLabel('Email').fill(email.toUpperCase());
	await page.getByRole('button', { name: 'Add candidate' }).click();
	await expect(page.getByRole('link', { name: 'A candidate with this email already exists' })).toBeVisible();
});

test('a hiring manager sees the candidates of their own openings only', async ({ page, seed }) => {
	const manager = await seed.user('interviewer');
	const otherManager = await seed.user('interviewer');
	const mine = await seed.opening([manager]);
	const theirs = await seed.opening([otherManager]);
	const visible = await seed.candidate([mine]);
	const hidden = await seed.candidate([theirs]);
	await seed.signIn(page.context(), manager);

	await page.goto('/candidates');
	await expect(page.getByRole('link', { name: visible.name })).toBeVisible();
	await expect(page.locator('body')).not.toContainText(hidden.name);
	expect((await page.goto(`/candidates/${hidden.id}`))?.status()).toBe(403);
	expect((await page.goto(`/openings/${theirs}`))?.status()).toBe(403);
	expect((await page.goto(`/candidates/${visible.id}`))?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: visible.name })).toBeVisible();
});
