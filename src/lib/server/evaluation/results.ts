import type { DB } from '../platform/db';
import { aggregateLoop, type LoopResult } from '../../domain/aggregation';
import { adjustedRating } from '../../domain/calibration';
import type { DecisionOutcome } from '../../domain/decision';
import type { CompetencyKind } from '../../domain/library';
import { isLate, isOverdue, loopStatus, type LoopStatus } from '../../domain/loop-status';
import type { Recommendation, ScorecardDocument } from '../../domain/scorecard';
import type { AuthUser } from '../auth/session';
import { leniencyOf } from '../calibration/calibration';
import { assertFeedbackVisible, assertMaySeePanelLeniency } from '../access/feedback-access';
import { runsOpeningLoops } from '../access/permissions';
import { ForbiddenError } from '../platform/errors';
import { parseDocument } from './scorecards';

export interface PanelScorecard {
	scorecardId: number;
	interviewerId: number;
	interviewerName: string;
	roundId: number;
	roundTitle: string;
	status: 'not_started' | 'draft' | 'submitted';
	submittedAt: number | null;
	amendedAt: number | null;
	late: boolean;
	overdue: boolean;
	/** Only for submitted scorecards: nobody sees a colleague's draft. */
	document: ScorecardDocument | null;
}

export interface Decision {
	id: number;
	outcome: DecisionOutcome;
	rationale: string;
	dissent: string;
	attendees: { id: number; name: string }[];
	changeReason: string | null;
	decidedByName: string;
	decidedAt: number;
}

export interface LoopResults extends LoopResult {
	/** Set when the ratings are shown leniency-adjusted: each panelist's offset, by id. */
	adjustment: Record<number, { offset: number; n: number }> | null;
	loopId: number;
	candidateId: number;
	candidateName: string;
	openingId: number;
	openingTitle: string;
	status: LoopStatus;
	rounds: { id: number; title: string; kind: CompetencyKind; competencyIds: number[] }[];
	panelists: { id: number; name: string }[];
	scorecards: PanelScorecard[];
	decisions: Decision[];
}

/**
 * A loop's panel result (docs/design.md, Aggregation) with everything behind it, for those the
 * independence rule lets see the feedback. Five queries, whatever the panel's size.
 */
export async function getLoopResults(
	db: DB,
	actor: AuthUser,
	loopId: number,
	{ adjusted = false } = {},
	now = Date.now()
): Promise<LoopResults> {
	await assertFeedbackVisible(db, actor, loopId);
	if (adjusted) await assertMaySeePanelLeniency(db, actor, loopId);
	return loadLoopResults(db, loopId, { adjustedFor: adjusted ? actor : undefined }, now);
}

/**
 * The results as an export file. A file leaves the server's rules behind (it cannot be
 * withdrawn or audited once downloaded), so exports, like the debrief packet, are for those
 * who run the opening; a panelist reads the results on the page (docs/design.md, Who may do what).
 */
export async function exportLoopResults(
	db: DB,
	actor: AuthUser,
	loopId: number,
	options: { adjusted?: boolean } = {}
): Promise<LoopResults> {
	const results = await getLoopResults(db, actor, loopId, options);
	if (!(await runsOpeningLoops(db, actor, results.openingId))) {
		throw new ForbiddenError(
			'Exports of a loop’s results are for the people who run its opening. You can read the results on the page.',
			true
		);
	}
	return results;
}

/** The five queries behind a loop's results, built but not run (their SQL is snapshotted in tests). */
export function loopResultsQueries(db: DB, loopId: number) {
	return {
		loop: db
			.selectFrom('loop')
			.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
			.innerJoin('opening', 'opening.id', 'loop.openingId')
			.select([
				'loop.candidateId',
				'candidate.name as candidateName',
				'loop.openingId',
				'opening.title as openingTitle',
				'loop.cancelledAt'
			])
			.where('loop.id', '=', loopId),
		competencies: db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('loopRound', 'loopRound.id', 'lrc.roundId')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.innerJoin('competency', 'competency.id', 'lrc.competencyId')
			.select([
				'loopRound.id as roundId',
				'loopRound.title as roundTitle',
				'loopRound.kind as roundKind',
				'lrc.competencyId as id',
				'rev.name',
				'competency.kind'
			])
			.where('loopRound.loopId', '=', loopId)
			.orderBy('loopRound.position')
			.orderBy('lrc.position'),
		scorecards: db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
			.select([
				'scorecard.id',
				'scorecard.interviewerId',
				'user.name',
				'scorecard.roundId',
				'loopRound.title',
				'loopRound.durationMinutes',
				'loopRound.position',
				'scorecard.scheduledAt',
				'scorecard.status',
				'scorecard.submittedAt',
				'scorecard.amendedAt',
				'scorecard.recommendation',
				'scorecard.content'
			])
			.where('scorecard.loopId', '=', loopId)
			// A practice card is never part of the panel's result (decision 030).
			.where('scorecard.seatRole', '=', 'interviewer')
			.orderBy('loopRound.position')
			.orderBy('user.name'),
		ratings: db
			.selectFrom('scorecardRating')
			.select(['competencyId', 'interviewerId', 'rating'])
			.where('loopId', '=', loopId)
			// Panel order, stable across amendments and export/import.
			.orderBy('scorecardId'),
		decisions: db
			.selectFrom('loopDecision')
			.innerJoin('user', 'user.id', 'loopDecision.decidedBy')
			.select([
				'loopDecision.id',
				'loopDecision.outcome',
				'loopDecision.rationale',
				'loopDecision.dissent',
				'loopDecision.attendees',
				'loopDecision.changeReason',
				'user.name as decidedByName',
				'loopDecision.decidedAt'
			])
			.where('loopDecision.loopId', '=', loopId)
			.orderBy('loopDecision.decidedAt')
			.orderBy('loopDecision.id')
	};
}

