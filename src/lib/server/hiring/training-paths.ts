import type { DB } from '../platform/db';
import type { AuthUser } from '../auth/session';
import { formatLabels, type RoundFormat } from '../../domain/library';
import {
	describeProgress,
	isPracticeStep,
	type PathSetting,
	type PracticeStepKind,
	type SignOffInput,
	type TrainingProgress
} from '../../domain/training-paths';
import { assertCanManageHiring, canManageHiring } from '../access/permissions';
import { recordAudit } from '../platform/audit';
import { ConflictError, ForbiddenError, NotFoundError } from '../platform/errors';
import { listOwnQualifications, writeQualification } from './qualifications';
import { readPathSettings, readTrainingProgress } from './training-progress';

// Training paths (decision 030): admins and recruiters set each format's path (its practice
// counts, and whether it asks for a passed calibration exercise, decision 031); a trainee
// and hiring staff read the progress, with the pair's agreement on decided reverse shadows;
// a qualified interviewer of the format or hiring staff signs a trainee off once the steps
// are done, which makes them qualified through the qualifications' own write.

/** Every format's path: for hiring staff, who set them. */
export async function listPathSettings(db: DB, actor: AuthUser): Promise<PathSetting[]> {
	assertCanManageHiring(actor);
	return readPathSettings(db);
}

export async function setPathSetting(db: DB, actor: AuthUser, input: PathSetting, now = Date.now()) {
	assertCanManageHiring(actor);
	await db.transaction().execute(async (trx) => {
		const before = (await readPathSettings(trx)).find((s) => s.format === input.format)!;
		const values = {
			shadowCount: input.shadowCount,
			reverseShadowCount: input.reverseShadowCount,
			exerciseRequired: input.exerciseRequired ? 1 : 0,
			updatedBy: actor.id,
			updatedAt: now
		};
		await trx
			.insertInto('trainingPath')
			.values({ format: input.format, ...values })
			.onConflict((oc) => oc.column('format').doUpdateSet(values))
			.execute();
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'training_path.changed',
				entityType: 'setting',
				entityId: `training_path.${input.format}`,
				// Both sides name the exercise step, yes or no, so the change reads plainly.
				before: { ...before, exerciseRequired: before.exerciseRequired ?? false },
				after: { ...input, exerciseRequired: input.exerciseRequired ?? false }
			},
			now
		);
	});
}

/** The actor's own paths, with the agreement of their decided reverse shadows. */
export async function listOwnTraining(db: DB, actor: AuthUser): Promise<TrainingProgress[]> {
	return readTrainingProgress(db, { userId: actor.id, viewer: actor });
}

/** Every trainee's paths, for hiring staff. */
export async function listTraineeProgress(db: DB, actor: AuthUser): Promise<TrainingProgress[]> {
	assertCanManageHiring(actor);
	return readTrainingProgress(db, { viewer: actor });
}

/** One person's paths: their own, or anyone's for hiring staff (the API's door). */
export async function getUserTraining(db: DB, actor: AuthUser, userId: number): Promise<TrainingProgress[]> {
	if (actor.id !== userId) {
		assertCanManageHiring(actor);
		const person = await db.selectFrom('user').select('id').where('id', '=', userId).executeTakeFirst();
		if (!person) throw new NotFoundError('No such user');
	}
	return readTrainingProgress(db, { userId, viewer: actor });
}

/** A trainee whose steps are done, as a signer sees them: the counts, not the loops. */
export interface SignOffCandidate {
	userId: number;
	userName: string;
	format: RoundFormat;
	summary: string;
	counts: Record<PracticeStepKind, number>;
}

/**
 * The trainees the actor may sign off now: every ready one for hiring staff; for anyone
 * else, the ready ones in the formats they are currently qualified in (not lapsed), never
 * themselves.
 */
export async function listSignOffQueue(
	db: DB,
	actor: AuthUser,
	now = Date.now()
): Promise<SignOffCandidate[]> {
	const formats = await signingFormats(db, actor, now);
	const ready = (await readTrainingProgress(db, { viewer: null })).filter(
		(p) => p.ready && p.userId !== actor.id && (formats === 'all' || formats.has(p.format))
	);
	return ready.map((p) => ({
		userId: p.userId,
		userName: p.userName,
		format: p.format,
		summary: p.summary,
		counts: countsOf(p)
	}));
}

export async function signOffTrainee(db: DB, actor: AuthUser, input: SignOffInput, now = Date.now()) {
	if (input.userId === actor.id) throw new ForbiddenError('Nobody signs off their own training.', true);
	const formats = await signingFormats(db, actor, now);
	if (formats !== 'all' && !formats.has(input.format)) {
		throw new ForbiddenError(
			`Only a qualified ${formatLabels[input.format]} interviewer, a recruiter or an admin signs off this path.`,
			true
		);
	}
	await db.transaction().execute(async (trx) => {
		const [path] = (await readTrainingProgress(trx, { userId: input.userId, viewer: null })).filter(
			(p) => p.format === input.format
		);
		if (!path) throw new ConflictError(`This person is not a ${formatLabels[input.format]} trainee.`);
		if (!path.ready) throw new ConflictError(`Not ready for sign-off yet: ${path.summary}.`);
		const signed = path.steps.map((s) => (s.kind === 'sign_off' ? { ...s, done: true } : s));
		await writeQualification(trx, actor, { ...input, level: 'qualified' }, now);
		await recordAudit(
			trx,
			{
				actorUserId: actor.id,
				action: 'training.signed_off',
				entityType: 'user',
				entityId: input.userId,
				after: { format: input.format, ...countsOf(path), progress: describeProgress(signed) }
			},
			now
		);
	});
}

/** The formats the actor signs off in: all for hiring staff, else those they are qualified in now. */
async function signingFormats(db: DB, actor: AuthUser, now: number): Promise<'all' | Set<RoundFormat>> {
	if (canManageHiring(actor)) return 'all';
	const own = await listOwnQualifications(db, actor, now);
	return new Set(own.filter((q) => q.status === 'qualified').map((q) => q.format));
}

function countsOf(p: TrainingProgress): Record<PracticeStepKind, number> {
	const count = (kind: PracticeStepKind) => {
		const step = p.steps.find((s) => s.kind === kind);
		return step && isPracticeStep(step) ? step.done.length : 0;
	};
	return { shadow: count('shadow'), reverse_shadow: count('reverse_shadow') };
}
