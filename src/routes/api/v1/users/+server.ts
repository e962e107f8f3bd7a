import { serve } from '$lib/server/api/endpoint';
import { createUserEndpoint, listUsersEndpoint } from '$lib/server/api/v1';

export const GET = serve(listUsersEndpoint);
export const POST = serve(createUserEndpoint);
