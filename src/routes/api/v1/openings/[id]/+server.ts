import { serve } from '#lib/server/api/endpoint.ts';
import { getOpeningEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(getOpeningEndpoint);
