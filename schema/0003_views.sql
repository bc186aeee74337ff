-- 0003_views: readable views for people who write SQL (docs/SCHEMA.md).
-- Every fact joined with its region, metric, unit and document, by name.

CREATE VIEW facts AS
SELECT
  f.id                AS fact_id,
  CASE WHEN r.level = 'prefecture' THEN p.short_name ELSE r.short_name END AS region,
  CASE WHEN r.level = 'prefecture' THEN r.short_name ELSE f.subregion END AS subregion,
  r.code              AS region_code,
  m.code              AS metric_code,
  m.name_zh           AS metric_name,
  m.name_en           AS metric_name_en,
  m.curated           AS curated,
  f.label             AS label,
  f.kind              AS kind,
  f.measure           AS measure,
  f.value             AS value,
  u.code              AS unit,
  f.comparator        AS comparator,
  f.period            AS period,
  substr(f.period_start, 1, 4) || '-' || substr(f.period_start, 5, 2) || '-' || substr(f.period_start, 7, 2) AS period_start,
  substr(f.period_end, 1, 4) || '-' || substr(f.period_end, 5, 2) || '-' || substr(f.period_end, 7, 2) AS period_end,
  CAST(f.period_end / 10000 AS INTEGER) AS year,
  f.period_grain      AS period_grain,
  f.target_type       AS target_type,
  f.versus            AS versus,
  f.quote             AS quote,
  d.source            AS document,
  d.published_on      AS published_on,
  f.confidence        AS confidence,
  f.document_id       AS document_id,
  f.region_id         AS region_id,
  f.metric_id         AS metric_id
FROM fact f
JOIN region r ON r.id = f.region_id
LEFT JOIN region p ON p.id = r.parent_id
JOIN metric m ON m.id = f.metric_id
JOIN unit u ON u.id = f.unit_id
JOIN document d ON d.id = f.document_id;

-- Targets only, with their deadline year.
CREATE VIEW targets AS
SELECT fact_id, region, subregion, region_code, metric_code, metric_name, metric_name_en, label,
       measure, comparator, value, unit, year AS deadline, period, target_type, quote, document,
       published_on, region_id, metric_id
FROM facts WHERE kind = 'target';
