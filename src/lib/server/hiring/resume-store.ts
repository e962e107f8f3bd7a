import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

// Where résumé bytes live: in the database (the default, so one backup holds everything) or
// in a folder named by RESUME_DIR (to keep large files out of the database). The row in
// candidate_resume is the same either way; only `content` or `storedName` is filled.

export interface StoredResume {
	content: Uint8Array | null;
	storedName: string | null;
}

export interface ResumeStore {
	/** Keeps the bytes; what it returns goes into the row. Called before the row is written. */
	put(bytes: Uint8Array): Promise<StoredResume>;
	/** The bytes of a stored résumé. */
	get(stored: StoredResume): Promise<Uint8Array>;
	/** Forgets a stored résumé once its row no longer names it. */
	drop(stored: StoredResume): Promise<void>;
}

export const databaseResumeStore: ResumeStore = {
	async put(bytes) {
		return { content: bytes, storedName: null };
	},
	async get(stored) {
		if (!stored.content) throw new Error('This résumé is kept in a folder, not in the database');
		return stored.content;
	},
	async drop() {}
};

/** Files named by a random id, never by anything a user typed. */
export function folderResumeStore(dir: string): ResumeStore {
	const fileOf = (stored: StoredResume) => {
		if (!stored.storedName) throw new Error('This résumé is kept in the database, not in a folder');
		return path.join(dir, path.basename(stored.storedName));
	};
	return {
		async put(bytes) {
			await fs.mkdir(dir, { recursive: true });
			const storedName = `${randomUUID()}.pdf`;
			await fs.writeFile(path.join(dir, storedName), bytes, { flag: 'wx' });
			return { content: null, storedName };
		},
		async get(stored) {
			return new Uint8Array(await fs.readFile(fileOf(stored)));
		},
		async drop(stored) {
			if (stored.storedName) await fs.rm(fileOf(stored), { force: true });
		}
	};
}

/** The store the settings name: RESUME_DIR for a folder, else the database. */
export function resumeStoreFromEnv(env: Record<string, string | undefined>): ResumeStore {
	return env.RESUME_DIR ? folderResumeStore(path.resolve(env.RESUME_DIR)) : databaseResumeStore;
}

/** RESUME_MAX_BYTES, or the default; a bad value stops start-up rather than refusing every upload. */
export function resumeMaxBytesFromEnv(env: Record<string, string | undefined>, fallback: number): number {
	const raw = env.RESUME_MAX_BYTES;
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1) {
		throw new Error(`RESUME_MAX_BYTES must be a whole number of bytes, not "${raw}"`);
	}
	return value;
}
