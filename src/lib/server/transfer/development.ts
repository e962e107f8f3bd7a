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
import type { ExportQualification, ExportTrainingPath, ExportWeeklyLimit } from './format-development';

// Interviewer development across an export and import (format-development.ts): training
// paths, qualifications and weekly limits, read whole (a few per person at most), checked
// and written as the file has them. Their changes' history is in the audit trail already.

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

/** One path per format, one qualification per person and format, one limit per person, of the file's users. */
export function checkDevelopment(c: Checks): void {
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
}

export async function writeDevelopment(db: DB, file: ExportFile): Promise<void> {
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
}
