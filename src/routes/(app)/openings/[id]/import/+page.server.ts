import { redirect } from '@sveltejs/kit';
import { importCountsToQuery, maxImportBytes } from '#lib/domain/candidate-import.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { requireRole } from '#lib/server/auth/guards.ts';
import { csvTextFromBytes, importCandidatesCsv } from '#lib/server/hiring/candidate-import.ts';
import { formError, formFailure } from '#lib/server/web/form-actions.ts';
import { getOpening } from '#lib/server/hiring/openings.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin', 'recruiter');
	const opening = await orPageError(getOpening(getDb(), actor, idParam(event.params.id)));
	return { opening: { id: opening.id, title: opening.title } };
};

/** The posted form, or why it could not be read (a body over BODY_SIZE_LIMIT, a broken upload). */
async function readForm(request: Request): Promise<FormData | { status: number; message: string }> {
	try {
		return await request.formData();
	} catch (err) {
		if (err && typeof err === 'object' && 'status' in err && err.status === 413) {
			return {
				status: 413,
				message: `This upload is larger than the server accepts. Import at most ${maxImportBytes / 1024} KB at once: split the file into smaller ones.`
			};
		}
		return { status: 400, message: 'The upload could not be read. Choose the file again and import.' };
	}
}

export const actions: Actions = {
	import: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const openingId = idParam(event.params.id);
		const form = await readForm(event.request);
		if (!(form instanceof FormData)) return formError(form.status, form.message, {}, 'import');

		const pasted = form.get('csv');
		const file = form.get('file');
		const fromFile = file instanceof File && file.size > 0;
		// Pasted text goes back to the page whatever happens; a file stays on the user's disk.
		const values = {
			csv: typeof pasted === 'string' ? pasted : '',
			fileName: fromFile ? file.name : ''
		};
		if (!fromFile && values.csv.trim() === '') {
			return formError(400, 'Choose a CSV file or paste the rows, then import.', values, 'import');
		}
		let counts;
		try {
			const csv = fromFile ? csvTextFromBytes(new Uint8Array(await file.arrayBuffer())) : values.csv;
			counts = await importCandidatesCsv(getDb(), actor, openingId, csv);
		} catch (err) {
			return formFailure(err, values, 'import');
		}
		redirect(303, `/openings/${openingId}?${importCountsToQuery(counts)}`);
	}
};
