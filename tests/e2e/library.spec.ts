import { expect, skipBrowserValidation, test } from './support/fixtures';

test('a recruiter adds a competency, revises its anchors and finds both revisions', async ({
	page,
	seed
}) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	const name = `Curiosity ${Date.now()}`;
	await page.goto('/library');
	await page.getByRole('link', { name: 'New competency' }).click();
	await page.getByLabel('Name').fill(name);
	await page.getByLabel('Kind').selectOption('leadership');
	await page.getByLabel('Description').fill('Seeks out what they do not know.');
	await page.getByLabel('1 · Significant gaps').fill('Showed no interest in how things work.');
	await page.getByLabel('2 · Below the bar').fill('Asked questions only when prompted.');
	await page.getByLabel('3 · Meets the bar').fill('Asked good questions and followed up.');
	await page.getByLabel('4 · Exceeds the bar').fill('Taught themselves a new field to solve a problem.');
	await page.getByRole('button', { name: 'Create competency' }).click();

	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await expect(page.getByText('Leadership · revision 1')).toBeVisible();
	await page.getByLabel('3 · Meets the bar').fill('Asked sharp questions and tested the answers.');
	await page.getByRole('button', { name: 'Save new revision' }).click();
	await expect(page.getByRole('status')).toContainText('Saved as revision 2');
	const anchors = page.getByRole('region', { name: 'Anchors' });
	await expect(anchors.getByRole('row', { name: /3 · Meets the bar/ })).toContainText(
		'Asked sharp questions and tested the answers.'
	);
	const history = page.getByRole('region', { name: 'Revision history' });
	await history.getByText(/^Revision 1 ·/).click();
	await expect(history).toContainText('Asked good questions and followed up.');

	await page.goto('/library?kind=leadership');
	await expect(page.getByRole('link', { name })).toBeVisible();
});

test('empty, over-long and duplicate competency names get messages next to the field, and nothing is saved', async ({
	page,
	seed,
	db
}) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	// Other tests add competencies meanwhile: count only the names this test types.
	const named = async (name: string) =>
		(
			await db
				.selectFrom('competency')
				.select('id')
				.where((eb) => eb(eb.fn('lower', ['name']), '=', name))
				.execute()
		).length;
	await page.goto('/library/new');
	await skipBrowserValidation(page);
	await page.getByRole('button', { name: 'Create competency' }).click();
	await expect(page.getByRole('link', { name: 'Enter a name' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Enter what earns a 3 (meets the bar)' })).toBeVisible();

	await page.getByLabel('Name').fill('n'.repeat(81));
	for (const level of [
		'1 · Significant gaps',
		'2 · Below the bar',
		'3 · Meets the bar',
		'4 · Exceeds the bar'
	]) {
		await page.getByLabel(level).fill(`What earns ${level}`);
	}
	await page.getByLabel('Description').fill('Kept when the name is refused.');
	await page.getByRole('button', { name: 'Create competency' }).click();
	await expect(page.getByRole('link', { name: 'A name: use at most 80 characters' })).toBeVisible();
	await expect(page.getByLabel('Description')).toHaveValue('Kept when the name is refused.');

	await page.getByLabel('Name').fill('CODING');
	await page.getByRole('button', { name: 'Create competency' }).click();
	await expect(page.getByRole('link', { name: 'A competency with this name already exists' })).toBeVisible();
	await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
	expect(await named('n'.repeat(81))).toBe(0);
	expect(await named('coding')).toBe(1);
});

test('the question bank filters by competency and kind', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	await page.goto('/library/questions');
	await page.getByLabel('Competency').selectOption({ label: 'System design' });
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByRole('status')).toHaveText('3 questions');
	const cards = page.getByRole('listitem').filter({ has: page.locator('.prompt') });
	await expect(cards).toHaveCount(3);
	for (const card of await cards.all()) await expect(card).toContainText('System design');

	await page.getByLabel('Competency').selectOption({ label: 'All competencies' });
	await page.getByLabel('Kind').selectOption('leadership');
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page.getByRole('status')).toHaveText(/^\d+\s+questions$/);
	await expect(cards.first()).toContainText(/Tell me about|Describe a specific/);
	await expect(page.getByRole('link', { name: /Write a function/ })).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the edit form opens with the competency’s text in every box', async ({ page, seed }) => {
		await seed.signIn(page.context(), await seed.user('recruiter'));
		await page.goto('/library');
		await page.getByRole('link', { name: 'Coding', exact: true }).click();
		await expect(page.getByLabel('Description')).toHaveValue(
			/^Turning a problem into working, readable code/
		);
		for (const level of [
			'1 · Significant gaps',
			'2 · Below the bar',
			'3 · Meets the bar',
			'4 · Exceeds the bar'
		]) {
			await expect(page.getByLabel(level)).not.toHaveValue('');
		}
	});
});
