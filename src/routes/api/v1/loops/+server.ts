import { serve } from '#lib/server/web/api/endpoint.ts';
import { createLoopEndpoint } from '#lib/server/web/api/v1/loops.ts';

export const POST = serve(createLoopEndpoint);
