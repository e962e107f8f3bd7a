import { serve } from '#lib/server/api/endpoint.ts';
import { getCompetencyEndpoint, updateCompetencyEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(getCompetencyEndpoint);
export const PATCH = serve(updateCompetencyEndpoint);
