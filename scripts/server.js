#!/usr/bin/env node
// `npm start`: checks the Node.js version before anything an older Node cannot load, then runs
// the server that `npm run build` built from src/server.ts (decisions 014 and 017).
import fs from 'node:fs';
import process from 'node:process';
import { refuseOldNode } from './node-version.js';

refuseOldNode();
const entry = new URL('../build/server/panelist-server.js', import.meta.url);
if (!fs.existsSync(entry)) {
	console.error('There is no server to start in build/: build it with `npm run build`.');
	process.exit(1);
}
await import(entry.href);
