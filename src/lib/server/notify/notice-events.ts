import { formatDateTime } from '../../domain/time';
import type { DB } from '../platform/db';
import type { Subscriber } from './events';
import { addNotice } from './notices';
import { readNoticeTime } from './reminder-settings';

// Events that become in-app notices whether or not mail is on (decision 027): a seat on a
// panel (the invitation) and a loop ready for debrief. Reminders and escalations add theirs
// where their mails are queued (reminder-jobs.ts).

async function invitationNotice(trx: DB, scorecardId: number, eventId: string, at: number): Promise<void> {
	const seat = await trx
		.selectFrom('scorecard')
		.innerJoin('loop', 'loop.id', 'scorecard.loopId')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('loopRound', 'loopRound.id', 'scorecard.roundId')
		.select(['scorecard.interviewerId', 'scorecard.scheduledAt', 'candidate.name', 'loopRound.title'])
		.where('scorecard.id', '=', scorecardId)
		.executeTakeFirst();
	if (!seat) return;
	const { timeZone } = await readNoticeTime(trx, seat.interviewerId);
	await addNotice(
		trx,
		{
			userId: seat.interviewerId,
			kind: 'invitation',
			title: `Interview with ${seat.name} · ${seat.title}, ${formatDateTime(seat.scheduledAt, timeZone)}`,
			href: `/interviews/${scorecardId}`,
			key: `invitation:${eventId}`
		},
		at
	);
}

async function debriefNotices(trx: DB, loopId: number, openingId: number, eventId: string, at: number) {
	const loop = await trx
		.selectFrom('loop')
		.innerJoin('candidate', 'candidate.id', 'loop.candidateId')
		.innerJoin('opening', 'opening.id', 'loop.openingId')
		.select(['candidate.name', 'opening.title'])
		.where('loop.id', '=', loopId)
		.executeTakeFirstOrThrow();
	const managers = await trx
		.selectFrom('openingHiringManager')
		.innerJoin('user', 'user.id', 'openingHiringManager.userId')
		.select('user.id')
		.where('openingHiringManager.openingId', '=', openingId)
		.where('user.deactivatedAt', 'is', null)
		.execute();
	for (const manager of managers) {
		await addNotice(
			trx,
			{
				userId: manager.id,
				kind: 'ready_for_debrief',
				title: `Ready for debrief: ${loop.name} for ${loop.title}`,
				href: `/loops/${loopId}/debrief`,
				key: `debrief-ready:${eventId}:${manager.id}`
			},
			at
		);
	}
}

export const noticeSubscriber: Subscriber = {
	types: ['panel.assigned', 'panel.rescheduled', 'loop.ready_for_debrief'],
	handle: async (trx, event) => {
		if (event.type === 'panel.assigned' || event.type === 'panel.rescheduled') {
			await invitationNotice(trx, event.data.scorecardId, event.id, event.at);
		} else if (event.type === 'loop.ready_for_debrief') {
			await debriefNotices(trx, event.data.loopId, event.data.openingId, event.id, event.at);
		}
	}
};
