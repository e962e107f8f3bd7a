import { defaultDatabasePath, openDatabase, type DB } from './db';
import { isPostgresUrl } from './engine/postgres';
import { prepareDatabase } from './prepare-database';
import { RequestLimiter } from '../auth/rate-limit';
import { SharedRequestLimiter, type RequestCounter } from '../auth/shared-rate-limit';
import { sessionPolicyFromEnv, type SessionPolicy } from '../auth/session';
import { defaultResumeMaxBytes } from '../../domain/resume';
import { resumeMaxBytesFromEnv, resumeStoreFromEnv, type ResumeStore } from '../hiring/resume-store';
import { startJobWorker, type JobWorker } from '../jobs/worker';
import { configureMail, mailSettingsFromEnv } from '../mail/mail-settings';
import { configureSso } from '../auth/single-sign-on';
import { ssoSettingsFromEnv } from '../../domain/single-sign-on';

// What the running server shares across requests: its database and its settings.

let appDb: DB | undefined;
let policy: SessionPolicy | undefined;
let apiLimiter: RequestCounter | null | undefined;
let resumes: { store: ResumeStore; maxBytes: number } | undefined;
let worker: JobWorker | undefined;

export function databasePath(env: Record<string, string | undefined> = process.env): string {
	return env.DATABASE_PATH || defaultDatabasePath;
}

/**
 * Where the app's database is: DATABASE_URL (postgres://…) for PostgreSQL, else the SQLite
 * file at DATABASE_PATH.
 */
export function databaseLocation(env: Record<string, string | undefined> = process.env): string {
	const url = env.DATABASE_URL;
	if (!url) return databasePath(env);
	if (!isPostgresUrl(url))
		throw new Error(`DATABASE_URL must be a postgres:// URL, not "${url.split(':')[0]}:…"`);
	return url;
}

export function getDb(): DB {
	appDb ??= openDatabase(databaseLocation());
	return appDb;
}

export function sessionPolicy(): SessionPolicy {
	policy ??= sessionPolicyFromEnv(process.env);
	return policy;
}

/**
 * Requests a minute per API token (API_RATE_LIMIT, default 600; 0 turns the limit off): in
 * memory on SQLite (one process), in the database on PostgreSQL (shared by the instances).
 */
export function apiRateLimiter(env: Record<string, string | undefined> = process.env): RequestCounter | null {
	if (apiLimiter !== undefined) return apiLimiter;
	const raw = env.API_RATE_LIMIT ?? '600';
	const perMinute = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(perMinute)) {
		throw new Error(`API_RATE_LIMIT must be a whole number of requests a minute, not "${raw}"`);
	}
	if (perMinute === 0) apiLimiter = null;
	else if (isPostgresUrl(databaseLocation(env))) apiLimiter = new SharedRequestLimiter(getDb(), perMinute);
	else apiLimiter = new RequestLimiter(perMinute);
	return apiLimiter;
}

/** Where résumés are kept (RESUME_DIR, else the database) and the largest accepted (RESUME_MAX_BYTES). */
export function resumeSettings(): { store: ResumeStore; maxBytes: number } {
	resumes ??= {
		store: resumeStoreFromEnv(process.env),
		maxBytes: resumeMaxBytesFromEnv(process.env, defaultResumeMaxBytes)
	};
	return resumes;
}

/** Opens and prepares the database, and reads settings, so bad ones stop start-up at once. */
export async function startApp(): Promise<string[]> {
	sessionPolicy();
	apiRateLimiter();
	resumeSettings();
	jobLeaseMs();
	configureMail(mailSettingsFromEnv(process.env));
	configureSso(ssoSettingsFromEnv(process.env));
	return prepareDatabase(getDb());
}

/** How long a claimed job is its worker's (JOB_LEASE_SECONDS, default 120; decision 020). */
export function jobLeaseMs(env: Record<string, string | undefined> = process.env): number {
	const raw = env.JOB_LEASE_SECONDS ?? '120';
	const seconds = Number(raw);
	if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 86_400) {
		throw new Error(`JOB_LEASE_SECONDS must be a whole number of seconds from 1 to 86400, not "${raw}"`);
	}
	return seconds * 1000;
}

/** Starts the server's job worker, once the database is prepared (startApp). */
export function startWorker(): void {
	worker ??= startJobWorker(getDb(), { leaseMs: jobLeaseMs() });
}

/** Lets the job in hand finish and claims nothing more: the server is stopping. */
export async function stopWorker(): Promise<void> {
	await worker?.stop();
	worker = undefined;
}
