import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import type { MonitoringCategory } from '../../domain/adverse-impact-settings';
import { assertCanManageHiring } from '../access/permissions';
import { readSignedValue, signValue } from '../auth/signed-value';
import { composeMail } from '../mail/compose';
import { mailSettings } from '../mail/mail-settings';
import { enqueueMail } from '../mail/mailer';
import { recordAudit } from '../platform/audit';
import { ConflictError, NotFoundError } from '../platform/errors';
import { readMonitoringSettings } from './monitoring-settings';

// Candidates' voluntary self-identification (decision 025). Each candidate has one secret
// link, signed rather than stored, so hiring staff can copy it again at any time. The page
// behind it never shows earlier answers: whoever holds the link (the recruiter who copied
// it) learns nothing from it. Answers live only in demographic_answer and are read only by
// this module and the aggregated report.

const purpose = 'self-identify';

async function openCandidate(db: DB, candidateId: number) {
	const settings = await readMonitoringSettings(db);
	if (!settings.enabled) throw new ConflictError('Adverse impact monitoring is off');
	const candidate = await db
		.selectFrom('candidate')
		.select(['id', 'name', 'email', 'anonymisedAt'])
		.where('id', '=', candidateId)
		.executeTakeFirst();
	if (!candidate) throw new NotFoundError('No such candidate');
	if (candidate.anonymisedAt !== null) throw new ConflictError('This candidate is anonymised');
	return candidate;
}

/** The path of the candidate's self-identification page, for hiring staff to pass on. */
export async function getSelfIdentificationPath(
	db: DB,
	actor: AuthUser,
	candidateId: number
): Promise<string> {
	assertCanManageHiring(actor);
	await openCandidate(db, candidateId);
	return `/self-identify/${await signValue(db, purpose, [candidateId])}`;
}

/** Mails the candidate their link through the mail queue; false while mail is off. */
export async function sendSelfIdentificationInvitation(
	db: DB,
	actor: AuthUser,
	candidateId: number,
	now = Date.now()
): Promise<boolean> {
	const path = await getSelfIdentificationPath(db, actor, candidateId);
	const settings = mailSettings();
	if (!settings) return false;
	const candidate = await openCandidate(db, candidateId);
	return db.transaction().execute(async (trx) => {
		const queued = await enqueueMail(
			trx,
			`self-identify:${candidateId}:${now}`,
			composeMail({
				to: candidate.email,
				subject: 'An optional question about you, for fair hiring',
				paragraphs: [
					`Hello ${candidate.name},`,
					'To check that our hiring treats every group fairly, we invite candidates to tell us about themselves. Answering is voluntary, and whether and how you answer has no effect on your application: nobody who interviews you or decides on your application sees your answers; they are only counted in totals.'
				],
				link: { href: `${settings.origin}${path}`, label: 'Answer, or read more first' },
				footer: 'You get this because you applied with us.'
			}),
			now
		);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'candidate.self_identification_invited',
				entityType: 'candidate',
				entityId: candidateId
			},
			now
		);
		return queued;
	});
}

async function candidateOfLink(db: DB, token: string): Promise<number | null> {
	const fields = await readSignedValue(db, purpose, token);
	const id = Number(fields?.[0]);
	return fields?.length === 1 && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface SelfIdentificationPage {
	categories: MonitoringCategory[];
	/** When the candidate last answered; never what. */
	answeredAt: number | null;
}

/** What the link's page shows, or null for a link that does not work (any more). */
export async function openSelfIdentification(db: DB, token: string): Promise<SelfIdentificationPage | null> {
	const candidateId = await candidateOfLink(db, token);
	if (candidateId === null) return null;
	try {
		await openCandidate(db, candidateId);
	} catch (err) {
		if (err instanceof ConflictError || err instanceof NotFoundError) return null;
		throw err;
	}
	const { categories } = await readMonitoringSettings(db);
	const last = await db
		.selectFrom('demographicAnswer')
		.select((eb) => eb.fn.max('answeredAt').as('at'))
		.where('candidateId', '=', candidateId)
		.executeTakeFirst();
	return { categories, answeredAt: last?.at ?? null };
}

/** Replaces the candidate's answers with these (categories left blank are not stored). */
export async function saveSelfIdentification(
	db: DB,
	token: string,
	answers: Record<string, string | undefined>,
	now = Date.now()
): Promise<void> {
	const candidateId = await candidateOfLink(db, token);
	if (candidateId === null) throw new NotFoundError('This link does not work');
	await openCandidate(db, candidateId);
	const { categories } = await readMonitoringSettings(db);
	const rows = categories.flatMap((c, i) => {
		const answer = answers[`category${i}`];
		return answer ? [{ candidateId, category: c.name, answer, answeredAt: now }] : [];
	});
	await db.transaction().execute(async (trx) => {
		await deleteDemographicAnswers(trx, candidateId);
		if (rows.length) await trx.insertInto('demographicAnswer').values(rows).execute();
	});
}

/** Removes the candidate's answers: their own withdrawal, or their anonymisation. */
export async function deleteDemographicAnswers(db: DB, candidateId: number): Promise<void> {
	await db.deleteFrom('demographicAnswer').where('candidateId', '=', candidateId).execute();
}

/** The candidate withdraws every answer through their link. */
export async function withdrawSelfIdentification(db: DB, token: string): Promise<void> {
	const candidateId = await candidateOfLink(db, token);
	if (candidateId === null) throw new NotFoundError('This link does not work');
	await openCandidate(db, candidateId);
	await deleteDemographicAnswers(db, candidateId);
}

export interface SubjectSelfIdentification {
	answers: { category: string; answer: string; answeredAt: number }[];
	/** Set when answers are held but the viewer may not read them: why, and who may. */
	withheld: string | null;
}

/**
 * The candidate's own answers for their subject access record. They are the candidate's, so
 * the record carries them, but only in an admin's copy: recruiters make hiring decisions and
 * never read a person's answers (decision 025).
 */
export async function getSubjectSelfIdentification(
	db: DB,
	actor: AuthUser,
	candidateId: number
): Promise<SubjectSelfIdentification> {
	assertCanManageHiring(actor);
	const answers = await db
		.selectFrom('demographicAnswer')
		.select(['category', 'answer', 'answeredAt'])
		.where('candidateId', '=', candidateId)
		.orderBy('category')
		.execute();
	if (actor.role === 'admin' || answers.length === 0) return { answers, withheld: null };
	return {
		answers: [],
		withheld: 'They gave self-identification answers. Only an admin’s copy of this record includes them.'
	};
}
