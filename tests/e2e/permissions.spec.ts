import type { Role } from '../../src/lib/domain/roles';
import { expect, test } from './support/fixtures';
import { ports } from '../../playwright.config';

const navigationByRole: Record<Role, { sees: string[]; doesNotSee: string[] }> = {
	admin: {
		sees: [
			'Dashboard',
			'My interviews',
			'Openings',
			'Candidates',
			'Templates',
			'Library',
			'Interviewers',
			'Users',
			'Sign-in',
			'Audit trail',
			'Jobs',
			'Retention',
			'Webhooks',
			'Provisioning'
		],
		doesNotSee: []
	},
	recruiter: {
		sees: ['Dashboard', 'My interviews', 'Openings', 'Templates', 'Library', 'Interviewers'],
		doesNotSee: ['Users', 'Sign-in', 'Audit trail', 'Jobs', 'Retention', 'Webhooks', 'Provisioning']
	},
	interviewer: {
		sees: ['Dashboard', 'My interviews', 'Training'],
		doesNotSee: [
			'Users',
			'Sign-in',
			'Audit trail',
			'Jobs',
			'Retention',
			'Webhooks',
			'Provisioning',
			'Openings',
			'Candidates',
			'Templates',
			'Library',
			'Interviewers'
		]
	}
};

for (const [role, expected] of Object.entries(navigationByRole) as [
	Role,
	(typeof navigationByRole)[Role]
][]) {
	test(`the ${role} sees the navigation of their role`, async ({ page, seed }) => {
		await seed.signIn(page.context(), await seed.user(role));
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const label of expected.sees) await expect(nav.getByRole('link', { name: label })).toBeVisible();
		for (const label of expected.doesNotSee)
			await expect(nav.getByRole('link', { name: label })).toHaveCount(0);
	});
}

for (const role of ['recruiter', 'interviewer'] as const) {
	test(`the ${role} gets a 403 page for user administration, and its actions refuse them`, async ({
		page,
		seed,
		db
	}) => {
		await seed.signIn(page.context(), await seed.user(role));
		expect((await page.goto('/admin/audit'))?.status()).toBe(403);
		expect((await page.goto('/admin/sign-in'))?.status()).toBe(403);
		const requireForAll = await page.request.post('/admin/sign-in?/twoFactor', {
			form: { requirement: 'everyone' },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
		expect(requireForAll.status()).toBe(403);
		expect(
			await db.selectFrom('meta').select('value').where('key', '=', 'two_factor_required').execute()
		).toEqual([]);
		expect((await page.goto('/admin/privacy'))?.status()).toBe(403);
		expect((await page.goto('/admin/provisioning'))?.status()).toBe(403);
		const scimToken = await page.request.post('/admin/provisioning?/createToken', {
			form: { name: `Sneaky ${role}` },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
		expect(scimToken.status()).toBe(403);
		expect(
			await db.selectFrom('scimToken').select('id').where('name', '=', `Sneaky ${role}`).execute()
		).toEqual([]);
		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
		await expect(page.locator('body')).not.toContainText(/node_modules|\.ts:\d|ForbiddenError/);

		const email = `sneaky-${Date.now()}@e2e.example.com`;
		const post = await page.request.post('/admin/users?/invite', {
			form: { email, role: 'admin' },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
		expect(post.status()).toBe(403);
		expect(await db.selectFrom('invite').select('id').where('email', '=', email).execute()).toHaveLength(0);
	});
}

test('signed-out visitors are sent to sign in, from any page', async ({ page }) => {
	for (const path of ['/', '/admin/users', '/settings', '/no-such-page']) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/login/);
	}
});

test('an unknown page shows a plain 404', async ({ page, seed }) => {
	await seed.signIn(page.context(), await seed.user('interviewer'));
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test.describe('hiring pages, role by role', () => {
	const staffOnly = [
		'/library',
		'/library/new',
		'/library/questions',
		'/library/questions/new',
		'/templates',
		'/templates/new',
		'/openings/new',
		'/candidates/new',
		'/interviewers'
	];

	test('an interviewer who manages no opening gets 403 on every hiring page, and its forms refuse them', async ({
		page,
		seed
	}) => {
		await seed.signIn(page.context(), await seed.user('interviewer'));
		for (const path of [...staffOnly, '/openings', '/candidates']) {
			expect((await page.goto(path))?.status(), path).toBe(403);
		}
		expect((await page.goto('/interviews'))?.status()).toBe(200);
		const post = await page.request.post('/library/new', {
			form: { name: 'Sneaky', kind: 'technical' },
			headers: { origin: `http://localhost:${ports.app}`, accept: 'text/html' }
		});
		expect(post.status()).toBe(403);
	});

	test('a hiring manager runs their own opening’s loops, and nothing else', async ({ page, seed, db }) => {
		const recruiter = await seed.user('recruiter');
		const manager = await seed.user('interviewer');
		const other = await seed.user('interviewer');
		const mine = await seed.opening([manager]);
		const theirs = await seed.opening([other]);
		const mineCandidate = await seed.candidate([mine]);
		const theirCandidate = await seed.candidate([theirs]);
		const myLoop = await seed.loop(recruiter, mineCandidate.id, mine, []);
		const theirLoop = await seed.loop(recruiter, theirCandidate.id, theirs, []);
		await seed.signIn(page.context(), manager);

		for (const path of [
			'/openings',
			'/candidates',
			`/openings/${mine}`,
			`/loops/${myLoop.loopId}`,
			`/candidates/${mineCandidate.id}`
		]) {
			expect((await page.goto(path))?.status(), path).toBe(200);
		}
		for (const path of [
			...staffOnly,
			`/openings/${theirs}`,
			`/loops/${theirLoop.loopId}`,
			`/candidates/${theirCandidate.id}`
		]) {
			expect((await page.goto(path))?.status(), path).toBe(403);
		}
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link')).toHaveText([
			'Dashboard',
			'My interviews',
			'Training',
			'Openings',
			'Candidates',
			'Calibration'
		]);

		const headers = { origin: `http://localhost:${ports.app}`, accept: 'text/html' };
		const editOpening = await page.request.post(`/openings/${mine}?/update`, {
			form: {
				title: 'Renamed',
				team: 'x',
				level: 'x',
				templateId: '1',
				hiringManagerIds: String(manager.id),
				status: 'open'
			},
			headers
		});
		expect(editOpening.status()).toBe(403);
		const roundId = (
			await db
				.selectFrom('loopRound')
				.select('id')
				.where('loopId', '=', theirLoop.loopId)
				.executeTakeFirstOrThrow()
		).id;
		const addToTheirs = await page.request.post(`/loops/${theirLoop.loopId}?/addPanelist`, {
			form: { roundId: String(roundId), interviewerIds: String(manager.id), scheduledAt: '2031-02-03T10:00' },
			headers
		});
		expect(addToTheirs.status()).toBe(403);
		expect(
			await db.selectFrom('scorecard').select('id').where('loopId', '=', theirLoop.loopId).execute()
		).toHaveLength(0);
	});

	test('a recruiter opens every hiring page but not user administration', async ({ page, seed }) => {
		await seed.signIn(page.context(), await seed.user('recruiter'));
		for (const path of [...staffOnly, '/openings', '/candidates', '/interviews']) {
			expect((await page.goto(path))?.status(), path).toBe(200);
		}
		expect((await page.goto('/admin/users'))?.status()).toBe(403);
	});
});
