import { serve } from '#lib/server/web/api/endpoint.ts';
import { createCompetencyEndpoint, listCompetenciesEndpoint } from '#lib/server/web/api/v1/competencies.ts';

export const GET = serve(listCompetenciesEndpoint);
export const POST = serve(createCompetencyEndpoint);
