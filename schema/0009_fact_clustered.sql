-- 0009_fact_clustered: facts are stored in (region, metric, period end) order
-- (issue 7).
--
-- A series is one region's one metric over time: about a thousand facts in a
-- file of ten million. With facts stored in insertion order (rowid = id), the
-- facts of one series came from as many documents as they were loaded from and
-- lay on about as many pages: a series cost a thousand page visits, and reading
-- those rows took 1.7-2.3 ms of db.series's time (fact rows alone, measured on
-- the 10 M-fact benchmark file). Stored in the order series, point lookups and
-- target_progress read them, they fill a few dozen neighbouring pages: the
-- same reads took 0.4 ms.
--
-- The table becomes a WITHOUT ROWID table whose primary key begins with the
-- columns those reads select by; `id` ends the key, keeps every fact's id as
-- it was, and stays unique through its own index (fact_id), which reads by id
-- and in id order (export) use. The writer now gives each new fact
-- max(id) + 1, as SQLite gave a rowid before. The key does the work of the
-- (region_id, metric_id, period_end, ...) index of 0008, which is dropped with
-- the old table; the other indexes are made again as they were, and each now
-- ends with the key's columns instead of a rowid. Rows of a bulk load no longer
-- go to the end of the table; the insert ceiling of the benchmarks is measured
-- on this same table. Rebuilt as 0007 rebuilds it (legacy_alter_table keeps
-- the views as written); on a file of 10 M facts this migration takes a
-- minute or two, once.

PRAGMA legacy_alter_table = ON;

CREATE TABLE fact_clustered (
  id                INTEGER NOT NULL,     -- stable; a new fact takes max(id) + 1
  document_id       INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  region_id         INTEGER NOT NULL REFERENCES region (id),
  subregion         TEXT,
  metric_id         INTEGER NOT NULL REFERENCES metric (id),
  label             TEXT NOT NULL,        -- the indicator as the text names it
  kind              TEXT NOT NULL CHECK (kind = 'actual' OR kind = 'target'),
  measure           TEXT NOT NULL CHECK (measure = 'level' OR measure = 'ratio' OR measure = 'growth'
                                         OR measure = 'change' OR measure = 'rank'),
  value             REAL NOT NULL,
  unit_id           INTEGER NOT NULL REFERENCES unit (id),
  comparator        TEXT NOT NULL DEFAULT 'eq'
                      CHECK (comparator = 'eq' OR comparator = 'gt' OR comparator = 'ge'
                             OR comparator = 'lt' OR comparator = 'le' OR comparator = 'approx'),
  period            TEXT NOT NULL,        -- FORMAT.md: 2022, 2023-10, 2023-Q3, 2023-01/2023-09
  period_start      INTEGER NOT NULL,     -- YYYYMMDD, first day
  period_end        INTEGER NOT NULL CHECK (period_end >= period_start),  -- YYYYMMDD, last day
  period_grain      TEXT NOT NULL CHECK (period_grain = 'day' OR period_grain = 'month'
                                         OR period_grain = 'quarter' OR period_grain = 'year'
                                         OR period_grain = 'span'),
  target_type       TEXT CHECK (target_type = 'binding' OR target_type = 'anticipatory'),  -- 约束性 / 预期性
  versus            TEXT CHECK (versus = 'national' OR versus = 'target' OR versus = 'province_average'),
  span_start        INTEGER,              -- byte offsets of the quote in document.text
  span_end          INTEGER,
  quote             TEXT NOT NULL,
  confidence        REAL CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 1),
  extractor_version TEXT,
  PRIMARY KEY (region_id, metric_id, period_end, id)
) WITHOUT ROWID;

INSERT INTO fact_clustered SELECT * FROM fact ORDER BY region_id, metric_id, period_end, id;
DROP TABLE fact;
ALTER TABLE fact_clustered RENAME TO fact;

PRAGMA legacy_alter_table = OFF;

CREATE UNIQUE INDEX fact_id ON fact (id);
CREATE INDEX fact_metric_period_region ON fact (metric_id, period_end, region_id);
CREATE INDEX fact_document ON fact (document_id);
CREATE INDEX fact_target ON fact (region_id, metric_id, period_end) WHERE kind = 'target';
