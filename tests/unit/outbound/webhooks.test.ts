import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { listAuditEvents } from '../../../src/lib/server/platform/audit';
import { ForbiddenError, NotFoundError } from '../../../src/lib/server/platform/errors';
import {
	createWebhookMessages,
	deliverWebhookMessage,
	redeliverWebhookMessage
} from '../../../src/lib/server/outbound/webhook-delivery';
import { signWebhook } from '../../../src/lib/server/outbound/webhook-signing';
import {
	createWebhook,
	deleteWebhook,
	listWebhookDeliveries,
	listWebhooks,
	rotateWebhookSecret
} from '../../../src/lib/server/outbound/webhooks';
import { freshDb } from '../helpers/db';
import { newUser } from '../../support/seed';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver';

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(answers?: number[]) {
	const started = await startWebhookReceiver(answers);
	receivers.push(started);
	return started;
}

const submitted = (now: number) => ({
	type: 'scorecard.submitted' as const,
	data: { scorecardId: '7', loopId: '3', status: 'submitted' },
	occurredAt: now
});

/** Checks a delivery as a receiver would, with the standardwebhooks package (not our code). */
const verifiedBody = (secret: string, got: { headers: Record<string, string>; body: string }) =>
	new Webhook(secret).verify(got.body, got.headers);

describe('registering webhook endpoints', () => {
	it('is for admins only; the secret is whsec_ and base64, given once and never listed', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		const input = { url: 'https://ats.example.com/hooks', events: ['loop.decided' as const] };
		await expect(createWebhook(db, recruiter, input)).rejects.toThrow(ForbiddenError);
		await expect(listWebhooks(db, recruiter)).rejects.toThrow(ForbiddenError);

		const created = await createWebhook(db, admin, input);
		expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
		expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
		const listed = await listWebhooks(db, admin);
		expect(listed).toEqual([
			{ id: created.id, url: input.url, events: input.events, createdAt: created.createdAt, rotating: false }
		]);
		expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
		const audit = await listAuditEvents(db, 'webhook', created.id);
		expect(audit.map((e) => e.action)).toEqual(['webhook.created']);
		expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
	});

	it('deletes an endpoint: gone from the list, nothing more sent to it, a second delete is 404', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver();
		const created = await createWebhook(db, admin, { url: hooks.url, events: ['scorecard.submitted'] });
		const [messageId] = await createWebhookMessages(db, submitted(Date.now()));
		await deleteWebhook(db, admin, created.id);
		expect(await listWebhooks(db, admin)).toEqual([]);
		expect(await deliverWebhookMessage(db, messageId!)).toEqual({ sent: false });
		expect(hooks.received).toEqual([]);
		await expect(deleteWebhook(db, admin, created.id)).rejects.toThrow(NotFoundError);
		await expect(listWebhookDeliveries(db, admin, created.id)).rejects.toThrow(NotFoundError);
	});
});

