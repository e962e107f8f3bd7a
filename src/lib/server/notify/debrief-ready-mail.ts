import { composeMail } from '../mail/compose';
import { mailSettings } from '../mail/mail-settings';
import { enqueueMail } from '../mail/mailer';
import type { Subscriber } from './events';
import { waitsForDigest } from './notice-digest';

/**
 * Tells the opening's hiring managers by mail when a loop is ready for debrief (its whole
 * panel has submitted), with a link to the debrief. It names the candidate and the opening,
 * never what anyone wrote: the debrief page shows that to whoever may see it.
 */
export const debriefReadyMail: Subscriber = {
	types: ['loop.ready_for_debrief'],
	handle: async (trx, event) => {
		const settings = mailSettings();
		if (!settings || event.type !== 'loop.ready_for_debrief') return;
		const { loopId, openingId } = event.data;
		const loop = await trx
			.selectFrom('loop')
			.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
			.innerJoin('opening', 'opening.id', 'loop.openingId')
			.select(['candidate.name as candidateName', 'opening.title as openingTitle'])
			.where('loop.id', '=', loopId)
			.executeTakeFirstOrThrow();
		const managers = await trx
			.selectFrom('openingHiringManager')
			.innerJoin('user', 'user.id', 'openingHiringManager.userId')
			.select(['user.id', 'user.name', 'user.email'])
			.where('openingHiringManager.openingId', '=', openingId)
			.where('user.deactivatedAt', 'is', null)
			.orderBy('user.id')
			.execute();
		for (const manager of managers) {
			// Their daily digest lists it instead (the notice is stored in notice-events.ts).
			if (await waitsForDigest(trx, manager.id, 'ready_for_debrief')) continue;
			await enqueueMail(
				trx,
				// Per event: a loop that is ready again later (a seat added, then filled) is told again.
				`debrief-ready:${event.id}:${manager.id}`,
				composeMail({
					to: manager.email,
					subject: `Ready for debrief: ${loop.candidateName} for ${loop.openingTitle}`,
					paragraphs: [
						`Hello ${manager.name},`,
						`Every scorecard for ${loop.candidateName} (${loop.openingTitle}) is in. The loop is ready for its debrief.`
					],
					link: { href: `${settings.origin}/loops/${loopId}/debrief`, label: 'Open the debrief' },
					footer: 'You get this as a hiring manager of the opening.'
				}),
				event.at
			);
		}
	}
};
