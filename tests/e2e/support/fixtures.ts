import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import type { Role } from '../../../src/lib/domain/roles';
import { createSession } from '../../../src/lib/server/auth/session';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { createUser } from '../../../src/lib/server/accounts/users';
import { insertCandidate } from '../../../src/lib/server/hiring/candidates';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import {
	amendScorecard,
	saveScorecard,
	submitScorecard
} from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import type { DecisionOutcome } from '../../../src/lib/domain/decision';
import { insertOpening } from '../../../src/lib/server/hiring/openings';
import type { PanelEntry } from '../../../src/lib/domain/hiring-schemas';

/** The database of the shared e2e server (see playwright.config.ts). */
export const e2eDatabase = path.join(process.env.PANELIST_E2E_DIR!, 'app.db');

export interface SeededUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	password: string;
}

/** Creates what a test needs through the feature functions, not through clicks. */
export class Seed {
	constructor(readonly db: DB) {}

	async user(role: Role, name?: string): Promise<SeededUser> {
		const tag = randomUUID().slice(0, 8);
		const account = {
			email: `${role}-${tag}@e2e.example.com`,
			name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`,
			role,
			password: `e2e-password-${tag}`
		};
		const user = await createUser(this.db, account);
		return { ...account, id: user.id };
	}

	async templateId(name = 'Senior Software Engineer'): Promise<number> {
		return (
			await this.db.selectFrom('loopTemplate').select('id').where('name', '=', name).executeTakeFirstOrThrow()
		).id;
	}

	async opening(
		hiringManagers: SeededUser[],
		title = `Opening ${randomUUID().slice(0, 6)}`
	): Promise<number> {
		return insertOpening(this.db, null, {
			title,
			team: 'Payments',
			level: 'Senior',
			templateId: await this.templateId(),
			hiringManagerIds: hiringManagers.map((m) => m.id),
			status: 'open'
		});
	}

	async candidate(
		openingIds: number[],
		name = `Candidate ${randomUUID().slice(0, 6)}`
	): Promise<{ id: number; name: string }> {
		const id = await insertCandidate(this.db, null, {
			name,
			email: `${randomUUID().slice(0, 8)}@candidates.example.org`,
			notes: '',
			openingIds
		});
		return { id, name };
	}

	/** A loop created as `by` (someone allowed to run the opening's loops). */
	async loop(by: SeededUser, candidateId: number, openingId: number, panel: PanelEntry[]) {
		return createLoop(this.db, by, { candidateId, openingId, panel });
	}

	/** Fills and submits a scorecard as its interviewer: every focus competency rated `rating`. */
	async submitScorecard(
		by: SeededUser,
		scorecardId: number,
		rating: 1 | 2 | 3 | 4 = 3,
		recommendation: 1 | 2 | 3 | 4 = 3
	) {
		const competencies = await this.db
			.selectFrom('scorecard')
			.innerJoin('loopRoundCompetency as lrc', 'lrc.roundId', 'scorecard.roundId')
			.select('lrc.competencyId')
			.where('scorecard.id', '=', scorecardId)
			.execute();
		const { version } = await this.db
			.selectFrom('scorecard')
			.select('version')
			.where('id', '=', scorecardId)
			.executeTakeFirstOrThrow();
		await saveScorecard(this.db, by, scorecardId, version, {
			recommendation,
			summary: `Summary by ${by.name}`,
			freeNotes: '',
			ratings: competencies.map((c) => ({
				competencyId: c.competencyId,
				rating,
				notAssessedReason: null,
				evidence: `Evidence by ${by.name}`
			})),
			notes: []
		});
		await submitScorecard(this.db, by, scorecardId);
	}

	/** Amends a submitted scorecard as its interviewer, changing only its summary. */
	async amendScorecard(by: SeededUser, scorecardId: number, summary: string) {
		const { version, document } = await getScorecard(this.db, by, scorecardId);
		await amendScorecard(this.db, by, scorecardId, {
			reason: 'Reread my notes',
			document: { ...document, summary },
			baseVersion: version
		});
	}

	/** Records the debrief's decision as `by` (someone who runs the opening and may see the feedback). */
	async decide(
		by: SeededUser,
		loopId: number,
		decision: { outcome: DecisionOutcome; rationale: string; dissent: string }
	) {
		await recordDecision(this.db, by, loopId, { ...decision, attendeeIds: [by.id], changeReason: '' });
	}

	/** Signs the browser context in as the user by giving it a fresh session cookie. */
	async signIn(context: BrowserContext, user: SeededUser): Promise<void> {
		const { token } = await createSession(this.db, user.id);
		await context.addCookies([
			{
				name: 'panelist-session',
				value: token,
				domain: 'localhost',
				path: '/',
				httpOnly: true,
				sameSite: 'Lax'
			}
		]);
	}
}

export const test = base.extend<{ seed: Seed }, { db: DB }>({
	db: [
		// eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
		async ({}, use) => {
			const db = openDatabase(e2eDatabase);
			await use(db);
			await db.destroy();
		},
		{ scope: 'worker' }
	],
	seed: async ({ db }, use) => {
		await use(new Seed(db));
	}
});

export { expect };

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Turns off the browser's own form checks, to reach the server's messages the way a script
 * or an old browser would: on this page and every page after it, and on forms rendered
 * later (a submit before hydration reloads the page, which would bring the checks back).
 */
export async function skipBrowserValidation(page: Page): Promise<void> {
	const skip = () => {
		const apply = () => {
			document.querySelectorAll('form').forEach((form) => (form.noValidate = true));
			document.querySelectorAll('[maxlength]').forEach((field) => field.removeAttribute('maxlength'));
		};
		const watch = () => {
			apply();
			new MutationObserver(apply).observe(document.documentElement, {
				subtree: true,
				childList: true,
				attributes: true,
				attributeFilter: ['maxlength']
			});
		};
		if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
		else watch();
	};
	await page.addInitScript(skip);
	await page.evaluate(skip);
}
