import { serve } from '$lib/server/api/endpoint';
import { getScorecardEndpoint, saveScorecardEndpoint } from '$lib/server/api/v1';

export const GET = serve(getScorecardEndpoint);
export const PUT = serve(saveScorecardEndpoint);
