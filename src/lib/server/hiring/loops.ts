import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { CreateLoopInput } from '../../domain/hiring-schemas';
import type { CompetencyKind, RoundFormat, VisibilityMode } from '../../domain/library';
import { isLate, isOverdue, loopStatus, type LoopFacts, type LoopStatus } from '../../domain/loop-status';
import type { DecisionOutcome } from '../../domain/decision';
import { auditCarriesFeedback } from '../../domain/audit-trail';
import type { HiddenReason } from '../../domain/feedback-visibility';
import type { ScorecardStatus } from '../platform/schema';
import type { AuthUser } from '../auth/session';
import { assertCanManageOpeningLoops, canManageHiring } from '../access/permissions';
import { listAuditEvents, recordAudit } from '../platform/audit';
import { ForbiddenError, InputError, NotFoundError } from '../platform/errors';
import { feedbackAccessByLoop, type FeedbackAccess } from '../access/feedback-access';

export interface LoopSummary {
	id: number;
	candidateId: number;
	candidateName: string;
	openingId: number;
	openingTitle: string;
	createdAt: number;
	status: LoopStatus;
	submitted: number;
	scorecards: number;
	firstStart: number | null;
	/** The current decision, if any; null while the independence rule hides the loop's feedback. */
	outcome: DecisionOutcome | null;
	/** The independence rule for the viewer: the decision is feedback, and so are the numbers. */
	feedback: FeedbackAccess;
}

