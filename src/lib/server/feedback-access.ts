import type { DB } from './db';
import type { AuthUser } from './auth/session';
import { runsOpeningLoops } from './access';
import { ForbiddenError, NotFoundError } from './errors';

export type FeedbackAccess =
	| { visible: true; onPanel: boolean }
	| { visible: false; reason: 'own_pending' | 'panel_pending'; onPanel: true };

/**
 * The independence rule (DESIGN.md): a panelist sees colleagues' feedback on a loop only
 * once all their own scorecards for it are submitted, and in strict mode only once the whole
 * panel's are. This holds for admins and hiring managers on the panel too. People not on the
 * panel see it if they run the opening's loops; everyone else is refused.
 */
export async function feedbackAccess(db: DB, actor: AuthUser, loopId: number): Promise<FeedbackAccess> {
	const loop = await db
		.selectFrom('loop')
		.select(['id', 'openingId', 'visibilityMode'])
		.where('id', '=', loopId)
		.executeTakeFirst();
	if (!loop) throw new NotFoundError('No such loop');
	const panel = await db
		.selectFrom('scorecard')
		.select(['interviewerId', 'status'])
		.where('loopId', '=', loopId)
		.execute();
	const own = panel.filter((s) => s.interviewerId === actor.id);
	if (own.length > 0) {
		if (own.some((s) => s.status !== 'submitted'))
			return { visible: false, reason: 'own_pending', onPanel: true };
		if (loop.visibilityMode === 'after_all' && panel.some((s) => s.status !== 'submitted')) {
			return { visible: false, reason: 'panel_pending', onPanel: true };
		}
		return { visible: true, onPanel: true };
	}
	if (await runsOpeningLoops(db, actor, loop.openingId)) return { visible: true, onPanel: false };
	throw new ForbiddenError();
}

export async function assertFeedbackVisible(db: DB, actor: AuthUser, loopId: number): Promise<void> {
	const access = await feedbackAccess(db, actor, loopId);
	if (!access.visible) {
		throw new ForbiddenError(
			access.reason === 'own_pending'
				? 'Submit your own scorecard first: the panel’s feedback stays hidden until yours is in.'
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
