import { serve } from '#lib/server/web/api/endpoint.ts';
import { recordDecisionEndpoint } from '#lib/server/web/api/v1/decisions.ts';

export const POST = serve(recordDecisionEndpoint);
