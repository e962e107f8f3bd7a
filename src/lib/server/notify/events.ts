import { randomUUID } from 'node:crypto';
import type { DB } from '../platform/db';
import { builtInSubscribers } from './subscribers';

// Domain events (decision 020): feature functions say what happened, in the transaction that
// made it happen; subscribers turn that into jobs (mails, reminders, webhooks, invitations)
// in the same transaction, so the work exists exactly when the change does.
//
// An event carries ids and states, never feedback: a subscriber that needs more reads it as
// its receiver may see it, when its job runs.

export interface DomainEventData {
	'scorecard.submitted': { loopId: number; scorecardId: number; interviewerId: number; roundId: number };
	'scorecard.amended': {
		loopId: number;
		scorecardId: number;
		interviewerId: number;
		roundId: number;
		version: number;
	};
	/** The last scorecard of an undecided loop came in. */
	'loop.ready_for_debrief': { loopId: number; openingId: number };
	/** A decision was recorded or changed (`changed`); the outcome is feedback and stays out. */
	'loop.decided': { loopId: number; openingId: number; decisionId: number; changed: boolean };
	'loop.cancelled': { loopId: number; openingId: number };
	'candidate.created': { candidateId: number };
	/** A seat on a panel: one per interviewer and round, whether with a new loop or added later. */
	'panel.assigned': PanelSeat;
	'panel.rescheduled': PanelSeat & { previousScheduledAt: number };
	'panel.removed': PanelSeat;
}

export interface PanelSeat {
	loopId: number;
	scorecardId: number;
	interviewerId: number;
	roundId: number;
	scheduledAt: number;
}

export type DomainEventType = keyof DomainEventData;

export const domainEventTypes = [
	'scorecard.submitted',
	'scorecard.amended',
	'loop.ready_for_debrief',
	'loop.decided',
	'loop.cancelled',
	'candidate.created',
	'panel.assigned',
	'panel.rescheduled',
	'panel.removed'
] as const satisfies readonly DomainEventType[];

export type DomainEvent = {
	[T in DomainEventType]: {
		/** Unique per event: subscribers build their jobs' idempotency keys from it. */
		id: string;
		type: T;
		/** Epoch ms, the feature function's clock. */
		at: number;
		actorUserId: number | null;
		data: DomainEventData[T];
	};
}[DomainEventType];

export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

export interface Subscriber {
	/** The event types it wants; '*' for every one. */
	types: readonly DomainEventType[] | '*';
	/** Runs inside the change's transaction: queue jobs here, do no outside work. */
	handle: (trx: DB, event: DomainEvent) => Promise<void>;
}

const extraSubscribers = new Set<Subscriber>();

/** Adds a subscriber beside the built-in ones (subscribers.ts) until the returned function is called (tests). */
export function subscribe(subscriber: Subscriber): () => void {
	extraSubscribers.add(subscriber);
	return () => extraSubscribers.delete(subscriber);
}

/**
 * Records that something happened: hands the event to every subscriber of its type, in the
 * transaction `trx` of the change. Returns the event.
 */
export async function recordEvent<T extends DomainEventType>(
	trx: DB,
	type: T,
	data: DomainEventData[T],
	{ now = Date.now(), actorUserId = null }: { now?: number; actorUserId?: number | null } = {}
): Promise<EventOf<T>> {
	const event = { id: `evt_${randomUUID()}`, type, at: now, actorUserId, data } as EventOf<T>;
	for (const subscriber of [...builtInSubscribers, ...extraSubscribers]) {
		if (subscriber.types === '*' || subscriber.types.includes(type)) await subscriber.handle(trx, event);
	}
	return event;
}
