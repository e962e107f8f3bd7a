import { canManageHiring } from '#lib/server/access/permissions.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listAllExercises } from '#lib/server/calibration/exercises.ts';
import { listExercisesToTake } from '#lib/server/calibration/exercise-kit.ts';
import { listOwnResults } from '#lib/server/calibration/exercise-results.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const staff = canManageHiring(actor);
	const [toTake, results, all] = await Promise.all([
		listExercisesToTake(db, actor),
		listOwnResults(db, actor),
		staff ? listAllExercises(db, actor) : Promise.resolve(null)
	]);
	return { toTake, results, all };
};
