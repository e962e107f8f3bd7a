import { serve } from '$lib/server/api/endpoint';
import { loopResultsEndpoint } from '$lib/server/api/v1';

export const GET = serve(loopResultsEndpoint);
