import { serve } from '#lib/server/web/api/endpoint.ts';
import { getScorecardEndpoint, saveScorecardEndpoint } from '#lib/server/web/api/v1/scorecards.ts';

export const GET = serve(getScorecardEndpoint);
export const PUT = serve(saveScorecardEndpoint);
