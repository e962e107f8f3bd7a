import { forgotPasswordSchema } from '#lib/domain/account-schemas.ts';
import {
	createResetLimiters,
	requestPasswordReset,
	type ResetLimiters
} from '#lib/server/auth/password-reset.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

let limiters: ResetLimiters | undefined;

export const load: PageServerLoad = async () => ({ mailOn: mailSettings() !== null });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) =>
		runFormAction(request, forgotPasswordSchema, 'forgot', async ({ email }) => {
			const db = getDb();
			limiters ??= createResetLimiters(db);
			await requestPasswordReset(db, limiters, { email, clientAddress: getClientAddress() });
			// The same answer whether or not the address has an account.
			return { sentTo: email };
		})
};
