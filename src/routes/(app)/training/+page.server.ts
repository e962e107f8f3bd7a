import { signOffSchema } from '#lib/domain/training-paths.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listOwnTraining, listSignOffQueue, signOffTrainee } from '#lib/server/hiring/training-paths.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [own, queue] = await Promise.all([listOwnTraining(db, user), listSignOffQueue(db, user)]);
	return { own, queue };
};

export const actions: Actions = {
	signOff: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, signOffSchema, 'signOff', async (input) => {
			await signOffTrainee(getDb(), user, input);
			return { signedOff: true };
		});
	}
};
