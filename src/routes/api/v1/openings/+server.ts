import { serve } from '#lib/server/api/endpoint.ts';
import { createOpeningEndpoint, listOpeningsEndpoint } from '#lib/server/api/v1/index.ts';

export const GET = serve(listOpeningsEndpoint);
export const POST = serve(createOpeningEndpoint);
