import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test } from './support/fixtures';
import { competencyId } from '../support/seed';
import { createExercise } from '../../src/lib/server/calibration/exercises';

// Calibration exercises (decision 031): a recruiter records a practice case, an interviewer
// rates it blind in the kit and then sees their ratings against the reference; from the
// calibration page an interviewer whose leniency interval excludes zero is given one in a click.

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

test('from the calibration page a lenient interviewer is assigned an exercise in one click; it shows on their dashboard', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const lena = await seed.user('interviewer', `Lena ${Date.now()}`);
	const openingId = await seed.opening([manager], `Exercises ${Date.now()}`);
	// Priya rates Coding 4 where Lena rates it 2, three times: an interval well above zero.
	for (let i = 0; i < 3; i++) {
		const candidate = await seed.candidate([openingId]);
		const at = Date.now() - (10 + i) * 86_400_000;
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [priya.id], scheduledAt: at },
			{ round: 2, interviewerIds: [lena.id], scheduledAt: at }
		]);
		await seed.submitScorecard(priya, loop.scorecards[0]!.id, 4);
		await seed.submitScorecard(lena, loop.scorecards[1]!.id, 2);
	}
	const title = `Generous coder ${Date.now()}`;
	await createExercise(seed.db, recruiter, {
		title,
		format: 'coding',
		transcript: 'A working solution with no tests.',
		passDistance: 50,
		open: false,
		references: [
			{ competencyId: await competencyId(seed.db, 'Coding'), rating: 2, reason: 'No tests at all' }
		]
	});

	await seed.signIn(page.context(), recruiter);
	await page.goto(`/calibration?opening=${openingId}`);
	const assign = page.getByRole('region', { name: 'Calibration exercises' });
	await expect(assign.getByText(lena.name)).toBeVisible();
	await assign.getByLabel(`Exercise for ${priya.name}`).selectOption({ label: title });
	await assign.getByRole('button', { name: `Assign a calibration exercise to ${priya.name}` }).click();
	await expect(assign.getByRole('status')).toHaveText(`Assigned “${title}”.`);

	await page.getByRole('region', { name: 'Interviewers' }).getByRole('link', { name: priya.name }).click();
	await expect(page.getByRole('region', { name: /^Trend/ }).getByRole('listitem')).toContainText([
		`Exercise “${title}” assigned`
	]);

	await page.context().clearCookies();
	await seed.signIn(page.context(), priya);
	await page.goto('/');
	const mine = page.getByRole('region', { name: 'Calibration exercises for you' });
	await mine.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText('No tests at all')).toHaveCount(0);

	// An interviewer can neither assign exercises nor record one.
	const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
	const exerciseId = /\/exercises\/(\d+)/.exec(page.url())![1]!;
	for (const [path, form] of [
		['/calibration?/assign', { userId: String(lena.id), exerciseId }],
		['/exercises/new?/save', { title: 'Sneaky', format: 'coding', transcript: 'x', passDistance: '3' }]
	] as const)
		expect((await page.request.post(path, { form, headers })).status(), path).toBe(403);
});
