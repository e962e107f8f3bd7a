import { serve } from '#lib/server/web/api/endpoint.ts';
import { createCandidateEndpoint, listCandidatesEndpoint } from '#lib/server/web/api/v1/candidates.ts';

export const GET = serve(listCandidatesEndpoint);
export const POST = serve(createCandidateEndpoint);
