import { migrateToLatest, type DB } from './db';
import { buildCalibrationAggregates, buildCalibrationMonths } from '../calibration/calibration-upkeep';
import { installDefaultLibrary } from '../library/install';
import { withStartupLock } from './engine/startup-lock';

/**
 * Brings any database up to date before use: migrations, then the default library on first
 * use. The server, the CLI and the tests all start here. Instances starting together on one
 * PostgreSQL database do this one after the other (migrations take a lock of their own).
 */
export async function prepareDatabase(db: DB): Promise<string[]> {
	const applied = await migrateToLatest(db);
	await withStartupLock(db, async (locked) => {
		await installDefaultLibrary(locked);
		await buildCalibrationAggregates(locked);
		await buildCalibrationMonths(locked);
	});
	return applied;
}
