import type { DB } from '../platform/db';
import type { CompetencyKind } from '../../domain/library';
import type { AuthUser } from '../auth/session';
import { feedbackAccessByLoop } from '../access/feedback-access';
import { canManageHiring, managedOpeningIds } from '../access/permissions';
import { ForbiddenError } from '../platform/errors';
import type { SumsFilter } from './calibration-sums';

// Who counts what on the calibration page and its trends.

export interface CalibrationFilter {
	from: number;
	to: number;
	openingId?: number;
	kind?: CompetencyKind;
}

export type Scope = (
	{ kind: 'all' } | { kind: 'openings'; openingIds: number[] } | { kind: 'own'; userId: number }
) & {
	/** Complete loops whose feedback the independence rule still hides from the viewer. */
	hiddenLoopIds: number[];
};

/** Admins and recruiters see everyone; hiring managers their openings' loops; anyone else themselves. */
export async function scopeOf(db: DB, actor: AuthUser, filter: CalibrationFilter): Promise<Scope> {
	const hiddenLoopIds = await listLoopsHiddenFromCalibration(db, actor);
	if (canManageHiring(actor)) return { kind: 'all', hiddenLoopIds };
	const managed = await managedOpeningIds(db, actor);
	if (managed.length) {
		if (filter.openingId !== undefined && !managed.includes(filter.openingId)) {
			throw new ForbiddenError('You can filter by the openings you are a hiring manager of');
		}
		return { kind: 'openings', openingIds: managed, hiddenLoopIds };
	}
	if (filter.openingId !== undefined)
		throw new ForbiddenError('Your own figures cannot be filtered by opening');
	return { kind: 'own', userId: actor.id, hiddenLoopIds };
}

/**
 * Complete loops the viewer may not count yet. Calibration counts complete loops only, which
 * hides nothing from a panelist, but a practice seat neither holds a loop back nor completes
 * it (decision 030): a trainee's card can still be to come, or the loop undecided, when the
 * rest of the panel is in. Those loops are few, so they are read per viewer and left out.
 */
export async function listLoopsHiddenFromCalibration(db: DB, viewer: AuthUser): Promise<number[]> {
	const seats = await db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select('scorecard.loopId')
		.distinct()
		.where('scorecard.interviewerId', '=', viewer.id)
		.where('scorecard.seatRole', '!=', 'interviewer')
		.where('loop.completedAt', 'is not', null)
		.execute();
	if (!seats.length) return [];
	const access = await feedbackAccessByLoop(
		db,
		viewer,
		seats.map((s) => s.loopId)
	);
	return seats.map((s) => s.loopId).filter((id) => !access.get(id)?.visible);
}

/** What the viewer may count, as a filter on the rows behind the sums. */
export function sumsFilterOf(filter: CalibrationFilter, scope: Scope): SumsFilter {
	return {
		from: filter.from,
		to: filter.to,
		kind: filter.kind,
		openingIds:
			filter.openingId !== undefined
				? [filter.openingId]
				: scope.kind === 'openings'
					? scope.openingIds
					: undefined,
		interviewerId: scope.kind === 'own' ? scope.userId : undefined,
		excludeLoopIds: scope.hiddenLoopIds.length ? scope.hiddenLoopIds : undefined
	};
}

/**
 * How many loops with a seat in the period (under the same filter and scope) calibration
 * leaves out: `incomplete`, because their panel has not all submitted (cancelled loops are not
 * waiting on anyone and are not counted), or `hidden`, because the independence rule still
 * hides their feedback from the viewer. Few loops are either, so this reads the loop table.
 */
export async function countLoopsLeftOut(
	db: DB,
	filter: SumsFilter,
	which: 'incomplete' | 'hidden' = 'incomplete'
): Promise<number> {
	if (filter.openingIds && !filter.openingIds.length) return 0;
	if (which === 'hidden' && !filter.excludeLoopIds?.length) return 0;
	const row = await db
		.selectFrom('loop')
		.select((eb) => eb.fn.countAll().as('n'))
		.$if(which === 'incomplete', (q) =>
			q.where('loop.completedAt', 'is', null).where('loop.cancelledAt', 'is', null)
		)
		.$if(which === 'hidden', (q) => q.where('loop.id', 'in', filter.excludeLoopIds!))
		.$if(filter.openingIds !== undefined, (q) => q.where('loop.openingId', 'in', filter.openingIds!))
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('scorecard')
					.select('scorecard.id')
					.whereRef('scorecard.loopId', '=', 'loop.id')
					.where('scorecard.seatRole', '=', 'interviewer')
					.where('scorecard.scheduledAt', '>=', filter.from)
					.where('scorecard.scheduledAt', '<=', filter.to)
					.$if(filter.kind !== undefined, (q) => q.where('scorecard.roundKind', '=', filter.kind!))
					.$if(filter.interviewerId !== undefined, (q) =>
						q.where('scorecard.interviewerId', '=', filter.interviewerId!)
					)
			)
		)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
