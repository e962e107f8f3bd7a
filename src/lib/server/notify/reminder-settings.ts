import type { z } from 'zod';
import {
	defaultReminderSettings,
	defaultSendMinutes,
	type noticeSettingsSchema,
	type ReminderSettings,
	type reminderSettingsSchema
} from '../../domain/reminders';
import { assertCanManageHiring, canManageHiring, isHiringManagerOf } from '../access/permissions';
import type { AuthUser } from '../auth/session';
import type { DB } from '../platform/db';
import { recordAudit } from '../platform/audit';
import { ForbiddenError, NotFoundError } from '../platform/errors';
import type { MailMode } from '../../domain/notice-digest';
import { replanDigest } from './notice-digest';

// The settings reminders follow (decision 027): an opening's (on or off, when the first
// reminder goes, when the escalation does) and a person's (the zone and time of day their
// working-day reminders arrive).

/** An opening's reminder settings, the defaults when none were saved. */
export async function readOpeningReminderSettings(db: DB, openingId: number): Promise<ReminderSettings> {
	const row = await db
		.selectFrom('openingReminderSetting')
		.select(['enabled', 'firstReminderMinutes', 'escalationHours'])
		.where('openingId', '=', openingId)
		.executeTakeFirst();
	return row ? { ...row, enabled: row.enabled === 1 } : { ...defaultReminderSettings };
}

async function assertOpeningExists(db: DB, openingId: number): Promise<void> {
	const opening = await db.selectFrom('opening').select('id').where('id', '=', openingId).executeTakeFirst();
	if (!opening) throw new NotFoundError('No such opening');
}

/** Hiring staff and the opening's hiring managers see its reminder settings. */
export async function getReminderSettings(
	db: DB,
	actor: AuthUser,
	openingId: number
): Promise<ReminderSettings> {
	await assertOpeningExists(db, openingId);
	if (!canManageHiring(actor) && !(await isHiringManagerOf(db, actor, openingId))) throw new ForbiddenError();
	return readOpeningReminderSettings(db, openingId);
}

/** Hiring staff change them, as they change the opening itself; audited on the opening. */
export async function updateReminderSettings(
	db: DB,
	actor: AuthUser,
	openingId: number,
	input: z.output<typeof reminderSettingsSchema>,
	now = Date.now()
): Promise<void> {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		await assertOpeningExists(trx, openingId);
		const before = await readOpeningReminderSettings(trx, openingId);
		const values = {
			enabled: input.enabled ? 1 : 0,
			firstReminderMinutes: input.firstReminderMinutes,
			escalationHours: input.escalationHours,
			updatedAt: now
		};
		await trx
			.insertInto('openingReminderSetting')
			.values({ openingId, ...values })
			.onConflict((oc) => oc.column('openingId').doUpdateSet(values))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'opening.reminders_updated',
				entityType: 'opening',
				entityId: openingId,
				before,
				after: input
			},
			now
		);
	});
}

export interface NoticeTime {
	timeZone: string;
	sendMinutes: number;
}

const serverTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** When a person's working-day notices arrive: their own setting, else the server's zone at 09:00. */
export async function readNoticeTime(db: DB, userId: number): Promise<NoticeTime> {
	const row = await db
		.selectFrom('userNoticeSetting')
		.select(['timeZone', 'sendMinutes'])
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row ?? { timeZone: serverTimeZone, sendMinutes: defaultSendMinutes };
}

export interface NoticeSettings extends NoticeTime {
	mailMode: MailMode;
	/** Whether they were ever chosen. */
	saved: boolean;
}

/** One's own notice settings. */
export async function getNoticeSettings(db: DB, actor: AuthUser): Promise<NoticeSettings> {
	const row = await db
		.selectFrom('userNoticeSetting')
		.select('mailMode')
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return { ...(await readNoticeTime(db, actor.id)), mailMode: row?.mailMode ?? 'immediate', saved: !!row };
}

/** Everyone sets their own, and only their own; a queued digest moves with them. */
export async function updateNoticeSettings(
	db: DB,
	actor: AuthUser,
	input: Omit<z.output<typeof noticeSettingsSchema>, 'mailMode'> & { mailMode?: MailMode },
	now = Date.now()
): Promise<void> {
	const values = {
		timeZone: input.timeZone,
		sendMinutes: input.sendTime,
		mailMode: input.mailMode ?? 'immediate',
		updatedAt: now
	};
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('userNoticeSetting')
			.values({ userId: actor.id, ...values })
			.onConflict((oc) => oc.column('userId').doUpdateSet(values))
			.execute();
		await replanDigest(trx, actor.id, now);
	});
}
