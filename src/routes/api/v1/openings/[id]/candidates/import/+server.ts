import { serve } from '#lib/server/web/api/endpoint.ts';
import { importCandidatesEndpoint } from '#lib/server/web/api/v1/candidates.ts';

export const POST = serve(importCandidatesEndpoint);
