import { z } from 'zod';
import { newPasswordSchema } from '../lib/domain/account-schemas';
import { issuesToFieldErrors } from '../lib/domain/validation';
import { generateSecureRandomString } from '../lib/server/auth/secret-token';
import { databaseLocation, databasePath } from '../lib/server/platform/runtime';
import { openDatabase, type DB } from '../lib/server/platform/db';
import { isPostgresUrl } from '../lib/server/platform/engine/postgres';
import { prepareDatabase } from '../lib/server/platform/prepare-database';
import { InputError } from '../lib/server/platform/errors';

// What every CLI command shares: its shape, its database, and how bad input is told.

export class UsageError extends Error {}

export type Options = Record<string, { type: 'string' | 'boolean' }>;

export interface Command {
	options: Options;
	positionals: number;
	/** Positionals that may be left out, after the required ones. */
	optionalPositionals?: number;
	run: (values: Record<string, string | undefined>, positionals: string[]) => Promise<void>;
}

/** The database named for people: a SQLite path, or a PostgreSQL URL without its password. */
export function databaseName(): string {
	const location = databaseLocation();
	if (!isPostgresUrl(location)) return location;
	const url = new URL(location);
	url.password = '';
	return url.toString();
}

/** The SQLite file; on PostgreSQL the command refuses, saying what to use instead. */
export function sqliteFileFor(command: string, onPostgres: string): string {
	if (isPostgresUrl(databaseLocation())) throw new Error(`${command} works on SQLite only. ${onPostgres}`);
	return databasePath();
}

/** Parses CLI input with a domain schema; a bad value is a usage error naming the option. */
export function parseOptions<S extends z.ZodObject>(schema: S, values: Record<string, unknown>): z.output<S> {
	const result = schema.safeParse(values);
	if (result.success) return result.data;
	const [field, message] = Object.entries(issuesToFieldErrors(result.error.issues))[0]!;
	throw new UsageError(`--${field}: ${message}`);
}

export async function withDatabase<T>(run: (db: DB) => Promise<T>): Promise<T> {
	const db = openDatabase(databaseLocation());
	try {
		await prepareDatabase(db);
		return await run(db);
	} finally {
		await db.destroy();
	}
}

/** The password from --password, else stdin; a terminal gets a generated one, printed once. */
export async function passwordFrom(
	option: string | undefined
): Promise<{ password: string; generated: boolean }> {
	if (option !== undefined) return { password: option, generated: false };
	if (process.stdin.isTTY) return { password: generateSecureRandomString(), generated: true };
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	const password = Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
	return { password, generated: false };
}

export function checkPassword(password: string): void {
	const result = newPasswordSchema.safeParse(password);
	if (!result.success) throw new UsageError(`password: ${result.error.issues[0]!.message}`);
}

/** Feature errors about a field read better as one line naming it. */
export function explainInputError(error: unknown): never {
	if (error instanceof InputError) {
		const [field, message] = Object.entries(error.fieldErrors)[0]!;
		throw new Error(field === 'form' ? message : `${field}: ${message}`);
	}
	throw error;
}
