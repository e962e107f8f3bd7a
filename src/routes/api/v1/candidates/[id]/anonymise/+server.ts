import { serve } from '#lib/server/web/api/endpoint.ts';
import { anonymiseCandidateEndpoint } from '#lib/server/web/api/v1/candidates.ts';

export const POST = serve(anonymiseCandidateEndpoint);
