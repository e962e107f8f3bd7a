import type { Page } from '@playwright/test';
import { ports } from '../../playwright.config';
import { setQualification } from '../../src/lib/server/hiring/qualifications';
import { setPathSetting } from '../../src/lib/server/hiring/training-paths';
import { ApiContract, clientFor } from './support/api';
import { expectNoViolations } from './support/axe';
import { expect, test, type Seed, type SeededUser } from './support/fixtures';

// Training paths (decision 030): a trainee shadows, then leads with a qualified co-interviewer,
// then is signed off; the trainee and recruiters follow the progress, signers sign off.

const yesterday = () => Date.now() - 86_400_000;

/** A loop of a new opening with `quinn` interviewing and `tia` on a practice seat of Coding. */
async function practiceLoop(
	seed: Seed,
	recruiter: SeededUser,
	quinn: SeededUser,
	tia: SeededUser,
	role: 'shadow' | 'reverse_shadow'
) {
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [quinn.id], scheduledAt: yesterday() },
		{ round: 0, interviewerIds: [tia.id], scheduledAt: yesterday(), role }
	]);
	const card = (who: SeededUser) => scorecards.find((s) => s.interviewerId === who.id)!.id;
	return { loopId, candidate, quinnCard: card(quinn), tiaCard: card(tia) };
}

/** The trainee fills and submits her practice card in the interview kit. */
async function writePracticeCard(page: Page, scorecardId: number) {
	await page.goto(`/interviews/${scorecardId}`);
	await page
		.getByRole('radio', { name: /^3 · Meets the bar/ })
		.first()
		.check();
	await page.getByLabel('Evidence for Coding').fill('Clean code, tested the edges.');
	await page
		.getByRole('radio', { name: /^2 · Below the bar/ })
		.nth(1)
		.check();
	await page.getByLabel('Evidence for Problem solving').fill('Needed a hint for the second part.');
	await page.getByRole('radio', { name: 'Yes', exact: true }).check();
	await page.getByRole('button', { name: 'Submit scorecard' }).first().click();
	await expect(page.getByRole('heading', { name: 'Your submitted scorecard' })).toBeVisible();
}

async function switchTo(page: Page, seed: Seed, who: SeededUser) {
	await page.context().clearCookies();
	await seed.signIn(page.context(), who);
}

