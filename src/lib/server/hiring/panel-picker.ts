import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import { sql } from 'kysely';
import { loadWindow, monthRange, weekRange, type Load } from '../../domain/panel-load';
import { pickerFacts, type PickerPerson } from '../../domain/panel-picker';
import { leaningOf } from '../../domain/panel-suggestion';
import { findPanelWarnings, type PanelWarning, type PickStatus } from '../../domain/panel-warnings';
import { assertCanManageOpeningLoops, canManageHiring } from '../access/permissions';
import { leniencyOf } from '../calibration/calibration';
import { NotFoundError } from '../platform/errors';
import { readWeeklyLimits } from './load-limits';
import { readQualifications } from './qualifications';

// The panel picker's facts and the warnings on a saved panel (decision 030, panels). Weeks and
// months are the viewer's: their notice time zone when they chose one, else their browser's.

/** The zone the viewer counts weeks in: their own setting, else `fallback` (the browser's). */
export async function readViewerTimeZone(db: DB, actor: AuthUser, fallback: string): Promise<string> {
	const row = await db
		.selectFrom('userNoticeSetting')
		.select('timeZone')
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return row?.timeZone ?? fallback;
}

/** Start times of the people's interviews in [from, to), cancelled loops aside, per person. */
async function readSeatTimes(db: DB, userIds: number[], [from, to]: [number, number]) {
	const times = new Map<number, number[]>();
	if (!userIds.length) return times;
	const rows = await db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select(['scorecard.interviewerId', 'scorecard.scheduledAt'])
		.where('loop.cancelledAt', 'is', null)
		.where('scorecard.interviewerId', 'in', userIds)
		.where('scorecard.scheduledAt', '>=', from)
		.where('scorecard.scheduledAt', '<', to)
		.execute();
	for (const r of rows) times.set(r.interviewerId, [...(times.get(r.interviewerId) ?? []), r.scheduledAt]);
	return times;
}

/** Everyone's interviews this week and this month, counted in the database: one row per person. */
async function readLoads(db: DB, now: number, timeZone: string): Promise<Map<number, Load>> {
	const [weekFrom, weekTo] = weekRange(now, timeZone);
	const [monthFrom, monthTo] = monthRange(now, timeZone);
	const within = (from: number, to: number) =>
		sql<number>`sum(case when scorecard.scheduled_at >= ${from} and scorecard.scheduled_at < ${to} then 1 else 0 end)`;
	const rows = await db
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.select([
			'scorecard.interviewerId',
			within(weekFrom, weekTo).as('week'),
			within(monthFrom, monthTo).as('month')
		])
		.where('loop.cancelledAt', 'is', null)
		.where('scorecard.scheduledAt', '>=', Math.min(weekFrom, monthFrom))
		.where('scorecard.scheduledAt', '<', Math.max(weekTo, monthTo))
		.groupBy('scorecard.interviewerId')
		.execute();
	return new Map(rows.map((r) => [r.interviewerId, { week: Number(r.week), month: Number(r.month) }]));
}

async function readStatuses(db: DB, now: number) {
	const statuses = new Map<number, Partial<Record<RoundFormat, PickStatus>>>();
	for (const q of await readQualifications(db, null, now)) {
		statuses.set(q.userId, { ...statuses.get(q.userId), [q.format]: q.status });
	}
	return statuses;
}

/**
 * Everyone active who may sit on a panel of the opening's loops, with where they stand per
 * format, their load this week and month, their limit and, for hiring staff only (who may see
 * calibration), their leaning. Nothing here carries anyone's feedback.
 */
export async function getPanelPicker(
	db: DB,
	actor: AuthUser,
	openingId: number,
	timeZone: string,
	now = Date.now()
): Promise<PickerPerson[]> {
	await assertCanManageOpeningLoops(db, actor, openingId);
	const [users, statuses, limits, loads] = await Promise.all([
		db.selectFrom('user').select(['id', 'name']).where('deactivatedAt', 'is', null).orderBy('name').execute(),
		readStatuses(db, now),
		readWeeklyLimits(db),
		readLoads(db, now, timeZone)
	]);
	// Only a limit needs the times themselves, to count the week of a seat being picked.
	const seats = await readSeatTimes(db, [...limits.keys()], loadWindow(now, timeZone));
	const leaning = canManageHiring(actor)
		? await leniencyOf(
				db,
				actor,
				users.map((u) => u.id)
			)
		: null;
	return users.map((u) => ({
		userId: u.id,
		name: u.name,
		statuses: statuses.get(u.id) ?? {},
		load: loads.get(u.id) ?? { week: 0, month: 0 },
		weeklyLimit: limits.get(u.id) ?? null,
		seatTimes: seats.get(u.id) ?? [],
		...(leaning ? { leaning: leaningOf(leaning.get(u.id)?.ci ?? null) } : {})
	}));
}

/** The warnings on a loop's saved panel, for those who run its opening. */
export async function getPanelWarnings(
	db: DB,
	actor: AuthUser,
	loopId: number,
	timeZone: string,
	now = Date.now()
): Promise<PanelWarning[]> {
	const loop = await db.selectFrom('loop').select('openingId').where('id', '=', loopId).executeTakeFirst();
	if (!loop) throw new NotFoundError('No such loop');
	await assertCanManageOpeningLoops(db, actor, loop.openingId);
	const [rounds, seats] = await Promise.all([
		db
			.selectFrom('loopRound')
			.select(['id', 'title', 'format'])
			.where('loopId', '=', loopId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('scorecard')
			.innerJoin('user', 'user.id', 'scorecard.interviewerId')
			.select([
				'scorecard.roundId',
				'scorecard.interviewerId as userId',
				'user.name',
				'scorecard.seatRole as role'
			])
			.select('scorecard.scheduledAt')
			.where('scorecard.loopId', '=', loopId)
			.orderBy('scorecard.scheduledAt')
			.orderBy('user.name')
			.execute()
	]);
	if (!seats.length) return [];
	const userIds = [...new Set(seats.map((s) => s.userId))];
	const times = seats.map((s) => s.scheduledAt);
	const span: [number, number] = [
		weekRange(Math.min(...times), timeZone)[0],
		weekRange(Math.max(...times), timeZone)[1]
	];
	const [statuses, limits, seatTimes] = await Promise.all([
		readStatuses(db, now),
		readWeeklyLimits(db),
		readSeatTimes(db, userIds, span)
	]);
	const people: PickerPerson[] = userIds.map((userId) => ({
		userId,
		name: '',
		statuses: statuses.get(userId) ?? {},
		load: { week: 0, month: 0 },
		weeklyLimit: limits.get(userId) ?? null,
		seatTimes: seatTimes.get(userId) ?? []
	}));
	return findPanelWarnings(
		rounds.map((r) => ({ ...r, seats: seats.filter((s) => s.roundId === r.id) })),
		pickerFacts(people, timeZone)
	);
}