describe('signing (Standard Webhooks)', () => {
	it('signs id.timestamp.body so an independent implementation accepts it, and rejects a changed body', () => {
		const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
		const now = Date.now();
		const headers = signWebhook('msg_1', '{"a":1}', [secret], now);
		expect(headers['webhook-timestamp']).toBe(String(Math.floor(now / 1000)));
		expect(new Webhook(secret).verify('{"a":1}', { ...headers })).toEqual({ a: 1 });
		expect(() => new Webhook(secret).verify('{"a":2}', { ...headers })).toThrow();
	});

	it('after a rotation signs with both secrets for a day, then with the new one only', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver();
		const created = await createWebhook(db, admin, { url: hooks.url, events: ['scorecard.submitted'] });
		const rotatedAt = Date.now();
		const secret = await rotateWebhookSecret(db, admin, created.id, rotatedAt);
		expect(secret).not.toBe(created.secret);
		expect((await listWebhooks(db, admin, rotatedAt))[0]!.rotating).toBe(true);

		const [during] = await createWebhookMessages(db, submitted(rotatedAt));
		await deliverWebhookMessage(db, during!, { now: rotatedAt });
		const [first] = await hooks.waitFor(1);
		expect(first!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
		expect(verifiedBody(created.secret, first!)).toMatchObject({ type: 'scorecard.submitted' });
		expect(verifiedBody(secret, first!)).toMatchObject({ type: 'scorecard.submitted' });

		// A day later the old secret no longer signs (the receiver's clock check is the package's own).
		const later = rotatedAt + 24 * hour + 1;
		expect((await listWebhooks(db, admin, later))[0]!.rotating).toBe(false);
		const [after] = await createWebhookMessages(db, submitted(later));
		await deliverWebhookMessage(db, after!, { now: later });
		const [, second] = await hooks.waitFor(2);
		expect(second!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
		expect(signWebhook(after!, second!.body, [secret], later)['webhook-signature']).toBe(
			second!.headers['webhook-signature']
		);
		expect((await listAuditEvents(db, 'webhook', created.id)).map((e) => e.action)).toContain(
			'webhook.secret_rotated'
		);
	});
});

describe('delivering', () => {
	it('writes a message only for endpoints that want the event, with the Standard Webhooks body', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const wants = await createWebhook(db, admin, {
			url: 'https://a.example/h',
			events: ['scorecard.submitted']
		});
		await createWebhook(db, admin, { url: 'https://b.example/h', events: ['loop.decided'] });
		const now = Date.UTC(2026, 10, 30, 18);
		const ids = await createWebhookMessages(db, submitted(now));
		expect(ids).toHaveLength(1);
		expect(ids[0]).toMatch(/^msg_[0-9a-f]{32}$/);
		const message = await db.selectFrom('webhookMessage').selectAll().executeTakeFirstOrThrow();
		expect(message.endpointId).toBe(wants.id);
		expect(JSON.parse(message.body)).toEqual({
			type: 'scorecard.submitted',
			timestamp: '2026-11-30T18:00:00.000Z',
			data: { scorecardId: '7', loopId: '3', status: 'submitted' }
		});
	});

	it('posts a signed message to a real receiver; a failure is logged and a retry carries the same webhook-id', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver([500, 200]);
		const created = await createWebhook(db, admin, { url: hooks.url, events: ['scorecard.submitted'] });
		const [messageId] = await createWebhookMessages(db, submitted(Date.now()));

		const first = await deliverWebhookMessage(db, messageId!);
		expect(first).toEqual({ sent: true, ok: false, responseCode: 500, error: 'Answered 500' });
		const second = await deliverWebhookMessage(db, messageId!);
		expect(second).toMatchObject({ sent: true, ok: true, responseCode: 200 });

		const [a, b] = await hooks.waitFor(2);
		expect(a!.headers['webhook-id']).toBe(messageId);
		expect(b!.headers['webhook-id']).toBe(messageId);
		expect(a!.headers['content-type']).toBe('application/json');
		expect(verifiedBody(created.secret, b!)).toEqual(JSON.parse(a!.body));

		const log = await listWebhookDeliveries(db, admin, created.id);
		expect(log.map((d) => [d.attempt, d.status, d.responseCode, d.manual])).toEqual([
			[2, 'succeeded', 200, false],
			[1, 'failed', 500, false]
		]);
		expect(log.every((d) => d.messageId === messageId && d.eventType === 'scorecard.submitted')).toBe(true);
		expect(log.every((d) => d.durationMs >= 0)).toBe(true);
	});

	it('logs a receiver that cannot be reached as failed, with no response code', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const gone = await receiver();
		await gone.close();
		receivers.pop();
		const created = await createWebhook(db, admin, { url: gone.url, events: ['candidate.created'] });
		const [messageId] = await createWebhookMessages(db, {
			type: 'candidate.created',
			data: { candidateId: '1' },
			occurredAt: Date.now()
		});
		expect(await deliverWebhookMessage(db, messageId!)).toMatchObject({
			sent: true,
			ok: false,
			responseCode: null
		});
		const [entry] = await listWebhookDeliveries(db, admin, created.id);
		expect(entry).toMatchObject({ status: 'failed', responseCode: null });
		expect(entry!.error).toMatch(/^No answer/);
	});

	it('redelivers by hand (admins only) with the same webhook-id and body, marked as manual and audited', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const recruiter = await newUser(db, { role: 'recruiter' });
		const hooks = await receiver();
		const created = await createWebhook(db, admin, { url: hooks.url, events: ['scorecard.submitted'] });
		const [messageId] = await createWebhookMessages(db, submitted(Date.now()));
		await deliverWebhookMessage(db, messageId!);

		await expect(redeliverWebhookMessage(db, recruiter, created.id, messageId!)).rejects.toThrow(
			ForbiddenError
		);
		await expect(redeliverWebhookMessage(db, admin, created.id + 1, messageId!)).rejects.toThrow(
			NotFoundError
		);
		expect(await redeliverWebhookMessage(db, admin, created.id, messageId!)).toMatchObject({
			ok: true,
			responseCode: 204
		});
		const [first, again] = await hooks.waitFor(2);
		expect(again!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
		expect(again!.body).toBe(first!.body);
		expect(verifiedBody(created.secret, again!)).toMatchObject({ type: 'scorecard.submitted' });
		const [latest] = await listWebhookDeliveries(db, admin, created.id);
		expect(latest).toMatchObject({ attempt: 2, manual: true, status: 'succeeded' });
		const audit = await listAuditEvents(db, 'webhook', created.id);
		expect(audit.at(-1)!.action).toBe('webhook.redelivered');
	});
});
