import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';

test('sign-in, invite and password reset pages meet WCAG 2.2 AA checks', async ({ page }) => {
	await page.goto('/login');
	await expectNoViolations(page);
	await page.getByLabel('Email').fill('x@e2e.example.com');
	await page.getByLabel('Password').fill('wrong-password-here');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expectNoViolations(page);
	await page.goto('/invite/not-a-token');
	await expectNoViolations(page);
	await page.goto('/forgot-password');
	await expectNoViolations(page);
	await page.goto('/reset-password/not-a-token');
	await expectNoViolations(page);
});

test('the app pages meet WCAG 2.2 AA checks, and the keyboard reaches everything', async ({ page, seed }) => {
	// Five whole-page axe scans, two of them of lists that grow with every test's users and audit.
	test.slow();
	const admin = await seed.user('admin');
	await seed.signIn(page.context(), admin);
	for (const path of ['/', '/admin/users', '/admin/audit', '/admin/jobs', '/settings', '/no-such-page']) {
		await page.goto(path);
		await expectNoViolations(page);
	}

	// The skip link is the first stop and moves focus to the content.
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'All my interviews' })).toBeFocused();
});

test('the layout holds at 768 px wide', async ({ page, seed }) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	await seed.signIn(page.context(), await seed.user('admin'));
	await page.goto('/admin/users');
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expect(page.getByRole('button', { name: 'Create invite link' })).toBeInViewport();
});

test('the hiring pages meet WCAG 2.2 AA checks', async ({ page, seed }) => {
	// Sixteen full-page audits: more than the default budget on a loaded 2-core machine.
	test.slow();
	const admin = await seed.user('admin');
	const interviewer = await seed.user('interviewer');
	const openingId = await seed.opening([admin]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(admin, candidate.id, openingId, [
		{ round: 0, interviewerIds: [admin.id, interviewer.id], scheduledAt: Date.UTC(2031, 5, 2, 9) }
	]);
	const questionId = (await seed.db.selectFrom('question').select('id').executeTakeFirstOrThrow()).id;
	await seed.signIn(page.context(), admin);
	for (const path of [
		'/library',
		'/library/1',
		'/library/new',
		'/library/questions',
		`/library/questions/${questionId}`,
		'/templates',
		`/templates/${await seed.templateId()}`,
		'/openings',
		`/openings/${openingId}`,
		`/openings/${openingId}/import`,
		'/candidates',
		`/candidates/${candidate.id}`,
		`/loops/new?opening=${openingId}&candidate=${(await seed.candidate([openingId])).id}`,
		`/loops/${loopId}`,
		'/interviews',
		`/interviews/${scorecards[0]!.id}`
	]) {
		await page.goto(path);
		await expectNoViolations(page);
	}
});

test('the interview kit, the submitted scorecard and the panel feedback meet WCAG 2.2 AA checks', async ({
	page,
	seed
}) => {
	test.slow();
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const sam = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.now() },
		{ round: 3, interviewerIds: [sam.id], scheduledAt: Date.now() }
	]);
	await seed.signIn(page.context(), priya);
	await page.goto(`/interviews/${scorecards[0]!.id}`);
	await expectNoViolations(page);
	await page.getByRole('button', { name: 'Submit scorecard' }).first().click();
	await expect(page.getByRole('link', { name: 'Choose an overall recommendation' })).toBeVisible();
	await expectNoViolations(page);

	await seed.submitScorecard(sam, scorecards[1]!.id);
	await seed.submitScorecard(priya, scorecards[0]!.id);
	await page.goto(`/interviews/${scorecards[0]!.id}`);
	await expectNoViolations(page);
	await page.goto(`/loops/${loopId}/results`);
	await expectNoViolations(page);
});

test('results, debrief, packet and comparison meet WCAG 2.2 AA checks', async ({ page, seed }) => {
	test.slow();
	const manager = await seed.user('interviewer');
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const lena = await seed.user('interviewer');
	const openingId = await seed.opening([manager]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.now() - 86_400_000 },
		{ round: 2, interviewerIds: [lena.id], scheduledAt: Date.now() - 86_400_000 }
	]);
	await seed.submitScorecard(priya, scorecards[0]!.id, 4, 4);
	await seed.submitScorecard(lena, scorecards[1]!.id, 1, 1);
	await seed.signIn(page.context(), manager);
	for (const path of [
		`/loops/${loopId}/results`,
		`/loops/${loopId}/debrief`,
		`/loops/${loopId}/packet`,
		`/openings/${openingId}/comparison`,
		`/candidates/${candidate.id}`
	]) {
		await page.goto(path);
		await expectNoViolations(page);
	}
});

test('the calibration page meets WCAG 2.2 AA checks', async ({ page, seed }) => {
	const recruiter = await seed.user('recruiter');
	const priya = await seed.user('interviewer');
	const lena = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.now() - 86_400_000 },
		{ round: 2, interviewerIds: [lena.id], scheduledAt: Date.now() - 86_400_000 }
	]);
	await seed.submitScorecard(priya, scorecards[0]!.id, 4);
	await seed.submitScorecard(lena, scorecards[1]!.id, 2);
	await seed.signIn(page.context(), recruiter);
	await page.goto(`/calibration?trend=i${priya.id}`);
	await expectNoViolations(page);
	await page.goto('/calibration?from=nope');
	await expectNoViolations(page);
});
