import { serve } from '$lib/server/api/endpoint';
import { createCompetencyEndpoint, listCompetenciesEndpoint } from '$lib/server/api/v1';

export const GET = serve(listCompetenciesEndpoint);
export const POST = serve(createCompetencyEndpoint);
