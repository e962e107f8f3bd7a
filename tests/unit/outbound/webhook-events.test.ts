import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { hour } from '../../../src/lib/domain/time';
import { webhookEventTypes } from '../../../src/lib/domain/webhooks';
import { recordDecision } from '../../../src/lib/server/evaluation/debriefs';
import { cancelLoop } from '../../../src/lib/server/hiring/panel';
import { runDueJobs } from '../../../src/lib/server/jobs/run-jobs';
import { deliverWebhookMessage } from '../../../src/lib/server/outbound/webhook-delivery';
import { createWebhook, listWebhookDeliveries } from '../../../src/lib/server/outbound/webhooks';
import type { DB } from '../../../src/lib/server/platform/db';
import { freshDb } from '../helpers/db';
import { newCandidate, newLoop, newUser, submitAs } from '../../support/seed';
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

const jobsOf = (db: DB) =>
	db
		.selectFrom('job')
		.select(['kind', 'key', 'state', 'attempts'])
		.where('kind', '=', 'webhook.deliver')
		.execute();

describe('events become webhook deliveries through the job queue', () => {
	it('queues one job per wanting endpoint with the change; the worker posts it signed, the job key as webhook-id', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver();
		const wants = await createWebhook(db, admin, { url: hooks.url, events: ['scorecard.submitted'] });
		await createWebhook(db, admin, { url: 'https://elsewhere.example/h', events: ['loop.decided'] });
		const { loopId, scorecards, panel, candidateId, openingId } = await newLoop(db, { size: 2 });
		await submitAs(db, panel[0]!, scorecards[0]!.id, { summary: 'Private words about Ada', rating: 4 });

		const [job, ...others] = await jobsOf(db);
		expect(others).toEqual([]);
		expect(job).toMatchObject({ state: 'queued' });
		expect(await runDueJobs(db)).toBeGreaterThanOrEqual(1);
		const [got] = await hooks.waitFor(1);
		expect(got!.headers['webhook-id']).toBe(job!.key);
		expect(new Webhook(wants.secret).verify(got!.body, got!.headers)).toEqual({
			type: 'scorecard.submitted',
			timestamp: expect.any(String),
			data: {
				scorecardId: String(scorecards[0]!.id),
				loopId: String(loopId),
				roundId: String(scorecards[0]!.roundId),
				interviewerId: String(panel[0]!.id),
				candidateId: String(candidateId),
				openingId: String(openingId),
				status: 'submitted'
			}
		});
		expect(got!.body).not.toContain('Private words');
		expect((await jobsOf(db))[0]).toMatchObject({ state: 'done', attempts: 1 });
	});

	it('retries a failing receiver with the queue’s backoff, with the same webhook-id, until it answers 2xx', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver([503, 200]);
		const created = await createWebhook(db, admin, { url: hooks.url, events: ['candidate.created'] });
		await newCandidate(db);
		const now = Date.now();
		await runDueJobs(db, { now: () => now, random: () => 0 });
		expect((await jobsOf(db))[0]).toMatchObject({ state: 'queued', attempts: 1 });
		// Not due again at once: the backoff holds it.
		await runDueJobs(db, { now: () => now + 1000, random: () => 0 });
		expect(hooks.received).toHaveLength(1);

		await runDueJobs(db, { now: () => now + hour, random: () => 0 });
		const [first, second] = await hooks.waitFor(2);
		expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
		expect((await jobsOf(db))[0]).toMatchObject({ state: 'done', attempts: 2 });
		const log = await listWebhookDeliveries(db, admin, created.id);
		expect(log.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
			[2, 'succeeded', 200],
			[1, 'failed', 503]
		]);
	});

	it('does not post again when a job is run anew after its message was confirmed (a crash before the job ended)', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		const hooks = await receiver();
		await createWebhook(db, admin, { url: hooks.url, events: ['candidate.created'] });
		await newCandidate(db);
		const [job] = await jobsOf(db);
		// The receiver confirmed, and then the process died before the job was marked done.
		await deliverWebhookMessage(db, job!.key);
		await runDueJobs(db);
		expect(hooks.received).toHaveLength(1);
		expect((await jobsOf(db))[0]).toMatchObject({ state: 'done' });
	});
});

describe('what webhooks carry', () => {
	it('ids and states for every event, never ratings, notes, summaries, recommendations or the decision', async () => {
		const db = freshDb();
		const admin = await newUser(db, { role: 'admin' });
		await createWebhook(db, admin, { url: 'https://ats.example/h', events: [...webhookEventTypes] });
		const { recruiter, loopId, scorecards, panel, candidateId, openingId } = await newLoop(db, { size: 2 });
		for (const [i, seat] of scorecards.entries()) {
			await submitAs(db, panel[i]!, seat.id, {
				summary: `Summary words ${i}`,
				rating: 1,
				recommendation: 1
			});
		}
		await recordDecision(db, recruiter, loopId, {
			outcome: 'no_hire',
			rationale: 'Rationale words',
			dissent: 'Dissent words',
			attendeeIds: [recruiter.id],
			changeReason: ''
		});
		const other = await newLoop(db, { size: 1 });
		await cancelLoop(db, other.recruiter, other.loopId, 'Withdrew');

		const messages = await db
			.selectFrom('webhookMessage')
			.select(['eventType', 'body'])
			.orderBy('createdAt')
			.execute();
		const bodies = messages.map((m) => JSON.parse(m.body) as { type: string; data: Record<string, unknown> });
		const byType = (type: string) => bodies.filter((b) => b.type === type).map((b) => b.data);
		const ids = { loopId: String(loopId), openingId: String(openingId), candidateId: String(candidateId) };
		expect(byType('loop.ready_for_debrief')).toEqual([{ ...ids, status: 'ready_for_debrief' }]);
		expect(byType('loop.decided')).toEqual([{ ...ids, status: 'decided', decisionChanged: false }]);
		expect(byType('loop.cancelled')).toEqual([
			{
				loopId: String(other.loopId),
				openingId: String(other.openingId),
				candidateId: String(other.candidateId),
				status: 'cancelled'
			}
		]);
		expect(byType('scorecard.submitted')).toHaveLength(2);
		expect(byType('candidate.created').length).toBeGreaterThanOrEqual(2);
		const all = messages.map((m) => m.body).join('\n');
		for (const secret of [
			'words',
			'no_hire',
			'rating',
			'recommendation',
			'summary',
			'evidence',
			'rationale',
			'dissent'
		]) {
			expect(all).not.toContain(secret);
		}
	});
});
