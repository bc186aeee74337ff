-- 0005_curation: what re-extraction and curation need (issue 9).
--
-- document_input       what the caller gave at ingest (publication date, home
--                      province), so that `policydb reextract` gives it again.
--                      A row exists for every document ingested by a library
--                      that has this migration; its presence also says that
--                      document.text holds the original text (UTF-8), not the
--                      normalized text earlier versions stored.
-- document_diagnostic  the extraction's diagnostics per document, replaced by
--                      re-extraction.
-- target_progress      recreated: a trend between year-end actuals one calendar
--                      year apart (365 days = 0.9993 years) counts as one year
--                      (lib/query/progress.cpp, kTrendSlackYears = half a day).

CREATE TABLE document_input (
  document_id    INTEGER PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
  given_date     TEXT CHECK (given_date IS NULL OR given_date GLOB
                   '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  given_province TEXT
);

CREATE TABLE document_diagnostic (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  byte_offset INTEGER
);
CREATE INDEX document_diagnostic_document ON document_diagnostic (document_id);

DROP VIEW target_progress;
CREATE VIEW target_progress AS
WITH
t AS (
  SELECT f.*, u.dimension AS unit_dimension, u.to_base AS unit_to_base,
         (f.comparator IN ('le', 'lt') OR m.direction = 'lower' OR f.measure = 'rank')
           AS lower_is_better
  FROM facts f JOIN unit u ON u.code = f.unit JOIN metric m ON m.id = f.metric_id
  WHERE f.kind = 'target'),
a AS (
  SELECT f.fact_id, f.region_id, f.subregion, f.metric_id, f.measure, f.period, f.period_end,
         f.published_on, f.value * u.to_base AS base_value, u.dimension
  FROM facts f JOIN unit u ON u.code = f.unit
  WHERE f.kind = 'actual'),
pair AS (
  SELECT t.fact_id AS target_id, a.fact_id AS actual_id, a.period, a.period_end,
         a.base_value / t.unit_to_base AS value,
         row_number() OVER (PARTITION BY t.fact_id ORDER BY a.period_end DESC,
                            a.published_on IS NULL, a.published_on DESC, a.fact_id DESC) AS newest,
         row_number() OVER (PARTITION BY t.fact_id ORDER BY a.period_end ASC,
                            a.published_on IS NOT NULL, a.published_on ASC, a.fact_id ASC) AS oldest
  FROM t JOIN a ON a.region_id = t.region_id AND a.subregion IS t.subregion
                AND a.metric_id = t.metric_id AND a.measure = t.measure
                AND a.dimension = t.unit_dimension AND a.period_end <= t.period_end),
calc AS (
  SELECT t.*, l.actual_id, l.period AS actual_period, l.period_end AS actual_period_end,
         l.value AS actual_value, e.value AS earliest_value, e.period AS earliest_period,
         (julianday(t.period_end) - julianday(l.period_end)) / 365.2425 AS years_left,
         (julianday(l.period_end) - julianday(e.period_end)) / 365.2425 AS trend_years,
         CASE
           WHEN l.actual_id IS NULL THEN NULL
           WHEN t.comparator = 'gt' THEN l.value > t.value
           WHEN t.comparator = 'lt' THEN l.value < t.value
           WHEN t.comparator = 'approx' AND t.lower_is_better THEN l.value <= t.value + abs(t.value) * 0.01
           WHEN t.comparator = 'approx' THEN l.value >= t.value - abs(t.value) * 0.01
           WHEN t.lower_is_better THEN l.value <= t.value
           ELSE l.value >= t.value
         END AS achieved
  FROM t
  LEFT JOIN pair l ON l.target_id = t.fact_id AND l.newest = 1
  LEFT JOIN pair e ON e.target_id = t.fact_id AND e.oldest = 1),
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
  CASE WHEN needed_cagr IS NOT NULL THEN earliest_period END AS trend_since,
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
