import { serve } from '$lib/server/api/endpoint';
import { getLoopEndpoint } from '$lib/server/api/v1';

export const GET = serve(getLoopEndpoint);
