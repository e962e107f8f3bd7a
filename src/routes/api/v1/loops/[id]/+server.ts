import { serve } from '#lib/server/web/api/endpoint.ts';
import { getLoopEndpoint } from '#lib/server/web/api/v1/loops.ts';

export const GET = serve(getLoopEndpoint);
