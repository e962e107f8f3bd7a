import { serve } from '#lib/server/web/api/endpoint.ts';
import { getOpeningEndpoint } from '#lib/server/web/api/v1/openings.ts';

export const GET = serve(getOpeningEndpoint);