/** The facts loopStatus() needs, per loop, in one grouped query. */
function loopFactsQuery(db: DB) {
	return db
		.selectFrom('loop')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select((eb) => [
			'loop.id',
			'loop.candidateId',
			'candidate.name as candidateName',
			'loop.openingId',
			'opening.title as openingTitle',
			'loop.createdAt',
			'loop.cancelledAt',
			eb
				.selectFrom('loopRound')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('loopRound.loopId', '=', 'loop.id')
				.as('rounds'),
			eb
				.selectFrom('scorecard')
				.select(sql<number>`count(distinct round_id)`.as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.as('staffedRounds'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.as('scorecards'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.where('scorecard.status', '=', 'submitted')
				.as('submitted'),
			eb
				.selectFrom('scorecard')
				.select((s) => s.fn.min('scheduledAt').as('t'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.as('firstStart'),
			eb
				.selectFrom('scorecard')
				.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
				.select(sql<number>`max(scorecard.scheduled_at + loop_round.duration_minutes * 60000)`.as('t'))
				.whereRef('scorecard.loopId', '=', 'loop.id')
				.as('lastEnd'),
			'loop.outcome',
			eb
				.selectFrom('loopDecision')
				.select((s) => s.fn.max('loopDecision.decidedAt').as('t'))
				.whereRef('loopDecision.loopId', '=', 'loop.id')
				.as('decidedAt')
		]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof loopFactsQuery>['execute']>>[number];

function toSummary(row: FactsRow, feedback: FeedbackAccess, now: number): LoopSummary {
	const facts: LoopFacts = {
		cancelledAt: row.cancelledAt,
		decidedAt: row.decidedAt === null ? null : Number(row.decidedAt),
		rounds: Number(row.rounds),
		staffedRounds: Number(row.staffedRounds),
		scorecards: Number(row.scorecards),
		submitted: Number(row.submitted),
		firstStart: row.firstStart === null ? null : Number(row.firstStart),
		lastEnd: row.lastEnd === null ? null : Number(row.lastEnd)
	};
	return {
		id: row.id,
		candidateId: row.candidateId,
		candidateName: row.candidateName,
		openingId: row.openingId,
		openingTitle: row.openingTitle,
		createdAt: row.createdAt,
		status: loopStatus(facts, now),
		submitted: facts.submitted,
		scorecards: facts.scorecards,
		firstStart: facts.firstStart,
		outcome: feedback.visible ? (row.outcome ?? null) : null,
		feedback
	};
}

/** Loops of an opening or a candidate, limited to the openings the actor runs loops for. */
export async function listLoops(
	db: DB,
	actor: AuthUser,
	filter: { openingId?: number; candidateId?: number },
	now = Date.now()
): Promise<LoopSummary[]> {
	let query = loopFactsQuery(db).orderBy('loop.createdAt', 'desc');
	if (filter.openingId !== undefined) query = query.where('loop.openingId', '=', filter.openingId);
	if (filter.candidateId !== undefined) query = query.where('loop.candidateId', '=', filter.candidateId);
	if (!canManageHiring(actor)) {
		query = query.where('loop.openingId', 'in', (eb) =>
			eb.selectFrom('openingHiringManager').select('openingId').where('userId', '=', actor.id)
		);
	}
	const rows = await query.execute();
	const access = await feedbackAccessByLoop(
		db,
		actor,
		rows.map((row) => row.id)
	);
	// Every listed loop is one the actor runs, so each has an answer; none is assumed.
	return rows.flatMap((row) => {
		const feedback = access.get(row.id);
		return feedback ? [toSummary(row, feedback, now)] : [];
	});
}

/** Ensures every named interviewer exists and is active; names the first who is not. */
export async function assertActiveInterviewers(
	db: DB,
	ids: number[],
	field: string
): Promise<{ id: number; name: string }[]> {
	if (!ids.length) return [];
	const users = await db
		.selectFrom('user')
		.select(['id', 'name', 'deactivatedAt'])
		.where('id', 'in', ids)
		.execute();
	if (users.length !== new Set(ids).size)
		throw new InputError({ [field]: 'Choose interviewers from the list' });
	const inactive = users.find((p) => p.deactivatedAt !== null);
	if (inactive) throw new InputError({ [field]: `${inactive.name} is deactivated and cannot interview` });
	return users.map(({ id, name }) => ({ id, name }));
}

export interface CreatedLoop {
	loopId: number;
	rounds: { id: number; position: number; title: string }[];
	scorecards: { id: number; roundId: number; round: number; interviewerId: number }[];
}

/**
 * Creates a loop for a candidate in an opening: the opening's template rounds are copied
 * (competencies and questions pinned to their current revisions), so
 * later edits to the template or library do not change it. Each panel entry assigns
 * interviewers to a round at a time; rounds left without one keep the loop a draft.
 */
export async function createLoop(
	db: DB,
	actor: AuthUser,
	input: CreateLoopInput,
	now = Date.now()
): Promise<CreatedLoop> {
	return db.transaction().execute(async (trx) => {
		await assertCanManageOpeningLoops(trx, actor, input.openingId);
		const opening = await trx
			.selectFrom('opening')
			.innerJoin('loopTemplate', 'loopTemplate.id', 'opening.templateId')
			.select([
				'opening.status',
				'opening.templateId',
				'loopTemplate.name as templateName',
				'loopTemplate.visibilityMode',
				'loopTemplate.evidenceRule'
			])
			.where('opening.id', '=', input.openingId)
			.executeTakeFirstOrThrow();
		if (opening.status === 'closed') throw new InputError({ openingId: 'This opening is closed' });

		const candidate = await trx
			.selectFrom('candidate')
			.select('id')
			.where('id', '=', input.candidateId)
			.executeTakeFirst();
		if (!candidate) throw new InputError({ candidateId: 'Choose a candidate from the list' });
		const inOpening = await trx
			.selectFrom('candidateOpening')
			.select('candidateId')
			.where('candidateId', '=', input.candidateId)
			.where('openingId', '=', input.openingId)
			.executeTakeFirst();
		if (!inOpening) {
			if (!canManageHiring(actor))
				throw new InputError({ candidateId: 'This candidate is not in this opening' });
			await trx
				.insertInto('candidateOpening')
				.values({ candidateId: input.candidateId, openingId: input.openingId, addedAt: now })
				.execute();
		}
		const active = await trx
			.selectFrom('loop')
			.select('id')
			.where('candidateId', '=', input.candidateId)
			.where('openingId', '=', input.openingId)
			.where('cancelledAt', 'is', null)
			.executeTakeFirst();
		if (active) throw new InputError({ candidateId: 'This candidate already has a loop for this opening' });

		const templateRounds = await trx
			.selectFrom('templateRound')
			.selectAll()
			.where('templateId', '=', opening.templateId)
			.orderBy('position')
			.execute();
		if (!templateRounds.length) throw new InputError({ form: 'The opening’s template has no rounds yet' });

		for (const [index, entry] of input.panel.entries()) {
			if (entry.round >= templateRounds.length) {
				throw new InputError({ [`panel.${index}.round`]: `There is no round ${entry.round + 1}` });
			}
			await assertActiveInterviewers(trx, entry.interviewerIds, `panel.${index}.interviewerIds`);
		}

		const { id: loopId } = await trx
			.insertInto('loop')
			.values({
				candidateId: input.candidateId,
				openingId: input.openingId,
				templateId: opening.templateId,
				templateName: opening.templateName,
				visibilityMode: opening.visibilityMode,
				evidenceRule: opening.evidenceRule,
				cancelledAt: null,
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();

		const rounds: CreatedLoop['rounds'] = [];
		for (const round of templateRounds) {
			const { id } = await trx
				.insertInto('loopRound')
				.values({
					loopId,
					position: round.position,
					title: round.title,
					kind: round.kind,
					format: round.format,
					durationMinutes: round.durationMinutes
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await sql`
				insert into loop_round_competency (round_id, competency_id, revision_id, position)
				select ${id}, trc.competency_id, c.current_revision_id, trc.position
				from template_round_competency trc join competency c on c.id = trc.competency_id
				where trc.round_id = ${round.id}
			`.execute(trx);
			await sql`
				insert into loop_round_question (round_id, question_id, revision_id, position)
				select ${id}, q.id, q.current_revision_id, trq.position
				from template_round_question trq join question q on q.id = trq.question_id
				where trq.round_id = ${round.id}
			`.execute(trx);
			rounds.push({ id, position: rounds.length, title: round.title });
		}

		const scorecards: CreatedLoop['scorecards'] = [];
		for (const entry of input.panel) {
			const round = rounds[entry.round]!;
			for (const interviewerId of new Set(entry.interviewerIds)) {
				if (scorecards.some((s) => s.roundId === round.id && s.interviewerId === interviewerId)) continue;
				const { id } = await trx
					.insertInto('scorecard')
					.values({
						loopId,
						roundId: round.id,
						interviewerId,
						scheduledAt: entry.scheduledAt,
						openingId: input.openingId,
						roundKind: templateRounds[entry.round]!.kind,
						createdAt: now,
						updatedAt: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				scorecards.push({ id, roundId: round.id, round: entry.round, interviewerId });
			}
		}
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'loop.created',
				entityType: 'loop',
				entityId: loopId,
				after: { candidateId: input.candidateId, openingId: input.openingId, panel: input.panel }
			},
			now
		);
		return { loopId, rounds, scorecards };
	});
}

export interface PanelMember {
	scorecardId: number;
	interviewerId: number;
	interviewerName: string;
	interviewerDeactivated: boolean;
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
		interviewerName: string;
		otherStart: number;
		otherEnd: number;
	}>`
		select mine.id as "scorecardId", u.name as "interviewerName",
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
		order by mine.scheduled_at
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
