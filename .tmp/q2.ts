import SQLite from 'better-sqlite3';
const d = new SQLite('/tmp/gen1m.db', { readonly: true });
d.pragma('cache_size = -' + (process.env.CACHE ?? 64000)); if (process.env.MEM) d.pragma('temp_store = memory'); if (process.env.TH) d.pragma('threads = ' + process.env.TH);
const until = Date.UTC(2026, 10, 1), from = until - 365 * 86400000;
const qs: Record<string, string> = {
 sc: `select interviewer_id, count(*), sum(recommendation=1), sum(recommendation=2),sum(recommendation=3),sum(recommendation=4), sum(submitted_at > scheduled_at + 86400000), median((submitted_at - scheduled_at)/3600000.0) from scorecard indexed by scorecard_calibration where complete = 1 and scheduled_at between ${from} and ${until} group by interviewer_id`,
 scNoMedian: `select interviewer_id, count(*), sum(recommendation=1), sum(recommendation=2),sum(recommendation=3),sum(recommendation=4), sum(submitted_at > scheduled_at + 86400000) from scorecard indexed by scorecard_calibration where complete = 1 and scheduled_at between ${from} and ${until} group by interviewer_id`,
 ratingCal: `select interviewer_id, count(*), sum(rating is null), sum(rating=1), sum(rating=2), sum(rating=3), sum(rating=4), avg(rating), count(others_mean), coalesce(sum(rating-others_mean),0), coalesce(sum((rating-others_mean)*(rating-others_mean)),0) from scorecard_rating indexed by scorecard_rating_calibration where complete = 1 and interviewed_at between ${from} and ${until} group by interviewer_id`,
 count: `select count(*) from scorecard_rating indexed by scorecard_rating_calibration where complete = 1 and interviewed_at between ${from} and ${until}`,
};
for (const [k, q] of Object.entries(qs)) {
  console.log(k, d.prepare('explain query plan ' + q).all().map((r: any) => r.detail).join(' | '));
  for (let i = 0; i < 3; i++) { const t = performance.now(); const n = d.prepare(q).all().length; console.log('  ', (performance.now() - t).toFixed(0), 'ms', n); }
}
