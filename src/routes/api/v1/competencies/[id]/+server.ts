import { serve } from '#lib/server/web/api/endpoint.ts';
import { getCompetencyEndpoint, updateCompetencyEndpoint } from '#lib/server/web/api/v1/competencies.ts';

export const GET = serve(getCompetencyEndpoint);
export const PATCH = serve(updateCompetencyEndpoint);
