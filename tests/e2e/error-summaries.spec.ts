import type { Locator, Page } from '@playwright/test';
import type { DB } from '../../src/lib/server/platform/db';
import { expectNoViolations } from './support/axe';
import { expect, skipBrowserValidation, test, type Seed } from './support/fixtures';
import { panel } from './support/kit';

// Issue 14: every form answers bad input with the same error summary, at the point of action,
// focused, each problem a link to its field; without JavaScript the page opens at it.

interface FormCase {
	form: string;
	/** Signs in, opens the form and makes its input bad (empty required fields stay empty). */
	open: (page: Page, seed: Seed, db: DB) => Promise<void>;
	submit: (page: Page) => Locator;
	/** The summary's id: the form's action ends at it. */
	summary: string;
	problem: string;
	/** Where the problem's link leads; none for a problem about the whole form. */
	field?: (page: Page) => Locator;
	/** What the summary sits in: the part of the page the button is in. */
	place?: (page: Page) => Locator;
}

const button = (name: string) => (page: Page) => page.getByRole('button', { name, exact: true });
const updateForm = (page: Page) => page.locator('form[action^="?/update"]');
const loopRound = (page: Page, title: string) => page.getByRole('listitem').filter({ hasText: title });

/** Whether the running test's page runs scripts (set by each test before its form opens). */
let scriptsOn = true;

async function signedIn(page: Page, seed: Seed, role: 'admin' | 'recruiter', url: string) {
	await seed.signIn(page.context(), await seed.user(role));
	await page.goto(url);
	// A field spoiled before the page's scripts start is set back by them (hydration).
	if (scriptsOn) await expect(page.locator('html.js')).toBeAttached();
}

/** A form's hidden id changed, the way a stale or tampered page would post it. */
async function spoilHidden(field: Locator, value: string) {
	await field.evaluate((input, v) => ((input as HTMLInputElement).value = v), value);
}

/** The user whose role the users-page case spoils (each test makes its own). */
let rita = '';

