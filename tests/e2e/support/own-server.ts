import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DB } from '../../../src/lib/server/platform/db';
import { prepareDatabase } from '../../../src/lib/server/platform/prepare-database';
import { startMailbox, type Mailbox } from '../../support/smtp-mailbox';
import { Seed } from '../../support/seed';
import { freePort, startServer, type ServerProcess } from './server-process';

// A server of its own, for a journey the shared e2e server cannot host (mail on, a policy that
// applies to everyone): a migrated database file the test seeds first, then the built server
// on it at a free port.

export interface OwnDatabase {
	file: string;
	db: DB;
	seed: Seed;
}

/** A new migrated database file, `panelist-<name>-*` in the temp folder, to seed before the server starts. */
export async function openOwnDatabase(name: string): Promise<OwnDatabase> {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `panelist-${name}-`)), 'panelist.db');
	const db = openDatabase(file);
	await prepareDatabase(db);
	return { file, db, seed: new Seed(db) };
}

export interface OwnServer {
	origin: string;
	server: ServerProcess;
	/** Stops the server (and its mailbox) and waits till it has ended. */
	stop(): Promise<void>;
}

/**
 * The built server on the file; its ORIGIN names localhost, the name the seeded session cookie
 * is for. A test that must tell others the address first (an SSO provider) picks the port itself.
 */
export async function startOwnServer(
	file: string,
	env: Record<string, string> = {},
	port?: number
): Promise<OwnServer> {
	port ??= await freePort();
	const origin = `http://localhost:${port}`;
	const server = await startServer(file, { PORT: String(port), ORIGIN: origin, ...env });
	return {
		origin,
		server,
		async stop() {
			server.child.kill('SIGTERM');
			await server.exited;
		}
	};
}

/** As startOwnServer, with mail on: it sends to a real SMTP mailbox started here. */
export async function startMailingServer(
	file: string,
	env: Record<string, string> = {}
): Promise<OwnServer & { mailbox: Mailbox }> {
	const mailbox = await startMailbox();
	const own = await startOwnServer(file, {
		SMTP_URL: mailbox.url,
		MAIL_FROM: 'Panelist <panelist@example.com>',
		...env
	}).catch(async (error: unknown) => {
		await mailbox.close();
		throw error;
	});
	return {
		...own,
		mailbox,
		async stop() {
			await own.stop();
			await mailbox.close();
		}
	};
}
