import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Starts the built server on loopback with its own database; resolves once it answers. */
export async function startServer(databasePath: string, port: number): Promise<ChildProcess> {
	const server = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			DATABASE_PATH: databasePath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			const response = await fetch(`http://127.0.0.1:${port}/login`, { redirect: 'manual' });
			if (response.status < 500) return server;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	server.kill();
	throw new Error('the server did not start');
}

export function tempDir(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const chromiumLaunchOptions = () => {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return fs.existsSync(executablePath)
		? {
				executablePath,
				args: [
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync'
				]
			}
		: {};
};