const cases: FormCase[] = [
	{
		form: 'a new competency',
		open: (page, seed) => signedIn(page, seed, 'recruiter', '/library/new'),
		submit: button('Create competency'),
		summary: 'competency-errors',
		problem: 'Enter a name',
		field: (page) => page.getByLabel('Name')
	},
	{
		form: 'a competency’s revision',
		open: async (page, seed, db) => {
			const { id } = await db
				.selectFrom('competency')
				.select('id')
				.where('name', '=', 'Coding')
				.executeTakeFirstOrThrow();
			await signedIn(page, seed, 'recruiter', `/library/${id}`);
			await page.getByLabel('Name').fill('');
		},
		submit: button('Save new revision'),
		summary: 'competency-errors',
		problem: 'Enter a name',
		field: (page) => page.getByLabel('Name')
	},
	{
		form: 'a new question',
		open: (page, seed) => signedIn(page, seed, 'recruiter', '/library/questions/new'),
		submit: button('Add question'),
		summary: 'question-errors',
		problem: 'Enter the question',
		field: (page) => page.getByLabel('Question', { exact: true })
	},
	{
		form: 'a question’s edit',
		open: async (page, seed, db) => {
			const { id } = await db.selectFrom('question').select('id').orderBy('id').executeTakeFirstOrThrow();
			await signedIn(page, seed, 'recruiter', `/library/questions/${id}`);
			await page.getByLabel('Question', { exact: true }).fill('');
		},
		submit: button('Save question'),
		summary: 'question-errors',
		problem: 'Enter the question',
		field: (page) => page.getByLabel('Question', { exact: true })
	},
	{
		form: 'a new candidate',
		open: async (page, seed) => {
			await signedIn(page, seed, 'recruiter', '/candidates/new');
			await page.getByLabel('Name').fill('Nia Summary');
			await page.getByLabel('Email').fill('nia-at-example');
		},
		submit: button('Add candidate'),
		summary: 'candidate-errors',
		problem: 'Enter a valid email address, like name@example.com',
		field: (page) => page.getByLabel('Email')
	},
	{
		form: 'a candidate’s edit',
		open: async (page, seed) => {
			const candidate = await seed.candidate([await seed.opening([await seed.user('interviewer')])]);
			await signedIn(page, seed, 'recruiter', `/candidates/${candidate.id}`);
			await updateForm(page).getByLabel('Email').fill('nia-at-example');
		},
		submit: button('Save candidate'),
		summary: 'candidate-errors',
		problem: 'Enter a valid email address, like name@example.com',
		field: (page) => updateForm(page).getByLabel('Email')
	},
	{
		form: 'a new opening',
		open: (page, seed) => signedIn(page, seed, 'recruiter', '/openings/new'),
		submit: button('Create opening'),
		summary: 'opening-errors',
		problem: 'Enter a title',
		field: (page) => page.getByLabel('Title')
	},
	{
		form: 'an opening’s edit',
		open: async (page, seed) => {
			const openingId = await seed.opening([await seed.user('interviewer')]);
			await signedIn(page, seed, 'recruiter', `/openings/${openingId}`);
			await updateForm(page).getByLabel('Title').fill('');
		},
		submit: button('Save opening'),
		summary: 'opening-errors',
		problem: 'Enter a title',
		field: (page) => updateForm(page).getByLabel('Title')
	},
	{
		form: 'adding to a loop’s panel',
		open: async (page, seed) => {
			const { recruiter, loopId } = await panel(seed);
			await seed.signIn(page.context(), recruiter);
			await page.goto(`/loops/${loopId}`);
		},
		submit: button('Add to Coding'),
		summary: 'round-',
		problem: 'Choose an interviewer',
		field: (page) => loopRound(page, '1. Coding').getByLabel('Add interviewer'),
		place: (page) => loopRound(page, '1. Coding')
	},
	{
		form: 'rescheduling an interview',
		open: async (page, seed) => {
			const { recruiter, loopId, priya } = await panel(seed);
			await seed.signIn(page.context(), recruiter);
			await page.goto(`/loops/${loopId}`);
			await page.locator('summary', { hasText: 'Change' }).first().click();
			await page.getByLabel(`New time for ${priya.name}`).fill('');
		},
		submit: (page) => page.getByRole('button', { name: /^Reschedule Priya/ }),
		summary: 'round-',
		problem: 'Enter the date and time of this interview',
		field: (page) => page.getByLabel(/^New time for Priya/),
		place: (page) => loopRound(page, '1. Coding')
	},
	{
		form: 'cancelling a loop',
		open: async (page, seed) => {
			const { recruiter, loopId } = await panel(seed);
			await seed.signIn(page.context(), recruiter);
			await page.goto(`/loops/${loopId}`);
		},
		submit: button('Cancel loop'),
		summary: 'cancel-errors',
		problem: 'Enter a reason',
		field: (page) => page.getByLabel('Reason'),
		place: (page) => page.getByRole('region', { name: 'Cancel this loop' })
	},
	{
		form: 'a user’s role',
		open: async (page, seed) => {
			rita = (await seed.user('recruiter', `Rita Role ${Date.now()}`)).name;
			await signedIn(page, seed, 'admin', '/admin/users');
			await spoilHidden(
				page.getByLabel(`Role of ${rita}`, { exact: true }).locator('option:checked'),
				'owner'
			);
		},
		submit: (page) => page.getByRole('button', { name: `Save role of ${rita}` }),
		summary: 'user-errors',
		problem: 'Choose a role: admin, recruiter or interviewer',
		field: (page) => page.getByLabel(`Role of ${rita}`, { exact: true }),
		place: (page) => page.getByRole('region', { name: 'All users' })
	},
	{
		form: 'revoking one’s API token',
		open: async (page, seed) => {
			await signedIn(page, seed, 'recruiter', '/settings');
			await page.getByLabel('Token name').fill('Summary check');
			await page.getByRole('button', { name: 'Create token' }).click();
			await expect(page.getByRole('button', { name: 'Revoke Summary check' })).toBeVisible();
			await spoilHidden(page.locator('input[name="tokenId"]'), 'gone');
		},
		submit: button('Revoke Summary check'),
		summary: 'revoke-errors',
		problem: 'Choose a token from the list',
		place: (page) => page.getByRole('region', { name: 'API tokens' })
	},
	{
		form: 'signing in',
		open: async (page) => {
			await page.goto('/login');
			await page.getByLabel('Email').fill('nobody-summary@e2e.example.com');
		},
		submit: button('Sign in'),
		summary: 'error-summary',
		problem: 'Enter your password',
		field: (page) => page.getByLabel('Password')
	},
	{
		form: 'the debrief’s decision',
		open: async (page, seed) => {
			const { recruiter, loopId, priya, priyaCard, sam, samCard } = await panel(seed);
			await seed.submitScorecard(priya, priyaCard, 3);
			await seed.submitScorecard(sam, samCard, 3);
			await seed.signIn(page.context(), recruiter);
			await page.goto(`/loops/${loopId}/debrief`);
			await page.getByRole('radio', { name: 'Hire', exact: true }).check();
		},
		submit: button('Record decision'),
		summary: 'decision-errors',
		problem: 'Enter the rationale',
		field: (page) => page.getByLabel('Rationale'),
		place: (page) => page.getByRole('region', { name: 'Decision' })
	}
];

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		for (const c of cases) {
			test(`${c.form}: bad input is listed in a focused summary whose link leads to the field`, async ({
				page,
				seed,
				db
			}) => {
				scriptsOn = javaScriptEnabled;
				await c.open(page, seed, db);
				await skipBrowserValidation(page);
				await c.submit(page).click();

				const summary = page.getByRole('alert');
				await expect(summary).toBeFocused();
				await expect(summary).toBeInViewport();
				await expect(summary.getByRole('listitem')).toContainText([c.problem]);
				if (!javaScriptEnabled) expect(new URL(page.url()).hash).toMatch(new RegExp(`^#${c.summary}`));
				if (c.place) await expect(c.place(page).getByRole('alert')).toBeVisible();
				if (c.field) {
					await summary.getByRole('link', { name: c.problem }).click();
					await expect(c.field(page)).toBeFocused();
				} else {
					await expect(summary.getByRole('link')).toHaveCount(0);
				}
				if (javaScriptEnabled) await expectNoViolations(page);
			});
		}
	});
}
