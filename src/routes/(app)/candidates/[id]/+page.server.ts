import { candidateSchema } from '#lib/domain/hiring-schemas.ts';
import { canManageHiring, managedOpeningIds } from '#lib/server/access/permissions.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole, requireUser } from '#lib/server/auth/guards.ts';
import { getCandidate, updateCandidate } from '#lib/server/hiring/candidates.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { summarizeLoops } from '#lib/server/evaluation/comparison.ts';
import { listLoops } from '#lib/server/hiring/loop-summaries.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const id = idParam(event.params.id);
	const candidate = await orPageError(getCandidate(db, actor, id));
	const staff = canManageHiring(actor);
	const [loops, openings, managed] = await Promise.all([
		listLoops(db, actor, { candidateId: id }),
		staff ? listOpenings(db, actor) : Promise.resolve([]),
		managedOpeningIds(db, actor)
	]);
	// Loops can be created for openings the viewer runs loops for.
	const loopOpenings = candidate.openings.filter((o) => staff || managed.includes(o.id));
	const summaries = await summarizeLoops(
		db,
		actor,
		loops.filter((l) => l.status !== 'cancelled')
	);
	return { candidate, loops, summaries: summaries.rows, openings, staff, loopOpenings };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, candidateSchema, 'update', async (input) => {
			await updateCandidate(getDb(), actor, idParam(event.params.id), input);
			return { saved: true };
		});
	}
};
