import { serve } from '$lib/server/api/endpoint';
import { submitScorecardEndpoint } from '$lib/server/api/v1';

export const POST = serve(submitScorecardEndpoint);
