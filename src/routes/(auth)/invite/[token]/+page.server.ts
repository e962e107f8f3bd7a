import { acceptInviteSchema } from '#lib/domain/account-schemas.ts';
import { roleLabels } from '#lib/domain/roles.ts';
import { validateForm } from '#lib/domain/validation.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import type { AuthUser } from '#lib/server/auth/session.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import { continueSignIn } from '#lib/server/web/sign-in-steps.ts';
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
		let user: AuthUser;
		try {
			user = await acceptInvite(db, params.token, form.data);
			// Whoever was signed in on this browser is not the person who just joined.
			if (locals.session) await invalidateSession(db, locals.session.id);
		} catch (error) {
			return formFailure(error, form.values);
		}
		// Where two-factor sign-in is required, the newcomer sets it up before going in.
		return continueSignIn(db, { cookies, url }, user);
	}
};
