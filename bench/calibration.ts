import { openDatabase } from '../src/lib/server/db';
import type { BenchResult } from './results';
import { generatedDatabase, sessionCookie, startServer, timeRequests } from './support';

/**
 * The calibration page over the twelve months before the generated organisation's last
 * interview: for an admin (everyone, from the monthly totals), for an admin filtered to one
 * opening, and for a hiring manager (their openings, counted directly).
 */
export async function benchCalibration(scorecards: number, runs: number): Promise<BenchResult[]> {
	const file = await generatedDatabase(scorecards);
	const db = openDatabase(file);
	const manager = await db
		.selectFrom('openingHiringManager as m')
		.innerJoin('user', 'user.id', 'm.userId')
		.select(['user.email', 'm.openingId'])
		.orderBy('m.openingId')
		.executeTakeFirstOrThrow();
	await db.destroy();

	const port = 4321;
	const server = await startServer(file, port);
	try {
		const admin = await sessionCookie(file, 'admin@generated.example');
		const managerCookie = await sessionCookie(file, manager.email);
		const url = (query: string) =>
			`http://localhost:${port}/calibration?from=2025-11-01&to=2026-10-31${query}`;
		const size = `${scorecards.toLocaleString('en')} scorecards`;
		const everyone = await timeRequests(url(''), admin, runs);
		const opening = await timeRequests(url(`&opening=${manager.openingId}`), admin, runs);
		const managed = await timeRequests(url(''), managerCookie, runs);
		return [
			{ name: `calibration page, 12 months, everyone (${size}), p50`, value: everyone.p50, unit: 'ms' },
			{
				name: `calibration page, 12 months, everyone (${size}), p95`,
				value: everyone.p95,
				unit: 'ms',
				budget: { max: 1000 }
			},
			{
				name: `calibration page, 12 months, one opening (${size}), p95`,
				value: opening.p95,
				unit: 'ms',
				budget: { max: 1000 }
			},
			{
				name: `calibration page, 12 months, as a hiring manager (${size}), p95`,
				value: managed.p95,
				unit: 'ms',
				budget: { max: 1000 }
			}
		];
	} finally {
		server.kill();
	}
}
