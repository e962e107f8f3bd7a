import { serve } from '#lib/server/api/endpoint.ts';
import { loopResultsEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(loopResultsEndpoint);
