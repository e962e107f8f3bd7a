import { z } from 'zod';

// What an integration can subscribe to, and how an endpoint is registered (decision 022).

export const webhookEventTypes = [
	'scorecard.submitted',
	'scorecard.amended',
	'loop.ready_for_debrief',
	'loop.decided',
	'loop.cancelled',
	'candidate.created'
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export const webhookEventLabels: Record<WebhookEventType, string> = {
	'scorecard.submitted': 'A scorecard is submitted',
	'scorecard.amended': 'A submitted scorecard is amended',
	'loop.ready_for_debrief': 'A loop’s whole panel has submitted',
	'loop.decided': 'A loop’s decision is recorded',
	'loop.cancelled': 'A loop is cancelled',
	'candidate.created': 'A candidate is added'
};

export const webhookUrlSchema = z
	.string({ error: 'Enter the endpoint’s URL' })
	.trim()
	.min(1, 'Enter the endpoint’s URL')
	.max(2000, 'Use at most 2000 characters')
	.refine((value) => {
		if (!URL.canParse(value)) return false;
		const { protocol, username, password } = new URL(value);
		return (protocol === 'http:' || protocol === 'https:') && !username && !password;
	}, 'Enter an http:// or https:// URL without a user name or password in it');

export const webhookEventsSchema = z
	.array(z.enum(webhookEventTypes, { error: `Choose events from: ${webhookEventTypes.join(', ')}` }), {
		error: 'Give the events as a list'
	})
	.min(1, 'Choose at least one event')
	.refine((events) => new Set(events).size === events.length, 'Name each event once');

export const newWebhookSchema = z.object({ url: webhookUrlSchema, events: webhookEventsSchema });
export type NewWebhook = z.output<typeof newWebhookSchema>;
