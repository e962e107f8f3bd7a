import { noPasswordHash } from '../auth/password';
import type { DB } from '../platform/db';
import { insertRows } from '../platform/insert-rows';
import { dbId as n, dbIdOrNull as nOrNull, epochMs as ms, epochMsOrNull as msOrNull } from './convert';
import type { ExportAuditEvent, ExportFile } from './format';

// Writes the records of a checked file other than loops, each with its own id. Users get no
// password (noPasswordHash): the file has none, and an admin gives them one.

/** The default library a new database starts with; the file brings the organisation's own. */
export async function clearDefaultLibrary(db: DB): Promise<void> {
	for (const table of [
		'templateRoundQuestion',
		'templateRoundCompetency',
		'templateRound',
		'loopTemplate',
		'questionCompetency',
		'questionRevision',
		'question',
		'competencyRevision',
		'competency',
		// Only the library's installation is on record in a database nobody has used yet.
		'auditEvent'
	] as const) {
		await db.deleteFrom(table).execute();
	}
}

export async function writeLibrary(db: DB, file: ExportFile): Promise<void> {
	await insertRows(
		db,
		'user',
		file.users.map((u) => ({
			id: n(u.id),
			email: u.email,
			name: u.name,
			role: u.role,
			passwordHash: noPasswordHash,
			deactivatedAt: msOrNull(u.deactivatedAt),
			createdAt: ms(u.createdAt),
			updatedAt: ms(u.updatedAt)
		}))
	);
	await insertRows(
		db,
		'competency',
		file.competencies.map((c) => ({
			id: n(c.id),
			name: c.name,
			kind: c.kind,
			currentRevisionId: n(c.currentRevisionId),
			archivedAt: msOrNull(c.archivedAt),
			createdAt: ms(c.createdAt),
			updatedAt: ms(c.updatedAt)
		}))
	);
	await insertRows(
		db,
		'competencyRevision',
		file.competencies.flatMap((c) =>
			c.revisions.map((r) => ({
				id: n(r.id),
				competencyId: n(c.id),
				revision: r.revision,
				name: r.name,
				description: r.description,
				anchor1: r.anchors[0],
				anchor2: r.anchors[1],
				anchor3: r.anchors[2],
				anchor4: r.anchors[3],
				createdBy: nOrNull(r.createdBy),
				createdAt: ms(r.createdAt)
			}))
		)
	);
	await insertRows(
		db,
		'question',
		file.questions.map((q) => ({
			id: n(q.id),
			currentRevisionId: n(q.currentRevisionId),
			prompt: q.prompt,
			probes: q.probes,
			goodLooksLike: q.goodLooksLike,
			redFlags: q.redFlags,
			archivedAt: msOrNull(q.archivedAt),
			createdAt: ms(q.createdAt),
			updatedAt: ms(q.updatedAt)
		}))
	);
	await insertRows(
		db,
		'questionRevision',
		file.questions.flatMap((q) =>
			q.revisions.map((r) => ({
				id: n(r.id),
				questionId: n(q.id),
				revision: r.revision,
				prompt: r.prompt,
				probes: r.probes,
				goodLooksLike: r.goodLooksLike,
				redFlags: r.redFlags,
				createdAt: ms(r.createdAt)
			}))
		)
	);
	await insertRows(
		db,
		'questionCompetency',
		file.questions.flatMap((q) => q.competencyIds.map((c) => ({ questionId: n(q.id), competencyId: n(c) })))
	);
}

export async function writeTemplatesAndOpenings(db: DB, file: ExportFile): Promise<void> {
	await insertRows(
		db,
		'loopTemplate',
		file.templates.map((t) => ({
			id: n(t.id),
			name: t.name,
			description: t.description,
			visibilityMode: t.visibilityMode,
			evidenceRule: t.evidenceRule,
			archivedAt: msOrNull(t.archivedAt),
			createdAt: ms(t.createdAt),
			updatedAt: ms(t.updatedAt)
		}))
	);
	const rounds = file.templates.flatMap((t) => t.rounds.map((round, position) => ({ t, round, position })));
	await insertRows(
		db,
		'templateRound',
		rounds.map(({ t, round, position }) => ({
			id: n(round.id),
			templateId: n(t.id),
			position,
			title: round.title,
			kind: round.kind,
			format: round.format,
			durationMinutes: round.durationMinutes
		}))
	);
	await insertRows(
		db,
		'templateRoundCompetency',
		rounds.flatMap(({ round }) =>
			round.competencyIds.map((c, position) => ({ roundId: n(round.id), competencyId: n(c), position }))
		)
	);
	await insertRows(
		db,
		'templateRoundQuestion',
		rounds.flatMap(({ round }) =>
			round.questionIds.map((q, position) => ({ roundId: n(round.id), questionId: n(q), position }))
		)
	);
	await insertRows(
		db,
		'opening',
		file.openings.map((o) => ({
			id: n(o.id),
			title: o.title,
			team: o.team,
			level: o.level,
			description: o.description,
			templateId: n(o.templateId),
			status: o.status,
			createdAt: ms(o.createdAt),
			updatedAt: ms(o.updatedAt)
		}))
	);
	await insertRows(
		db,
		'openingHiringManager',
		file.openings.flatMap((o) => o.hiringManagerIds.map((u) => ({ openingId: n(o.id), userId: n(u) })))
	);
	await insertRows(
		db,
		'candidate',
		file.candidates.map((c) => ({
			id: n(c.id),
			name: c.name,
			email: c.email,
			notes: c.notes,
			createdAt: ms(c.createdAt),
			updatedAt: ms(c.updatedAt),
			anonymisedAt: c.anonymisedAt === undefined ? null : ms(c.anonymisedAt),
			legalHoldReason: c.legalHold?.reason ?? null,
			legalHoldAt: c.legalHold ? ms(c.legalHold.placedAt) : null,
			legalHoldBy: c.legalHold?.placedBy == null ? null : n(c.legalHold.placedBy)
		}))
	);
	await insertRows(
		db,
		'candidateOpening',
		file.candidates.flatMap((c) =>
			c.openings.map((o) => ({ candidateId: n(c.id), openingId: n(o.openingId), addedAt: ms(o.addedAt) }))
		)
	);
}

export async function writeAuditEvents(db: DB, events: ExportAuditEvent[]): Promise<void> {
	await insertRows(
		db,
		'auditEvent',
		events.map((e) => ({
			id: n(e.id),
			actorUserId: nOrNull(e.actorUserId),
			action: e.action,
			entityType: e.entityType,
			entityId: e.entityId,
			before: e.before === null ? null : JSON.stringify(e.before),
			after: e.after === null ? null : JSON.stringify(e.after),
			at: ms(e.at)
		}))
	);
}
