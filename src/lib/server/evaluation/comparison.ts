import { sql } from 'kysely';
import type { DB } from '../platform/db';
import { kindMeans, tallyRecommendations } from '../../domain/aggregation';
import { adjustedRating } from '../../domain/calibration';
import type { Comparison, ComparisonRow } from '../../domain/comparison';
import type { Recommendation } from '../../domain/scorecard';
import type { AuthUser } from '../auth/session';
import { assertCanManageOpeningLoops } from '../access/permissions';
import { leniencyOf } from '../calibration/calibration';
import { listLoops, type LoopSummary } from '../hiring/loop-summaries';

/**
 * Candidates of an opening side by side: per-competency means, technical and leadership
 * means, recommendation tallies, status and decision. A fixed handful of queries whatever
 * the number of candidates. Where the viewer sits on a loop's panel and has not earned the
 * right to see its feedback yet (the independence rule), that row shows no numbers and no
 * decision.
 */
export async function getComparison(
	db: DB,
	actor: AuthUser,
	openingId: number,
	{ candidateIds, adjusted = false }: { candidateIds?: number[]; adjusted?: boolean } = {},
	now = Date.now()
): Promise<Comparison> {
	await assertCanManageOpeningLoops(db, actor, openingId);
	const loops = (await listLoops(db, actor, { openingId }, now)).filter(
		(l) => l.status !== 'cancelled' && (!candidateIds?.length || candidateIds.includes(l.candidateId))
	);
	return summarizeLoops(db, actor, loops, { adjusted });
}

/** The queries behind a comparison of loops, built but not run (their SQL is snapshotted in tests). */
export function comparisonQueries(db: DB, loopIds: number[]) {
	return {
		competencies: db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('loopRound', 'loopRound.id', 'lrc.roundId')
			.innerJoin('competency', 'competency.id', 'lrc.competencyId')
			.select([
				'competency.id',
				'competency.name',
				'competency.kind',
				(eb) => eb.fn.min(sql<number>`loop_round.position * 100 + lrc.position`).as('order')
			])
			.where('loopRound.loopId', 'in', loopIds)
			.groupBy(['competency.id', 'competency.name', 'competency.kind'])
			.orderBy('order'),
		means: db
			.selectFrom('scorecardRating')
			.select(['loopId', 'competencyId', (eb) => eb.fn.avg<number>('rating').as('mean')])
			.where('loopId', 'in', loopIds)
			.where('rating', 'is not', null)
			.groupBy(['loopId', 'competencyId']),
		recommendations: db
			.selectFrom('scorecard')
			.select(['loopId', 'recommendation', (eb) => eb.fn.countAll<number>().as('n')])
			.where('loopId', 'in', loopIds)
			.where('status', '=', 'submitted')
			.where('seatRole', '=', 'interviewer')
			.where('recommendation', 'is not', null)
			.groupBy(['loopId', 'recommendation']),
		/** Only with adjusted means. */
		adjustedRatings: db
			.selectFrom('scorecardRating')
			.select(['loopId', 'competencyId', 'interviewerId', 'rating'])
			.where('loopId', 'in', loopIds)
			.where('rating', 'is not', null)
	};
}

/**
 * The per-loop numbers of a comparison for any set of loops the actor may list (an
 * opening's, a candidate's). Loops where the independence rule hides the feedback from the
 * actor come back without numbers (listLoops has already taken out their decision).
 */
export async function summarizeLoops(
	db: DB,
	actor: AuthUser,
	loops: LoopSummary[],
	{ adjusted = false } = {}
): Promise<Comparison> {
	const loopIds = loops.length ? loops.map((l) => l.id) : [-1];
	const queries = comparisonQueries(db, loopIds);
	const [competencies, means, recommendations] = await Promise.all([
		queries.competencies.execute(),
		queries.means.execute(),
		queries.recommendations.execute()
	]);

	const meanOf = adjusted
		? await adjustedMeans(db, actor, loopIds)
		: new Map(means.map((m) => [`${m.loopId}:${m.competencyId}`, Number(m.mean)]));
	const rows: ComparisonRow[] = loops.map((loop) => {
		const visible = loop.feedback.visible;
		const meansOfLoop: Record<number, number | null> = {};
		for (const c of competencies) {
			meansOfLoop[c.id] = visible ? (meanOf.get(`${loop.id}:${c.id}`) ?? null) : null;
		}
		const kinds = kindMeans(competencies.map((c) => ({ kind: c.kind, mean: meansOfLoop[c.id] ?? null })));
		const tally: Recommendation[] = [];
		if (visible) {
			for (const r of recommendations.filter((r) => r.loopId === loop.id)) {
				for (let i = 0; i < Number(r.n); i++) tally.push(r.recommendation as Recommendation);
			}
		}
		return {
			loopId: loop.id,
			candidateId: loop.candidateId,
			candidateName: loop.candidateName,
			status: loop.status,
			outcome: loop.outcome,
			visible,
			hiddenReason: loop.feedback.visible ? null : loop.feedback.reason,
			technicalMean: kinds.technical,
			leadershipMean: kinds.leadership,
			means: meansOfLoop,
			recommendations: tallyRecommendations(tally)
		};
	});
	return { competencies: competencies.map(({ id, name, kind }) => ({ id, name, kind })), rows };
}

/**
 * Per loop and competency, the mean of ratings with each interviewer's shrunk leniency taken
 * out, leniency counted over the loops the viewer may count.
 */
async function adjustedMeans(db: DB, actor: AuthUser, loopIds: number[]): Promise<Map<string, number>> {
	const rows = await comparisonQueries(db, loopIds).adjustedRatings.execute();
	const offsets = await leniencyOf(db, actor, [...new Set(rows.map((r) => r.interviewerId))]);
	const sums = new Map<string, { sum: number; n: number }>();
	for (const r of rows) {
		const key = `${r.loopId}:${r.competencyId}`;
		const entry = sums.get(key) ?? { sum: 0, n: 0 };
		entry.sum += adjustedRating(r.rating!, offsets.get(r.interviewerId)!.shrunkOffset);
		entry.n += 1;
		sums.set(key, entry);
	}
	return new Map([...sums].map(([key, { sum, n }]) => [key, sum / n]));
}
