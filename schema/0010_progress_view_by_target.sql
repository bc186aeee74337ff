-- 0010_progress_view_by_target: the target_progress view finds each target's
-- actuals with searches of fact's key (issue 7).
--
-- The view of 0005 paired every target with every comparable actual in the file
-- and ranked the pairs with window functions. SQLite built that whole table before
-- it applied a query's WHERE: one province's 2025 targets took 127 s on the 10.4 M
-- fact benchmark file (schema 8), 149 s on schema 9. Here each target finds the
-- period end of its newest and of its oldest comparable actual with a walk of
-- fact's primary key (schema/0009) that stops at the first one, then the fact of
-- the newest (or oldest) source ending then, as lib/query/progress.cpp does; a
-- WHERE on region, metric or deadline reaches the targets before any of this.
-- Columns and their meaning are unchanged. Two differences from 0005, both
-- where it disagreed with the C++ rule or with docs/SCHEMA.md: subregions are
-- compared as stored, so a fact filed under a prefecture-level region is judged
-- only by actuals of its own subregion; and trend_since is NULL, as observed_cagr
-- is, when the earliest actual lies less than a year before the latest.

DROP VIEW target_progress;
CREATE VIEW target_progress AS
WITH
t AS (
  SELECT f.*, fr.subregion AS stored_subregion, fr.period_end AS deadline_key,
         u.dimension AS unit_dimension, u.to_base AS unit_to_base,
         (f.comparator IN ('le', 'lt') OR m.direction = 'lower' OR f.measure = 'rank')
           AS lower_is_better
  FROM facts f JOIN fact fr ON fr.id = f.fact_id JOIN unit u ON u.id = fr.unit_id
  JOIN metric m ON m.id = f.metric_id
  WHERE f.kind = 'target'),
ends AS (
  SELECT t.*,
         (SELECT a.period_end FROM fact a JOIN unit ua ON ua.id = a.unit_id
          WHERE a.region_id = t.region_id AND a.metric_id = t.metric_id
            AND a.subregion IS t.stored_subregion AND a.kind = 'actual' AND a.measure = t.measure
            AND ua.dimension = t.unit_dimension AND a.period_end <= t.deadline_key
          ORDER BY a.period_end DESC LIMIT 1) AS newest_end,
         (SELECT a.period_end FROM fact a JOIN unit ua ON ua.id = a.unit_id
          WHERE a.region_id = t.region_id AND a.metric_id = t.metric_id
            AND a.subregion IS t.stored_subregion AND a.kind = 'actual' AND a.measure = t.measure
            AND ua.dimension = t.unit_dimension AND a.period_end <= t.deadline_key
          ORDER BY a.period_end ASC LIMIT 1) AS oldest_end
  FROM t),
picked AS (
  SELECT ends.*,
         (SELECT a.id FROM fact a JOIN unit ua ON ua.id = a.unit_id JOIN document da ON da.id = a.document_id
          WHERE a.region_id = ends.region_id AND a.metric_id = ends.metric_id
            AND a.subregion IS ends.stored_subregion AND a.kind = 'actual' AND a.measure = ends.measure
            AND ua.dimension = ends.unit_dimension AND a.period_end = ends.newest_end
          ORDER BY da.published_on IS NULL, da.published_on DESC, a.id DESC LIMIT 1) AS actual_id,
         (SELECT a.id FROM fact a JOIN unit ua ON ua.id = a.unit_id JOIN document da ON da.id = a.document_id
          WHERE a.region_id = ends.region_id AND a.metric_id = ends.metric_id
            AND a.subregion IS ends.stored_subregion AND a.kind = 'actual' AND a.measure = ends.measure
            AND ua.dimension = ends.unit_dimension AND a.period_end = ends.oldest_end
          ORDER BY da.published_on IS NOT NULL, da.published_on ASC, a.id ASC LIMIT 1) AS earliest_id
  FROM ends),
valued AS (
  SELECT picked.*, la.period AS actual_period, la.period_end AS actual_period_end,
         la.value * lu.to_base / picked.unit_to_base AS actual_value,
         ea.value * eu.to_base / picked.unit_to_base AS earliest_value, ea.period AS earliest_period,
         ea.period_end AS earliest_period_end
  FROM picked
  LEFT JOIN fact la ON la.id = picked.actual_id LEFT JOIN unit lu ON lu.id = la.unit_id
  LEFT JOIN fact ea ON ea.id = picked.earliest_id LEFT JOIN unit eu ON eu.id = ea.unit_id),
calc AS (
  SELECT valued.*,
         (julianday(period_end) - julianday(substr(actual_period_end, 1, 4) || '-' ||
            substr(actual_period_end, 5, 2) || '-' || substr(actual_period_end, 7, 2))) / 365.2425 AS years_left,
         (julianday(substr(actual_period_end, 1, 4) || '-' || substr(actual_period_end, 5, 2) || '-' ||
            substr(actual_period_end, 7, 2)) -
          julianday(substr(earliest_period_end, 1, 4) || '-' || substr(earliest_period_end, 5, 2) || '-' ||
            substr(earliest_period_end, 7, 2))) / 365.2425 AS trend_years,
         CASE
           WHEN actual_id IS NULL THEN NULL
           WHEN comparator = 'gt' THEN actual_value > value
           WHEN comparator = 'lt' THEN actual_value < value
           WHEN comparator = 'approx' AND lower_is_better THEN actual_value <= value + abs(value) * 0.01
           WHEN comparator = 'approx' THEN actual_value >= value - abs(value) * 0.01
           WHEN lower_is_better THEN actual_value <= value
           ELSE actual_value >= value
         END AS achieved
  FROM valued),
rates AS (
  SELECT calc.*,
         CASE WHEN measure IN ('level', 'ratio') AND years_left > 0 AND actual_value > 0
                   AND value > 0
              THEN pow(value / actual_value, 1.0 / years_left) - 1 END AS needed_cagr,
         CASE WHEN trend_years >= 1.0 - 0.5 / 365.2425 AND earliest_value > 0 AND actual_value > 0
              THEN pow(actual_value / earliest_value, 1.0 / trend_years) - 1 END AS observed_cagr
  FROM calc)
SELECT
  fact_id                                   AS target_fact_id,
  region, subregion, region_code, metric_code, metric_name, label, measure, comparator,
  value                                     AS target_value,
  unit,
  year                                      AS deadline,
  period                                    AS target_period,
  target_type,
  actual_id                                 AS actual_fact_id,
  actual_period,
  actual_value,
  CASE WHEN value <> 0 THEN actual_value / value END AS ratio_achieved,
  value - actual_value                      AS gap,
  years_left,
  needed_cagr,
  CASE WHEN needed_cagr IS NOT NULL AND observed_cagr IS NOT NULL THEN earliest_period END AS trend_since,
  CASE WHEN needed_cagr IS NOT NULL THEN observed_cagr END AS observed_cagr,
  lower_is_better,
  CASE
    WHEN actual_id IS NULL THEN 'no_data'
    WHEN achieved THEN 'achieved'
    WHEN measure NOT IN ('level', 'ratio') OR years_left <= 0 THEN 'behind'
    WHEN needed_cagr IS NULL OR observed_cagr IS NULL THEN 'no_data'
    WHEN lower_is_better AND observed_cagr <= 0.9 * needed_cagr THEN 'on_track'
    WHEN NOT lower_is_better AND observed_cagr >= 0.9 * needed_cagr THEN 'on_track'
    ELSE 'behind'
  END                                       AS status,
  quote, document, published_on, region_id, metric_id
FROM rates;
