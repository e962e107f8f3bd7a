import { serve } from '#lib/server/web/api/endpoint.ts';
import { getOpeningEndpoint } from '#lib/server/web/api/v1/index.ts';

export const GET = serve(getOpeningEndpoint);
