-- 0001_core: the normalized tables.
--
-- Enumerated columns carry CHECK constraints with the spellings of
-- include/policydb/vocabulary.h. Dates are TEXT 'YYYY-MM-DD'; a fact's period is
-- kept both as its FORMAT.md text and as integer day keys (YYYYMMDD) that
-- indexes and range filters use. Applied migrations are never edited: a change
-- is a new numbered file.

CREATE TABLE region (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,      -- GB/T 2260; '000000' 全国; 'area:<id>'
  name         TEXT NOT NULL,             -- 河南省
  short_name   TEXT NOT NULL,             -- 河南 (the name facts use)
  name_hant    TEXT,                      -- 河南省 in traditional script
  pinyin       TEXT,                      -- Henan
  name_en      TEXT,                      -- Henan Province
  abbreviation TEXT,                      -- 豫 (user input only)
  level        TEXT NOT NULL CHECK (level IN ('country', 'area', 'province', 'prefecture')),
  parent_id    INTEGER REFERENCES region (id)
);
CREATE INDEX region_parent ON region (parent_id);

-- Members of a multi-province area (长三角 → 上海, 江苏, 浙江, 安徽).
CREATE TABLE region_member (
  area_id   INTEGER NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  member_id INTEGER NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  PRIMARY KEY (area_id, member_id)
) WITHOUT ROWID;

-- Every name a region answers to. in_running_text = 0 for names that resolve
-- user input but never attribute a fact in text (one-character abbreviations,
-- codes, Latin names).
CREATE TABLE region_alias (
  alias           TEXT NOT NULL,
  region_id       INTEGER NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  in_running_text INTEGER NOT NULL DEFAULT 1 CHECK (in_running_text IN (0, 1)),
  PRIMARY KEY (alias, region_id)
) WITHOUT ROWID;

CREATE TABLE unit (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,         -- CNY, %, pp, 个, PB, Gbps, km2
  dimension TEXT NOT NULL,                -- currency, ratio, count, data ...
  label_zh  TEXT NOT NULL,
  label_en  TEXT,
  to_base   REAL NOT NULL CHECK (to_base > 0)  -- factor to the dimension's base unit
);

-- How a unit is written in text (个百分点 → pp, 平方公里 → km2).
CREATE TABLE unit_surface (
  surface TEXT PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE metric (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name_zh         TEXT NOT NULL,
  name_en         TEXT,
  measure         TEXT NOT NULL CHECK (measure IN ('level', 'ratio', 'growth', 'change', 'rank')),
  dimension       TEXT,
  default_unit_id INTEGER REFERENCES unit (id),
  direction       TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  curated         INTEGER NOT NULL DEFAULT 1 CHECK (curated IN (0, 1))
);

-- Names of a metric. source 'catalog' ships with policydb; 'user' is an
-- analyst's own (policydb alias) and survives upgrades.
CREATE TABLE metric_alias (
  alias     TEXT NOT NULL,
  metric_id INTEGER NOT NULL REFERENCES metric (id) ON DELETE CASCADE,
  source    TEXT NOT NULL DEFAULT 'catalog' CHECK (source IN ('catalog', 'user')),
  PRIMARY KEY (alias, metric_id)
) WITHOUT ROWID;

-- One ingested report, or one `doc` of a loaded JSON Lines file. sha256 is of
-- the original bytes (ingest) or of the document's lines (load): the same bytes
-- twice are one document.
CREATE TABLE document (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  source            TEXT NOT NULL,        -- file name, the FORMAT.md `doc`
  title             TEXT,
  publisher         TEXT,
  published_on      TEXT CHECK (published_on IS NULL OR published_on GLOB
                      '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  home_region_id    INTEGER REFERENCES region (id),
  script            TEXT CHECK (script IN ('hans', 'hant', 'mixed')),
  origin            TEXT NOT NULL CHECK (origin IN ('ingest', 'jsonl')),
  extractor_version TEXT,
  ingested_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  text              TEXT                  -- original text (ingest); NULL for loads
);
CREATE INDEX document_source ON document (source);

CREATE TABLE fact (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  region_id         INTEGER NOT NULL REFERENCES region (id),
  subregion         TEXT,
  metric_id         INTEGER NOT NULL REFERENCES metric (id),
  label             TEXT NOT NULL,        -- the indicator as the text names it
  kind              TEXT NOT NULL CHECK (kind IN ('actual', 'target')),
  measure           TEXT NOT NULL CHECK (measure IN ('level', 'ratio', 'growth', 'change', 'rank')),
  value             REAL NOT NULL,
  unit_id           INTEGER NOT NULL REFERENCES unit (id),
  comparator        TEXT NOT NULL DEFAULT 'eq'
                      CHECK (comparator IN ('eq', 'gt', 'ge', 'lt', 'le', 'approx')),
  period            TEXT NOT NULL,        -- FORMAT.md: 2022, 2023-10, 2023-Q3, 2023-01/2023-09
  period_start      INTEGER NOT NULL,     -- YYYYMMDD, first day
  period_end        INTEGER NOT NULL CHECK (period_end >= period_start),  -- YYYYMMDD, last day
  period_grain      TEXT NOT NULL CHECK (period_grain IN ('day', 'month', 'quarter', 'year', 'span')),
  target_type       TEXT CHECK (target_type IN ('binding', 'anticipatory')),  -- 约束性 / 预期性
  versus            TEXT CHECK (versus IN ('national', 'target', 'province_average')),
  span_start        INTEGER,              -- byte offsets of the quote in document.text
  span_end          INTEGER,
  quote             TEXT NOT NULL,
  confidence        REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
  extractor_version TEXT
);
-- The three query paths: a series (region, metric, period); one metric across
-- regions (metric, period, region); provenance (document).
CREATE INDEX fact_region_metric_period ON fact (region_id, metric_id, period_end);
CREATE INDEX fact_metric_period_region ON fact (metric_id, period_end, region_id);
CREATE INDEX fact_document ON fact (document_id);
