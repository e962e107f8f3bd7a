import { serve } from '#lib/server/web/api/endpoint.ts';
import { loopResultsEndpoint } from '#lib/server/web/api/v1/results.ts';

export const GET = serve(loopResultsEndpoint);
