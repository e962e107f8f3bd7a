import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test } from './support/fixtures';

// Calibration exercises (decision 031): a recruiter records a practice case, an interviewer
// rates it blind in the kit and then sees their ratings against the reference.

const codingReason = 'Working token bucket with tests; missed the clock skew';
const problemReason = 'Needed two hints before finding the approach';

test('a recruiter records an exercise; an interviewer rates it blind and then sees the reference', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const kim = await seed.user('interviewer');
	const title = `Rate limiter ${Date.now()}`;
	await seed.signIn(page.context(), recruiter);
	await page.goto('/calibration');
	await page.getByRole('link', { name: 'Calibration exercises' }).click();
	await page.getByRole('link', { name: 'New exercise' }).click();
	await skipBrowserValidation(page);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Round format').selectOption({ label: 'Coding' });
	await page
		.getByLabel('Transcript or summary of the candidate’s answers')
		.fill('The candidate wrote a token bucket and tested the empty bucket.');
	await page.getByLabel('Pass distance').fill('0.5');
	await page.getByLabel('Open to every interviewer').check();
	await page.getByLabel('Reference rating for Coding').selectOption({ label: '3 · Meets the bar' });
	await page.getByLabel('Reference rating for Problem solving').selectOption({ label: '2 · Below the bar' });
	await page.getByLabel('Reason for the Problem solving rating').fill(problemReason);
	await page.getByRole('button', { name: 'Save exercise' }).click();
	await expect(page.getByLabel('Reason for the Coding rating')).toHaveAccessibleDescription(
		'Say why the experienced interviewers agreed on this rating'
	);
	await page.getByLabel('Reason for the Coding rating').fill(codingReason);
	await page.getByRole('button', { name: 'Save exercise' }).click();
	await expect(page.getByText('Exercise saved.')).toBeVisible();
	await expectNoViolations(page);

	await page.context().clearCookies();
	await seed.signIn(page.context(), kim);
	await page.goto('/exercises');
	await page.getByRole('region', { name: 'Exercises for you' }).getByRole('link', { name: title }).click();
	// Blind: no reference, no reason, until the ratings are in.
	await expect(page.getByText(codingReason)).toHaveCount(0);
	await expect(page.getByText(problemReason)).toHaveCount(0);
	// The whole case is on paper: every competency is rated, none "not assessed".
	await expect(page.getByRole('radio', { name: 'Not assessed' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Submit ratings' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose a rating for Coding');
	await page
		.getByRole('group', { name: 'Coding' })
		.getByRole('radio', { name: /^4 · Exceeds the bar/ })
		.check();
	await page
		.getByRole('group', { name: 'Problem solving' })
		.getByRole('radio', { name: /^2 · Below the bar/ })
		.check();
	await page.getByRole('button', { name: 'Submit ratings' }).click();

	const result = page.getByRole('region', { name: 'Your ratings against the reference' });
	// |4 − 3| + |2 − 2| = 1 over two competencies: 0.50, exactly the pass distance.
	await expect(result).toContainText('Your distance: 0.50');
	await expect(result).toContainText('Passed');
	await expect(result.getByRole('row', { name: /^Coding/ })).toHaveText(
		`Coding4 · Exceeds the bar3 · Meets the bar1${codingReason}`
	);
	await expect(result.getByRole('row', { name: /^Problem solving/ })).toContainText(problemReason);
	await expectNoViolations(page);

	await page.getByRole('link', { name: 'Calibration exercises' }).click();
	await expect(
		page
			.getByRole('region', { name: 'Your distance over time' })
			.getByRole('row', { name: new RegExp(title) })
	).toContainText('0.50Passed');
	expect((await page.goto('/exercises/new'))?.status()).toBe(403);
});
