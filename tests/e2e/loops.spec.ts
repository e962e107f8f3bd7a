import { expectNoViolations } from './support/axe';
import { deactivateUser } from '../../src/lib/server/accounts/users';
import { expect, skipBrowserValidation, test } from './support/fixtures';

test.use({ timezoneId: 'Europe/Berlin' });

test('a recruiter creates a loop with a panel; the interviewer sees it, another interviewer sees nothing of it', async ({
	page,
	seed,
	browser
}) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer', `Manager ${Date.now()}`);
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const sam = await seed.user('interviewer', `Sam ${Date.now()}`);
	const lena = await seed.user('interviewer', `Lena ${Date.now()}`);
	const openingId = await seed.opening([manager], `Payments engineer ${Date.now()}`);
	const candidate = await seed.candidate([openingId], `Ada Loopcandidate ${Date.now()}`);

	await seed.signIn(page.context(), recruiter);
	await page.goto(`/openings/${openingId}`);
	await page.getByRole('link', { name: `Create loop for ${candidate.name}` }).click();
	await expect(page.getByRole('heading', { name: `New loop for ${candidate.name}` })).toBeVisible();
	await expect(page.getByText('Times are in Europe/Berlin')).toBeVisible();

	const times = [
		'2030-03-04T10:00',
		'2030-03-04T11:30',
		'2030-03-04T13:00',
		'2030-03-04T14:00',
		'2030-03-04T15:00'
	];
	for (const [i, time] of times.entries()) {
		await page
			.locator(`#round-${i}-interviewer-0`)
			.selectOption({ label: i % 2 === 0 ? priya.name : sam.name });
		await page.locator(`#round-${i}-scheduledAt`).fill(time);
	}
	await page.locator('#round-4-interviewer-1').selectOption({ label: manager.name });
	await page.getByRole('button', { name: 'Create loop' }).click();

	await expect(page.getByRole('heading', { name: `Loop for ${candidate.name}` })).toBeVisible();
	await expect(page.getByText('Scheduled', { exact: true })).toBeVisible();
	const coding = page.getByRole('listitem').filter({ hasText: '1. Coding' });
	await expect(coding.getByRole('row', { name: new RegExp(priya.name) })).toContainText(
		'Mon, 4 Mar 2030, 10:00'
	);
	await expect(page.getByRole('listitem').filter({ hasText: '5. Delivery' }).getByRole('row')).toHaveCount(3);
	const loopUrl = page.url();

	// The interviewer finds it in My interviews and opens the brief with the anchors.
	const priyaContext = await browser.newContext({ timezoneId: 'Europe/Berlin' });
	await seed.signIn(priyaContext, priya);
	const priyaPage = await priyaContext.newPage();
	await priyaPage.goto('/interviews');
	const upcoming = priyaPage.getByRole('region', { name: 'Upcoming' });
	await expect(upcoming.getByRole('row', { name: /Coding/ })).toContainText(candidate.name);
	await expect(upcoming.getByRole('row')).toHaveCount(4);
	await upcoming
		.getByRole('row', { name: /Coding/ })
		.getByRole('link', { name: candidate.name })
		.click();
	await expect(priyaPage.getByRole('heading', { name: `Coding with ${candidate.name}` })).toBeVisible();
	await expect(priyaPage.getByRole('radio', { name: /^3 · Meets the bar/ }).first()).toBeVisible();
	const briefUrl = priyaPage.url();
	await priyaContext.close();

	// Another interviewer: 403 on the loop, the brief and the candidate; the name appears nowhere.
	const lenaContext = await browser.newContext();
	await seed.signIn(lenaContext, lena);
	const lenaPage = await lenaContext.newPage();
	for (const url of [
		loopUrl,
		briefUrl,
		`/candidates/${candidate.id}`,
		'/candidates',
		'/openings',
		`/openings/${openingId}`
	]) {
		const response = await lenaPage.goto(url);
		expect(response?.status(), url).toBe(403);
		await expect(lenaPage.locator('body')).not.toContainText(candidate.name);
	}
	await lenaPage.goto('/interviews');
	await expect(lenaPage.locator('body')).not.toContainText(candidate.name);
	await lenaPage.goto('/');
	await expect(lenaPage.locator('body')).not.toContainText(candidate.name);
	await lenaContext.close();
});

