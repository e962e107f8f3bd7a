import type { DB } from '../platform/db';
import { fileId as id, fileIdOrNull as idOrNull, isoTime, isoTimeOrNull } from './convert';
import type {
	ExportAuditEvent,
	ExportCandidate,
	ExportCompetency,
	ExportOpening,
	ExportQuestion,
	ExportTemplate,
	ExportUser
} from './format';

// The records of the export other than loops, as the file writes them. Candidates and audit
// events grow with the history and are read a page at a time; the rest is read whole.

export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const row of rows) {
		const k = key(row);
		const group = groups.get(k);
		if (group) group.push(row);
		else groups.set(k, [row]);
	}
	return groups;
}

export const pageSize = 1000;

export async function readUsers(db: DB): Promise<ExportUser[]> {
	const rows = await db
		.selectFrom('user')
		.select(['id', 'email', 'name', 'role', 'deactivatedAt', 'createdAt', 'updatedAt'])
		.orderBy('id')
		.execute();
	return rows.map((u) => ({
		id: id(u.id),
		email: u.email,
		name: u.name,
		role: u.role,
		deactivatedAt: isoTimeOrNull(u.deactivatedAt),
		createdAt: isoTime(u.createdAt),
		updatedAt: isoTime(u.updatedAt)
	}));
}

export async function readCompetencies(db: DB): Promise<ExportCompetency[]> {
	const [competencies, revisions] = await Promise.all([
		db.selectFrom('competency').selectAll().orderBy('id').execute(),
		db.selectFrom('competencyRevision').selectAll().orderBy('id').execute()
	]);
	const byCompetency = groupBy(revisions, (r) => r.competencyId);
	return competencies.map((c) => ({
		id: id(c.id),
		name: c.name,
		kind: c.kind,
		currentRevisionId: idOrNull(c.currentRevisionId)!,
		archivedAt: isoTimeOrNull(c.archivedAt),
		createdAt: isoTime(c.createdAt),
		updatedAt: isoTime(c.updatedAt),
		revisions: (byCompetency.get(c.id) ?? []).map((r) => ({
			id: id(r.id),
			revision: r.revision,
			name: r.name,
			description: r.description,
			anchors: [r.anchor1, r.anchor2, r.anchor3, r.anchor4],
			createdBy: idOrNull(r.createdBy),
			createdAt: isoTime(r.createdAt)
		}))
	}));
}

export async function readQuestions(db: DB): Promise<ExportQuestion[]> {
	const [questions, revisions, links] = await Promise.all([
		db.selectFrom('question').selectAll().orderBy('id').execute(),
		db.selectFrom('questionRevision').selectAll().orderBy('id').execute(),
		db.selectFrom('questionCompetency').selectAll().orderBy('questionId').orderBy('competencyId').execute()
	]);
	const byQuestion = groupBy(revisions, (r) => r.questionId);
	const competencies = groupBy(links, (l) => l.questionId);
	return questions.map((q) => ({
		id: id(q.id),
		prompt: q.prompt,
		probes: q.probes,
		goodLooksLike: q.goodLooksLike,
		redFlags: q.redFlags,
		currentRevisionId: idOrNull(q.currentRevisionId)!,
		competencyIds: (competencies.get(q.id) ?? []).map((l) => id(l.competencyId)),
		archivedAt: isoTimeOrNull(q.archivedAt),
		createdAt: isoTime(q.createdAt),
		updatedAt: isoTime(q.updatedAt),
		revisions: (byQuestion.get(q.id) ?? []).map((r) => ({
			id: id(r.id),
			revision: r.revision,
			prompt: r.prompt,
			probes: r.probes,
			goodLooksLike: r.goodLooksLike,
			redFlags: r.redFlags,
			createdAt: isoTime(r.createdAt)
		}))
	}));
}

