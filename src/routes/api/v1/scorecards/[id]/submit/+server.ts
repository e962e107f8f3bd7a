import { serve } from '#lib/server/web/api/endpoint.ts';
import { submitScorecardEndpoint } from '#lib/server/web/api/v1/scorecards.ts';

export const POST = serve(submitScorecardEndpoint);
