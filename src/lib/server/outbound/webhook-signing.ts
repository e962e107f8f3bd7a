import { createHmac, randomBytes } from 'node:crypto';

// The Standard Webhooks scheme (standardwebhooks.com): a message id, the attempt's time in
// seconds, and `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the secret's
// bytes. Several signatures, space-separated, while a rotated-out secret is still honoured.

const secretPrefix = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
	return secretPrefix + randomBytes(32).toString('base64');
}

/** A new message id: the webhook-id header, kept across every attempt of one message. */
export function generateWebhookMessageId(): string {
	return 'msg_' + randomBytes(16).toString('hex');
}

function sign(secret: string, content: string): string {
	const key = Buffer.from(secret.slice(secretPrefix.length), 'base64');
	return 'v1,' + createHmac('sha256', key).update(content, 'utf8').digest('base64');
}

export interface SignedHeaders {
	'webhook-id': string;
	'webhook-timestamp': string;
	'webhook-signature': string;
}

/** The three headers for sending `body` as message `id` at `now`, signed with each secret. */
export function signWebhook(id: string, body: string, secrets: string[], now: number): SignedHeaders {
	const timestamp = String(Math.floor(now / 1000));
	const content = `${id}.${timestamp}.${body}`;
	return {
		'webhook-id': id,
		'webhook-timestamp': timestamp,
		'webhook-signature': secrets.map((secret) => sign(secret, content)).join(' ')
	};
}
