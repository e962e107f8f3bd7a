import type { Recommendation } from '../src/lib/domain/scorecard';
import { day } from '../src/lib/domain/time';
import type { AuthUser } from '../src/lib/server/auth/session';
import { insertCandidate } from '../src/lib/server/hiring/candidates';
import { openDatabase, type DB } from '../src/lib/server/platform/db';
import { createLoop } from '../src/lib/server/hiring/loops';
import { insertOpening } from '../src/lib/server/hiring/openings';
import { saveScorecard, submitScorecard } from '../src/lib/server/evaluation/scorecards';
import { createUser } from '../src/lib/server/accounts/users';

// What the benchmarks need beyond the generated organisation, made through the feature
// functions: fifty scorecards in progress for the autosave load, and an opening whose
// fifty candidates have finished loops, for the comparison.

export const benchInterviewer = 'bench-interviewer@generated.example';
export const benchAdmin = 'admin@generated.example';

export interface AutosaveCard {
	id: number;
	version: number;
	competencyIds: number[];
}

export interface BenchData {
	autosaveCards: AutosaveCard[];
	comparisonOpeningId: number;
	/** A finished loop of the generated history, the most recent. */
	resultsLoopId: number;
}

async function userByEmail(db: DB, email: string): Promise<AuthUser> {
	return db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
}

async function openingWithCandidates(db: DB, admin: AuthUser, title: string, count: number) {
	const template = await db
		.selectFrom('loopTemplate')
		.select('id')
		.where('name', '=', 'Senior Software Engineer')
		.executeTakeFirstOrThrow();
	const openingId = await insertOpening(db, admin.id, {
		title,
		team: 'Bench',
		level: 'Senior',
		templateId: template.id,
		hiringManagerIds: [admin.id],
		status: 'open'
	});
	const candidateIds: number[] = [];
	for (let i = 0; i < count; i++) {
		candidateIds.push(
			await insertCandidate(db, admin.id, {
				name: `${title} candidate ${i + 1}`,
				email: `${title.toLowerCase().replaceAll(' ', '-')}-${i + 1}@bench.example`,
				notes: '',
				openingIds: [openingId]
			})
		);
	}
	return { openingId, candidateIds };
}

async function fillAndSubmit(db: DB, by: AuthUser, scorecardId: number, rating: Recommendation) {
	const card = await db
		.selectFrom('scorecard')
		.select(['version', 'roundId'])
		.where('id', '=', scorecardId)
		.executeTakeFirstOrThrow();
	const competencies = await db
		.selectFrom('loopRoundCompetency')
		.select('competencyId')
		.where('roundId', '=', card.roundId)
		.execute();
	await saveScorecard(db, by, scorecardId, card.version, {
		recommendation: rating,
		summary: 'Clear, well-tested solution; talked through trade-offs.',
		freeNotes: '',
		ratings: competencies.map((c) => ({
			competencyId: c.competencyId,
			rating,
			notAssessedReason: null,
			evidence: 'Wrote the tests first and found the edge case unprompted.'
		})),
		notes: []
	});
	await submitScorecard(db, by, scorecardId);
}

export async function prepareBenchData(
	file: string,
	{ cards = 50, candidates = 50 } = {}
): Promise<BenchData> {
	const db = openDatabase(file);
	try {
		const admin = await userByEmail(db, benchAdmin);
		const interviewer = await createUser(db, {
			email: benchInterviewer,
			name: 'Bench Interviewer',
			role: 'interviewer',
			password: 'bench-interviewer-password'
		});
		const start = Date.now() - 30 * day;

		const autosave = await openingWithCandidates(db, admin, 'Autosave bench', cards);
		const autosaveCards: AutosaveCard[] = [];
		for (const [i, candidateId] of autosave.candidateIds.entries()) {
			const loop = await createLoop(db, admin, {
				candidateId,
				openingId: autosave.openingId,
				panel: [{ round: 0, interviewerIds: [interviewer.id], scheduledAt: start + i * day }]
			});
			const scorecard = loop.scorecards[0]!;
			const competencies = await db
				.selectFrom('loopRoundCompetency')
				.select('competencyId')
				.where('roundId', '=', scorecard.roundId)
				.execute();
			autosaveCards.push({
				id: scorecard.id,
				version: 1,
				competencyIds: competencies.map((c) => c.competencyId)
			});
		}
		for (const card of autosaveCards) {
			card.version = (
				await db.selectFrom('scorecard').select('version').where('id', '=', card.id).executeTakeFirstOrThrow()
			).version;
		}

		const panel = await db
			.selectFrom('user')
			.select(['id', 'email', 'name', 'role'])
			.where('email', 'like', 'interviewer%@generated.example')
			.orderBy('id')
			.limit(5)
			.execute();
		const comparison = await openingWithCandidates(db, admin, 'Comparison bench', candidates);
		for (const [i, candidateId] of comparison.candidateIds.entries()) {
			const loop = await createLoop(db, admin, {
				candidateId,
				openingId: comparison.openingId,
				panel: panel.map((person, round) => ({
					round,
					interviewerIds: [person.id],
					scheduledAt: start + i * day + round * 2 * 3_600_000
				}))
			});
			for (const scorecard of loop.scorecards) {
				const by = panel.find((p) => p.id === scorecard.interviewerId)!;
				await fillAndSubmit(db, by, scorecard.id, (1 + ((i + scorecard.round) % 4)) as Recommendation);
			}
		}

		const finished = await db
			.selectFrom('loop')
			.select('id')
			.where('completedAt', 'is not', null)
			.where('openingId', '!=', comparison.openingId)
			.orderBy('completedAt', 'desc')
			.executeTakeFirstOrThrow();
		return { autosaveCards, comparisonOpeningId: comparison.openingId, resultsLoopId: finished.id };
	} finally {
		await db.destroy();
	}
}

/** The most recent finished loop, for databases that need nothing else. */
export async function finishedLoop(file: string): Promise<number> {
	const db = openDatabase(file);
	try {
		const row = await db
			.selectFrom('loop')
			.select('id')
			.where('completedAt', 'is not', null)
			.orderBy('completedAt', 'desc')
			.executeTakeFirstOrThrow();
		return row.id;
	} finally {
		await db.destroy();
	}
}
