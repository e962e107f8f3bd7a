import { error, redirect } from '@sveltejs/kit';
import { setupSchema } from '#lib/domain/account-schemas.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb, sessionPolicy } from '#lib/server/platform/runtime.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { describeWait, RequestLimiter } from '#lib/server/auth/rate-limit.ts';
import { createSession } from '#lib/server/auth/session.ts';
import { ConflictError } from '#lib/server/platform/errors.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { createFirstAdmin, hasAnyUser } from '#lib/server/accounts/users.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	if (await hasAnyUser(getDb())) redirect(303, '/login');
};

// The page is open to anyone, and before setup each valid post costs an argon2 hash.
const setupAttempts = new RequestLimiter(10);

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		// An error, not a form failure: after setup this page's load would turn a failure into
		// a redirect to sign-in, and the flood would not learn it is being slowed down.
		const wait = setupAttempts.take(getClientAddress());
		if (wait > 0) error(429, `Too many attempts. Wait ${describeWait(wait)} and try again.`);
		const form = validateForm(setupSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		const db = getDb();
		try {
			const user = await createFirstAdmin(db, form.data);
			const { token, session } = await createSession(db, user.id, Date.now(), sessionPolicy());
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (err) {
			if (err instanceof ConflictError) redirect(303, '/login');
			return formFailure(err, form.values);
		}
		redirect(303, '/');
	}
};
