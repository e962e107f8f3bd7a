import { serve } from '#lib/server/web/api/endpoint.ts';
import { createUserEndpoint, listUsersEndpoint } from '#lib/server/web/api/v1/users.ts';

export const GET = serve(listUsersEndpoint);
export const POST = serve(createUserEndpoint);
