import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CompetencyKind, RoundFormat, VisibilityMode } from '../../domain/library';
import { isLate, isOverdue } from '../../domain/loop-status';
import { auditCarriesFeedback } from '../../domain/audit-trail';
import type { HiddenReason } from '../../domain/feedback-visibility';
import type { ScorecardStatus } from '../platform/schema-evaluation';
import type { SeatRole } from '../../domain/seat-roles';
import type { AuthUser } from '../auth/session';
import { assertCanManageOpeningLoops } from '../access/permissions';
import { listAuditEvents } from '../platform/audit';
import { ForbiddenError, NotFoundError } from '../platform/errors';
import { feedbackAccessByLoop } from '../access/feedback-access';
import { loopFactsQuery, toSummary, type LoopSummary } from './loop-summaries';

export interface PanelMember {
	scorecardId: number;
	interviewerId: number;
	interviewerName: string;
	interviewerDeactivated: boolean;
	role: SeatRole;
	scheduledAt: number;
	status: ScorecardStatus;
	submittedAt: number | null;
	overdue: boolean;
	late: boolean;
}

export interface LoopRoundDetail {
	id: number;
	position: number;
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
	competencies: { id: number; name: string; revision: number }[];
	questions: { id: number; prompt: string }[];
	panel: PanelMember[];
}

export interface DoubleBooking {
	scorecardId: number;
	/** The seat it clashes with: one seat may clash with several that start at the same time. */
	otherScorecardId: number;
	interviewerName: string;
	otherStart: number;
	otherEnd: number;
}

export interface LoopDetail extends LoopSummary {
	templateName: string;
	visibilityMode: VisibilityMode;
	cancelledAt: number | null;
	rounds: LoopRoundDetail[];
	doubleBookings: DoubleBooking[];
	history: {
		action: string;
		at: number;
		actorName: string | null;
		before: unknown;
		after: unknown;
		/** Set where the entry carries feedback (a decision) the viewer may not see yet; before and after are then null. */
		hidden: HiddenReason | null;
	}[];
}

async function loopRoundsWithPanel(db: DB, loopId: number, now: number): Promise<LoopRoundDetail[]> {
	const rounds = await db
		.selectFrom('loopRound')
		.selectAll()
		.where('loopId', '=', loopId)
		.orderBy('position')
		.execute();
	const roundIds = rounds.length ? rounds.map((r) => r.id) : [-1];
	const [competencies, questions, panel] = await Promise.all([
		db
			.selectFrom('loopRoundCompetency as lrc')
			.innerJoin('competencyRevision as rev', 'rev.id', 'lrc.revisionId')
			.select(['lrc.roundId', 'lrc.competencyId as id', 'rev.name', 'rev.revision'])
			.where('lrc.roundId', 'in', roundIds)
			.orderBy('lrc.position')
			.execute(),
		db
			.selectFrom('loopRoundQuestion as lrq')
			.innerJoin('questionRevision as rev', 'rev.id', 'lrq.revisionId')
			.select(['lrq.roundId', 'lrq.id', 'rev.prompt'])
			.where('lrq.roundId', 'in', roundIds)
			.orderBy('lrq.position')
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.select([
				'scorecard.id as scorecardId',
				'scorecard.roundId',
				'scorecard.interviewerId',
				'user.name as interviewerName',
				'user.deactivatedAt',
				'scorecard.seatRole',
				'scorecard.scheduledAt',
				'scorecard.status',
				'scorecard.submittedAt'
			])
			.where('scorecard.loopId', '=', loopId)
			.orderBy('scorecard.scheduledAt')
			.orderBy('user.name')
			.execute()
	]);
	return rounds.map((round) => ({
		id: round.id,
		position: round.position,
		title: round.title,
		kind: round.kind,
		format: round.format,
		durationMinutes: round.durationMinutes,
		competencies: competencies
			.filter((c) => c.roundId === round.id)
			.map(({ id, name, revision }) => ({ id, name, revision })),
		questions: questions.filter((q) => q.roundId === round.id).map(({ id, prompt }) => ({ id, prompt })),
		panel: panel
			.filter((p) => p.roundId === round.id)
			.map((p) => {
				const timing = { ...p, durationMinutes: round.durationMinutes };
				return {
					scorecardId: p.scorecardId,
					interviewerId: p.interviewerId,
					interviewerName: p.interviewerName,
					interviewerDeactivated: p.deactivatedAt !== null,
					role: p.seatRole,
					scheduledAt: p.scheduledAt,
					status: p.status,
					submittedAt: p.submittedAt,
					overdue: isOverdue(timing, now),
					late: isLate(timing)
				};
			})
	}));
}

