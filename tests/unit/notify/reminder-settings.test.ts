import { expect, it } from 'vitest';
import { defaultReminderSettings } from '../../../src/lib/domain/reminders';
import {
	getNoticeSettings,
	getReminderSettings,
	updateNoticeSettings,
	updateReminderSettings
} from '../../../src/lib/server/notify/reminder-settings';
import { ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import { freshDb } from '../helpers/db';
import { newOpening, newUser } from '../../support/seed';

const changed = { enabled: false, firstReminderMinutes: 30, escalationHours: 48 };

it('shows an opening’s defaults until hiring staff change them, audited', async () => {
	const db = freshDb();
	const recruiter = await newUser(db, { role: 'recruiter' });
	const manager = await newUser(db);
	const openingId = await newOpening(db, [manager]);
	expect(await getReminderSettings(db, manager, openingId)).toEqual(defaultReminderSettings);
	await updateReminderSettings(db, recruiter, openingId, changed);
	expect(await getReminderSettings(db, manager, openingId)).toEqual(changed);
	const audit = await db
		.selectFrom('auditEvent')
		.select(['action', 'actorUserId'])
		.where('action', '=', 'opening.reminders_updated')
		.execute();
	expect(audit).toEqual([{ action: 'opening.reminders_updated', actorUserId: recruiter.id }]);
});

it('lets hiring managers read them but not change them, and others neither', async () => {
	const db = freshDb();
	const manager = await newUser(db);
	const outsider = await newUser(db);
	const openingId = await newOpening(db, [manager]);
	await expect(updateReminderSettings(db, manager, openingId, changed)).rejects.toThrow(ForbiddenError);
	await expect(getReminderSettings(db, outsider, openingId)).rejects.toThrow(ForbiddenError);
	await expect(getReminderSettings(db, manager, openingId + 100)).rejects.toThrow(NotFoundError);
	expect(await getReminderSettings(db, manager, openingId)).toEqual(defaultReminderSettings);
});

it('keeps each person’s own zone and send time', async () => {
	const db = freshDb();
	const someone = await newUser(db);
	const other = await newUser(db);
	expect(await getNoticeSettings(db, someone)).toMatchObject({ sendMinutes: 540, saved: false });
	await updateNoticeSettings(db, someone, { timeZone: 'Asia/Tokyo', sendTime: 510 });
	await updateNoticeSettings(db, someone, {
		timeZone: 'America/New_York',
		sendTime: 480,
		mailMode: 'digest'
	});
	expect(await getNoticeSettings(db, someone)).toEqual({
		timeZone: 'America/New_York',
		sendMinutes: 480,
		mailMode: 'digest',
		saved: true
	});
	expect(await getNoticeSettings(db, other)).toMatchObject({ mailMode: 'immediate', saved: false });
});
