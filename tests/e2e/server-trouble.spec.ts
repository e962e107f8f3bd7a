import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { openDatabase, type DB } from '../../src/lib/server/platform/db';
import { prepareDatabase } from '../../src/lib/server/platform/prepare-database';
import { tokenFor } from './support/api';
import { answerOf, autosaveAddress, doors } from './support/doors';
import { Seed, type SeededUser } from './support/fixtures';
import { freePort } from './support/server-process';

// A server of its own, started by hand on its own database, so a test can put that database
// in trouble (support/sqlite-switch.js) without troubling the tests that share the e2e server:
// a full disk, a write failing for a reason nobody expected, a client going away mid-upload.

test.describe.configure({ mode: 'serial' });

let server: ChildProcess;
let output = '';
let baseURL = '';
let db: DB;
let seed: Seed;
let dir = '';

/** Switches the server's database into trouble and back; resolves once it is done. */
function turn(to: 'full' | 'space' | 'readonly' | 'writable'): Promise<void> {
	return new Promise((resolve) => {
		server.once('message', (reply) => {
			expect(reply).toBe(`done ${to}`);
			resolve();
		});
		server.send(to);
	});
}

test.beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panelist-trouble-'));
	const file = path.join(dir, 'app.db');
	db = openDatabase(file);
	await prepareDatabase(db);
	seed = new Seed(db);
	await seed.user('admin');
	const port = await freePort();
	baseURL = `http://localhost:${port}`;
	const preload = pathToFileURL(path.resolve('tests/e2e/support/sqlite-switch.js')).href;
	server = spawn(process.execPath, ['--import', preload, 'scripts/server.js'], {
		env: { ...process.env, DATABASE_PATH: file, PORT: String(port), HOST: '::', ORIGIN: baseURL },
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	server.stdout!.on('data', (data) => (output += data));
	server.stderr!.on('data', (data) => (output += data));
	await expect.poll(() => output, { timeout: 30_000 }).toContain('Listening on');
});

test.afterAll(async () => {
	server?.kill();
	await db?.destroy();
	fs.rmSync(dir, { recursive: true, force: true });
});

interface Kit {
	interviewer: SeededUser;
	token: string;
	ids: [number, number];
}

/** An interviewer with two scorecards, each saved once before the trouble starts. */
async function twoSavedScorecards(request: APIRequestContext): Promise<Kit> {
	const recruiter = await seed.user('recruiter');
	const interviewer = await seed.user('interviewer');
	const openingId = await seed.opening([recruiter]);
	const ids: number[] = [];
	for (let i = 0; i < 2; i++) {
		const candidate = await seed.candidate([openingId]);
		const loop = await seed.loop(recruiter, candidate.id, openingId, [
			{ round: 0, interviewerIds: [interviewer.id], scheduledAt: Date.now() + 3_600_000 }
		]);
		ids.push(loop.scorecards[0]!.id);
	}
	const kit = { interviewer, token: await tokenFor(seed, interviewer), ids: ids as [number, number] };
	for (const door of bothDoors(kit)) {
		const saved = await save(request, door, '"0"', 'Written before the trouble.');
		expect(saved.status()).toBe(200);
	}
	return kit;
}

/** The same save through the autosave's fast path and through SvelteKit, each on its own scorecard. */
function bothDoors({ token, ids }: Kit): { path: string; headers: Record<string, string> }[] {
	const headers = { authorization: `Bearer ${token}` };
	return doors.map((door, i) => ({ path: autosaveAddress(ids[i]!, door), headers }));
}

function save(
	request: APIRequestContext,
	door: ReturnType<typeof bothDoors>[number],
	version: string,
	summary: string
) {
	return request.put(`${baseURL}${door.path}`, {
		headers: {
			...door.headers,
			'content-type': 'application/json',
			'if-match': version,
			accept: 'text/html'
		},
		data: { recommendation: null, summary, ratings: [], notes: [] }
	});
}

const summaries = async (ids: number[]) =>
	(await db.selectFrom('scorecard').select(['version', 'content']).where('id', 'in', ids).execute()).map(
		(card) => ({ version: card.version, summary: JSON.parse(card.content).summary })
	);

const diskFullMessage =
	'The server’s disk is full, so this was not saved. Try again shortly; an admin has to free some space.';

