import { serve } from '#lib/server/web/api/endpoint.ts';
import { removePanelistEndpoint } from '#lib/server/web/api/v1/loops.ts';

export const DELETE = serve(removePanelistEndpoint);
