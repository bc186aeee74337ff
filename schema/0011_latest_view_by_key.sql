-- 0011_latest_view_by_key: the latest view finds each fact's newest rival with
-- searches of fact's key (issue 7), as 0010 does for target_progress.
--
-- The view of 0004 ranked every fact of the file with a window function, so
-- SQLite sorted the whole fact table before a query's WHERE applied: one metric
-- across provinces (docs/SCHEMA.md, example 3) took minutes on the 10.4 M-fact
-- benchmark file. Here a WHERE on region, metric, kind or measure reaches the
-- facts first; each of them is kept when it ends on its indicator's newest period
-- end (a walk of the primary key, newest first, that stops at the first match)
-- and is the newest source for that end (the facts of one key, ordered by
-- publication, then load order). Columns, order of rivals and meaning are
-- unchanged but for one point, as in 0010: subregions are compared as stored, so
-- the districts of a fact filed under a prefecture-level region are each an
-- indicator of their own rather than rivals of the city.

DROP VIEW latest;
CREATE VIEW latest AS
SELECT f.fact_id, f.region, f.subregion, f.region_code, f.metric_code, f.metric_name, f.metric_name_en,
       f.curated, f.label, f.kind, f.measure, f.value, f.unit, f.comparator, f.period, f.period_start,
       f.period_end, f.year, f.quote, f.document, f.published_on, f.region_id, f.metric_id
FROM facts f JOIN fact k ON k.id = f.fact_id
WHERE k.period_end = (SELECT n.period_end FROM fact n
                      WHERE n.region_id = k.region_id AND n.metric_id = k.metric_id
                        AND n.subregion IS k.subregion AND n.measure = k.measure AND n.kind = k.kind
                      ORDER BY n.period_end DESC LIMIT 1)
  AND k.id = (SELECT n.id FROM fact n JOIN document nd ON nd.id = n.document_id
              WHERE n.region_id = k.region_id AND n.metric_id = k.metric_id AND n.period_end = k.period_end
                AND n.subregion IS k.subregion AND n.measure = k.measure AND n.kind = k.kind
              ORDER BY nd.published_on IS NULL, nd.published_on DESC, n.id DESC LIMIT 1);
