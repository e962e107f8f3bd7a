import { serve } from '#lib/server/api/endpoint.ts';
import { createLoopEndpoint } from '#lib/server/api/v1/index.ts';

export const POST = serve(createLoopEndpoint);
