import { serve } from '#lib/server/api/endpoint.ts';
import { openingComparisonEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(openingComparisonEndpoint);
