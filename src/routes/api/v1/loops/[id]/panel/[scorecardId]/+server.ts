import { serve } from '#lib/server/api/endpoint.ts';
import { removePanelistEndpoint } from '#lib/server/api/v1/index.ts';

export const DELETE = serve(removePanelistEndpoint);
