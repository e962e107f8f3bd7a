import { serve } from '$lib/server/api/endpoint';
import { getCandidateEndpoint } from '$lib/server/api/v1';

export const GET = serve(getCandidateEndpoint);
