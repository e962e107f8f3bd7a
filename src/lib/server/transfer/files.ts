import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';

// Export files on disk, read and written as streams: gzip when the name ends in `.gz`.

const isGzip = (file: string) => file.toLowerCase().endsWith('.gz');

/** The file's text in pieces of about a megabyte, and how many of its bytes are read so far. */
export function readTextFile(file: string): { chunks: AsyncIterable<string>; bytesRead: () => number } {
	const raw = fs.createReadStream(file, { highWaterMark: 1 << 20 });
	const text = isGzip(file) ? raw.pipe(zlib.createGunzip()) : raw;
	// Forwarded, so a damaged gzip file fails the read like any other bad input.
	if (text !== raw) raw.on('error', (error) => text.destroy(error));
	text.setEncoding('utf8');
	return { chunks: text as AsyncIterable<string>, bytesRead: () => raw.bytesRead };
}

export interface TextOutput {
	write(chunk: string): Promise<void>;
	/** Finishes the file; it is complete on disk when this resolves. */
	close(): Promise<void>;
	/** Stops writing and removes what was written. */
	discard(): Promise<void>;
}

/** A new file (an existing one is never overwritten), gzipped when its name ends in `.gz`. */
export function createTextFile(file: string): TextOutput {
	let fd: number;
	try {
		fd = fs.openSync(file, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST')
			throw new Error(`${file} already exists; choose a new file name`, { cause: error });
		throw error;
	}
	const out = fs.createWriteStream(file, { fd, highWaterMark: 1 << 20 });
	const gzip = isGzip(file) ? zlib.createGzip() : null;
	gzip?.pipe(out);
	const head = gzip ?? out;
	let failure: Error | null = null;
	for (const stream of [out, gzip]) stream?.on('error', (error: Error) => (failure ??= error));
	return {
		async write(chunk) {
			if (failure) throw failure;
			if (!head.write(chunk)) await once(head, 'drain');
			if (failure) throw failure;
		},
		async close() {
			head.end();
			await finished(out);
			if (failure) throw failure;
			// The data is on disk before the command says it is done.
			const sync = fs.openSync(file, 'r');
			try {
				fs.fsyncSync(sync);
			} finally {
				fs.closeSync(sync);
			}
		},
		async discard() {
			head.destroy();
			out.destroy();
			await finished(out).catch(() => undefined);
			fs.rmSync(file, { force: true });
		}
	};
}
