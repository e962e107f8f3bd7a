import { safePdfName } from '#lib/domain/resume.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { readResume } from '#lib/server/hiring/resumes.ts';
import { getDb, resumeSettings } from '#lib/server/platform/runtime.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import type { RequestHandler } from './$types';

// The PDF opens in the browser's viewer. It is the uploader's file, so the answer is
// sandboxed (no script, no same-origin access) and never sniffed as anything but a PDF.
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event);
	const { fileName, bytes } = await orPageError(
		readResume(getDb(), actor, idParam(event.params.id), resumeSettings().store)
	);
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${safePdfName(fileName)}"`,
			'content-length': String(bytes.length),
			'x-content-type-options': 'nosniff',
			'content-security-policy': 'sandbox',
			'cache-control': 'private, no-store'
		}
	});
};
