import { serve } from '$lib/server/api/endpoint';
import { calibrationEndpoint } from '$lib/server/api/v1';

export const GET = serve(calibrationEndpoint);
