import { serve } from '#lib/server/web/api/endpoint.ts';
import { candidateExportEndpoint } from '#lib/server/web/api/v1/subject-access.ts';

export const GET = serve(candidateExportEndpoint);
