import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { day } from '../../../src/lib/domain/time';
import { getCalibration } from '../../../src/lib/server/calibration/calibration';
import {
	rebuildCalibrationMonths,
	refreshLoopCalibration
} from '../../../src/lib/server/calibration/calibration-upkeep';
import { createDb, openSqlite } from '../../../src/lib/server/platform/db';
import { ConflictError } from '../../../src/lib/server/platform/errors';
import { generateOrganisation } from '../../../src/cli/synthetic/generate';
import { freshDb, freshDbPath } from '../helpers/db';
import { newUser } from '../../support/seed';

const until = Date.UTC(2026, 10, 1);

async function generated(scorecards: number, seed: number) {
	const file = freshDbPath();
	const sqlite = openSqlite(file);
	const db = createDb(sqlite);
	const summary = await generateOrganisation(db, sqlite, { scorecards, seed, until });
	return { file, sqlite, db, summary };
}

/** Rows with their real numbers rounded: sums added in another order differ in the last bits. */
function rounded(rows: unknown[]) {
	return (rows as Record<string, unknown>[]).map((row) =>
		Object.fromEntries(
			Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v])
		)
	);
}

/** Everything the pages read, in a stable order, for comparing two databases. */
function snapshot(sqlite: SQLite.Database) {
	return {
		users: sqlite.prepare('select email, name, role from "user" order by id').all(),
		loops: sqlite
			.prepare('select candidate_id, opening_id, completed_at, outcome, created_at from loop order by id')
			.all(),
		scorecards: sqlite
			.prepare(
				'select loop_id, interviewer_id, scheduled_at, status, submitted_at, content from scorecard order by id'
			)
			.all(),
		decisions: sqlite.prepare('select loop_id, outcome, decided_at from loop_decision order by id').all()
	};
}

/** A figure as flat numbers, for comparing with rounding. */
function flatten(figure: object): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(figure).flatMap(([k, v]) =>
			v && typeof v === 'object' ? Object.entries(flatten(v)).map(([k2, v2]) => [`${k}.${k2}`, v2]) : [[k, v]]
		)
	);
}

