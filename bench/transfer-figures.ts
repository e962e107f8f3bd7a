import { getCalibration } from '../src/lib/server/calibration/calibration';
import { getComparison } from '../src/lib/server/evaluation/comparison';
import { getLoopResults } from '../src/lib/server/evaluation/results';
import { openDatabase, type DB } from '../src/lib/server/platform/db';
import { ForbiddenError } from '../src/lib/server/platform/errors';

// What an admin sees computed from the feedback (results, comparisons, calibration) on a
// sample of a large organisation, to check that a moved organisation shows the same figures
// (issue 20). The suite compares every figure of small organisations (tests/unit/transfer).

const loopsSampled = 200;
const openingsSampled = 5;

/** The admin's view of a sample of loops and openings, and calibration over all time. */
async function figuresOf(db: DB, now: number) {
	const admin = await db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role'])
		.where('role', '=', 'admin')
		.where('deactivatedAt', 'is', null)
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const loopCount = Number(
		(
			await db
				.selectFrom('loop')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	const step = Math.max(1, Math.floor(loopCount / loopsSampled));
	const loops = await db.selectFrom('loop').select('id').orderBy('id').execute();
	const results = [];
	for (let i = 0; i < loops.length; i += step) {
		const result = await getLoopResults(db, admin, loops[i]!.id, { adjusted: true }, now).catch(
			(error: unknown) => {
				if (error instanceof ForbiddenError) return `hidden: ${error.message}`;
				throw error;
			}
		);
		results.push(result);
	}
	const openings = await db.selectFrom('opening').select('id').orderBy('id').limit(openingsSampled).execute();
	const comparisons = [];
	for (const { id } of openings) {
		// Fifty candidates, as the comparison page is benchmarked (docs/performance.md).
		const candidates = await db
			.selectFrom('loop')
			.select('candidateId')
			.distinct()
			.where('openingId', '=', id)
			.orderBy('candidateId')
			.limit(50)
			.execute();
		const candidateIds = candidates.map((c) => c.candidateId);
		comparisons.push(await getComparison(db, admin, id, { candidateIds, adjusted: true }, now));
	}
	const allTime = { from: 0, to: now };
	const calibration = [
		await getCalibration(db, admin, allTime),
		await getCalibration(db, admin, allTime, { months: false })
	];
	// Nine decimal places: the engines add up the same floating-point numbers in their own order.
	return JSON.stringify({ results, comparisons, calibration }, (_key, v: unknown) =>
		typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v
	);
}

/** Whether the two databases (a SQLite path or a PostgreSQL URL each) show the same figures. */
export async function sameFigures(source: string, target: string): Promise<boolean> {
	const now = Date.now();
	const [a, b] = [openDatabase(source), openDatabase(target)];
	try {
		return (await figuresOf(a, now)) === (await figuresOf(b, now));
	} finally {
		await a.destroy();
		await b.destroy();
	}
}
