import type { DB } from '../platform/db';
import { debriefAgenda, type AgendaItem } from '../../domain/aggregation';
import { debriefNotesLimit, noFeedbackYet, type DecisionInput } from '../../domain/decision';
import type { AuthUser } from '../auth/session';
import { assertCanManageOpeningLoops } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { recordEvent } from '../notify/events';
import { ConflictError, InputError, NotFoundError } from '../platform/errors';
import { assertFeedbackVisible } from '../access/feedback-access';
import { loadLoopResults, type LoopResults } from './results';
import { refreshLoopCalibration } from '../calibration/calibration-upkeep';

/**
 * Running a debrief takes both: the right to run the opening's loops, and (for someone on
 * the panel) the independence rule's permission to see the feedback.
 */
async function assertCanDebrief(db: DB, actor: AuthUser, loopId: number): Promise<void> {
	const loop = await db.selectFrom('loop').select('openingId').where('id', '=', loopId).executeTakeFirst();
	if (!loop) throw new NotFoundError('No such loop');
	await assertCanManageOpeningLoops(db, actor, loop.openingId);
	await assertFeedbackVisible(db, actor, loopId);
}

export interface Debrief {
	results: LoopResults;
	agenda: AgendaItem[];
	notes: Record<string, string>;
	attendeeIds: number[];
	/** Who can be marked as attending: the panel, the hiring managers, and whoever runs it. */
	attendeeOptions: { id: number; name: string }[];
	missing: { interviewerName: string; roundTitle: string }[];
}

export async function getDebrief(
	db: DB,
	actor: AuthUser,
	loopId: number,
	now = Date.now()
): Promise<Debrief> {
	await assertCanDebrief(db, actor, loopId);
	const [results, saved, managers] = await Promise.all([
		loadLoopResults(db, loopId, {}, now),
		db.selectFrom('debrief').select(['notes', 'attendeeIds']).where('loopId', '=', loopId).executeTakeFirst(),
		db
			.selectFrom('openingHiringManager')
			.innerJoin('loop', 'loop.openingId', 'openingHiringManager.openingId')
			.innerJoin('user', 'user.id', 'openingHiringManager.userId')
			.select(['user.id', 'user.name'])
			.where('loop.id', '=', loopId)
			.execute()
	]);
	const strongNoFrom = results.scorecards
		.filter((s) => s.document?.recommendation === 1)
		.map((s) => s.interviewerId);
	const attendeeNames = new Map<number, string>();
	for (const p of [...results.panelists, ...managers, { id: actor.id, name: actor.name }])
		attendeeNames.set(p.id, p.name);
	return {
		results,
		agenda: debriefAgenda(results, [...new Set(strongNoFrom)]),
		notes: saved ? (JSON.parse(saved.notes) as Record<string, string>) : {},
		// Until someone saves who is there: the last decision's attendees, else the panel and the
		// hiring managers, who are nearly always the people in the room.
		attendeeIds: saved
			? (JSON.parse(saved.attendeeIds) as number[])
			: (results.decisions.at(-1)?.attendees.map((a) => a.id) ?? [
					...new Set([...results.panelists, ...managers].map((p) => p.id))
				]),
		attendeeOptions: [...attendeeNames]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		missing: results.scorecards
			.filter((s) => s.status !== 'submitted')
			.map((s) => ({ interviewerName: s.interviewerName, roundTitle: s.roundTitle }))
	};
}

function cleanNotes(notes: Record<string, string>): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, text] of Object.entries(notes)) {
		if (!/^(competency-\d+|strong-no|general)$/.test(key)) continue;
		if (text.length > debriefNotesLimit) {
			throw new InputError({ [`notes.${key}`]: `Keep each note under ${debriefNotesLimit} characters` });
		}
		if (text.trim()) kept[key] = text;
	}
	return kept;
}

async function loadAttendees(db: DB, ids: number[]): Promise<{ id: number; name: string }[]> {
	const unique = [...new Set(ids)];
	const users = unique.length
		? await db.selectFrom('user').select(['id', 'name']).where('id', 'in', unique).execute()
		: [];
	if (users.length !== unique.length) throw new InputError({ attendeeIds: 'Choose attendees from the list' });
	return users;
}

