-- 0002_reference_data: regions, units and the curated metric catalog.
--
-- Each "-- @csv FILE AS TABLE" line makes the migration runner load schema/FILE
-- into a temporary table TABLE (all columns TEXT, named by the CSV header) before
-- this script runs; the temporary tables are dropped afterwards. The CSVs are
-- part of this migration's checksum. Inserts are OR IGNORE so that a file that
-- already holds some reference rows (added by hand at version 1) upgrades too.
--
-- @csv regions.csv AS csv_region
-- @csv region_members.csv AS csv_region_member
-- @csv region_aliases.csv AS csv_region_alias
-- @csv units.csv AS csv_unit
-- @csv unit_surfaces.csv AS csv_unit_surface
-- @csv metrics.csv AS csv_metric
-- @csv metric_aliases.csv AS csv_metric_alias

INSERT OR IGNORE INTO region (code, name, short_name, name_hant, pinyin, name_en, abbreviation, level)
SELECT code, name, short_name, nullif(name_hant, ''), nullif(pinyin, ''), nullif(name_en, ''),
       nullif(abbreviation, ''), level
FROM csv_region;

UPDATE region SET parent_id = (
  SELECT p.id FROM csv_region c JOIN region p ON p.code = c.parent_code
  WHERE c.code = region.code)
WHERE code IN (SELECT code FROM csv_region WHERE parent_code <> '');

INSERT OR IGNORE INTO region_member (area_id, member_id)
SELECT a.id, m.id FROM csv_region_member c
JOIN region a ON a.code = c.area_code JOIN region m ON m.code = c.member_code;

-- Names derivable from the region row, then the extra aliases of the CSV.
INSERT OR IGNORE INTO region_alias (alias, region_id, in_running_text)
SELECT name, id, 1 FROM region
UNION ALL SELECT short_name, id, 1 FROM region
UNION ALL SELECT name_hant, id, 1 FROM region WHERE name_hant IS NOT NULL
UNION ALL SELECT code, id, 0 FROM region
UNION ALL SELECT pinyin, id, 0 FROM region WHERE pinyin IS NOT NULL
UNION ALL SELECT name_en, id, 0 FROM region WHERE name_en IS NOT NULL
UNION ALL SELECT abbreviation, id, 0 FROM region WHERE abbreviation IS NOT NULL;

-- A 0 in the CSV wins over a derived 1: city short names that are ordinary
-- words (东方, 中山, 朝阳) resolve user input but never attribute running text.
INSERT INTO region_alias (alias, region_id, in_running_text)
SELECT c.alias, r.id, CAST(c.in_running_text AS INTEGER)
FROM csv_region_alias c JOIN region r ON r.code = c.region_code WHERE true
ON CONFLICT (alias, region_id) DO UPDATE
  SET in_running_text = min(in_running_text, excluded.in_running_text);

INSERT OR IGNORE INTO unit (code, dimension, label_zh, label_en, to_base)
SELECT code, dimension, label_zh, nullif(label_en, ''), CAST(to_base AS REAL) FROM csv_unit;

INSERT OR IGNORE INTO unit_surface (surface, unit_id)
SELECT c.surface, u.id FROM csv_unit_surface c JOIN unit u ON u.code = c.unit_code;

INSERT OR IGNORE INTO metric (code, name_zh, name_en, measure, dimension, default_unit_id, direction, curated)
SELECT c.code, c.name_zh, nullif(c.name_en, ''), c.measure, nullif(c.dimension, ''), u.id,
       c.direction, 1
FROM csv_metric c LEFT JOIN unit u ON u.code = c.default_unit;

INSERT OR IGNORE INTO metric_alias (alias, metric_id, source)
SELECT name_zh, id, 'catalog' FROM metric;

INSERT OR IGNORE INTO metric_alias (alias, metric_id, source)
SELECT c.alias, m.id, 'catalog' FROM csv_metric_alias c JOIN metric m ON m.code = c.metric_code;
