import { debriefReadyMail } from './debrief-ready-mail';
import type { Subscriber } from './events';
import { noticeSubscriber } from './notice-events';
import { reminderSubscriber } from './reminders';
import { calendarSubscriber } from '../outbound/calendar-mail';
import { webhookSubscriber } from '../outbound/webhook-events';

// The subscribers every recorded event goes to, in this order: each module that turns events
// into jobs (mail, reminders, in-app notices, webhooks, calendar invitations) adds its own here.
export const builtInSubscribers: readonly Subscriber[] = [
	debriefReadyMail,
	webhookSubscriber,
	calendarSubscriber,
	reminderSubscriber,
	noticeSubscriber
];
