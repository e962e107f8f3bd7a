import { serve } from '$lib/server/api/endpoint';
import { openApiEndpoint } from '$lib/server/api/v1';

export const GET = serve(openApiEndpoint);
