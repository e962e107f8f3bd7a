import { serve } from '$lib/server/api/endpoint';
import { createTemplateEndpoint, listTemplatesEndpoint } from '$lib/server/api/v1';

export const GET = serve(listTemplatesEndpoint);
export const POST = serve(createTemplateEndpoint);
