import { serve } from '#lib/server/web/api/endpoint.ts';
import { deleteWebhookEndpoint } from '#lib/server/web/api/v1/webhooks.ts';

export const DELETE = serve(deleteWebhookEndpoint);
