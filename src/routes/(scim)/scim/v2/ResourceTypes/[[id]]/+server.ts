import { ScimError } from '#lib/domain/scim.ts';
import { toDiscoveryList, userResourceType } from '#lib/domain/scim-discovery.ts';
import { handleScim, scimAnswer } from '#lib/server/web/scim.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleScim(async ({ base, event }) => {
	const type = userResourceType(base);
	if (event.params.id === undefined) return scimAnswer(toDiscoveryList([type]));
	if (event.params.id !== type.id) throw new ScimError(404, 'Panelist has one resource type: User');
	return scimAnswer(type);
});