/**
 * The results without the access check, for callers that made it already. `adjustedFor`
 * subtracts each panelist's shrunk leniency offset from their ratings (docs/design.md, Calibration), with
 * leniency counted over the loops that viewer may count.
 */
export async function loadLoopResults(
	db: DB,
	loopId: number,
	{ adjustedFor }: { adjustedFor?: AuthUser } = {},
	now = Date.now()
): Promise<LoopResults> {
	const queries = loopResultsQueries(db, loopId);
	const [loop, competencies, scorecards, ratings, decisions] = await Promise.all([
		queries.loop.executeTakeFirstOrThrow(),
		queries.competencies.execute(),
		queries.scorecards.execute(),
		queries.ratings.execute(),
		queries.decisions.execute()
	]);

	// A competency rated in two rounds is one row of the result.
	const unique = [
		...new Map(competencies.map((c) => [c.id, { id: c.id, name: c.name, kind: c.kind }])).values()
	];
	const submitted = scorecards.filter((s) => s.status === 'submitted');
	const offsets = adjustedFor
		? await leniencyOf(db, adjustedFor, [...new Set(ratings.map((r) => r.interviewerId))])
		: null;
	const result = aggregateLoop(
		unique,
		offsets
			? ratings.map((r) => ({
					...r,
					rating:
						r.rating === null ? null : adjustedRating(r.rating, offsets.get(r.interviewerId)!.shrunkOffset)
				}))
			: ratings,
		submitted.map((s) => s.recommendation).filter((r): r is Recommendation => r !== null)
	);
	const rounds = [
		...new Map(
			competencies.map((c) => [
				c.roundId,
				{ id: c.roundId, title: c.roundTitle, kind: c.roundKind, competencyIds: [] as number[] }
			])
		).values()
	];
	for (const c of competencies) rounds.find((r) => r.id === c.roundId)!.competencyIds.push(c.id);
	const lastEnd = Math.max(0, ...scorecards.map((s) => s.scheduledAt + s.durationMinutes * 60_000));
	const status = loopStatus(
		{
			cancelledAt: loop.cancelledAt,
			decidedAt: decisions.at(-1)?.decidedAt ?? null,
			rounds: rounds.length,
			staffedRounds: new Set(scorecards.map((s) => s.roundId)).size,
			scorecards: scorecards.length,
			submitted: submitted.length,
			firstStart: scorecards.length ? Math.min(...scorecards.map((s) => s.scheduledAt)) : null,
			lastEnd: scorecards.length ? lastEnd : null
		},
		now
	);
	return {
		loopId,
		...loop,
		status,
		...result,
		adjustment: offsets
			? Object.fromEntries([...offsets].map(([id, l]) => [id, { offset: l.shrunkOffset, n: l.n }]))
			: null,
		rounds,
		panelists: [
			...new Map(scorecards.map((s) => [s.interviewerId, { id: s.interviewerId, name: s.name }])).values()
		],
		scorecards: scorecards.map((s) => {
			const timing = { ...s, durationMinutes: s.durationMinutes };
			return {
				scorecardId: s.id,
				interviewerId: s.interviewerId,
				interviewerName: s.name,
				roundId: s.roundId,
				roundTitle: s.title,
				status: s.status,
				submittedAt: s.submittedAt,
				amendedAt: s.amendedAt,
				late: isLate(timing),
				overdue: isOverdue(timing, now),
				document: s.status === 'submitted' ? parseDocument(s.content) : null
			};
		}),
		decisions: decisions.map((d) => ({
			...d,
			attendees: JSON.parse(d.attendees) as { id: number; name: string }[]
		}))
	};
}
