import { serve } from '#lib/server/web/api/endpoint.ts';
import { createWebhookEndpoint, listWebhooksEndpoint } from '#lib/server/web/api/v1/webhooks.ts';

export const GET = serve(listWebhooksEndpoint);
export const POST = serve(createWebhookEndpoint);
