import { serve } from '$lib/server/api/endpoint';
import { recordDecisionEndpoint } from '$lib/server/api/v1';

export const POST = serve(recordDecisionEndpoint);
