import { serve } from '#lib/server/web/api/endpoint.ts';
import { createOpeningEndpoint, listOpeningsEndpoint } from '#lib/server/web/api/v1/openings.ts';

export const GET = serve(listOpeningsEndpoint);
export const POST = serve(createOpeningEndpoint);
