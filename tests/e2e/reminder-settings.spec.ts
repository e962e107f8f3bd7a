import { expect, skipBrowserValidation, test } from './support/fixtures';

test('a recruiter sees an opening’s reminder defaults and changes them; a bad value saves nothing', async ({
	page,
	seed
}) => {
	const manager = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	await seed.signIn(page.context(), await seed.user('recruiter'));

	await page.goto(`/openings/${openingId}`);
	const reminders = page.getByRole('region', { name: 'Reminders' });
	await expect(reminders).toContainText('Defaults: on, first reminder 60 minutes after the interview ends');
	await expect(reminders.getByLabel('Send reminders')).toBeChecked();
	await skipBrowserValidation(page);
	await reminders.getByLabel('First reminder, minutes after the interview ends').fill('-5');
	await reminders.getByRole('button', { name: 'Save reminder settings' }).click();
	await expect(page.getByRole('link', { name: 'Enter 0 minutes or more' })).toBeVisible();

	await reminders.getByLabel('First reminder, minutes after the interview ends').fill('30');
	await reminders.getByLabel('Tell the hiring managers and recruiter at, hours overdue').fill('48');
	await reminders.getByRole('button', { name: 'Save reminder settings' }).click();
	await expect(reminders.getByRole('status')).toHaveText('Reminder settings saved.');
	await page.reload();
	await expect(reminders.getByLabel('First reminder, minutes after the interview ends')).toHaveValue('30');
	await expect(reminders.getByLabel('Tell the hiring managers and recruiter at, hours overdue')).toHaveValue(
		'48'
	);

	// The hiring manager reads them and cannot change them.
	await seed.signIn(page.context(), manager);
	await page.goto(`/openings/${openingId}`);
	await expect(reminders).toContainText(
		'On: first reminder 30 minutes after the interview ends, escalation at 48 hours overdue.'
	);
	await expect(reminders.getByRole('button')).toHaveCount(0);
});

test('an interviewer chooses the time zone and hour their reminders arrive, and a daily digest', async ({
	page,
	seed
}) => {
	await seed.signIn(page.context(), await seed.user('interviewer'));
	await page.goto('/settings');
	const notices = page.getByRole('region', { name: 'Notifications' });
	await expect(notices).toContainText('Until you save, the server’s time zone at 09:00 is used.');
	await notices.getByLabel('Time zone').selectOption('Asia/Tokyo');
	await notices.getByLabel('Send time').fill('08:30');
	const digest = notices.getByRole('radio', { name: 'In one daily digest' });
	await expect(notices.getByRole('radio', { name: 'At once, one mail each' })).toBeChecked();
	await digest.check();
	await notices.getByRole('button', { name: 'Save notification settings' }).click();
	await expect(notices.getByRole('status')).toHaveText('Notification settings saved.');
	await page.reload();
	await expect(notices.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
	await expect(notices.getByLabel('Send time')).toHaveValue('08:30');
	await expect(digest).toBeChecked();
});
