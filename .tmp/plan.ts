import SQLite from 'better-sqlite3';
const d = new SQLite('/tmp/gen1m.db', { readonly: true });
const until = Date.UTC(2026, 10, 1), from = until - 365 * 86400000;
for (const q of [
 `select interviewer_id, count(*) from scorecard_rating where complete = 1 and interviewed_at between ${from} and ${until} and opening_id in (5, 77) group by interviewer_id`,
 `select interviewer_id, count(*) from scorecard where complete = 1 and scheduled_at between ${from} and ${until} and opening_id in (5, 77) group by interviewer_id`,
 `select competency_id, count(*) from rating_unit where interviewed_at between ${from} and ${until} and opening_id in (5, 77) group by competency_id`,
]) console.log(d.prepare('explain query plan ' + q).all().map((r: any) => r.detail).join(' | '));
