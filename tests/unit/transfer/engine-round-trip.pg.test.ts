import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/cli/demo';
import { databaseResumeStore } from '../../../src/lib/server/hiring/resume-store';
import { uploadResume } from '../../../src/lib/server/hiring/resumes';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import { getComparison } from '../../../src/lib/server/evaluation/comparison';
import { getLoopResults } from '../../../src/lib/server/evaluation/results';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { ForbiddenError } from '../../../src/lib/server/platform/errors';
import { engineOf } from '../../../src/lib/server/platform/engine/engine-of';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { importOrganisation } from '../../../src/lib/server/transfer/import';
import { day } from '../../../src/lib/domain/time';
import { freshDb, freshDbPath } from '../helpers/db';

// Moving over (README, "PostgreSQL"): an organisation exported from SQLite and imported into
// PostgreSQL shows the same figures there, and comes back to SQLite as the same file.

const now = Date.UTC(2026, 10, 30, 12);

function openSqliteCopy(): DB {
	return openDatabase(freshDbPath());
}

/** Everything an admin sees computed from the feedback: results, comparisons, calibration. */
async function figuresOf(db: DB) {
	const admin = await db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('role', '=', 'admin')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const loops = await db.selectFrom('loop').select('id').orderBy('id').execute();
	const results = [];
	for (const { id } of loops) {
		for (const adjusted of [false, true]) {
			// Where the admin sits on the panel and has not submitted, hidden on both alike.
			const result = await getLoopResults(db, admin, id, { adjusted }, now).catch((error: unknown) => {
				if (error instanceof ForbiddenError) return `hidden: ${error.message}`;
				throw error;
			});
			results.push(result);
		}
	}
	const openings = await db.selectFrom('opening').select('id').orderBy('id').execute();
	const comparisons = [];
	for (const { id } of openings) {
		comparisons.push(await getComparison(db, admin, id, {}, now));
		comparisons.push(await getComparison(db, admin, id, { adjusted: true }, now));
	}
	const range = { from: now - 2 * 365 * day, to: now + day };
	const calibration = [
		await getCalibration(db, admin, range),
		await getCalibration(db, admin, range, { months: false }),
		await getCalibration(db, admin, { ...range, kind: 'technical' }),
		await getCalibration(db, admin, { ...range, kind: 'leadership' })
	];
	return toNinePlaces({ results, comparisons, calibration });
}

/**
 * Figures to nine decimal places: the engines add up the same floating-point numbers in
 * their own order, which may differ in the last bit (as in transfer.test.ts).
 */
function toNinePlaces<T>(value: T): T {
	return JSON.parse(
		JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))
	);
}

describe('moving between SQLite and PostgreSQL', () => {
	it('gives identical results, comparisons and calibration, and the same export back', async () => {
		const sqlite = openSqliteCopy();
		const postgres = freshDb();
		const back = openSqliteCopy();
		try {
			expect([engineOf(sqlite), engineOf(postgres), engineOf(back)]).toEqual([
				'sqlite',
				'postgres',
				'sqlite'
			]);
			await seedDemo(sqlite, now);
			const admin = await sqlite
				.selectFrom('user')
				.select(['id', 'email', 'name', 'role'])
				.where('role', '=', 'admin')
				.executeTakeFirstOrThrow();
			const resume = { name: 'cv.pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.7\nCV\n%%EOF\n')) };
			await uploadResume(sqlite, admin, 1, resume, { store: databaseResumeStore, maxBytes: 1000 }, now);
			const fromSqlite = await exportOrganisation(sqlite, now);
			expect(JSON.parse(fromSqlite).resumes).toHaveLength(1);

			await importOrganisation(postgres, fromSqlite);
			const stored = await postgres.selectFrom('candidateResume').select('content').executeTakeFirstOrThrow();
			expect(Buffer.from(stored.content!).equals(Buffer.from(resume.bytes))).toBe(true);
			const onSqlite = await figuresOf(sqlite);
			expect(onSqlite.results.some((r) => typeof r !== 'string' && r.decisions.length > 0)).toBe(true);
			expect(onSqlite.calibration[0]!.interviewers.length).toBeGreaterThan(0);
			expect(await figuresOf(postgres)).toEqual(onSqlite);

			const fromPostgres = await exportOrganisation(postgres, now);
			expect(fromPostgres).toBe(fromSqlite);
			await importOrganisation(back, fromPostgres);
			expect(await exportOrganisation(back, now)).toBe(fromSqlite);
			expect(await figuresOf(back)).toEqual(onSqlite);
		} finally {
			await sqlite.destroy();
			await back.destroy();
		}
	}, 120_000);
});