test('the loop form refuses a time that is not a time, a missing time and a deactivated interviewer, saving nothing', async ({
	page,
	seed,
	db
}) => {
	const admin = await seed.user('admin');
	const manager = await seed.user('interviewer');
	const sam = await seed.user('interviewer', `Sam Leaving ${Date.now()}`);
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	await seed.signIn(page.context(), manager);
	await page.goto(`/loops/new?opening=${openingId}&candidate=${candidate.id}`);
	await skipBrowserValidation(page);
	// Submitted before the page's scripts start, the form would post without them, and the
	// answer's date field (a datetime-local again) could not hold the text to check it kept.
	await expect(page.locator('html.js')).toBeAttached();

	await page.locator('#round-0-interviewer-0').selectOption({ label: manager.name });
	await page.locator('#round-0-scheduledAt').evaluate((input: HTMLInputElement) => (input.type = 'text'));
	await page.locator('#round-0-scheduledAt').fill('next Tuesday');
	await page.locator('#round-1-interviewer-0').selectOption({ label: sam.name });
	await page.getByRole('button', { name: 'Create loop' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await page.getByRole('link', { name: 'Enter a real date and time, like 2026-11-24 10:00' }).click();
	await expect(page.locator('#round-0-scheduledAt')).toBeFocused();
	await expect(page.getByRole('link', { name: 'Enter the date and time of this interview' })).toBeVisible();
	await expectNoViolations(page);
	await expect(page.locator('#round-0-scheduledAt')).toHaveValue('next Tuesday');

	await deactivateUser(db, admin, sam.id);
	await page.locator('#round-0-scheduledAt').fill('2030-05-06T09:00');
	await page.locator('#round-1-scheduledAt').fill('2030-05-06T11:00');
	await page.getByRole('button', { name: 'Create loop' }).click();
	await page.getByRole('link', { name: `${sam.name} is deactivated and cannot interview` }).click();
	await expect(page.locator('#round-1-interviewer-0')).toBeFocused();
	await expect(page.locator('#round-1-interviewer-0')).toHaveAttribute('aria-invalid', 'true');
	expect(
		await db.selectFrom('loop').select('id').where('candidateId', '=', candidate.id).execute()
	).toHaveLength(0);
});

test('panel changes are audited, and a double-booked interviewer is flagged', async ({ page, seed }) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const mei = await seed.user('interviewer', `Mei ${Date.now()}`);
	const openingId = await seed.opening([manager]);
	const first = await seed.candidate([openingId]);
	const second = await seed.candidate([openingId]);
	const at = Date.UTC(2031, 0, 14, 9);
	await seed.loop(recruiter, first.id, openingId, [{ round: 0, interviewerIds: [mei.id], scheduledAt: at }]);
	const { loopId } = await seed.loop(recruiter, second.id, openingId, [
		{ round: 1, interviewerIds: [manager.id], scheduledAt: at }
	]);

	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/${loopId}`);
	await expect(page.getByText('Draft', { exact: true })).toBeVisible();
	const systemDesign = page.getByRole('listitem').filter({ hasText: '2. System design' });
	await systemDesign.getByLabel('Add interviewer').selectOption({ label: mei.name });
	await systemDesign.getByLabel('Date and time').fill('2031-01-14T09:30');
	await systemDesign.getByRole('button', { name: 'Add to System design' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Double-booked' })).toContainText(
		`${mei.name} has another interview`
	);

	await systemDesign.locator('summary', { hasText: mei.name }).click();
	await systemDesign.getByRole('button', { name: `Remove ${mei.name} from System design` }).click();
	await expect(systemDesign.getByRole('row', { name: new RegExp(mei.name) })).toHaveCount(0);
	const history = page.getByRole('region', { name: 'Panel history' });
	await expect(history.getByRole('listitem')).toHaveText([
		/Loop created/,
		new RegExp(`Interviewer added ${mei.name}`),
		new RegExp(`Interviewer removed ${mei.name}`)
	]);
});

test('the dashboard lists each overdue scorecard as a link to finish it', async ({ page, seed }) => {
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId], `Overdue Candidate ${Date.now()}`);
	const twoDaysAgo = Date.now() - 2 * 24 * 3_600_000;
	const { scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: twoDaysAgo }
	]);
	await seed.signIn(page.context(), priya);
	await page.goto('/');
	const notice = page.locator('.notice.warning');
	await expect(notice).toContainText('1 scorecard is overdue:');
	await notice.getByRole('link', { name: new RegExp(`with ${candidate.name}`) }).click();
	await expect(page).toHaveURL(new RegExp(`/interviews/${scorecards[0]!.id}$`));
});

test('a staffed round left without a time follows the round before it, and an empty round offers its time', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer', `Manager ${Date.now()}`);
	const priya = await seed.user('interviewer', `Priya ${Date.now()}`);
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/loops/new?opening=${openingId}&candidate=${candidate.id}`);
	await page.getByLabel('Interviewer', { exact: true }).first().selectOption({ label: manager.name });
	await page.locator('#round-0-scheduledAt').fill('2030-05-06T09:00');
	await page.locator('#round-1-interviewer-0').selectOption({ label: priya.name });
	await page.getByRole('button', { name: 'Create loop' }).click();
	await expect(page).toHaveURL(/\/loops\/\d+$/);

	const loopId = Number(new URL(page.url()).pathname.split('/').pop());
	const rounds = await seed.db
		.selectFrom('loopRound')
		.select(['id', 'durationMinutes'])
		.where('loopId', '=', loopId)
		.orderBy('position')
		.execute();
	const seat = await seed.db
		.selectFrom('scorecard')
		.select('scheduledAt')
		.where('roundId', '=', rounds[1]!.id)
		.executeTakeFirstOrThrow();
	// 09:00 in Berlin's summer time is 07:00 UTC; the second round starts when the first ends.
	const start = Date.UTC(2030, 4, 6, 7);
	const minute = 60_000;
	expect(seat.scheduledAt).toBe(start + rounds[0]!.durationMinutes * minute);
	const third = start + (rounds[0]!.durationMinutes + rounds[1]!.durationMinutes) * minute;
	const berlin = new Date(third + 2 * 60 * minute).toISOString().slice(0, 16);
	await expect(page.locator(`#add-when-${rounds[2]!.id}`)).toHaveValue(berlin);
});

test('a panel change opened while the page is still loading stays open once its scripts run', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { loopId } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.UTC(2031, 0, 14, 9) }
	]);
	await seed.signIn(page.context(), recruiter);
	// The app's scripts wait until the disclosure has been opened, as on a slow phone.
	let releaseScripts = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`/loops/${loopId}`, { waitUntil: 'commit' });
	await page.locator('summary', { hasText: priya.name }).click();
	releaseScripts();
	await expect(page.locator('html.js')).toBeAttached();
	await expect(page.getByRole('button', { name: `Remove ${priya.name} from Coding` })).toBeVisible();
});
