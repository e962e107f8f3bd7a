import { serve } from '#lib/server/web/api/endpoint.ts';
import { listWebhookDeliveriesEndpoint } from '#lib/server/web/api/v1/webhooks.ts';

export const GET = serve(listWebhookDeliveriesEndpoint);
