import type { Migration } from 'kysely/migration';
import * as m001 from './001-accounts';
import * as m002 from './002-hiring-loops';
import * as m003 from './003-scorecard-content';
import * as m004 from './004-debriefs-and-decisions';
import * as m005 from './005-calibration-aggregates';
import * as m006 from './006-question-revisions';
import * as m007 from './007-calibration-months';
import * as m008 from './008-revoke-tokens-of-deactivated-users';
import * as m009 from './009-resumes-and-opening-descriptions';
import * as m010 from './010-rate-limits';
import * as m011 from './011-job-queue-and-notifications';
import * as m012 from './012-webhooks-and-calendar';
import * as m013 from './013-company-sign-in';
import * as m014 from './014-candidate-privacy';
import * as m015 from './015-password-resets';
import * as m017 from './017-scim-tokens';
import * as m018 from './018-single-sign-on';
import * as m019 from './019-adverse-impact';
import * as m020 from './020-interviewer-qualifications';
import * as m021 from './021-reminders-and-notices';
import * as m022 from './022-notice-digest';
import * as m023 from './023-interviewer-load-limit';
import * as m024 from './024-training-paths';
import * as m025 from './025-calibration-exercises';
import * as m026 from './026-path-exercise-step';

// Every migration, by name. Imported statically so the built server and the CLI carry
// the same list without reading the folder at run time (tests check none is missing).
export const migrations: Record<string, Migration> = {
	'001-accounts': m001,
	'002-hiring-loops': m002,
	'003-scorecard-content': m003,
	'004-debriefs-and-decisions': m004,
	'005-calibration-aggregates': m005,
	'006-question-revisions': m006,
	'007-calibration-months': m007,
	'008-revoke-tokens-of-deactivated-users': m008,
	'009-resumes-and-opening-descriptions': m009,
	'010-rate-limits': m010,
	'011-job-queue-and-notifications': m011,
	'012-webhooks-and-calendar': m012,
	'013-company-sign-in': m013,
	'014-candidate-privacy': m014,
	'015-password-resets': m015,
	'017-scim-tokens': m017,
	'018-single-sign-on': m018,
	'019-adverse-impact': m019,
	'020-interviewer-qualifications': m020,
	'021-reminders-and-notices': m021,
	'022-notice-digest': m022,
	'023-interviewer-load-limit': m023,
	'024-training-paths': m024,
	'025-calibration-exercises': m025,
	'026-path-exercise-step': m026
};
