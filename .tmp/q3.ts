import SQLite from 'better-sqlite3';
const d = new SQLite('/tmp/gen1m.db', { readonly: true });
d.pragma('cache_size = -64000');
const until = Date.UTC(2026, 10, 1), from = until - 365 * 86400000;
const w = `from scorecard_rating indexed by scorecard_rating_calibration where complete = 1 and interviewed_at between ${from} and ${until}`;
const qs: Record<string, string> = {
 groupCount: `select interviewer_id, count(*) ${w} group by interviewer_id`,
 groupSum: `select interviewer_id, count(*), sum(rating), total(others_mean) ${w} group by interviewer_id`,
 noGroupAll: `select count(*), sum(rating is null), sum(rating=1), sum(rating=2), sum(rating=3), sum(rating=4), avg(rating), count(others_mean), coalesce(sum(rating-others_mean),0), coalesce(sum((rating-others_mean)*(rating-others_mean)),0) ${w}`,
 trendIdx: `select interviewer_id, count(*) from scorecard_rating indexed by scorecard_rating_interviewer_trend where complete = 1 and interviewed_at between ${from} and ${until} group by interviewer_id`,
};
for (const [k, q] of Object.entries(qs)) {
  for (let i = 0; i < 3; i++) { const t = performance.now(); const n = d.prepare(q).all().length; console.log(k, (performance.now() - t).toFixed(0), 'ms', n); }
}
