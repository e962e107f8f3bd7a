import { redirect } from '@sveltejs/kit';
import { resetPasswordSchema } from '#lib/domain/account-schemas.ts';
import { validateForm } from '#lib/domain/validation.ts';
import {
	lookUpPasswordReset,
	resetPasswordWithLink,
	unusableResetMessage
} from '#lib/server/auth/password-reset.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { failForm, formFailure } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const lookup = await lookUpPasswordReset(getDb(), params.token);
	return lookup.status === 'valid'
		? { email: lookup.email, problem: null }
		: { email: null, problem: unusableResetMessage };
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const form = validateForm(resetPasswordSchema, await request.formData());
		if (!form.ok) return failForm(400, form);
		try {
			await resetPasswordWithLink(getDb(), params.token, form.data.password);
		} catch (error) {
			return formFailure(error, form.values);
		}
		redirect(303, '/login?reset');
	}
};
