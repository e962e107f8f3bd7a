import { ScimError } from '#lib/domain/scim.ts';
import { handleScim } from '#lib/server/web/scim.ts';
import type { RequestHandler } from './$types';

/** Groups, Bulk, /Me and the like: not offered, answered as SCIM (only Users is provisioned). */
export const fallback: RequestHandler = handleScim(async () => {
	throw new ScimError(404, 'Panelist offers Users, ServiceProviderConfig, ResourceTypes and Schemas');
});
