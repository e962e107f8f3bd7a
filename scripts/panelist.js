#!/usr/bin/env node
// The `panelist` command. The CLI is TypeScript that shares its feature modules with the
// server; tsx compiles it on the fly, so it needs no build step and is never stale.
import { refuseOldNode } from './node-version.js';

refuseOldNode();
const { register } = await import('tsx/esm/api');
register({ tsconfig: false });
await import('../src/cli/main.ts');
