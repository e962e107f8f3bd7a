import { expectNoViolations } from './support/axe';
import type { Locator, Page } from '@playwright/test';
import { expect, skipBrowserValidation, test } from './support/fixtures';

/** Presses Space on a checkbox or radio, as a keyboard user would. */
async function tick(target: Locator) {
	await target.focus();
	await target.page().keyboard.press('Space');
}

/** Picks an option of a focused select by typing its label. */
async function choose(page: Page, select: Locator, label: string) {
	await select.focus();
	await page.keyboard.type(label);
	await expect(select.locator('option:checked')).toHaveText(label);
}

async function addRoundByKeyboard(
	page: Page,
	round: {
		title: string;
		format: string;
		kind: string;
		minutes: string;
		competencies: string[];
		/** Rates a competency of the other kind too, which the picker offers only on request. */
		mixed?: boolean;
	}
) {
	const form = page.locator('form[action^="?/addRound"]');
	await form.getByLabel('Round title', { exact: true }).focus();
	await page.keyboard.type(round.title);
	await choose(page, form.getByLabel('Format', { exact: true }), round.format);
	await choose(page, form.getByLabel('Kind', { exact: true }), round.kind);
	await form.getByLabel('Duration (minutes)', { exact: true }).focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(round.minutes);
	if (round.mixed)
		await tick(form.getByRole('checkbox', { name: 'Also offer competencies of the other kind' }));
	for (const name of round.competencies)
		await tick(form.getByRole('checkbox', { name: new RegExp(`^${name}`) }));
	// The first question offered for the chosen competencies.
	await tick(
		form.getByRole('group', { name: 'Questions' }).getByRole('checkbox').and(page.locator(':enabled')).first()
	);
	await form.getByRole('button', { name: 'Add round' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('listitem', { name: new RegExp(`Round \\d+: ${round.title}$`) })).toBeVisible();
}

test('a recruiter builds a mixed loop template by keyboard, reorders it both ways and reads its coverage', async ({
	page,
	seed
}) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	const name = `Backend loop ${Date.now()}`;
	await page.goto('/templates/new');
	await page.getByLabel('Template name').focus();
	await page.keyboard.type(name);
	await tick(page.getByLabel(/Strict: feedback stays hidden/));
	await page.getByRole('button', { name: 'Create template and add rounds' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

	// The competency picker offers the round's kind, and follows the kind when it changes.
	const newRound = page.locator('form[action^="?/addRound"]');
	await newRound.getByLabel('Kind', { exact: true }).selectOption('technical');
	await expect(newRound.getByRole('checkbox', { name: /^Coding/ })).toBeVisible();
	await expect(newRound.getByRole('checkbox', { name: /^Team management/ })).toBeHidden();
	await newRound.getByLabel('Kind', { exact: true }).selectOption('leadership');
	await expect(newRound.getByRole('checkbox', { name: /^Team management/ })).toBeVisible();
	await expect(newRound.getByRole('checkbox', { name: /^Coding/ })).toBeHidden();

	await addRoundByKeyboard(page, {
		title: 'Pairing',
		format: 'Coding',
		kind: 'Technical',
		minutes: '60',
		competencies: ['Coding', 'Problem solving']
	});
	await addRoundByKeyboard(page, {
		title: 'Architecture',
		format: 'System design',
		kind: 'Technical',
		minutes: '60',
		competencies: ['System design', 'Communication'],
		mixed: true
	});
	await addRoundByKeyboard(page, {
		title: 'Leading people',
		format: 'Behavioural',
		kind: 'Leadership',
		minutes: '45',
		competencies: ['Team management', 'Communication']
	});
	await addRoundByKeyboard(page, {
		title: 'Delivery',
		format: 'Situational / case',
		kind: 'Leadership',
		minutes: '45',
		competencies: ['Project delivery', 'Problem solving'],
		mixed: true
	});

	const rounds = page
		.getByRole('list')
		.filter({ has: page.getByRole('listitem', { name: /^Round 1:/ }) })
		.getByRole('listitem');
	await expect(rounds).toHaveCount(4);
	const coverage = page.getByRole('region', { name: 'Coverage' });
	await expect(coverage).toContainText('2 rounds · 120 min');
	await expect(coverage).toContainText('2 rounds · 90 min');
	await expect(coverage.getByRole('row', { name: /Communication/ })).toContainText(
		'Architecture · Leading people'
	);
	// One warning per kind of gap, naming each case.
	const worthFixing = coverage.getByRole('status').getByRole('listitem');
	await expect(worthFixing.filter({ hasText: 'only one round' })).toHaveText(
		'4 competencies are rated in only one round, so no second opinion backs them: Coding (“Pairing”), ' +
			'Project delivery (“Delivery”), System design (“Architecture”), Team management (“Leading people”).'
	);

	// Keyboard: move "Delivery" up twice; focus stays on its button.
	await page.getByRole('button', { name: 'Move Delivery up' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('listitem', { name: 'Round 3: Delivery' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Move Delivery up' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('listitem', { name: 'Round 2: Delivery' })).toBeVisible();

	// Pointer: drag "Pairing" onto the last round (both in view, as a person would have them).
	await page.setViewportSize({ width: 1280, height: 2400 });
	await page
		.getByRole('listitem', { name: 'Round 1: Pairing' })
		.dragTo(page.getByRole('listitem', { name: 'Round 4: Leading people' }));
	await expect(page.getByRole('listitem', { name: 'Round 4: Pairing' })).toBeVisible();
	await page.reload();
	await expect(rounds.nth(0)).toHaveAccessibleName('Round 1: Delivery');
	await expect(rounds.nth(3)).toHaveAccessibleName('Round 4: Pairing');

	// Duplicating keeps the rounds under a new name.
	await page.getByRole('button', { name: 'Duplicate' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `${name} (copy)` })).toBeVisible();
	await expect(rounds).toHaveCount(4);
});

test('a round without a focus competency, a duplicate template name and an empty title are refused with messages', async ({
	page,
	seed,
	db
}) => {
	await seed.signIn(page.context(), await seed.user('recruiter'));
	await page.goto('/templates/new');
	await skipBrowserValidation(page);
	await page.getByLabel('Template name').fill('senior software engineer');
	await page.getByRole('button', { name: 'Create template and add rounds' }).click();
	await expect(page.getByRole('alert')).toBeFocused();
	await page.getByRole('link', { name: 'A template with this name already exists' }).click();
	await expect(page.getByLabel('Template name')).toBeFocused();
	await expect(page.getByLabel('Template name')).toHaveValue('senior software engineer');

	const name = `Refusals ${Date.now()}`;
	await page.getByLabel('Template name').fill(name);
	await page.getByRole('button', { name: 'Create template and add rounds' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	const templateId = Number(page.url().split('/').pop());

	await skipBrowserValidation(page);
	const form = page.locator('form[action^="?/addRound"]');
	await form.getByRole('button', { name: 'Add round' }).click();
	await expect(form.getByRole('alert')).toBeFocused();
	await expect(form.getByRole('alert').getByRole('link')).toHaveText([
		'Enter a title',
		'Choose at least one focus competency'
	]);
	await form.getByRole('link', { name: 'Choose at least one focus competency' }).click();
	await expect(form.getByRole('checkbox').first()).toBeFocused();
	await expectNoViolations(page);
	await skipBrowserValidation(page);
	await form.getByLabel('Round title', { exact: true }).fill('x'.repeat(101));
	await form.getByRole('button', { name: 'Add round' }).click();
	await expect(form.getByRole('link', { name: 'A title: use at most 100 characters' })).toBeVisible();
	expect(
		await db.selectFrom('templateRound').select('id').where('templateId', '=', templateId).execute()
	).toHaveLength(0);
});
