import { redirect } from '@sveltejs/kit';
import { acceptInviteSchema } from '#lib/domain/account-schemas.ts';
import { roleLabels } from '#lib/domain/roles.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb, sessionPolicy } from '#lib/server/platform/runtime.ts';
import { setSessionCookie } from '#lib/server/auth/cookie.ts';
import { createSession, invalidateSession } from '#lib/server/auth/session.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { acceptInvite, describeUnusableInvite, lookUpInvite } from '#lib/server/accounts/invites.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const lookup = await lookUpInvite(getDb(), params.token);
	if (lookup.status !== 'valid') return { invite: null, problem: describeUnusableInvite(lookup) };
	const { email, role, expiresAt } = lookup.invite;
	return { invite: { email, roleLabel: roleLabels[role], expiresAt }, problem: null };
};

export const actions: Actions = {
	default: async ({ request, params, cookies, url, locals }) => {
		const form = validateForm(acceptInviteSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		const db = getDb();
		try {
			const user = await acceptInvite(db, params.token, form.data);
			// Whoever was signed in on this browser is not the person who just joined.
			if (locals.session) await invalidateSession(db, locals.session.id);
			const { token, session } = await createSession(db, user.id, Date.now(), sessionPolicy());
			setSessionCookie(cookies, url, token, session.expiresAt);
		} catch (error) {
			return formFailure(error, form.values);
		}
		redirect(303, '/');
	}
};
