import { apiTokenSchema, revokeApiTokenSchema } from '#lib/domain/account-schemas.ts';
import { createScimToken, listScimTokens, revokeScimToken } from '#lib/server/accounts/scim-tokens.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const admin = requireRole(event, 'admin');
	return { tokens: await listScimTokens(getDb(), admin), scimUrl: `${event.url.origin}/scim/v2` };
};

export const actions: Actions = {
	/** The token is in this answer only: it is never stored or shown again. */
	createToken: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, apiTokenSchema, 'createToken', async ({ name }) => {
			const { token } = await createScimToken(getDb(), admin, name);
			return { createdToken: { name, token } };
		});
	},

	revokeToken: async (event) => {
		const admin = requireRole(event, 'admin');
		return runFormAction(event.request, revokeApiTokenSchema, 'revokeToken', async ({ tokenId }) => {
			await revokeScimToken(getDb(), admin, tokenId);
			return { revoked: true };
		});
	}
};
