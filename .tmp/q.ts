import SQLite from 'better-sqlite3';
const d = new SQLite('/tmp/gen1m.db', { readonly: true });
d.pragma('cache_size = -64000');
const until = Date.UTC(2026, 10, 1), from = until - 365 * 86400000;
const qs: Record<string, string> = {
 rating: `select interviewer_id, count(*), sum(rating is null), sum(rating=1), sum(rating=2), sum(rating=3), sum(rating=4), avg(rating), count(others_mean), coalesce(sum(rating-others_mean),0), coalesce(sum((rating-others_mean)*(rating-others_mean)),0) from scorecard_rating where complete = 1 and interviewed_at between ${from} and ${until} group by interviewer_id`,
 scorecard: `select s.interviewer_id, count(*), sum(s.recommendation=1), sum(s.submitted_at > s.scheduled_at + r.duration_minutes*60000 + 86400000), median((s.submitted_at - s.scheduled_at - r.duration_minutes*60000)/3600000.0), sum(l.outcome in ('hire','no_hire')) from scorecard s join loop_round r on r.id = s.round_id join loop l on l.id = s.loop_id where s.complete = 1 and s.scheduled_at >= ${from} and s.scheduled_at <= ${until} group by s.interviewer_id`,
 units: `select competency_id, sum(n1), sum(n1*n2*1.0/(n1+n2+n3+n4-1)) from rating_unit where interviewed_at between ${from} and ${until} group by competency_id`,
};
for (const [k, q] of Object.entries(qs)) {
  console.log(k, d.prepare('explain query plan ' + q).all().map((r: any) => r.detail).join(' | '));
  for (let i = 0; i < 3; i++) { const t = performance.now(); const n = d.prepare(q).all().length; console.log('  ', (performance.now() - t).toFixed(0), 'ms', n); }
}
