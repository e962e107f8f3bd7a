import { randomUUID } from 'node:crypto';
import type { DecisionOutcome } from '../../src/lib/domain/decision';
import type { PanelEntry } from '../../src/lib/domain/hiring-schemas';
import type { Role } from '../../src/lib/domain/roles';
import type { ScorecardDocument } from '../../src/lib/domain/scorecard';
import { hour } from '../../src/lib/domain/time';
import { insertUser } from '../../src/lib/server/accounts/users';
import { hashPassword } from '../../src/lib/server/auth/password';
import { createSession, type AuthUser } from '../../src/lib/server/auth/session';
import { recordDecision } from '../../src/lib/server/evaluation/debriefs';
import { amendScorecard, saveScorecard, submitScorecard } from '../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../src/lib/server/evaluation/scorecard-reads';
import { insertCandidate } from '../../src/lib/server/hiring/candidates';
import { placeLegalHold } from '../../src/lib/server/hiring/candidate-privacy';
import { createLoop } from '../../src/lib/server/hiring/loops';
import { insertOpening } from '../../src/lib/server/hiring/openings';
import type { DB } from '../../src/lib/server/platform/db';

// Test data for unit and browser tests alike, made through the feature functions (so it
// is what the app itself would have written), never by clicking.

/** Every seeded user's password. */
export const testPassword = 'seed-password-0042';

export interface SeededUser extends AuthUser {
	password: string;
}

// argon2 is slow on purpose: hashed once per process and shared by every seeded user.
let testPasswordHash: Promise<string> | undefined;

// Browser tests' workers write to one database at once: the process tag keeps their emails
// and names apart, the counter keeps a process's own apart.
const processTag = randomUUID().slice(0, 6);
let counter = 0;

/** A tag no other seeded record has, e.g. `7 3f9a1c`. */
function nextTag(): string {
	counter += 1;
	return `${counter} ${processTag}`;
}

/** A name no other seeded record has, e.g. `Candidate 7 3f9a1c`. */
export function uniqueName(prefix: string): string {
	return `${prefix} ${nextTag()}`;
}

const emailPart = (tag: string) => tag.replace(' ', '-');

const roleNames: Record<Role, string> = {
	admin: 'Admin',
	recruiter: 'Recruiter',
	interviewer: 'Interviewer'
};

export async function newUser(
	db: DB,
	overrides: Partial<{ email: string; name: string; role: Role }> = {}
): Promise<SeededUser> {
	const role = overrides.role ?? 'interviewer';
	const tag = nextTag();
	testPasswordHash ??= hashPassword(testPassword);
	const user = await insertUser(
		db,
		{
			email: overrides.email ?? `${role}-${emailPart(tag)}@example.com`,
			name: overrides.name ?? `${roleNames[role]} ${tag}`,
			role,
			passwordHash: await testPasswordHash
		},
		null
	);
	return { ...user, password: testPassword };
}

/** The id of a template by name (the default library is in every test database). */
export async function templateId(db: DB, name = 'Senior Software Engineer'): Promise<number> {
	const row = await db
		.selectFrom('loopTemplate')
		.select('id')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The id of a library competency by name. */
export async function competencyId(db: DB, name: string): Promise<number> {
	const row = await db
		.selectFrom('competency')
		.select('id')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.id;
}

/** The library questions that assess a competency. */
export async function questionIdsOf(db: DB, competencyId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('questionCompetency')
		.select('questionId')
		.where('competencyId', '=', competencyId)
		.orderBy('questionId')
		.execute();
	return rows.map((r) => r.questionId);
}

export async function newOpening(
	db: DB,
	hiringManagers: AuthUser[],
	overrides: Partial<{ title: string; templateName: string; status: 'open' | 'closed' }> = {}
): Promise<number> {
	return insertOpening(db, null, {
		title: overrides.title ?? uniqueName('Opening'),
		team: 'Platform',
		level: 'Senior',
		templateId: await templateId(db, overrides.templateName),
		hiringManagerIds: hiringManagers.map((m) => m.id),
		status: overrides.status ?? 'open'
	});
}

export async function newCandidate(db: DB, openingIds: number[] = [], name?: string): Promise<number> {
	const tag = nextTag();
	return insertCandidate(db, null, {
		name: name ?? `Candidate ${tag}`,
		email: `candidate-${emailPart(tag)}@example.org`,
		notes: '',
		openingIds
	});
}

/**
 * A loop on a new opening of the Senior Software Engineer template, created by a recruiter:
 * `Manager` is the opening's hiring manager (off the panel), and `Panelist 0`, `Panelist 1`…
 * sit on round i % 5 (rounds 1 and 3 both rate Coding), an hour apart from `at`.
 */
export async function newLoop(db: DB, { size = 2, at = Date.now() } = {}) {
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db, { name: 'Manager' });
	const panel: SeededUser[] = [];
	for (let i = 0; i < size; i++) panel.push(await newUser(db, { name: `Panelist ${i}` }));
	const openingId = await newOpening(db, [manager]);
	const candidateId = await newCandidate(db, [openingId], 'Ada');
	const loop = await createLoop(db, recruiter, {
		candidateId,
		openingId,
		panel: panel.map((p, i) => ({ round: i % 5, interviewerIds: [p.id], scheduledAt: at + i * hour }))
	});
	return { recruiter, manager, panel, openingId, candidateId, ...loop };
}

