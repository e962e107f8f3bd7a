import { serve } from '#lib/server/web/api/endpoint.ts';
import { getCandidateEndpoint } from '#lib/server/web/api/v1/candidates.ts';

export const GET = serve(getCandidateEndpoint);