async function writeDebrief(
	db: DB,
	actor: AuthUser,
	loopId: number,
	input: { notes: Record<string, string>; attendeeIds: number[] },
	now: number
): Promise<void> {
	const notes = JSON.stringify(cleanNotes(input.notes));
	const attendeeIds = JSON.stringify([...new Set(input.attendeeIds)]);
	await db
		.insertInto('debrief')
		.values({ loopId, notes, attendeeIds, updatedBy: actor.id, updatedAt: now })
		.onConflict((oc) =>
			oc.column('loopId').doUpdateSet({ notes, attendeeIds, updatedBy: actor.id, updatedAt: now })
		)
		.execute();
}

/** Saves the debrief's notes and attendance as they stand (the meeting may not be over). */
export async function saveDebriefNotes(
	db: DB,
	actor: AuthUser,
	loopId: number,
	input: { notes: Record<string, string>; attendeeIds: number[] },
	now = Date.now()
): Promise<void> {
	await assertCanDebrief(db, actor, loopId);
	await loadAttendees(db, input.attendeeIds);
	await db.transaction().execute((trx) => writeDebrief(trx, actor, loopId, input, now));
}

/**
 * Records the panel's decision; the loop becomes decided. A later change needs a reason;
 * every version stays, and the audit trail has both sides.
 */
export async function recordDecision(
	db: DB,
	actor: AuthUser,
	loopId: number,
	input: DecisionInput & { notes?: Record<string, string> },
	now = Date.now()
): Promise<number> {
	await assertCanDebrief(db, actor, loopId);
	const attendees = await loadAttendees(db, input.attendeeIds);
	return db.transaction().execute(async (trx) => {
		const loop = await trx
			.selectFrom('loop')
			.select(['cancelledAt', 'openingId'])
			.where('id', '=', loopId)
			.executeTakeFirstOrThrow();
		if (loop.cancelledAt !== null) throw new ConflictError('This loop is cancelled');
		const submitted = await trx
			.selectFrom('scorecard')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('loopId', '=', loopId)
			.where('status', '=', 'submitted')
			.executeTakeFirstOrThrow();
		// Early is allowed (the page names who is missing); with nobody's judgement in, there is nothing to decide on.
		if (submitted.n === 0) throw new ConflictError(noFeedbackYet);
		const previous = await trx
			.selectFrom('loopDecision')
			.select(['outcome', 'rationale', 'dissent'])
			.where('loopId', '=', loopId)
			.orderBy('decidedAt', 'desc')
			.orderBy('id', 'desc')
			.executeTakeFirst();
		const changeReason = input.changeReason.trim();
		if (previous && !changeReason) throw new InputError({ changeReason: 'Say why the decision changes' });
		if (input.notes)
			await writeDebrief(trx, actor, loopId, { notes: input.notes, attendeeIds: input.attendeeIds }, now);
		const { id } = await trx
			.insertInto('loopDecision')
			.values({
				loopId,
				outcome: input.outcome,
				rationale: input.rationale,
				dissent: input.dissent,
				attendees: JSON.stringify(attendees.sort((a, b) => a.name.localeCompare(b.name))),
				changeReason: previous ? changeReason : null,
				decidedBy: actor.id,
				decidedAt: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('loop')
			.set({ outcome: input.outcome, updatedAt: now })
			.where('id', '=', loopId)
			.execute();
		await refreshLoopCalibration(trx, loopId);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: previous ? 'loop.decision_changed' : 'loop.decided',
				entityType: 'loop',
				entityId: loopId,
				before: previous ?? undefined,
				after: {
					outcome: input.outcome,
					rationale: input.rationale,
					dissent: input.dissent,
					changeReason: previous ? changeReason : undefined
				}
			},
			now
		);
		await recordEvent(
			trx,
			'loop.decided',
			{ loopId, openingId: loop.openingId, decisionId: id, changed: !!previous },
			{ now, actorUserId: actor.id }
		);
		return id;
	});
}
