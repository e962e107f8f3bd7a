import { serve } from '#lib/server/web/api/endpoint.ts';
import { userTrainingEndpoint } from '#lib/server/web/api/v1/training.ts';

export const GET = serve(userTrainingEndpoint);
