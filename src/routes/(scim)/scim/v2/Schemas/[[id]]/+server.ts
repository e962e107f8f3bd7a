import { ScimError } from '#lib/domain/scim.ts';
import { toDiscoveryList, userSchema } from '#lib/domain/scim-discovery.ts';
import { handleScim, scimAnswer } from '#lib/server/web/scim.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleScim(async ({ base, event }) => {
	const schema = userSchema(base);
	if (event.params.id === undefined) return scimAnswer(toDiscoveryList([schema]));
	if (event.params.id !== schema.id) throw new ScimError(404, `Panelist has one schema: ${schema.id}`);
	return scimAnswer(schema);
});
