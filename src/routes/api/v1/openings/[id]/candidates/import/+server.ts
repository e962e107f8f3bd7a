import { serve } from '#lib/server/api/endpoint.ts';
import { importCandidatesEndpoint } from '#lib/server/api/v1/index.ts';

export const POST = serve(importCandidatesEndpoint);
