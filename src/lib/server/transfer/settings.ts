import type { DB } from '../platform/db';
import { insertRows } from '../platform/insert-rows';
import type { Checks } from './checks';
import {
	dbId as n,
	dbIdOrNull as nOrNull,
	epochMs as ms,
	fileId as id,
	fileIdOrNull as idOrNull,
	isoTime
} from './convert';
import type { ExportFile } from './format';
import type {
	ExportNoticeSetting,
	ExportQualification,
	ExportReminderSetting,
	ExportTrainingPath,
	ExportWeeklyLimit
} from './format-settings';

// What people set, across an export and import (format-settings.ts): training paths,
// qualifications, weekly limits, notice and reminder settings, read whole (a few per person
// or opening at most), checked and written as the file has them. Their changes' history is
// in the audit trail already.

export async function readTrainingPaths(db: DB): Promise<ExportTrainingPath[]> {
	const rows = await db.selectFrom('trainingPath').selectAll().orderBy('format').execute();
	return rows.map((p) => ({
		format: p.format,
		shadowCount: p.shadowCount,
		reverseShadowCount: p.reverseShadowCount,
		exerciseRequired: p.exerciseRequired === 1,
		updatedBy: idOrNull(p.updatedBy),
		updatedAt: isoTime(p.updatedAt)
	}));
}

export async function readQualifications(db: DB): Promise<ExportQualification[]> {
	const rows = await db
		.selectFrom('interviewerQualification')
		.selectAll()
		.orderBy('userId')
		.orderBy('format')
		.execute();
	return rows.map((q) => ({
		userId: id(q.userId),
		format: q.format,
		level: q.level,
		since: isoTime(q.since),
		updatedBy: idOrNull(q.updatedBy),
		updatedAt: isoTime(q.updatedAt)
	}));
}

export async function readWeeklyLimits(db: DB): Promise<ExportWeeklyLimit[]> {
	const rows = await db.selectFrom('interviewerLoadLimit').selectAll().orderBy('userId').execute();
	return rows.map((l) => ({
		userId: id(l.userId),
		weeklyLimit: l.weeklyLimit,
		updatedBy: idOrNull(l.updatedBy),
		updatedAt: isoTime(l.updatedAt)
	}));
}

export async function readNoticeSettings(db: DB): Promise<ExportNoticeSetting[]> {
	const rows = await db.selectFrom('userNoticeSetting').selectAll().orderBy('userId').execute();
	return rows.map((r) => ({
		userId: id(r.userId),
		timeZone: r.timeZone,
		sendMinutes: r.sendMinutes,
		mailMode: r.mailMode,
		updatedAt: isoTime(r.updatedAt)
	}));
}

export async function readReminderSettings(db: DB): Promise<ExportReminderSetting[]> {
	const rows = await db.selectFrom('openingReminderSetting').selectAll().orderBy('openingId').execute();
	return rows.map((r) => ({
		openingId: id(r.openingId),
		enabled: r.enabled === 1,
		firstReminderMinutes: r.firstReminderMinutes,
		escalationHours: r.escalationHours,
		updatedAt: isoTime(r.updatedAt)
	}));
}

/**
 * One path per format, one qualification per person and format, one limit and one notice
 * setting per person, one reminder setting per opening, each of the file's people and openings.
 */
export function checkSettings(c: Checks): void {
	const { file, known } = c.parsed;
	const formats = c.unique('training path format');
	for (const path of file.trainingPaths ?? []) {
		const at = ['trainingPaths', c.at(path)];
		formats([...at, 'format'], path.format, (first) => `this format already has a training path (${first})`);
		c.ref([...at, 'updatedBy'], path.updatedBy, known.users, 'user');
	}
	const qualified = c.unique('qualification');
	for (const q of file.qualifications ?? []) {
		const at = ['qualifications', c.at(q)];
		c.ref([...at, 'userId'], q.userId, known.users, 'user');
		qualified(
			[...at, 'format'],
			`${q.userId} ${q.format}`,
			(first) => `this person already has a qualification in ${q.format} (${first})`
		);
		c.ref([...at, 'updatedBy'], q.updatedBy, known.users, 'user');
	}
	const limited = c.unique('weekly limit');
	for (const limit of file.weeklyLimits ?? []) {
		const at = ['weeklyLimits', c.at(limit)];
		c.ref([...at, 'userId'], limit.userId, known.users, 'user');
		limited([...at, 'userId'], limit.userId, (first) => `this person already has a weekly limit (${first})`);
		c.ref([...at, 'updatedBy'], limit.updatedBy, known.users, 'user');
	}
	const noticed = c.unique('notice setting');
	for (const setting of file.noticeSettings ?? []) {
		const at = ['noticeSettings', c.at(setting)];
		c.ref([...at, 'userId'], setting.userId, known.users, 'user');
		noticed([...at, 'userId'], setting.userId, (first) => `this person's notices are already set (${first})`);
	}
	const reminded = c.unique('reminder setting');
	for (const setting of file.reminderSettings ?? []) {
		const at = ['reminderSettings', c.at(setting)];
		c.ref([...at, 'openingId'], setting.openingId, known.openings, 'opening');
		reminded(
			[...at, 'openingId'],
			setting.openingId,
			(first) => `this opening's reminders are already set (${first})`
		);
	}
}

export async function writeSettings(db: DB, file: ExportFile): Promise<void> {
	await insertRows(
		db,
		'trainingPath',
		(file.trainingPaths ?? []).map((p) => ({
			format: p.format,
			shadowCount: p.shadowCount,
			reverseShadowCount: p.reverseShadowCount,
			exerciseRequired: p.exerciseRequired ? 1 : 0,
			updatedBy: nOrNull(p.updatedBy),
			updatedAt: ms(p.updatedAt)
		}))
	);
	await insertRows(
		db,
		'interviewerQualification',
		(file.qualifications ?? []).map((q) => ({
			userId: n(q.userId),
			format: q.format,
			level: q.level,
			since: ms(q.since),
			updatedBy: nOrNull(q.updatedBy),
			updatedAt: ms(q.updatedAt)
		}))
	);
	await insertRows(
		db,
		'interviewerLoadLimit',
		(file.weeklyLimits ?? []).map((l) => ({
			userId: n(l.userId),
			weeklyLimit: l.weeklyLimit,
			updatedBy: nOrNull(l.updatedBy),
			updatedAt: ms(l.updatedAt)
		}))
	);
	await insertRows(
		db,
		'userNoticeSetting',
		(file.noticeSettings ?? []).map((r) => ({
			userId: n(r.userId),
			timeZone: r.timeZone,
			sendMinutes: r.sendMinutes,
			mailMode: r.mailMode,
			// Which day's digest went out last stays with the old installation, like the mails.
			lastDigestOn: null,
			updatedAt: ms(r.updatedAt)
		}))
	);
	await insertRows(
		db,
		'openingReminderSetting',
		(file.reminderSettings ?? []).map((r) => ({
			openingId: n(r.openingId),
			enabled: r.enabled ? 1 : 0,
			firstReminderMinutes: r.firstReminderMinutes,
			escalationHours: r.escalationHours,
			updatedAt: ms(r.updatedAt)
		}))
	);
}