test('a trainee shadows, leads a reverse shadow and is signed off by a qualified interviewer', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const quinn = await seed.user('interviewer', `Quinn ${Date.now()}`);
	const tia = await seed.user('interviewer', `Tia ${Date.now()}`);
	await setQualification(seed.db, recruiter, { userId: quinn.id, format: 'coding', level: 'qualified' });
	await setQualification(seed.db, recruiter, { userId: tia.id, format: 'coding', level: 'trainee' });

	// The recruiter shortens the Coding path to one interview of each kind.
	await seed.signIn(page.context(), recruiter);
	await page.goto('/interviewers');
	const paths = page.getByRole('region', { name: 'Training paths' });
	await paths.getByLabel('Format of the path').selectOption({ label: 'Coding' });
	await paths.getByLabel('Shadow interviews', { exact: true }).fill('1');
	await paths.getByLabel('Reverse-shadow interviews', { exact: true }).fill('1');
	await paths.getByRole('button', { name: 'Save training path' }).click();
	await expect(paths.getByRole('status')).toHaveText('Training path saved.');
	await expect(paths.getByRole('row', { name: /^Coding/ })).toContainText('Coding11');
	const trainees = page.getByRole('region', { name: 'Trainees' });
	await expect(trainees.getByRole('region', { name: `${tia.name}: Coding` })).toContainText(
		'Shadow 0 of 1, Reverse shadow 0 of 1, sign-off pending'
	);

	// Tia shadows Quinn and writes her practice card in the kit.
	const shadow = await practiceLoop(seed, recruiter, quinn, tia, 'shadow');
	await switchTo(page, seed, tia);
	await writePracticeCard(page, shadow.tiaCard);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
	const own = page.getByRole('region', { name: 'Your training' });
	await expect(own.getByRole('region', { name: 'Coding' })).toContainText(
		'Shadow 1 of 1, Reverse shadow 0 of 1, sign-off pending'
	);
	await expect(own.getByRole('link', { name: `${shadow.candidate.name}, Coding` })).toHaveAttribute(
		'href',
		`/interviews/${shadow.tiaCard}`
	);
	await expect(page.getByRole('region', { name: 'Ready for your sign-off' })).toContainText(
		'Nobody is waiting for your sign-off'
	);

	// Tia leads with Quinn co-scoring: the pair's agreement waits for the decision.
	const led = await practiceLoop(seed, recruiter, quinn, tia, 'reverse_shadow');
	await seed.submitScorecard(quinn, led.quinnCard, 3);
	await seed.submitScorecard(tia, led.tiaCard, 4);
	await page.reload();
	const ledItem = own.getByRole('listitem').filter({ hasText: led.candidate.name });
	await expect(ledItem).toContainText('agreement shown once the loop is decided');
	await expect(own.getByRole('region', { name: 'Coding' })).toContainText('(ready for sign-off)');
	await seed.decide(recruiter, led.loopId, { outcome: 'hire', rationale: 'Clear hire', dissent: '' });
	await page.reload();
	await expect(ledItem).toContainText(
		'same rating as the co-interviewer on 0 of 2 (0%), mean difference 1.00'
	);
	await expectNoViolations(page);

	const api = await clientFor(request, await ApiContract.load(request), seed, tia);
	const mine = await api.get<{ paths: { summary: string; readyForSignOff: boolean }[] }>(
		'/users/{id}/training',
		{
			params: { id: tia.id }
		}
	);
	expect(mine.status).toBe(200);
	expect(mine.body.paths).toMatchObject([
		{ summary: 'Shadow 1 of 1, Reverse shadow 1 of 1, sign-off pending', readyForSignOff: true }
	]);
	const asQuinn = await clientFor(request, api.contract, seed, quinn);
	expect((await asQuinn.get('/users/{id}/training', { params: { id: tia.id } })).status).toBe(404);

	// Quinn, qualified in Coding, signs Tia off.
	await switchTo(page, seed, quinn);
	await page.goto('/training');
	const queue = page.getByRole('region', { name: 'Ready for your sign-off' });
	await queue.getByRole('button', { name: `Sign off ${tia.name} in Coding` }).click();
	await expect(queue.getByRole('status')).toHaveText('Signed off: now qualified.');
	await expect(queue).toContainText('Nobody is waiting for your sign-off');

	await switchTo(page, seed, tia);
	await page.goto('/settings');
	await expect(
		page.getByRole('region', { name: 'Your qualifications' }).getByRole('row').nth(1)
	).toContainText('CodingQualified');
	await page.goto('/training');
	await expect(page.getByRole('region', { name: 'Your training' })).toContainText(
		'You are not a trainee in any round format.'
	);

	// The path is one setting for everyone: put it back for the tests after this one.
	await setPathSetting(seed.db, recruiter, { format: 'coding', shadowCount: 2, reverseShadowCount: 2 });
});

test('nobody signs off their own path, nor an interviewer not qualified in its format; a recruiter may', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const tim = await seed.user('interviewer', `Tim ${Date.now()}`);
	const olga = await seed.user('interviewer', `Olga ${Date.now()}`);
	await setQualification(seed.db, recruiter, { userId: olga.id, format: 'coding', level: 'qualified' });
	await setQualification(seed.db, recruiter, { userId: tim.id, format: 'presentation', level: 'trainee' });
	// A path with no practice steps: Tim is ready for sign-off at once.
	await setPathSetting(seed.db, recruiter, { format: 'presentation', shadowCount: 0, reverseShadowCount: 0 });
	const signOff = { userId: String(tim.id), format: 'presentation' };
	const headers = { origin: `http://localhost:${ports.app}`, accept: 'text/html' };

	try {
		for (const who of [tim, olga]) {
			await switchTo(page, seed, who);
			await page.goto('/training');
			await expect(
				page
					.getByRole('region', { name: 'Ready for your sign-off' })
					.getByRole('button', { name: `Sign off ${tim.name} in Presentation` })
			).toHaveCount(0);
			const post = await page.request.post('/training?/signOff', { form: signOff, headers });
			expect(post.status()).toBe(403);
		}
		const contract = await ApiContract.load(request);
		expect(
			(
				await (
					await clientFor(request, contract, seed, olga)
				).get('/users/{id}/training', { params: { id: tim.id } })
			).status
		).toBe(404);
		const asRecruiter = await clientFor(request, contract, seed, recruiter);
		const seen = await asRecruiter.get<{ paths: { readyForSignOff: boolean }[] }>('/users/{id}/training', {
			params: { id: tim.id }
		});
		expect(seen.body.paths).toMatchObject([{ readyForSignOff: true }]);

		await switchTo(page, seed, recruiter);
		await page.goto('/interviewers');
		const trainees = page.getByRole('region', { name: 'Trainees' });
		await trainees.getByRole('button', { name: `Sign off ${tim.name} in Presentation` }).click();
		await expect(trainees.getByRole('status')).toHaveText('Signed off: now qualified.');
		await expect(
			page.getByRole('region', { name: 'Qualifications' }).getByRole('row', { name: new RegExp(tim.name) })
		).toContainText('PresentationQualified');
	} finally {
		await setPathSetting(seed.db, recruiter, {
			format: 'presentation',
			shadowCount: 2,
			reverseShadowCount: 2
		});
	}
});

