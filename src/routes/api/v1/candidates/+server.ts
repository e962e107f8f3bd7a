import { serve } from '#lib/server/api/endpoint.ts';
import { createCandidateEndpoint, listCandidatesEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(listCandidatesEndpoint);
export const POST = serve(createCandidateEndpoint);
