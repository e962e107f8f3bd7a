import type { DB } from '../../../src/lib/server/platform/db';
import type { Role } from '../../../src/lib/domain/roles';
import type { AuthUser } from '../../../src/lib/server/auth/session';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { insertUser } from '../../../src/lib/server/accounts/users';
import { insertOpening } from '../../../src/lib/server/hiring/openings';
import { insertCandidate } from '../../../src/lib/server/hiring/candidates';
import { saveScorecard, submitScorecard } from '../../../src/lib/server/evaluation/scorecards';
import type { ScorecardDocument } from '../../../src/lib/domain/scorecard';

export const testPassword = 'factory-password-0042';

// argon2 is slow on purpose; the factories hash once and reuse it.
let testPasswordHash: Promise<string> | undefined;

let counter = 0;

export async function newUser(
	db: DB,
	overrides: Partial<{ email: string; name: string; role: Role }> = {}
): Promise<AuthUser> {
	counter += 1;
	testPasswordHash ??= hashPassword(testPassword);
	return insertUser(
		db,
		{
			email: overrides.email ?? `user${counter}@example.com`,
			name: overrides.name ?? `User ${counter}`,
			role: overrides.role ?? 'interviewer',
			passwordHash: await testPasswordHash
		},
		null
	);
}

/** The id of a default template by name (the default library is in every test database). */
export async function templateId(db: DB, name = 'Senior Software Engineer'): Promise<number> {
	const row = await db
		.selectFrom('loopTemplate')
		.select('id')
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function newOpening(
	db: DB,
	hiringManagers: AuthUser[],
	overrides: Partial<{ title: string; templateName: string; status: 'open' | 'closed' }> = {}
): Promise<number> {
	counter += 1;
	return insertOpening(db, null, {
		title: overrides.title ?? `Opening ${counter}`,
		team: 'Platform',
		level: 'Senior',
		templateId: await templateId(db, overrides.templateName),
		hiringManagerIds: hiringManagers.map((m) => m.id),
		status: overrides.status ?? 'open'
	});
}

export async function newCandidate(db: DB, openingIds: number[] = [], name?: string): Promise<number> {
	counter += 1;
	return insertCandidate(db, null, {
		name: name ?? `Candidate ${counter}`,
		email: `candidate${counter}@example.org`,
		notes: '',
		openingIds
	});
}

/**
 * Fills and submits a scorecard as its interviewer: every focus competency rated `rating`,
 * with `summary` as the summary (the e2e Seed's submitScorecard does the same).
 */
export async function submitAs(
	db: DB,
	who: AuthUser,
	scorecardId: number,
	{ rating = 3, summary = `Summary by ${who.name}`, now = Date.now() }: SubmitOptions = {}
): Promise<ScorecardDocument> {
	const competencies = await db
		.selectFrom('scorecard')
		.innerJoin('loopRoundCompetency as lrc', 'lrc.roundId', 'scorecard.roundId')
		.select('lrc.competencyId')
		.where('scorecard.id', '=', scorecardId)
		.orderBy('lrc.position')
		.execute();
	const { version } = await db
		.selectFrom('scorecard')
		.select('version')
		.where('id', '=', scorecardId)
		.executeTakeFirstOrThrow();
	const document: ScorecardDocument = {
		recommendation: rating,
		summary,
		freeNotes: '',
		ratings: competencies.map((c) => ({
			competencyId: c.competencyId,
			rating,
			notAssessedReason: null,
			evidence: `Evidence by ${who.name}`
		})),
		notes: []
	};
	await saveScorecard(db, who, scorecardId, version, document);
	await submitScorecard(db, who, scorecardId, now);
	return document;
}

interface SubmitOptions {
	rating?: 1 | 2 | 3 | 4;
	summary?: string;
	now?: number;
}
