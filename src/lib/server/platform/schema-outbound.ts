import type { Generated } from 'kysely';

// The tables of webhooks and calendar feeds (schema.ts, decision 022).

export interface WebhookEndpointTable {
	id: Generated<number>;
	url: string;
	/** A JSON array of WebhookEventType. */
	events: string;
	/** `whsec_` + base64; kept as is because signing needs it. */
	secret: string;
	/** The secret before the last rotation, still signed with until previousSecretUntil. */
	previousSecret: string | null;
	previousSecretUntil: number | null;
	createdBy: number | null;
	createdAt: number;
	deletedAt: number | null;
}

export interface WebhookMessageTable {
	/** The webhook-id header (msg_…), the same on every attempt. */
	id: string;
	endpointId: number;
	eventType: string;
	/** The exact JSON sent, so every attempt signs the same bytes. */
	body: string;
	createdAt: number;
	/** When a receiver first answered 2xx; null until then. */
	deliveredAt: number | null;
}

export type WebhookDeliveryStatus = 'succeeded' | 'failed';

export interface WebhookDeliveryTable {
	id: Generated<number>;
	messageId: string;
	attempt: number;
	status: WebhookDeliveryStatus;
	/** Null when no answer came (refused, timed out). */
	responseCode: number | null;
	durationMs: number;
	error: string | null;
	/** 1 when an admin asked for it (Redeliver). */
	manual: Generated<number>;
	attemptedAt: number;
}

export interface CalendarFeedTable {
	userId: number;
	tokenId: string;
	secretHash: Uint8Array;
	createdAt: number;
}

/** A seat's last calendar invitation (calendar-invitations.ts). */
export interface CalendarInvitationTable {
	scorecardId: number;
	loopId: number;
	roundId: number;
	interviewerId: number;
	sequence: number;
	startsAt: number;
	endsAt: number;
	/** Set once a CANCEL is sent; a later assignment of the same seat sends a REQUEST again. */
	cancelledAt: number | null;
	updatedAt: number;
}