describe('synthetic organisation', () => {
	it('fills the database with the organisation it reports, every reference intact', async () => {
		const { sqlite, db, summary } = await generated(1500, 3);
		const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;

		expect(summary.scorecards).toBeGreaterThanOrEqual(1500);
		expect(count('select count(*) n from scorecard')).toBe(summary.scorecards);
		expect(count('select count(*) n from scorecard_rating')).toBe(summary.ratings);
		expect(count('select count(*) n from loop')).toBe(summary.loops);
		expect(count('select count(*) n from "user"')).toBe(summary.users);
		expect(count('select count(*) n from opening')).toBe(summary.openings);
		expect(count("select count(*) n from loop_round where kind = 'technical'")).toBeGreaterThan(0);
		expect(count("select count(*) n from loop_round where kind = 'leadership'")).toBeGreaterThan(0);
		expect(count('select count(*) n from loop_decision')).toBeGreaterThan(summary.loops / 2);
		expect(count('select count(*) n from scorecard_rating where rating not between 1 and 4')).toBe(0);
		// Three years of history, the newest just before `until`.
		const span = sqlite
			.prepare('select min(scheduled_at) first, max(scheduled_at) last from scorecard')
			.get() as {
			first: number;
			last: number;
		};
		expect(until - span.last).toBeLessThan(2 * day);
		expect(span.last - span.first).toBeGreaterThan(2.9 * 365 * day);

		expect(sqlite.pragma('foreign_key_check')).toEqual([]);
		expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		await db.destroy();
	});

	it('keeps the calibration aggregates exactly as the app would', async () => {
		const { sqlite, db } = await generated(600, 5);
		const aggregates = () => ({
			loops: sqlite.prepare('select id, completed_at from loop order by id').all(),
			scorecards: sqlite
				.prepare('select id, complete, round(delay_hours, 9) delay, loop_outcome from scorecard order by id')
				.all(),
			ratings: sqlite
				.prepare(
					'select scorecard_id, competency_id, complete, round(others_mean, 9) others from scorecard_rating order by 1, 2'
				)
				.all(),
			units: sqlite
				.prepare(
					'select loop_id, competency_id, opening_id, round_kind, interviewed_at, n1, n2, n3, n4, not_assessed from rating_unit order by 1, 2'
				)
				.all(),
			interviewerMonths: rounded(
				sqlite
					.prepare('select * from calibration_interviewer_month order by month, round_kind, interviewer_id')
					.all()
			),
			competencyMonths: rounded(
				sqlite
					.prepare('select * from calibration_competency_month order by month, round_kind, competency_id')
					.all()
			)
		});
		const written = aggregates();
		expect(written.units.length).toBeGreaterThan(0);

		expect(written.interviewerMonths.length).toBeGreaterThan(0);
		expect(written.competencyMonths.length).toBeGreaterThan(0);

		const loops = sqlite.prepare('select id from loop').all() as { id: number }[];
		for (const { id } of loops) await refreshLoopCalibration(db, id);
		expect(aggregates()).toEqual(written);
		await rebuildCalibrationMonths(db);
		expect(aggregates()).toEqual(written);
		await db.destroy();
		// Six hundred loops refreshed one by one: seconds alone, more on a busy machine.
	}, 60_000);

	it('gives the same organisation for the same seed and another for another seed', async () => {
		const first = await generated(400, 11);
		const second = await generated(400, 11);
		const other = await generated(400, 12);
		expect(snapshot(second.sqlite)).toEqual(snapshot(first.sqlite));
		expect(snapshot(other.sqlite).scorecards).not.toEqual(snapshot(first.sqlite).scorecards);
		for (const g of [first, second, other]) await g.db.destroy();
	});

	it('plants interviewers whose leniency calibration can see', async () => {
		const { db } = await generated(3000, 8);
		const admin = await db
			.selectFrom('user')
			.selectAll()
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow();
		const calibration = await getCalibration(db, admin, { from: until - 4 * 365 * day, to: until });
		const offsets = calibration.interviewers
			.filter((i) => i.leniency.n >= 20)
			.map((i) => i.leniency.leniency!);
		expect(offsets.length).toBeGreaterThan(5);
		expect(Math.max(...offsets) - Math.min(...offsets)).toBeGreaterThan(0.5);
		await db.destroy();
	});

	it('reads the same figures from monthly totals as from counting every row', async () => {
		const { db } = await generated(3000, 9);
		const admin = await db
			.selectFrom('user')
			.selectAll()
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow();
		const filters = [
			{ from: until - 365 * day, to: until },
			{ from: Date.UTC(2025, 0, 1), to: Date.UTC(2025, 11, 31, 23, 59, 59, 999) },
			{ from: Date.UTC(2025, 2, 17, 5), to: Date.UTC(2025, 3, 2), kind: 'leadership' as const },
			{ from: Date.UTC(2024, 5, 1), to: Date.UTC(2026, 2, 9), kind: 'technical' as const }
		];
		for (const filter of filters) {
			const fromMonths = await getCalibration(db, admin, filter);
			const counted = await getCalibration(db, admin, filter, { months: false });
			expect(fromMonths.interviewers.length).toBeGreaterThan(0);
			expect(rounded(fromMonths.interviewers.map(flatten))).toEqual(
				rounded(counted.interviewers.map(flatten))
			);
			expect(rounded(fromMonths.competencies.map(flatten))).toEqual(
				rounded(counted.competencies.map(flatten))
			);
		}
		await db.destroy();
	});

	it('refuses a database that already has people in it', async () => {
		const db = freshDb();
		await newUser(db, { role: 'admin' });
		const sqlite = new SQLite(':memory:');
		await expect(generateOrganisation(db, sqlite, { scorecards: 10, seed: 1, until })).rejects.toThrow(
			ConflictError
		);
		sqlite.close();
	});
});
