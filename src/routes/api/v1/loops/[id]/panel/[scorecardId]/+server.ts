import { serve } from '$lib/server/api/endpoint';
import { removePanelistEndpoint } from '$lib/server/api/v1';

export const DELETE = serve(removePanelistEndpoint);
