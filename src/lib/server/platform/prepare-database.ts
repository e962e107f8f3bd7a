import { migrateToLatest, type DB } from './db';
import { buildCalibrationAggregates, buildCalibrationMonths } from '../calibration/calibration-upkeep';
import { installDefaultLibrary } from '../library/install';

/**
 * Brings any database up to date before use: migrations, then the default library on first
 * use. The server, the CLI and the tests all start here.
 */
export async function prepareDatabase(db: DB): Promise<string[]> {
	const applied = await migrateToLatest(db);
	await installDefaultLibrary(db);
	await buildCalibrationAggregates(db);
	await buildCalibrationMonths(db);
	return applied;
}
