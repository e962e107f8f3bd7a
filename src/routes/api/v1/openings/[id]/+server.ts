import { serve } from '$lib/server/api/endpoint';
import { getOpeningEndpoint } from '$lib/server/api/v1';

export const GET = serve(getOpeningEndpoint);
