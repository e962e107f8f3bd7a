import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite } from './db';

/**
 * Copies the live database `source` to the new file `target`, while the server keeps saving,
 * and checks the copy before it takes the name `target`. Returns the copy's size in bytes.
 *
 * `VACUUM INTO` reads one snapshot in one read transaction, so commits by the server go on
 * beside it and do not disturb it. (SQLite's online backup API copies page by page and
 * starts again whenever another connection writes: with autosaves every few seconds per
 * interview it never finished on a database of a few hundred MB.)
 */
export function backUpDatabase(source: string, target: string): number {
	if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
	const folder = path.dirname(path.resolve(target));
	if (!fs.existsSync(folder)) throw new Error(`no folder ${folder}; create it first`);
	// Beside the target, so publishing it is a link in the same folder, never a copy.
	const partial = path.join(folder, `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
	try {
		const sqlite = openSqlite(source);
		let tables: string;
		try {
			tables = tableNames(sqlite);
			sqlite.prepare('vacuum into ?').run(partial);
		} finally {
			sqlite.close();
		}
		checkCopy(partial, tables);
		// VACUUM INTO leaves the new file to the OS cache; a backup is worth having only on disk.
		syncToDisk(partial);
		publish(partial, target);
		syncToDisk(folder);
		return fs.statSync(target).size;
	} finally {
		fs.rmSync(partial, { force: true });
	}
}

function tableNames(sqlite: SQLite.Database): string {
	return JSON.stringify(
		sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all()
	);
}

/** Throws unless the copy passes SQLite's integrity check and has the database's tables. */
function checkCopy(copyFile: string, tables: string): void {
	const copy = new SQLite(copyFile, { readonly: true, fileMustExist: true });
	try {
		const problems = (copy.pragma('integrity_check') as { integrity_check: string }[])
			.map((row) => row.integrity_check)
			.filter((result) => result !== 'ok');
		if (problems.length) throw new Error(`the copy failed its integrity check: ${problems.join('; ')}`);
		if (tableNames(copy) !== tables) throw new Error('the copy does not have the tables the database has');
	} finally {
		copy.close();
	}
}

/** Gives the finished copy its name, refusing (as at the start) to replace a file there. */
function publish(partial: string, target: string): void {
	try {
		fs.linkSync(partial, target);
		return;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// An existing target is refused below; a file system without hard links gets a rename.
		if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
	}
	if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
	fs.renameSync(partial, target);
}

function syncToDisk(file: string): void {
	// Windows cannot open a folder to sync it.
	if (process.platform === 'win32' && fs.statSync(file).isDirectory()) return;
	const fd = fs.openSync(file, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}
