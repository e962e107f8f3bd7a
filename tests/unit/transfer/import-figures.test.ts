import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/cli/demo';
import { generateOrganisation } from '../../../src/cli/synthetic/generate';
import {
	rebuildCalibrationMonths,
	refreshLoopRows
} from '../../../src/lib/server/calibration/calibration-upkeep';
import { rewriteRatingRows } from '../../../src/lib/server/evaluation/scorecards';
import { createDb, openSqlite, type DB } from '../../../src/lib/server/platform/db';
import { exportOrganisation } from '../../../src/lib/server/transfer/export';
import { importOrganisation } from '../../../src/lib/server/transfer/import';
import { sliceSizes } from '../../../src/lib/server/platform/insert-rows';
import { freshDb, freshDbPath } from '../helpers/db';

// The import rebuilds a batch of loops' derived rows at once (issue 20); daily upkeep does it
// one loop and one rating at a time. Both must leave exactly the same rows behind, or the
// results, comparison and calibration figures would change with a move.

const now = Date.UTC(2026, 10, 30, 12);

/**
 * The monthly totals add up floats (leniency deviations) in the order the engine reads the
 * rows, and PostgreSQL moves rows it rewrites: their last bits may differ with no figure
 * changing, so they are compared to nine decimals, as the page reports leniency.
 */
const nineDecimals = (_key: string, value: unknown) =>
	typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(9)) : value;

/** Every derived row and column, in one comparable form. */
async function derivedRows(db: DB): Promise<Record<string, string[]>> {
	const queries = {
		loop: sql`select id, completed_at, outcome from loop`,
		scorecard: sql`select id, complete, loop_outcome, delay_hours from scorecard`,
		ratings: sql`select * from scorecard_rating`,
		units: sql`select * from rating_unit`,
		interviewerMonths: sql`select * from calibration_interviewer_month`,
		competencyMonths: sql`select * from calibration_competency_month`
	};
	const rows: Record<string, string[]> = {};
	for (const [name, query] of Object.entries(queries)) {
		const result = await query.execute(db);
		const monthly = name.endsWith('Months');
		rows[name] = result.rows.map((row) => JSON.stringify(row, monthly ? nineDecimals : undefined)).sort();
	}
	return rows;
}

/** The per-loop path: what submitting and calibration upkeep write, loop by loop. */
async function rebuildLoopByLoop(db: DB): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const cards = await trx.selectFrom('scorecard').select('id').where('status', '=', 'submitted').execute();
		for (const { id } of cards) await rewriteRatingRows(trx, id);
		const loops = await trx.selectFrom('loop').select('id').execute();
		for (const { id } of loops) await refreshLoopRows(trx, id);
		await rebuildCalibrationMonths(trx);
	});
}

async function expectSameAsLoopByLoop(exported: string): Promise<Record<string, string[]>> {
	const target = freshDb();
	await importOrganisation(target, exported);
	const imported = await derivedRows(target);
	await rebuildLoopByLoop(target);
	expect(imported).toEqual(await derivedRows(target));
	await target.destroy();
	return imported;
}

describe('derived rows an import writes for a batch of loops', () => {
	it('are those the per-loop upkeep writes, on a generated organisation', async () => {
		const file = freshDbPath();
		const sqlite = openSqlite(file);
		const source = createDb(sqlite);
		await generateOrganisation(source, sqlite, { scorecards: 1000, seed: 11, until: now });
		// Cancelled loops, complete or not, count nowhere; the generator cancels none.
		await sql`update loop set cancelled_at = created_at where id % 17 = 0`.execute(source);
		const exported = await exportOrganisation(source, now);
		await source.destroy();

		const rows = await expectSameAsLoopByLoop(exported);
		const loops = rows.loop!.map((r) => JSON.parse(r) as { completedAt: number | null });
		expect(loops.filter((l) => l.completedAt === null).length).toBeGreaterThan(5);
		expect(loops.filter((l) => l.completedAt !== null).length).toBeGreaterThan(100);
		expect(rows.units!.length).toBeGreaterThan(500);
		expect(rows.ratings!.some((r) => JSON.parse(r).othersMean === null)).toBe(true);
		expect(rows.ratings!.some((r) => JSON.parse(r).rating === null)).toBe(true);
		expect(rows.interviewerMonths!.length).toBeGreaterThan(50);
	}, 120_000);

	it('are those the per-loop upkeep writes, on the demo organisation', async () => {
		const source = freshDb();
		await seedDemo(source, now);
		const exported = await exportOrganisation(source, now);
		await source.destroy();

		const rows = await expectSameAsLoopByLoop(exported);
		expect(rows.units!.length).toBeGreaterThan(10);
	}, 60_000);
});

describe('slices of an import batch', () => {
	it('cover every row with at most nine different statement sizes, each within the bind limit', () => {
		const sizes = new Set<number>();
		for (let rows = 0; rows <= 2000; rows++) {
			const slices = sliceSizes(rows);
			expect(slices.reduce((a, b) => a + b, 0)).toBe(rows);
			for (const size of slices) sizes.add(size);
		}
		expect(sizes.size).toBe(9);
		// The widest table written in slices has under 20 columns; SQLite binds up to 32766 values.
		expect(Math.max(...sizes) * 20).toBeLessThan(32766);
	});
});
