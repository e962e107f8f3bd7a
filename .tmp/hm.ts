import { openDatabase } from '../src/lib/server/db';
import { interviewerSums, competencySums } from '../src/lib/server/calibration-sums';
const db = openDatabase('/tmp/gen1m.db');
const until = Date.UTC(2026, 10, 1);
const hm = await db.selectFrom('openingHiringManager').select(['userId']).executeTakeFirstOrThrow();
const ids = (await db.selectFrom('openingHiringManager').select('openingId').where('userId', '=', hm.userId).execute()).map((r) => r.openingId);
console.log('openings', ids);
const f = { from: until - 365 * 86400000, to: until, openingIds: ids };
for (let i = 0; i < 2; i++) {
	let t = performance.now(); await interviewerSums(db, f, 'subject'); console.log('interviewers', (performance.now() - t).toFixed(0));
	t = performance.now(); await competencySums(db, f, 'subject'); console.log('competencies', (performance.now() - t).toFixed(0));
}
await db.destroy();
