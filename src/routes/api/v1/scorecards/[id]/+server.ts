import { json } from '@sveltejs/kit';
import { fromWire } from '$lib/domain/scorecard';
import { wireDocumentSchema } from '$lib/domain/scorecard-schema';
import { getDb } from '$lib/server/app';
import { apiResponse, HttpError, pathId, readJson, requireApiUser } from '$lib/server/api/http';
import { scorecardJson } from '$lib/server/api/scorecard-json';
import { getScorecard, saveScorecard } from '$lib/server/scorecards';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiResponse(async () => {
		const actor = requireApiUser(event);
		const card = await getScorecard(getDb(), actor, pathId(event.params.id));
		return json(scorecardJson(card), { headers: { etag: `"${card.version}"` } });
	});

/** Saves the whole working copy; If-Match names the version it was based on. The autosave of the kit page. */
export const PUT: RequestHandler = (event) =>
	apiResponse(async () => {
		const actor = requireApiUser(event);
		const match = /^"?(\d+)"?$/.exec(event.request.headers.get('if-match')?.trim() ?? '');
		if (!match) throw new HttpError(428, 'Send If-Match: "<version>" with the version this copy is based on');
		const doc = fromWire(await readJson(event.request, wireDocumentSchema));
		const { version } = await saveScorecard(getDb(), actor, pathId(event.params.id), Number(match[1]), doc);
		return json({ version }, { headers: { etag: `"${version}"` } });
	});
