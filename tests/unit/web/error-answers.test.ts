import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseId } from '../../../src/lib/domain/ids';
import { maxPage, pageFromQuery } from '../../../src/lib/domain/paging';
import {
	errorResponse,
	HttpError,
	isJsonContentType,
	parseJsonText
} from '../../../src/lib/server/web/api/http';
import { baseVersion } from '../../../src/lib/server/web/api/v1/scorecards';
import { createDb, openSqlite } from '../../../src/lib/server/platform/db';
import { answerErrors, answerServerError } from '../../../src/lib/server/web/error-answers';
import { diskFull, isDiskFull } from '../../../src/lib/server/platform/errors';
import { formFailure } from '../../../src/lib/server/web/form-actions';
import { createLoop } from '../../../src/lib/server/hiring/loops';
import { saveScorecard } from '../../../src/lib/server/evaluation/scorecards';
import { getScorecard } from '../../../src/lib/server/evaluation/scorecard-reads';
import { freshDbPath } from '../helpers/db';
import { newCandidate, newOpening, newUser } from '../../support/seed';

type ServerErrorInput = Parameters<typeof answerServerError>[0];

function serverError(error: unknown): ServerErrorInput {
	return { kind: 'unknown', error, event: {} as ServerErrorInput['event'] };
}

const draft = (summary: string) => ({ recommendation: null, summary, freeNotes: '', ratings: [], notes: [] });

describe('a full disk', () => {
	it('refuses the write with SQLITE_FULL; the API and the pages answer 503, and earlier saves stay', async () => {
		const sqlite = openSqlite(freshDbPath());
		const db = createDb(sqlite);
		const recruiter = await newUser(db, { role: 'recruiter' });
		const priya = await newUser(db);
		const openingId = await newOpening(db, [recruiter]);
		const loop = await createLoop(db, recruiter, {
			candidateId: await newCandidate(db, [openingId]),
			openingId,
			panel: [{ round: 0, interviewerIds: [priya.id], scheduledAt: Date.now() }]
		});
		const cardId = loop.scorecards[0]!.id;
		await saveScorecard(db, priya, cardId, 0, draft('Saved before the disk filled.'));

		// The database may not grow past its size now, as when the disk has no room left.
		sqlite.exec('vacuum');
		sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
		const long = 'Typed while the disk was full. '.repeat(320);
		const error = await saveScorecard(db, priya, cardId, 1, draft(long)).catch((e: unknown) => e);
		expect(isDiskFull(error)).toBe(true);

		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const api = errorResponse(error);
		expect(api.status).toBe(503);
		expect(api.headers.get('retry-after')).toBe('10');
		expect(await api.json()).toEqual({ error: diskFull.message });
		expect(formFailure(error, { summary: long }, 'save')).toMatchObject({
			status: 503,
			data: { action: 'save', values: { summary: long }, errors: { form: diskFull.message } }
		});
		expect(await answerServerError(serverError(error))).toEqual({
			status: diskFull.status,
			message: diskFull.message
		});
		expect(log).toHaveBeenCalledTimes(1);
		log.mockRestore();

		const kept = await getScorecard(db, priya, cardId);
		expect(kept).toMatchObject({ version: 1, document: { summary: 'Saved before the disk filled.' } });
		sqlite.pragma('max_page_count = 1073741823');
		expect((await saveScorecard(db, priya, cardId, 1, draft(long))).version).toBe(2);
		await db.destroy();
	});
});

