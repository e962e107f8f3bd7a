import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { RoundFormat } from '../../domain/library';
import {
	defaultLapseMonths,
	deriveQualificationStatus,
	type QualificationLevel,
	type QualificationStatus,
	type SetQualificationInput
} from '../../domain/qualifications';
import { assertCanManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { assertActiveInterviewer } from './active-interviewer';

// Qualifications per interviewer and round format (decision 030): admins and recruiters set
// trainee or qualified; lapsed is derived from the person's interviews in the format.

export const lapseMonthsKey = 'qualification_lapse_months';

export interface Qualification {
	userId: number;
	userName: string;
	format: RoundFormat;
	level: QualificationLevel;
	status: QualificationStatus;
	since: number;
	lastInterviewAt: number | null;
}

export async function readLapseMonths(db: DB): Promise<number> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', lapseMonthsKey)
		.executeTakeFirst();
	return row ? Number(row.value) : defaultLapseMonths;
}

export async function setLapseMonths(
	db: DB,
	actor: AuthUser,
	months: number,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = await readLapseMonths(trx);
		await trx
			.insertInto('meta')
			.values({ key: lapseMonthsKey, value: String(months) })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: String(months) }))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'qualification.lapse_changed',
				entityType: 'setting',
				entityId: lapseMonthsKey,
				before: { months: before },
				after: { months }
			},
			now
		);
	});
}

/** Gives, changes or (level `none`) takes away one person's qualification in a format. */
export async function setQualification(
	db: DB,
	actor: AuthUser,
	input: SetQualificationInput,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute((trx) => writeQualification(trx, actor, input, now));
}

/**
 * The change itself, audited, for callers that have checked the actor may make it (a
 * training path's sign-off, hiring/training-paths.ts). Run it inside a transaction.
 */
export async function writeQualification(
	trx: DB,
	actor: AuthUser,
	input: SetQualificationInput,
	now: number
): Promise<void> {
	await assertActiveInterviewer(trx, input.userId);
	const current = await trx
		.selectFrom('interviewerQualification')
		.select('level')
		.where('userId', '=', input.userId)
		.where('format', '=', input.format)
		.executeTakeFirst();
	const before = current?.level ?? 'none';
	if (before === input.level) return;
	if (input.level === 'none') {
		await trx
			.deleteFrom('interviewerQualification')
			.where('userId', '=', input.userId)
			.where('format', '=', input.format)
			.execute();
	} else {
		const values = { level: input.level, since: now, updatedBy: actor.id, updatedAt: now };
		await trx
			.insertInto('interviewerQualification')
			.values({ userId: input.userId, format: input.format, ...values })
			.onConflict((oc) => oc.columns(['userId', 'format']).doUpdateSet(values))
			.execute();
	}
	await recordAudit(
		trx,
		{
			actorUserId: actor.id,
			action: 'qualification.changed',
			entityType: 'user',
			entityId: input.userId,
			before: { format: input.format, level: before },
			after: { format: input.format, level: input.level }
		},
		now
	);
}

/** Every active person's qualifications, by name then format: for hiring staff. */
export async function listQualifications(
	db: DB,
	actor: AuthUser,
	now = Date.now()
): Promise<Qualification[]> {
	assertCanManageHiring(actor);
	return readQualifications(db, null, now);
}

/** The actor's own qualifications: everyone may see theirs. */
export async function listOwnQualifications(
	db: DB,
	actor: AuthUser,
	now = Date.now()
): Promise<Qualification[]> {
	return readQualifications(db, actor.id, now);
}

export async function readQualifications(
	db: DB,
	userId: number | null,
	now: number
): Promise<Qualification[]> {
	let query = db
		.selectFrom('interviewerQualification as q')
		.innerJoin('user', 'user.id', 'q.userId')
		.select((eb) => [
			'q.userId',
			'user.name as userName',
			'q.format',
			'q.level',
			'q.since',
			// The last interview the person did in the format: submitted, not merely planned.
			eb
				.selectFrom('scorecard')
				.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
				.select((s) => s.fn.max('scorecard.scheduledAt').as('at'))
				.whereRef('scorecard.interviewerId', '=', 'q.userId')
				.whereRef('loopRound.format', '=', 'q.format')
				.where('scorecard.status', '=', 'submitted')
				.where('scorecard.scheduledAt', '<=', now)
				.as('lastInterviewAt')
		])
		.where('user.deactivatedAt', 'is', null);
	if (userId !== null) query = query.where('q.userId', '=', userId);
	const [rows, lapseMonths] = await Promise.all([
		query.orderBy('user.name').orderBy('q.userId').orderBy('q.format').execute(),
		readLapseMonths(db)
	]);
	return rows.map((row) => {
		const lastInterviewAt = row.lastInterviewAt === null ? null : Number(row.lastInterviewAt);
		return {
			...row,
			lastInterviewAt,
			status: deriveQualificationStatus({ ...row, lastInterviewAt }, lapseMonths, now)
		};
	});
}