test('a path that asks for a passed calibration exercise shows the trainee the step still to pass', async ({
	page,
	request,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const tia = await seed.user('interviewer', `Tia ${Date.now()}`);
	await setQualification(seed.db, recruiter, { userId: tia.id, format: 'situational', level: 'trainee' });

	try {
		await seed.signIn(page.context(), recruiter);
		await page.goto('/interviewers');
		const paths = page.getByRole('region', { name: 'Training paths' });
		await paths.getByLabel('Format of the path').selectOption({ label: 'Situational / case' });
		await paths.getByLabel('A passed calibration exercise').check();
		await paths.getByRole('button', { name: 'Save training path' }).click();
		await expect(paths.getByRole('status')).toHaveText('Training path saved.');
		await expect(paths.getByRole('row', { name: /^Situational/ })).toContainText('Situational / case22Yes');

		await switchTo(page, seed, tia);
		await page.goto('/training');
		const own = page.getByRole('region', { name: 'Your training' }).getByRole('region', {
			name: 'Situational / case'
		});
		await expect(own).toContainText(
			'Shadow 0 of 2, Reverse shadow 0 of 2, Calibration exercise to pass, sign-off pending'
		);
		await expect(own.getByRole('link', { name: 'Calibration exercise to pass' })).toHaveAttribute(
			'href',
			'/exercises'
		);
		const api = await clientFor(request, await ApiContract.load(request), seed, tia);
		const mine = await api.get<{ paths: { steps: unknown[] }[] }>('/users/{id}/training', {
			params: { id: tia.id }
		});
		expect(mine.body.paths[0]!.steps).toContainEqual({ kind: 'exercise', done: false });
	} finally {
		await setPathSetting(seed.db, recruiter, {
			format: 'situational',
			shadowCount: 2,
			reverseShadowCount: 2
		});
	}
});

test('a recruiter on a strict led loop’s panel sees no pair agreement on /interviewers until the whole panel is in', async ({
	page,
	seed
}) => {
	const recruiter = await seed.user('recruiter');
	const rita = await seed.user('recruiter', `Rita ${Date.now()}`);
	const sam = await seed.user('interviewer', `Sam ${Date.now()}`);
	const quinn = await seed.user('interviewer', `Quinn ${Date.now()}`);
	const tia = await seed.user('interviewer', `Tia ${Date.now()}`);
	await setQualification(seed.db, recruiter, { userId: quinn.id, format: 'coding', level: 'qualified' });
	await setQualification(seed.db, recruiter, { userId: tia.id, format: 'coding', level: 'trainee' });
	const openingId = await seed.opening([recruiter]);
	const candidate = await seed.candidate([openingId]);
	const { loopId, scorecards } = await seed.loop(recruiter, candidate.id, openingId, [
		{ round: 0, interviewerIds: [quinn.id], scheduledAt: yesterday() },
		{ round: 0, interviewerIds: [tia.id], scheduledAt: yesterday(), role: 'reverse_shadow' },
		{ round: 1, interviewerIds: [rita.id, sam.id], scheduledAt: yesterday() }
	]);
	await seed.db.updateTable('loop').set({ visibilityMode: 'after_all' }).where('id', '=', loopId).execute();
	const card = (who: SeededUser) => scorecards.find((s) => s.interviewerId === who.id)!.id;
	await seed.submitScorecard(quinn, card(quinn), 3);
	await seed.submitScorecard(tia, card(tia), 4);
	await seed.decide(recruiter, loopId, { outcome: 'hire', rationale: 'Clear hire', dissent: '' });

	await seed.signIn(page.context(), rita);
	const led = page
		.getByRole('region', { name: `${tia.name}: Coding` })
		.getByRole('listitem')
		.filter({ hasText: candidate.name });
	const expectHidden = async (why: string) => {
		await page.goto('/interviewers');
		await expect(led).toContainText(`agreement hidden until ${why}`);
		await expect(led).not.toContainText('same rating as the co-interviewer');
	};
	await expectHidden('your own scorecard for this loop is in');
	await seed.submitScorecard(rita, card(rita));
	await expectHidden('the whole panel of this loop has submitted (strict mode)');
	await seed.submitScorecard(sam, card(sam));
	await page.goto('/interviewers');
	await expect(led).toContainText('same rating as the co-interviewer on 0 of 2 (0%), mean difference 1.00');
});
