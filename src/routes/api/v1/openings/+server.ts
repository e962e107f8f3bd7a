import { serve } from '$lib/server/api/endpoint';
import { createOpeningEndpoint, listOpeningsEndpoint } from '$lib/server/api/v1';

export const GET = serve(listOpeningsEndpoint);
export const POST = serve(createOpeningEndpoint);
