// Every module that registers a job handler, imported here for that effect, so that a worker
// (worker.ts, the CLI's `jobs run-due`) knows every kind of job the app queues.
import '../hiring/retention-job';
import '../mail/mailer';
import '../notify/notice-digest';
import '../notify/reminder-jobs';
import '../outbound/webhook-events';