/** Other interviews of this loop's panelists that overlap theirs here (cancelled loops aside). */
async function findDoubleBookings(db: DB, loopId: number): Promise<DoubleBooking[]> {
	const rows = await sql<{
		scorecardId: number;
		otherScorecardId: number;
		interviewerName: string;
		otherStart: number;
		otherEnd: number;
	}>`
		select mine.id as "scorecardId", other.id as "otherScorecardId", u.name as "interviewerName",
			other.scheduled_at as "otherStart",
			other.scheduled_at + other_round.duration_minutes * 60000 as "otherEnd"
		from scorecard mine
		join loop_round my_round on my_round.id = mine.round_id
		join "user" u on u.id = mine.interviewer_id
		join scorecard other on other.interviewer_id = mine.interviewer_id and other.id != mine.id
			and other.scheduled_at > mine.scheduled_at - 240 * 60000
			and other.scheduled_at < mine.scheduled_at + my_round.duration_minutes * 60000
		join loop_round other_round on other_round.id = other.round_id
		join loop other_loop on other_loop.id = other.loop_id and other_loop.cancelled_at is null
		where mine.loop_id = ${loopId}
			and other.scheduled_at + other_round.duration_minutes * 60000 > mine.scheduled_at
			-- Two seats of this loop that clash are one clash, named once.
			and (other.loop_id != mine.loop_id or other.id > mine.id)
		order by mine.scheduled_at, other.scheduled_at, other.id
	`.execute(db);
	return rows.rows;
}

export async function getLoop(
	db: DB,
	actor: AuthUser,
	loopId: number,
	now = Date.now()
): Promise<LoopDetail> {
	const row = await loopFactsQuery(db)
		.select(['loop.templateName', 'loop.visibilityMode'])
		.where('loop.id', '=', loopId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('No such loop');
	await assertCanManageOpeningLoops(db, actor, row.openingId);
	const [rounds, doubleBookings, events, access] = await Promise.all([
		loopRoundsWithPanel(db, loopId, now),
		findDoubleBookings(db, loopId),
		listAuditEvents(db, 'loop', loopId),
		feedbackAccessByLoop(db, actor, [loopId])
	]);
	const feedback = access.get(loopId);
	if (!feedback) throw new ForbiddenError();
	const hiddenBecause = feedback.visible ? null : feedback.reason;
	const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is number => id !== null))];
	const actors = actorIds.length
		? await db.selectFrom('user').select(['id', 'name']).where('id', 'in', actorIds).execute()
		: [];
	return {
		...toSummary(row, feedback, now),
		templateName: row.templateName,
		visibilityMode: row.visibilityMode,
		cancelledAt: row.cancelledAt,
		rounds,
		doubleBookings,
		history: events.map((e) => {
			const carries = e.before !== null || e.after !== null;
			const hidden = carries && auditCarriesFeedback(e.entityType, e.action) ? hiddenBecause : null;
			return {
				action: e.action,
				at: e.at,
				actorName: actors.find((a) => a.id === e.actorUserId)?.name ?? null,
				before: e.before === null || hidden ? null : JSON.parse(e.before),
				after: e.after === null || hidden ? null : JSON.parse(e.after),
				hidden
			};
		})
	};
}
