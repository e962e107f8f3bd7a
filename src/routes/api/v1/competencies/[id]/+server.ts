import { serve } from '$lib/server/api/endpoint';
import { getCompetencyEndpoint, updateCompetencyEndpoint } from '$lib/server/api/v1';

export const GET = serve(getCompetencyEndpoint);
export const PATCH = serve(updateCompetencyEndpoint);
