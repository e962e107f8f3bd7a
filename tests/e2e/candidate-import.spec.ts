import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { ports } from '../../playwright.config';
import { expect, test } from './support/fixtures';

function csvFile(text: string, name = 'candidates.csv') {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') };
}

test('a recruiter imports a CSV file: every bad row is listed, nothing is saved until the file is right', async ({
	page,
	seed,
	db
}) => {
	const manager = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const otherOpeningId = await seed.opening([manager]);
	const known = await seed.candidate([otherOpeningId], `Known Person ${randomUUID().slice(0, 6)}`);
	const knownEmail = (
		await db.selectFrom('candidate').select('email').where('id', '=', known.id).executeTakeFirstOrThrow()
	).email;
	await seed.signIn(page.context(), await seed.user('recruiter'));
	const tag = randomUUID().slice(0, 8);
	const ada = `Ada Import ${tag}`;
	const grace = `Grace Import ${tag}`;

	await page.goto(`/openings/${openingId}`);
	await page.getByRole('link', { name: 'Import candidates from CSV' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Import candidates from CSV' })).toBeVisible();

	await page
		.getByLabel('CSV file')
		.setInputFiles(
			csvFile(
				`name;email;notes\r\n${ada};ada.${tag}@example.com;Referred\r\n"${grace}";grace-at-example;\r\n;;\r\n;${tag}@example.org;\r\n`
			)
		);
	await page.getByRole('button', { name: 'Import candidates' }).click();
	const summary = page.getByRole('alert');
	await expect(summary.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
	await expect(summary).toContainText(
		'Correct these 2 problems in candidates.csv and choose the file again.'
	);
	await expect(summary.getByRole('listitem')).toHaveText([
		'Row 3, email: Enter a valid email address, like name@example.com',
		'Row 5, name: Enter a name'
	]);
	await expect(summary).toBeFocused();
	// A row is fixed in the file, so its problem leads back to choosing the file.
	await summary.getByRole('link', { name: 'Row 5, name: Enter a name' }).click();
	await expect(page.getByLabel('CSV file')).toBeFocused();
	expect(await db.selectFrom('candidate').select('id').where('name', '=', ada).execute()).toHaveLength(0);

	await page
		.getByLabel('CSV file')
		.setInputFiles(
			csvFile(
				`name;email;notes\r\n${ada};ada.${tag}@example.com;Referred\r\n"${grace}";grace.${tag}@example.org;\r\nSomeone Else;${knownEmail};\r\n`
			)
		);
	await page.getByRole('button', { name: 'Import candidates' }).click();

	await expect(page).toHaveURL(new RegExp(`/openings/${openingId}\\?`));
	await expect(page.getByRole('status')).toHaveText(
		'Import finished: 2 new candidates added; 1 candidate already known, added to this opening.'
	);
	const candidates = page.getByRole('region', { name: /Candidates/ });
	for (const name of [ada, grace, known.name]) {
		await expect(candidates.getByRole('link', { name, exact: true })).toBeVisible();
	}
	await expect(candidates).not.toContainText('Someone Else');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('pasted rows come back after an error, are fixed in place and imported', async ({
		page,
		seed,
		db
	}) => {
		const openingId = await seed.opening([await seed.user('interviewer')]);
		await seed.signIn(page.context(), await seed.user('admin'));
		const tag = randomUUID().slice(0, 8);
		const pasted = `Name\tEmail\nLin Paste ${tag}\tlin.${tag}@example.com\nMo Paste ${tag}\tmo.${tag}@example.com\nLin Again\tLIN.${tag}@example.com\n`;

		await page.goto(`/openings/${openingId}/import`);
		await page.getByLabel('Or paste the rows').fill(pasted);
		await page.getByRole('button', { name: 'Import candidates' }).click();
		await expect(page.getByRole('alert').getByRole('listitem')).toHaveText([
			`Row 4, email: lin.${tag}@example.com is also on row 2; list each candidate once.`
		]);
		await expect(page.getByRole('alert')).toContainText('Correct this problem and import again.');
		await expect(page.getByRole('alert')).toBeFocused();
		expect(new URL(page.url()).hash).toBe('#import-errors');
		await expect(page.getByLabel('Or paste the rows')).toHaveValue(pasted);
		expect(
			await db.selectFrom('candidate').select('id').where('email', '=', `mo.${tag}@example.com`).execute()
		).toHaveLength(0);

		await page.getByLabel('Or paste the rows').fill(pasted.split('\n').slice(0, 3).join('\n'));
		await page.getByRole('button', { name: 'Import candidates' }).click();
		await expect(page.getByRole('status')).toHaveText('Import finished: 2 new candidates added.');
		await expect(page.getByRole('link', { name: `Mo Paste ${tag}`, exact: true })).toBeVisible();
	});
});

test('the import page explains the columns, offers the example file, refuses a large file at once, and passes WCAG checks with errors shown', async ({
	page,
	seed
}) => {
	const openingId = await seed.opening([await seed.user('interviewer')]);
	await seed.signIn(page.context(), await seed.user('recruiter'));
	await page.goto(`/openings/${openingId}/import`);
	await expect(page.getByRole('row', { name: /email Yes/ })).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download an example file' }).click();
	const example = await (await download).createReadStream();
	let text = '';
	for await (const chunk of example) text += chunk;
	expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name,email,notes');

	await page
		.getByLabel('CSV file')
		.setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(600 * 1024, 'a') });
	await expect(page.getByText('huge.csv is 600 KB; import at most 500 KB at once.')).toBeVisible();
	await expect(page.getByLabel('CSV file')).toHaveValue('');

	await page.getByLabel('Or paste the rows').fill('name,email\n,nobody\n');
	await page.getByRole('button', { name: 'Import candidates' }).click();
	await expect(page.getByRole('alert').getByRole('listitem')).toHaveCount(2);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('interviewers and hiring managers get a 403 for the import page, its example and its action', async ({
	page,
	seed,
	db
}) => {
	const manager = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	for (const user of [await seed.user('interviewer'), manager]) {
		await page.context().clearCookies();
		await seed.signIn(page.context(), user);
		expect((await page.goto(`/openings/${openingId}/import`))?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
		expect((await page.request.get('/candidates/import-template.csv')).status()).toBe(403);

		const email = `sneaky-${randomUUID().slice(0, 8)}@example.com`;
		const post = await page.request.post(`/openings/${openingId}/import?/import`, {
			multipart: { csv: `name,email\nSneaky,${email}\n` },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
		expect(post.status()).toBe(403);
		expect(await db.selectFrom('candidate').select('id').where('email', '=', email).execute()).toHaveLength(
			0
		);
	}
	// The hiring manager sees the opening, but no way to import into it.
	await page.goto(`/openings/${openingId}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Import candidates from CSV' })).toHaveCount(0);
});
