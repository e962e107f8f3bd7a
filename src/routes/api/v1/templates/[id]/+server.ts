import { serve } from '#lib/server/web/api/endpoint.ts';
import { getTemplateEndpoint } from '#lib/server/web/api/v1/templates.ts';

export const GET = serve(getTemplateEndpoint);
