import { secondFactorSchema } from '#lib/domain/two-factor.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { twoFactorLimiter, verifySecondFactor } from '#lib/server/auth/two-factor.ts';
import { formFailure, failForm } from '#lib/server/web/form-actions.ts';
import { validateForm } from '#lib/domain/validation.ts';
import {
	afterSignIn,
	rememberDevice,
	requirePendingSignIn,
	startSession
} from '#lib/server/web/sign-in-steps.ts';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requirePendingSignIn(getDb(), event, 'verify');
};

export const actions: Actions = {
	default: async (event) => {
		const db = getDb();
		const user = await requirePendingSignIn(db, event, 'verify');
		const form = validateForm(secondFactorSchema, await event.request.formData());
		if (!form.ok) return failForm(400, form);
		try {
			await verifySecondFactor(db, twoFactorLimiter(db), user.id, form.data.code);
		} catch (error) {
			return formFailure(error, { rememberDevice: form.values.rememberDevice ?? '' });
		}
		await startSession(db, event, user.id);
		if (form.data.rememberDevice) await rememberDevice(db, event, user.id);
		redirect(303, afterSignIn(event.url));
	}
};
