import { ApiContract, clientFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { setQualification } from '../../src/lib/server/hiring/qualifications';

// Panels from qualified people (decision 030): the picker shows each person's standing for the
// round's format and their load, suggests someone, and warns (without refusing) about an
// unqualified interviewer, a trainee alone and a weekly limit exceeded, before and after saving.

interface LoopJson {
	warnings: { kind: string; userId: string; message: string }[];
}

test('a recruiter sets a weekly limit, then builds a panel seeing standing, load, the suggestion and each warning', async ({
	page,
	request,
	seed
}) => {
	// A long journey (two pages scanned by axe, a loop built and changed) on the shared server,
	// whose picker lists every user the suite has made by then.
	test.setTimeout(90_000);
	const recruiter = await seed.user('recruiter');
	const manager = await seed.user('interviewer');
	const ann = await seed.user('interviewer');
	const tom = await seed.user('interviewer');
	const lia = await seed.user('interviewer');
	await setQualification(seed.db, recruiter, { userId: ann.id, format: 'coding', level: 'qualified' });
	await setQualification(seed.db, recruiter, { userId: tom.id, format: 'coding', level: 'trainee' });
	const openingId = await seed.opening([manager]);
	const earlier = await seed.candidate([openingId]);
	// Monday 3 March 2031: Ann's one interview that week.
	await seed.loop(recruiter, earlier.id, openingId, [
		{ round: 0, interviewerIds: [ann.id], scheduledAt: Date.UTC(2031, 2, 3, 9) }
	]);
	const other = await seed.candidate([openingId]);
	await seed.loop(recruiter, other.id, openingId, [
		{ round: 1, interviewerIds: [tom.id], scheduledAt: Date.now() + 60_000 }
	]);

	await seed.signIn(page.context(), recruiter);
	await page.goto('/interviewers');
	const limits = page.getByRole('region', { name: 'Weekly interview limits' });
	await limits.getByLabel('Interviewer').selectOption({ label: ann.name });
	await limits.getByLabel('Interviews a week at most').fill('1');
	await limits.getByRole('button', { name: 'Save weekly limit' }).click();
	await expect(limits.getByRole('status')).toHaveText('Weekly limit saved.');
	await expect(limits.getByRole('row', { name: new RegExp(ann.name) })).toContainText('1');

	const candidate = await seed.candidate([openingId]);
	await page.goto(`/loops/new?opening=${openingId}&candidate=${candidate.id}`);
	const coding = page.getByRole('listitem').filter({ hasText: '1. Coding' });
	const first = coding.getByLabel('Interviewer', { exact: true });
	await expect(
		first.locator('optgroup[label="Qualified for Coding"] option', { hasText: ann.name })
	).toHaveCount(1);
	await expect(
		first.locator('optgroup[label="Trainee for Coding"] option', { hasText: tom.name })
	).toHaveCount(1);
	await expect(
		first.locator('optgroup[label="Not qualified for Coding"] option', { hasText: lia.name })
	).toHaveCount(1);
	// Someone qualified is suggested, and nobody qualified has a lighter load than Ann's none.
	const suggestion = coding.getByText(/^Suggested: /);
	await expect(suggestion).toHaveText(/\(qualified, 0 this week, 0 this month\)$/);
	await suggestion.click();
	await expect(coding.getByRole('row', { name: new RegExp(tom.name) })).toContainText(
		'Trainee11trainee, 1 this week, 1 this month'
	);

	const before = page.getByRole('status', { name: /Panel warnings/ });
	// Picked again until the page has come alive: the warnings before saving are worked out in the browser.
	await expect(async () => {
		await first.selectOption({ label: lia.name });
		await coding.getByLabel('Second interviewer (optional)').selectOption({ label: ann.name });
		await coding.getByLabel('Date and time').fill('2031-03-04T10:00');
		await expect(before.getByRole('listitem')).toHaveText(
			[
				`${lia.name} interviews in Coding but is not qualified for Coding`,
				`${ann.name} has 2 interviews in the week of Coding, over their limit of 1`
			],
			{ timeout: 1000 }
		);
	}).toPass();
	await expectNoViolations(page);
	await page.getByRole('button', { name: 'Create loop' }).click();
	await expect(page).toHaveURL(/\/loops\/\d+$/);
	const loopId = Number(new URL(page.url()).pathname.split('/').pop());

	const design = page.getByRole('listitem').filter({ hasText: '2. System design' });
	await design.getByLabel('Add interviewer').selectOption({ label: tom.name });
	await design.getByLabel('Seat').selectOption({ label: 'Shadow (practice)' });
	await design.getByLabel('Date and time').fill('2031-03-04T12:00');
	await design.getByRole('button', { name: 'Add to System design' }).click();
	const after = page.getByRole('status', { name: /Panel warnings/ }).getByRole('listitem');
	await expect(after).toHaveCount(3);
	expect((await after.allTextContents()).sort()).toEqual(
		[
			`${lia.name} interviews in Coding but is not qualified for Coding`,
			`${ann.name} has 2 interviews in the week of Coding, over their limit of 1`,
			`${tom.name} practises in System design without a qualified System design interviewer beside them`
		].sort()
	);

	const api = await clientFor(request, await ApiContract.load(request), seed, recruiter);
	const answer = await api.get<LoopJson>('/loops/{id}', { params: { id: loopId } });
	expect(answer.body.warnings.map((w) => `${w.kind} ${w.userId}`).sort()).toEqual(
		[`unqualified_interviewer ${lia.id}`, `over_weekly_limit ${ann.id}`, `trainee_alone ${tom.id}`].sort()
	);

	// The opening's hiring manager builds panels too, and sees the same standing.
	await seed.signIn(page.context(), manager);
	await page.goto(`/loops/${loopId}`);
	await expect(page.getByRole('status', { name: /Panel warnings/ }).getByRole('listitem')).toHaveCount(3);
	// Nobody else may set a limit: the page is for hiring staff.
	const refused = await page.goto('/interviewers');
	expect(refused?.status()).toBe(403);
});
