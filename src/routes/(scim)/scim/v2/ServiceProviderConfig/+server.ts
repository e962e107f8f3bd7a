import { serviceProviderConfig } from '#lib/domain/scim-discovery.ts';
import { handleScim, scimAnswer } from '#lib/server/web/scim.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = handleScim(async ({ base }) => scimAnswer(serviceProviderConfig(base)));
