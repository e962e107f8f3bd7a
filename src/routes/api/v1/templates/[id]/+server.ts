import { serve } from '$lib/server/api/endpoint';
import { getTemplateEndpoint } from '$lib/server/api/v1';

export const GET = serve(getTemplateEndpoint);
