import type { Generated } from 'kysely';
import type { MailMode } from '../../domain/notice-digest';

// The tables of the job queue and of what it sends (schema.ts; migrations 011 and 015; decisions 020 and 021).

export const jobStates = ['queued', 'running', 'done', 'dead'] as const;
export type JobState = (typeof jobStates)[number];

export interface JobTable {
	id: Generated<number>;
	kind: string;
	/** JSON: ids and states only, never feedback (the handler reads what it needs, with access checks). */
	payload: string;
	/** Unique: enqueueing the same key twice keeps the first job. */
	key: string;
	state: JobState;
	/** Epoch ms: when a queued job falls due. */
	runAt: number;
	/** Runs begun, counted when claimed, so a run cut short by a crash counts too. */
	attempts: Generated<number>;
	lastError: string | null;
	/** The worker holding the lease while running, and when the lease ends. */
	lockedBy: string | null;
	lockedUntil: number | null;
	createdAt: number;
	updatedAt: number;
	finishedAt: number | null;
}

/** Delivery confirmed for a job's idempotency key; a rerun of the key delivers nothing. */
export interface JobDeliveryTable {
	key: string;
	jobId: number;
	detail: string | null;
	deliveredAt: number;
}

/** A password reset link's token (id.secret, only the secret's hash kept; auth/password-reset.ts). */
export interface PasswordResetTable {
	id: string;
	secretHash: Uint8Array;
	userId: number;
	createdAt: number;
	expiresAt: number;
	usedAt: number | null;
}

/** An opening's reminder settings (migration 021, decision 027); no row means the defaults. */
export interface OpeningReminderSettingTable {
	openingId: number;
	/** 0 or 1. */
	enabled: number;
	firstReminderMinutes: number;
	escalationHours: number;
	updatedAt: number;
}

/** When a person's notices arrive (decision 027); no row means the server's zone at 09:00. */
export interface UserNoticeSettingTable {
	userId: number;
	timeZone: string;
	/** Minutes after local midnight. */
	sendMinutes: number;
	/** Non-urgent notices by mail at once, or in a daily digest (migration 022). */
	mailMode: Generated<MailMode>;
	/** The local day (YYYY-MM-DD, in their zone then) of the last digest sent. */
	lastDigestOn: string | null;
	updatedAt: number;
}

export const noticeKinds = ['reminder', 'escalation', 'ready_for_debrief', 'invitation'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** An in-app notice: what a mail says, in one line, with its link (decision 027). */
export interface NoticeTable {
	id: Generated<number>;
	userId: number;
	kind: NoticeKind;
	title: string;
	/** A path in the app, e.g. /interviews/12. */
	href: string;
	/** Unique: the same notice is stored once, however often its cause is looked at. */
	key: string;
	createdAt: number;
	readAt: number | null;
	/** 1 while it waits for its person's daily digest mail, else 0. */
	digestPending: Generated<number>;
}
