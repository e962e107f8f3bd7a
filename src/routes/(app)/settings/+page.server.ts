import { changePasswordSchema } from '$lib/domain/account-schemas';
import { getDb } from '$lib/server/app';
import { requireSession } from '$lib/server/auth/guards';
import { runFormAction } from '$lib/server/form-actions';
import { changeOwnPassword } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireSession(event);
	return { account: user };
};

export const actions: Actions = {
	changePassword: async (event) => {
		const { user, session } = requireSession(event);
		return runFormAction(event.request, changePasswordSchema, 'changePassword', async (input) => {
			await changeOwnPassword(getDb(), user, session.id, input);
			return { passwordChanged: true };
		});
	}
};
