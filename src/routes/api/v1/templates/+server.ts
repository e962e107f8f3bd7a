import { serve } from '#lib/server/web/api/endpoint.ts';
import { createTemplateEndpoint, listTemplatesEndpoint } from '#lib/server/web/api/v1/templates.ts';

export const GET = serve(listTemplatesEndpoint);
export const POST = serve(createTemplateEndpoint);
