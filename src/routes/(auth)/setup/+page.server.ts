import { redirect } from '@sveltejs/kit';
import { setupSchema } from '$lib/domain/account-schemas';
import { validateForm } from '$lib/domain/validation';
import { getDb, sessionPolicy } from '$lib/server/app';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { createSession } from '$lib/server/auth/session';
import { ConflictError } from '$lib/server/errors';
import { failForm, formFailure } from '$lib/server/form-actions';
import { createFirstAdmin, hasAnyUser } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	if (await hasAnyUser(getDb())) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = validateForm(setupSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		const db = getDb();
		try {
			const user = await createFirstAdmin(db, form.data);
			const { token, session } = await createSession(db, user.id, Date.now(), sessionPolicy());
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (error) {
			if (error instanceof ConflictError) redirect(303, '/login');
			return formFailure(error, form.values);
		}
		redirect(303, '/');
	}
};
