import { redirect } from '@sveltejs/kit';
import { anonymiseFormSchema, legalHoldSchema } from '#lib/domain/anonymisation.ts';
import { candidateSchema } from '#lib/domain/hiring-schemas.ts';
import {
	anonymiseCandidate,
	placeLegalHold,
	releaseLegalHold
} from '#lib/server/hiring/candidate-privacy.ts';
import { canManageHiring, managedOpeningIds } from '#lib/server/access/permissions.ts';
import { getDb, resumeSettings } from '#lib/server/platform/runtime.ts';
import { requireRole, requireUser } from '#lib/server/auth/guards.ts';
import { getCandidate, updateCandidate } from '#lib/server/hiring/candidates.ts';
import { failForm, formFailure, runFormAction } from '#lib/server/web/form-actions.ts';
import {
	getResumeInfo,
	removeResume,
	ResumeNotPdfError,
	ResumeTooLargeError,
	uploadResume
} from '#lib/server/hiring/resumes.ts';
import { summarizeLoops } from '#lib/server/evaluation/comparison.ts';
import { listLoops } from '#lib/server/hiring/loop-summaries.ts';
import { listOpenings } from '#lib/server/hiring/openings.ts';
import { idParam, orPageError } from '#lib/server/web/page-errors.ts';
import { readMonitoringSettings } from '#lib/server/fairness/monitoring-settings.ts';
import {
	getSelfIdentificationPath,
	sendSelfIdentificationInvitation
} from '#lib/server/fairness/self-identification.ts';
import { mailSettings } from '#lib/server/mail/mail-settings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const db = getDb();
	const id = idParam(event.params.id);
	const candidate = await orPageError(getCandidate(db, actor, id));
	const staff = canManageHiring(actor);
	const [loops, openings, managed, resume] = await Promise.all([
		listLoops(db, actor, { candidateId: id }),
		staff ? listOpenings(db, actor) : Promise.resolve([]),
		managedOpeningIds(db, actor),
		getResumeInfo(db, actor, id)
	]);
	// Loops can be created for openings the viewer runs loops for.
	const loopOpenings = candidate.openings.filter((o) => staff || managed.includes(o.id));
	const summaries = await summarizeLoops(
		db,
		actor,
		loops.filter((l) => l.status !== 'cancelled')
	);
	const resumeMaxBytes = resumeSettings().maxBytes;
	// Only hiring staff pass the link on; it says nothing of any answer (decision 025).
	const selfIdentifyUrl =
		staff && candidate.anonymisedAt === null && (await readMonitoringSettings(db)).enabled
			? `${event.url.origin}${await getSelfIdentificationPath(db, actor, id)}`
			: null;
	return {
		selfIdentifyUrl,
		mailOn: mailSettings() !== null,
		candidate,
		loops,
		summaries: summaries.rows,
		openings,
		staff,
		loopOpenings,
		resume,
		resumeMaxBytes,
		isAdmin: actor.role === 'admin',
		hasOpenLoop: loops.some((l) => l.status !== 'cancelled' && l.status !== 'decided')
	};
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, candidateSchema, 'update', async (input) => {
			await updateCandidate(getDb(), actor, idParam(event.params.id), input);
			return { saved: true };
		});
	},
	uploadResume: async (event) => {
		const actor = requireUser(event);
		const action = 'uploadResume';
		const file = (await event.request.formData()).get('resume');
		if (!(file instanceof File) || file.size === 0) {
			return failForm(400, { action, values: {}, errors: { resume: 'Choose a PDF file to upload' } });
		}
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			await uploadResume(
				getDb(),
				actor,
				idParam(event.params.id),
				{ name: file.name, bytes },
				resumeSettings()
			);
			return { action, resumeSaved: true };
		} catch (err) {
			// The status says which refusal it is; the words say what to do.
			if (err instanceof ResumeTooLargeError)
				return failForm(413, { action, values: {}, errors: err.fieldErrors });
			if (err instanceof ResumeNotPdfError)
				return failForm(415, { action, values: {}, errors: err.fieldErrors });
			return formFailure(err, {}, action);
		}
	},
	anonymise: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		const id = idParam(event.params.id);
		const answer = await runFormAction(event.request, anonymiseFormSchema, 'anonymise', async (input) => {
			await anonymiseCandidate(getDb(), actor, id, input, resumeSettings().store);
			return { anonymised: true };
		});
		// The name typed to confirm is gone now: a fresh page, not the form's echo.
		if ('anonymised' in answer) redirect(303, `/candidates/${id}`);
		return answer;
	},
	placeHold: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		return runFormAction(event.request, legalHoldSchema, 'placeHold', async ({ reason }) => {
			await placeLegalHold(getDb(), actor, idParam(event.params.id), reason);
			return { held: true };
		});
	},
	releaseHold: async (event) => {
		const actor = requireRole(event, 'admin');
		try {
			await releaseLegalHold(getDb(), actor, idParam(event.params.id));
			return { action: 'releaseHold', released: true };
		} catch (err) {
			return formFailure(err, {}, 'releaseHold');
		}
	},
	inviteSelfIdentification: async (event) => {
		const actor = requireRole(event, 'admin', 'recruiter');
		try {
			const sent = await sendSelfIdentificationInvitation(getDb(), actor, idParam(event.params.id));
			return { action: 'inviteSelfIdentification', sent };
		} catch (err) {
			return formFailure(err, {}, 'inviteSelfIdentification');
		}
	},
	removeResume: async (event) => {
		const actor = requireUser(event);
		try {
			await removeResume(getDb(), actor, idParam(event.params.id), resumeSettings().store);
			return { action: 'removeResume', resumeRemoved: true };
		} catch (err) {
			return formFailure(err, {}, 'removeResume');
		}
	}
};
