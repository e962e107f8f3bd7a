import { twoFactorRequirementSchema } from '#lib/domain/two-factor.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import { getTwoFactorRequirement, setTwoFactorRequirement } from '#lib/server/auth/two-factor-policy.ts';
import { ssoRequirementSchema } from '#lib/domain/single-sign-on.ts';
import { ssoSettings } from '#lib/server/auth/single-sign-on.ts';
import { getSsoRequirement, setSsoRequirement } from '#lib/server/auth/sso-policy.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const sso = ssoSettings();
	return {
		twoFactorRequirement: await getTwoFactorRequirement(getDb()),
		sso: sso && {
			name: sso.displayName,
			requirement: await getSsoRequirement(getDb()),
			requiredByEnvironment: sso.requiredByEnvironment,
			hasBreakGlass: sso.breakGlassEmail !== null
		}
	};
};

export const actions: Actions = {
	twoFactor: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, twoFactorRequirementSchema, 'twoFactor', async ({ requirement }) => {
			await setTwoFactorRequirement(getDb(), admin, requirement);
			return { saved: true };
		});
	},
	sso: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, ssoRequirementSchema, 'sso', async ({ requirement }) => {
			await setSsoRequirement(getDb(), admin, ssoSettings(), requirement);
			return { saved: true };
		});
	}
};
