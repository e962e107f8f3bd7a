import { twoFactorRequirementSchema } from '#lib/domain/two-factor.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { getTwoFactorRequirement, setTwoFactorRequirement } from '#lib/server/auth/two-factor-policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { twoFactorRequirement: await getTwoFactorRequirement(getDb()) };
};

export const actions: Actions = {
	twoFactor: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, twoFactorRequirementSchema, 'twoFactor', async ({ requirement }) => {
			await setTwoFactorRequirement(getDb(), admin, requirement);
			return { saved: true };
		});
	}
};