export async function readTemplates(db: DB): Promise<ExportTemplate[]> {
	const [templates, rounds, competencies, questions] = await Promise.all([
		db.selectFrom('loopTemplate').selectAll().orderBy('id').execute(),
		db
			.selectFrom('templateRound')
			.selectAll()
			.orderBy('templateId')
			.orderBy('position')
			.orderBy('id')
			.execute(),
		db.selectFrom('templateRoundCompetency').selectAll().orderBy('roundId').orderBy('position').execute(),
		db.selectFrom('templateRoundQuestion').selectAll().orderBy('roundId').orderBy('position').execute()
	]);
	const byTemplate = groupBy(rounds, (r) => r.templateId);
	const competenciesOf = groupBy(competencies, (c) => c.roundId);
	const questionsOf = groupBy(questions, (q) => q.roundId);
	return templates.map((t) => ({
		id: id(t.id),
		name: t.name,
		description: t.description,
		visibilityMode: t.visibilityMode,
		evidenceRule: t.evidenceRule,
		archivedAt: isoTimeOrNull(t.archivedAt),
		createdAt: isoTime(t.createdAt),
		updatedAt: isoTime(t.updatedAt),
		rounds: (byTemplate.get(t.id) ?? []).map((r) => ({
			id: id(r.id),
			title: r.title,
			kind: r.kind,
			format: r.format,
			durationMinutes: r.durationMinutes,
			competencyIds: (competenciesOf.get(r.id) ?? []).map((c) => id(c.competencyId)),
			questionIds: (questionsOf.get(r.id) ?? []).map((q) => id(q.questionId))
		}))
	}));
}

export async function readOpenings(db: DB): Promise<ExportOpening[]> {
	const [openings, managers] = await Promise.all([
		db.selectFrom('opening').selectAll().orderBy('id').execute(),
		db.selectFrom('openingHiringManager').selectAll().orderBy('openingId').orderBy('userId').execute()
	]);
	const managersOf = groupBy(managers, (m) => m.openingId);
	return openings.map((o) => ({
		id: id(o.id),
		title: o.title,
		team: o.team,
		level: o.level,
		// Left out when empty, so files of openings without one stay as they were before it existed.
		...(o.description ? { description: o.description } : {}),
		templateId: id(o.templateId),
		status: o.status,
		hiringManagerIds: (managersOf.get(o.id) ?? []).map((m) => id(m.userId)),
		createdAt: isoTime(o.createdAt),
		updatedAt: isoTime(o.updatedAt)
	}));
}

export async function readCandidates(db: DB, after: number): Promise<(ExportCandidate & { key: number })[]> {
	const candidates = await db
		.selectFrom('candidate')
		.selectAll()
		.where('id', '>', after)
		.orderBy('id')
		.limit(pageSize)
		.execute();
	const links = candidates.length
		? await db
				.selectFrom('candidateOpening')
				.selectAll()
				.where(
					'candidateId',
					'in',
					candidates.map((c) => c.id)
				)
				.orderBy('candidateId')
				.orderBy('openingId')
				.execute()
		: [];
	const openingsOf = groupBy(links, (l) => l.candidateId);
	return candidates.map((c) => ({
		key: c.id,
		id: id(c.id),
		name: c.name,
		email: c.email,
		notes: c.notes,
		createdAt: isoTime(c.createdAt),
		updatedAt: isoTime(c.updatedAt),
		...(c.anonymisedAt === null ? {} : { anonymisedAt: isoTime(c.anonymisedAt) }),
		...(c.legalHoldReason === null
			? {}
			: {
					legalHold: {
						reason: c.legalHoldReason,
						placedAt: isoTime(c.legalHoldAt ?? c.updatedAt),
						placedBy: c.legalHoldBy === null ? null : id(c.legalHoldBy)
					}
				}),
		openings: (openingsOf.get(c.id) ?? []).map((l) => ({
			openingId: id(l.openingId),
			addedAt: isoTime(l.addedAt)
		}))
	}));
}

export async function readAuditEvents(
	db: DB,
	after: number
): Promise<(ExportAuditEvent & { key: number })[]> {
	const rows = await db
		.selectFrom('auditEvent')
		.selectAll()
		.where('id', '>', after)
		.orderBy('id')
		.limit(pageSize)
		.execute();
	const recorded = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
	return rows.map((e) => ({
		key: e.id,
		id: id(e.id),
		actorUserId: idOrNull(e.actorUserId),
		action: e.action,
		entityType: e.entityType,
		entityId: e.entityId,
		before: recorded(e.before),
		after: recorded(e.after),
		at: isoTime(e.at)
	}));
}
