import { serve } from '$lib/server/api/endpoint';
import { importCandidatesEndpoint } from '$lib/server/api/v1';

export const POST = serve(importCandidatesEndpoint);
