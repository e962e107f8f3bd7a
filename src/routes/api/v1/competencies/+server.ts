import { serve } from '#lib/server/api/endpoint.ts';
import { createCompetencyEndpoint, listCompetenciesEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(listCompetenciesEndpoint);
export const POST = serve(createCompetencyEndpoint);
