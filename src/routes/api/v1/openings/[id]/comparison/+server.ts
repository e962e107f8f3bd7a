import { serve } from '$lib/server/api/endpoint';
import { openingComparisonEndpoint } from '$lib/server/api/v1';

export const GET = serve(openingComparisonEndpoint);
