import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test } from './support/fixtures';
import { setQualification } from '../../src/lib/server/hiring/qualifications';

// Qualifications per round format (decision 030): recruiters set them on /interviewers, each
// person reads their own on their settings page, and a qualification unused for the lapse
// period shows as lapsed.

const month = 30 * 86_400_000;

test('a recruiter qualifies an interviewer in a format; the interviewer sees it on their settings page', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const kim = await seed.user('interviewer');
	await seed.signIn(page.context(), recruiter);
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviewers' }).click();

	const form = page.getByRole('region', { name: 'Set a qualification' });
	const list = page.getByRole('region', { name: 'Qualifications' });
	await form.getByLabel('Interviewer').selectOption({ label: kim.name });
	await form.getByLabel('Round format').selectOption({ label: 'System design' });
	await form.getByLabel('Level').selectOption({ label: 'Trainee' });
	await form.getByRole('button', { name: 'Save qualification' }).click();
	await expect(form.getByRole('status')).toHaveText('Qualification saved.');
	await expect(list.getByRole('row', { name: new RegExp(kim.name) })).toContainText('System designTrainee');

	await form.getByLabel('Interviewer').selectOption({ label: kim.name });
	await form.getByLabel('Round format').selectOption({ label: 'System design' });
	await form.getByLabel('Level').selectOption({ label: 'Qualified' });
	await form.getByRole('button', { name: 'Save qualification' }).click();
	await expect(list.getByRole('row', { name: new RegExp(kim.name) })).toContainText('System designQualified');
	await expect(list.getByRole('row', { name: new RegExp(kim.name) })).toContainText('None yet');
	await expectNoViolations(page);

	await page.context().clearCookies();
	await seed.signIn(page.context(), kim);
	await page.goto('/settings');
	const own = page.getByRole('region', { name: 'Your qualifications' });
	await expect(own.getByRole('row')).toHaveCount(2);
	await expect(own.getByRole('row').nth(1)).toContainText('System designQualified');
	expect((await page.goto('/interviewers'))?.status()).toBe(403);
});

test('a qualification unused for the lapse period shows as lapsed until the period is made longer', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const lee = await seed.user('interviewer');
	await setQualification(
		seed.db,
		recruiter,
		{ userId: lee.id, format: 'coding', level: 'qualified' },
		Date.now() - 8 * month
	);
	await seed.signIn(page.context(), recruiter);
	await page.goto('/interviewers');
	await skipBrowserValidation(page);
	const row = page
		.getByRole('region', { name: 'Qualifications' })
		.getByRole('row', { name: new RegExp(lee.name) });
	await expect(row).toContainText('CodingLapsed');

	const lapse = page.getByRole('region', { name: 'Lapse period' });
	const months = lapse.getByLabel('Months without an interview before a qualification lapses');
	await months.fill('0');
	await lapse.getByRole('button', { name: 'Save lapse period' }).click();
	await expect(lapse.getByRole('alert')).toContainText('Give at least 1 month');
	await expect(row).toContainText('CodingLapsed');

	await months.fill('12');
	await lapse.getByRole('button', { name: 'Save lapse period' }).click();
	await expect(lapse.getByRole('status')).toHaveText('Lapse period saved.');
	await expect(row).toContainText('CodingQualified');

	// The period is one setting for everyone: put it back for the tests after this one.
	await months.fill('6');
	await lapse.getByRole('button', { name: 'Save lapse period' }).click();
	await expect(row).toContainText('CodingLapsed');
});
