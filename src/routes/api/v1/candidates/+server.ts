import { serve } from '$lib/server/api/endpoint';
import { createCandidateEndpoint, listCandidatesEndpoint } from '$lib/server/api/v1';

export const GET = serve(listCandidatesEndpoint);
export const POST = serve(createCandidateEndpoint);