describe('the API’s answers', () => {
	it('an unexpected error is a JSON 500 with a reference that the log carries', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const bug = new TypeError('Cannot read properties of undefined');
		const answer = errorResponse(bug);
		expect(answer.status).toBe(500);
		const body = await answer.json();
		expect(body).toEqual({
			error: 'Something went wrong on our side.',
			reference: expect.stringMatching(/^[0-9a-f]{8}$/)
		});
		expect(log).toHaveBeenCalledWith(`Error ${body.reference}:`, bug);
		log.mockRestore();
	});

	it('a client gone mid-upload is one quiet line, not an error with a reference', async () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		expect(await answerServerError(serverError(aborted))).toEqual({
			message: 'The request was cut off before all of it arrived.'
		});
		expect(info).toHaveBeenCalledTimes(1);
		expect(error).not.toHaveBeenCalled();
		error.mockRestore();
		info.mockRestore();
	});

	it('JSON is application/json, with parameters or not, and a byte-order mark is ignored', () => {
		for (const type of [
			'application/json',
			'application/json; charset=utf-8',
			'Application/JSON;charset=UTF-8'
		])
			expect(isJsonContentType(type), type).toBe(true);
		for (const type of ['application/jsonx', 'application/json-patch+json', 'text/plain', '', undefined])
			expect(isJsonContentType(type), String(type)).toBe(false);
		expect(parseJsonText('\ufeff{"a":1}', z.object({ a: z.number() }))).toEqual({ a: 1 });
	});

	it('If-Match names one version in double quotes: missing is 428, anything else 400', () => {
		expect(baseVersion('"7"')).toBe(7);
		expect(baseVersion(' "0" ')).toBe(0);
		const statusOf = (value: string | null) => {
			try {
				baseVersion(value);
			} catch (error) {
				return (error as HttpError).status;
			}
		};
		expect(statusOf(null)).toBe(428);
		expect(statusOf('')).toBe(428);
		for (const malformed of ['W/"7"', '*', '"7", "8"', '7', '"7', '"-1"', '"1e3"']) {
			expect(statusOf(malformed), malformed).toBe(400);
		}
	});
});

describe('the hook that answers errors', () => {
	type HandleInput = Parameters<typeof answerErrors>[0];
	const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
	const run = (path: string, resolve: HandleInput['resolve'], method = 'GET') => {
		const event = {
			url: new URL(`http://localhost${path}`),
			request: new Request(`http://localhost${path}`, { method })
		};
		return answerErrors({ event: event as HandleInput['event'], resolve });
	};

	it('turns a page that failed on a full disk into a 503 with Retry-After', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const answer = await run('/interviews/4', async (event) => {
			// SvelteKit renders its error page with the status handleError gives.
			const shown = await answerServerError({ kind: 'unknown', error: full, event });
			const status = (shown && shown.status) || 500;
			return new Response('<p>error page</p>', { status, headers: { 'content-type': 'text/html' } });
		});
		expect(answer.status).toBe(503);
		expect(answer.headers.get('retry-after')).toBe('10');
		expect(await answer.text()).toBe('<p>error page</p>');
		log.mockRestore();
	});

	it('answers in JSON under /api what a hook throws and what SvelteKit says in plain text', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		const thrown = await run('/api/v1/loops', async () => {
			throw full;
		});
		expect(thrown.status).toBe(503);
		expect(await thrown.json()).toEqual({ error: diskFull.message });
		const plain = await run(
			'/api/v1/loops',
			async () => new Response('DELETE method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }),
			'DELETE'
		);
		expect(plain.status).toBe(405);
		expect(plain.headers.get('allow')).toBe('GET, HEAD');
		expect(await plain.json()).toEqual({ error: 'DELETE is not allowed here; this address takes GET, HEAD' });
		log.mockRestore();
	});
});

describe('numbers in addresses', () => {
	it('an id is digits without a leading zero; nothing else names a thing', () => {
		expect(parseId('42')).toBe(42);
		for (const raw of ['1e0', '0x1', ' 1', '1 ', '01', '+1', '1.0', '0', '-1', '', null, '99999999999999999'])
			expect(parseId(raw), String(raw)).toBeNull();
	});

	it('a page number is clamped: junk is page 1, too far is the last page there can be', () => {
		expect(pageFromQuery('3')).toBe(3);
		for (const raw of [null, '', 'abc', '-1', '2.5', '1e309', '0x10'])
			expect(pageFromQuery(raw), String(raw)).toBe(1);
		expect(pageFromQuery('0')).toBe(1);
		expect(pageFromQuery('99999999999999999999')).toBe(maxPage);
	});
});
