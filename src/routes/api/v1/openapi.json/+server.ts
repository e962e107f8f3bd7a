import { serve } from '#lib/server/web/api/endpoint.ts';
import { openApiEndpoint } from '#lib/server/web/api/v1/index.ts';

export const GET = serve(openApiEndpoint);
