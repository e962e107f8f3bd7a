import { createHash } from 'node:crypto';
import { looksLikePdf } from '../../domain/resume';
import type { Checks, Path } from './checks';
import { checkSettings } from './settings';
import { checkCalibrationExercises } from './exercises';
import { checkOrganisationSettings } from './organisation-settings';
import { checkIdentities } from './identities';
import { checkLoops } from './loop-references';

// Checks across records, on the records that passed the structural checks: every id points
// at a record of the file, ids and emails and names are unique where the database needs
// them to be, and a scorecard rates only what its round asks. Every problem is collected.

/** ASCII-only case folding, as SQLite's NOCASE compares the names that must be unique. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Checks the records `c.parsed` holds, which may be one batch of the file's records. */
export function checkReferences(c: Checks): void {
	checkUsersAndLibrary(c);
	checkHiring(c);
	const { file, known } = c.parsed;
	const auditIds = c.uniqueIds('audit event');
	for (const event of file.auditEvents) {
		const at = ['auditEvents', c.at(event)];
		auditIds(at, event.id);
		c.ref([...at, 'actorUserId'], event.actorUserId, known.users, 'user');
	}
	checkResumes(c);
	checkSettings(c);
	checkCalibrationExercises(c);
	checkOrganisationSettings(c);
	checkIdentities(c);
}

/** One résumé per candidate, of a candidate and user of the file, whose bytes are what it says. */
function checkResumes(c: Checks): void {
	const { file, known } = c.parsed;
	const candidates = c.unique('résumé candidate');
	for (const resume of file.resumes ?? []) {
		const at = ['resumes', c.at(resume)];
		c.ref([...at, 'candidateId'], resume.candidateId, known.candidates, 'candidate');
		candidates(
			[...at, 'candidateId'],
			resume.candidateId,
			(first) => `this candidate already has a résumé (${first})`
		);
		c.ref([...at, 'uploadedBy'], resume.uploadedBy, known.users, 'user');
		const bytes = Buffer.from(resume.content, 'base64');
		if (bytes.length !== resume.sizeBytes)
			c.report([...at, 'sizeBytes'], `the content has ${bytes.length} bytes, not ${resume.sizeBytes}`);
		else if (createHash('sha256').update(bytes).digest('hex') !== resume.sha256)
			c.report([...at, 'sha256'], 'the content does not have this SHA-256');
		else if (!looksLikePdf(bytes)) c.report([...at, 'content'], 'the content is not a PDF');
	}
}

function checkUsersAndLibrary(c: Checks): void {
	const { file, known } = c.parsed;
	const userIds = c.uniqueIds('user');
	const emails = c.unique('user email');
	for (const user of file.users) {
		const at = ['users', c.at(user)];
		userIds(at, user.id);
		emails([...at, 'email'], user.email, (first) => `another user (${first}) has the email ${user.email}`);
	}

	const competencyIds = c.uniqueIds('competency');
	const competencyNames = c.unique('competency name');
	const revisionIds = c.uniqueIds('competency revision');
	for (const competency of file.competencies) {
		const at = ['competencies', c.at(competency)];
		competencyIds(at, competency.id);
		c.competencyNames.set(competency.id, competency.name);
		competencyNames(
			[...at, 'name'],
			nocase(competency.name),
			(first) => `another competency (${first}) has this name; names are unique, whatever their case`
		);
		checkRevisions(c, at, competency, revisionIds, 'competency', (revision, path) =>
			c.ref([...path, 'createdBy'], revision.createdBy, known.users, 'user')
		);
	}

	const questionIds = c.uniqueIds('question');
	const questionRevisionIds = c.uniqueIds('question revision');
	for (const question of file.questions) {
		const at = ['questions', c.at(question)];
		questionIds(at, question.id);
		c.refs([...at, 'competencyIds'], question.competencyIds, known.competencies, 'competency');
		checkRevisions(c, at, question, questionRevisionIds, 'question');
	}

	const templateIds = c.uniqueIds('template');
	const templateNames = c.unique('template name');
	const roundIds = c.uniqueIds('template round');
	for (const template of file.templates) {
		const at = ['templates', c.at(template)];
		templateIds(at, template.id);
		templateNames(
			[...at, 'name'],
			nocase(template.name),
			(first) => `another template (${first}) has this name; names are unique, whatever their case`
		);
		template.rounds.forEach((round, i) => {
			roundIds([...at, 'rounds', i], round.id);
			c.refs([...at, 'rounds', i, 'competencyIds'], round.competencyIds, known.competencies, 'competency');
			c.refs([...at, 'rounds', i, 'questionIds'], round.questionIds, known.questions, 'question');
		});
	}
}

function checkHiring(c: Checks): void {
	const { file, known } = c.parsed;
	const openingIds = c.uniqueIds('opening');
	for (const opening of file.openings) {
		const at = ['openings', c.at(opening)];
		openingIds(at, opening.id);
		c.ref([...at, 'templateId'], opening.templateId, known.templates, 'template');
		c.refs([...at, 'hiringManagerIds'], opening.hiringManagerIds, known.users, 'user');
	}

	const candidateIds = c.uniqueIds('candidate');
	const emails = c.unique('candidate email');
	for (const candidate of file.candidates) {
		const at = ['candidates', c.at(candidate)];
		candidateIds(at, candidate.id);
		emails(
			[...at, 'email'],
			candidate.email,
			(first) => `another candidate (${first}) has the email ${candidate.email}`
		);
		if (candidate.legalHold)
			c.ref([...at, 'legalHold', 'placedBy'], candidate.legalHold.placedBy, known.users, 'user');
		c.refs(
			[...at, 'openings'],
			candidate.openings.map((o) => o.openingId),
			known.openings,
			'opening'
		);
	}
	checkLoops(c);
}

/** Every revision's id and number used once, and the current revision one of them. */
function checkRevisions<R extends { id: string; revision: number }>(
	c: Checks,
	at: Path,
	record: { revisions: R[]; currentRevisionId: string },
	revisionIds: (path: Path, id: string) => void,
	what: string,
	checkRevision: (revision: R, path: Path) => void = () => undefined
): void {
	const numbers = c.unique();
	record.revisions.forEach((revision, i) => {
		const path = [...at, 'revisions', i];
		revisionIds(path, revision.id);
		numbers(
			[...path, 'revision'],
			String(revision.revision),
			(first) => `revision number ${revision.revision} appears twice (also at ${first})`
		);
		checkRevision(revision, path);
	});
	if (!record.revisions.some((r) => r.id === record.currentRevisionId)) {
		c.report(
			[...at, 'currentRevisionId'],
			`"${record.currentRevisionId}" is not one of this ${what}'s revisions`
		);
	}
}
