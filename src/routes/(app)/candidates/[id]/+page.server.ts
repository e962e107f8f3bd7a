import { candidateSchema } from '$lib/domain/hiring-schemas';
import { canManageHiring, managedOpeningIds } from '$lib/server/access';
import { getDb } from '$lib/server/app';
import { requireRole, requireUser } from '$lib/server/auth/guards';
import { getCandidate, updateCandidate } from '$lib/server/candidates';
import { runFormAction } from '$lib/server/form-actions';
import { summarizeLoops } from '$lib/server/comparison';
import { listLoops } from '$lib/server/loops';
import { listOpenings } from '$lib/server/openings';
import { idParam, orPageError } from '$lib/server/route-helpers';
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
