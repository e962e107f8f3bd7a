import { openDatabase } from '../src/lib/server/db';
import { getCalibration, getTrend } from '../src/lib/server/calibration';
const db = openDatabase('/tmp/gen1m.db');
const admin = await db.selectFrom('user').selectAll().where('role', '=', 'admin').executeTakeFirstOrThrow();
const until = Date.UTC(2026, 10, 1);
for (let i = 0; i < 4; i++) {
	const t = performance.now();
	const c = await getCalibration(db, admin as any, { from: until - 365 * 86400000, to: until });
	console.log('calibration', (performance.now() - t).toFixed(0), 'ms', c.interviewers.length, c.competencies.length);
}
const hm = await db.selectFrom('openingHiringManager').select('userId').executeTakeFirstOrThrow();
const hmUser = await db.selectFrom('user').selectAll().where('id', '=', hm.userId).executeTakeFirstOrThrow();
for (let i = 0; i < 2; i++) {
	const t = performance.now();
	const c = await getCalibration(db, { ...hmUser, role: 'interviewer' } as any, { from: until - 365 * 86400000, to: until });
	console.log('hm-ish', (performance.now() - t).toFixed(0), 'ms', c.interviewers.length, c.scope);
}
await db.destroy();
