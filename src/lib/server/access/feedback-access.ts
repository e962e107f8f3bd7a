import { sql } from 'kysely';
import type { DB } from '../platform/db';
import type { HiddenReason } from '../../domain/feedback-visibility';
import type { AuthUser } from '../auth/session';
import { canManageHiring, runsOpeningLoops } from './permissions';
import { ForbiddenError, NotFoundError } from '../platform/errors';

export type FeedbackAccess =
	{ visible: true; onPanel: boolean } | { visible: false; reason: HiddenReason; onPanel: true };

/**
 * The independence rule (docs/design.md): a panelist sees colleagues' feedback on a loop only
 * once all their own scorecards for it are submitted, and in strict mode only once the whole
 * panel's are. A trainee on practice seats only (decision 030) sees it once their own card is
 * in and the loop is decided. This holds for admins and hiring managers on the panel too. People not on the
 * panel see it if they run the opening's loops; everyone else is refused.
 *
 * Feedback is ratings, notes, summaries, recommendations, whatever is computed from them,
 * the debrief's notes and the decision (outcome, rationale, dissent), and audit entries that
 * carry any of these (docs/decisions/008).
 *
 * For many loops at once, in one query: loops the actor may not see feedback of at all
 * (neither on the panel nor running the opening) and loops that do not exist are left out,
 * so a missing entry means hidden.
 */
export async function feedbackAccessByLoop(
	db: DB,
	actor: AuthUser,
	loopIds: readonly number[]
): Promise<Map<number, FeedbackAccess>> {
	const access = new Map<number, FeedbackAccess>();
	if (!loopIds.length) return access;
	const rows = await db
		.selectFrom('loop')
		.leftJoin('scorecard', 'scorecard.loopId', 'loop.id')
		.select((eb) => [
			'loop.id',
			'loop.visibilityMode',
			'loop.outcome',
			sql<number>`count(case when scorecard.interviewer_id = ${actor.id} then 1 end)`.as('own'),
			sql<number>`count(case when scorecard.interviewer_id = ${actor.id} and scorecard.seat_role = 'interviewer' then 1 end)`.as(
				'ownCounting'
			),
			sql<number>`count(case when scorecard.interviewer_id = ${actor.id} and scorecard.status != 'submitted' then 1 end)`.as(
				'ownPending'
			),
			// A trainee's practice card never holds the panel back.
			sql<number>`count(case when scorecard.status != 'submitted' and scorecard.seat_role = 'interviewer' then 1 end)`.as(
				'pending'
			),
			eb
				.exists(
					eb
						.selectFrom('openingHiringManager')
						.select('openingHiringManager.openingId')
						.whereRef('openingHiringManager.openingId', '=', 'loop.openingId')
						.where('openingHiringManager.userId', '=', actor.id)
				)
				.as('manages')
		])
		.where('loop.id', 'in', [...new Set(loopIds)])
		.groupBy('loop.id')
		.execute();
	for (const row of rows) {
		if (Number(row.own) > 0) {
			if (Number(row.ownPending) > 0)
				access.set(row.id, { visible: false, reason: 'own_pending', onPanel: true });
			// A trainee on practice seats only sees the panel's feedback once the loop is decided.
			else if (Number(row.ownCounting) === 0 && row.outcome === null)
				access.set(row.id, { visible: false, reason: 'loop_undecided', onPanel: true });
			else if (row.visibilityMode === 'after_all' && Number(row.pending) > 0)
				access.set(row.id, { visible: false, reason: 'panel_pending', onPanel: true });
			else access.set(row.id, { visible: true, onPanel: true });
		} else if (canManageHiring(actor) || Number(row.manages) === 1) {
			access.set(row.id, { visible: true, onPanel: false });
		}
	}
	return access;
}

/** The rule for one loop: 404 for a loop that does not exist, 403 for one the actor has no part in. */
export async function feedbackAccess(db: DB, actor: AuthUser, loopId: number): Promise<FeedbackAccess> {
	const access = (await feedbackAccessByLoop(db, actor, [loopId])).get(loopId);
	if (access) return access;
	const loop = await db.selectFrom('loop').select('id').where('id', '=', loopId).executeTakeFirst();
	if (!loop) throw new NotFoundError('No such loop');
	throw new ForbiddenError();
}

export async function assertFeedbackVisible(db: DB, actor: AuthUser, loopId: number): Promise<void> {
	const access = await feedbackAccess(db, actor, loopId);
	if (!access.visible) {
		throw new ForbiddenError(
			access.reason === 'own_pending'
				? 'Submit your own scorecard first: the panel’s feedback stays hidden until yours is in.'
				: access.reason === 'loop_undecided'
					? 'You sat on this loop to practise: the panel’s feedback is shown once the loop is decided.'
					: 'This loop keeps feedback hidden until the whole panel has submitted.'
		);
	}
}

/**
 * Adjusted ratings reveal each panelist's leniency, a calibration figure: those who run the
 * opening's loops may see it, an interviewer only their own (so not a panel's).
 */
export async function assertMaySeePanelLeniency(db: DB, actor: AuthUser, loopId: number): Promise<void> {
	const loop = await db.selectFrom('loop').select('openingId').where('id', '=', loopId).executeTakeFirst();
	if (loop && (await runsOpeningLoops(db, actor, loop.openingId))) return;
	throw new ForbiddenError(
		'Adjusted ratings show each panelist’s leniency; interviewers see calibration figures of their own only.',
		true
	);
}
