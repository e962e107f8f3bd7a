import { serve } from '$lib/server/api/endpoint';
import { createLoopEndpoint } from '$lib/server/api/v1';

export const POST = serve(createLoopEndpoint);