test('a full disk answers 503 with Retry-After, keeps what was saved, and saving works again once there is space', async ({
	request,
	browser
}) => {
	const kit = await twoSavedScorecards(request);
	await turn('full');
	try {
		// Long enough that the database has to grow to hold it (a summary takes 10,000 characters).
		const long = 'Typed while the disk was full. '.repeat(320);
		const [throughFastPath, throughSvelteKit] = await Promise.all(
			bothDoors(kit).map(async (door) => answerOf(await save(request, door, '"1"', long)))
		);
		expect(throughFastPath).toMatchObject({
			status: 503,
			body: { error: diskFullMessage },
			headers: { 'retry-after': '10', 'cache-control': 'no-store' }
		});
		expect(throughSvelteKit).toEqual(throughFastPath);
		expect(await summaries(kit.ids)).toEqual([
			{ version: 1, summary: 'Written before the trouble.' },
			{ version: 1, summary: 'Written before the trouble.' }
		]);

		// Without JavaScript, Save draft posts the page's form: the message, and the text still there.
		const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
		await seed.signIn(context, kit.interviewer);
		const page = await context.newPage();
		await page.goto(`/interviews/${kit.ids[0]}`);
		await page.getByLabel('Summary of key takeaways').fill(long);
		const answered = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: 'Save draft' }).first().click();
		const posted = await answered;
		expect(posted.status()).toBe(503);
		expect(posted.headers()['retry-after']).toBe('10');
		// The page opens at the error summary, which says why in words.
		await expect(page.getByRole('alert')).toContainText(diskFullMessage);
		await expect(page.getByRole('alert')).toBeFocused();
		await expect(page.getByLabel('Summary of key takeaways')).toHaveValue(long);
		await context.close();
	} finally {
		await turn('space');
	}
	for (const door of bothDoors(kit)) {
		const saved = await save(request, door, '"1"', 'Saved once there was space again.');
		expect(saved.status()).toBe(200);
		expect(await saved.json()).toEqual({ version: 2 });
	}
	expect(await summaries(kit.ids)).toEqual([
		{ version: 2, summary: 'Saved once there was space again.' },
		{ version: 2, summary: 'Saved once there was space again.' }
	]);
	expect(output).toContain('The disk is full: writes are refused');
});

test('an error nobody expected is a JSON 500 with a reference that the log carries', async ({ request }) => {
	const kit = await twoSavedScorecards(request);
	await turn('readonly');
	try {
		for (const door of bothDoors(kit)) {
			const failed = await save(request, door, '"1"', 'Not written.');
			expect(failed.status()).toBe(500);
			expect(failed.headers()['content-type']).toMatch(/^application\/json/);
			const body = await failed.json();
			expect(body).toEqual({ error: 'Something went wrong on our side.', reference: expect.any(String) });
			expect(output).toContain(`Error ${body.reference}: SqliteError`);
		}
	} finally {
		await turn('writable');
	}
});

test('a client that goes away mid-upload leaves one quiet line in the log, not an error', async ({
	request
}) => {
	const kit = await twoSavedScorecards(request);
	const before = output.length;
	const { port } = new URL(baseURL);
	for (const door of bothDoors(kit)) {
		const socket = net.connect(Number(port), 'localhost');
		await new Promise((resolve) => socket.once('connect', resolve));
		const headers = Object.entries({
			...door.headers,
			host: `localhost:${port}`,
			'content-type': 'application/json',
			'if-match': '"1"',
			'content-length': '1000'
		})
			.map(([name, value]) => `${name}: ${value}\r\n`)
			.join('');
		socket.write(`PUT ${door.path} HTTP/1.1\r\n${headers}\r\n{"summary": "Half a sen`);
		await new Promise((resolve) => setTimeout(resolve, 200));
		socket.destroy();
	}
	const cutOff = 'A request body was cut off: the client went away before sending all of it';
	await expect.poll(() => output.slice(before).split(cutOff).length - 1).toBe(2);
	expect(output.slice(before)).not.toMatch(/Error [0-9a-f]{8}/);
	expect(await summaries(kit.ids)).toEqual([
		{ version: 1, summary: 'Written before the trouble.' },
		{ version: 1, summary: 'Written before the trouble.' }
	]);
});
