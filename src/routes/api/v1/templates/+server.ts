import { serve } from '#lib/server/api/endpoint.ts';
import { createTemplateEndpoint, listTemplatesEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(listTemplatesEndpoint);
export const POST = serve(createTemplateEndpoint);