/** The focus competencies of a scorecard's round, in the round's order. */
export async function focusCompetencyIds(db: DB, scorecardId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('scorecard')
		.innerJoin('loopRoundCompetency as lrc', 'lrc.roundId', 'scorecard.roundId')
		.select('lrc.competencyId')
		.where('scorecard.id', '=', scorecardId)
		.orderBy('lrc.position')
		.execute();
	return rows.map((r) => r.competencyId);
}

export interface DocumentOptions {
	/** Every focus competency's rating. */
	rating?: 1 | 2 | 3 | 4;
	/** The overall recommendation; the rating's level unless given. */
	recommendation?: 1 | 2 | 3 | 4;
	summary?: string;
	evidence?: string;
}

/** A scorecard document ready to submit: every focus competency rated, with evidence. */
export async function completeDocument(
	db: DB,
	scorecardId: number,
	{ rating = 3, recommendation = rating, summary = 'Solid.', evidence = 'Saw it.' }: DocumentOptions = {}
): Promise<ScorecardDocument> {
	return {
		recommendation,
		summary,
		freeNotes: '',
		ratings: (await focusCompetencyIds(db, scorecardId)).map((competencyId) => ({
			competencyId,
			rating,
			notAssessedReason: null,
			evidence
		})),
		notes: []
	};
}

/** Fills and submits a scorecard as its interviewer; returns what was submitted. */
export async function submitAs(
	db: DB,
	who: AuthUser,
	scorecardId: number,
	{
		rating = 3,
		recommendation = rating,
		summary = `Summary by ${who.name}`,
		now = Date.now()
	}: Omit<DocumentOptions, 'evidence'> & { now?: number } = {}
): Promise<ScorecardDocument> {
	const document = await completeDocument(db, scorecardId, {
		rating,
		recommendation,
		summary,
		evidence: `Evidence by ${who.name}`
	});
	const { version } = await db
		.selectFrom('scorecard')
		.select('version')
		.where('id', '=', scorecardId)
		.executeTakeFirstOrThrow();
	await saveScorecard(db, who, scorecardId, version, document);
	await submitScorecard(db, who, scorecardId, now);
	return document;
}

/** Amends a submitted scorecard as its interviewer, changing only its summary. */
export async function amendAs(db: DB, who: AuthUser, scorecardId: number, summary: string): Promise<void> {
	const { version, document } = await getScorecard(db, who, scorecardId);
	await amendScorecard(db, who, scorecardId, {
		reason: 'Reread my notes',
		document: { ...document, summary },
		baseVersion: version
	});
}

/** Anything that takes cookies, as a Playwright browser context does. */
interface CookieJar {
	addCookies(
		cookies: {
			name: string;
			value: string;
			domain: string;
			path: string;
			httpOnly: boolean;
			sameSite: 'Lax';
		}[]
	): Promise<void>;
}

/** The same helpers bound to one database, as the browser tests' `seed` fixture. */
export class Seed {
	constructor(readonly db: DB) {}

	user(role: Role, name?: string): Promise<SeededUser> {
		return newUser(this.db, { role, name });
	}

	templateId(name?: string): Promise<number> {
		return templateId(this.db, name);
	}

	opening(hiringManagers: AuthUser[], title?: string): Promise<number> {
		return newOpening(this.db, hiringManagers, { title });
	}

	async candidate(
		openingIds: number[],
		name = uniqueName('Candidate')
	): Promise<{ id: number; name: string }> {
		return { id: await newCandidate(this.db, openingIds, name), name };
	}

	/** A loop created as `by` (someone allowed to run the opening's loops). */
	loop(by: AuthUser, candidateId: number, openingId: number, panel: PanelEntry[]) {
		return createLoop(this.db, by, { candidateId, openingId, panel });
	}

	async submitScorecard(
		by: AuthUser,
		scorecardId: number,
		rating: 1 | 2 | 3 | 4 = 3,
		recommendation: 1 | 2 | 3 | 4 = rating
	): Promise<void> {
		await submitAs(this.db, by, scorecardId, { rating, recommendation });
	}

	amendScorecard(by: AuthUser, scorecardId: number, summary: string): Promise<void> {
		return amendAs(this.db, by, scorecardId, summary);
	}

	/** Records the debrief's decision as `by` (someone who runs the opening and may see the feedback). */
	async decide(
		by: AuthUser,
		loopId: number,
		decision: { outcome: DecisionOutcome; rationale: string; dissent: string }
	): Promise<void> {
		await recordDecision(this.db, by, loopId, { ...decision, attendeeIds: [by.id], changeReason: '' });
	}

	placeLegalHold(by: AuthUser, candidateId: number, reason: string): Promise<void> {
		return placeLegalHold(this.db, by, candidateId, reason);
	}

	/** Signs a browser in as the user by giving it a fresh session cookie. */
	async signIn(browser: CookieJar, user: AuthUser): Promise<void> {
		const { token } = await createSession(this.db, user.id);
		await browser.addCookies([
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
