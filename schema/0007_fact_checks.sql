-- 0007_fact_checks: the same rules on fact's enumerated columns, written as
-- comparisons instead of IN lists (issue 7).
--
-- SQLite evaluates a CHECK of the form `x IN ('a', 'b', 'c')` (three or more
-- constants) by building a temporary index of the list, and it builds it again
-- for every row inserted: four such lists made up about 30 % of the time of
-- `policydb ingest` on one thread. `x = 'a' OR x = 'b' OR x = 'c'` allows and
-- refuses exactly the same values (NULL passes both ways) without that cost.
--
-- A CHECK cannot be changed in place, so the table is rebuilt and its indexes
-- made again; ids and rows are kept as they are. Views name the table, not a
-- copy of it, so legacy_alter_table keeps the rename from rewriting or
-- re-checking them while `fact` does not exist. Nothing references fact, so
-- dropping it deletes nothing elsewhere. On a file of 10 M facts this
-- migration takes minutes, once.

PRAGMA legacy_alter_table = ON;

CREATE TABLE fact_rebuilt (
  id                INTEGER PRIMARY KEY,
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
  extractor_version TEXT
);
INSERT INTO fact_rebuilt SELECT * FROM fact ORDER BY id;
DROP TABLE fact;
ALTER TABLE fact_rebuilt RENAME TO fact;

PRAGMA legacy_alter_table = OFF;

-- The indexes of 0001 and 0006, unchanged.
CREATE INDEX fact_region_metric_period ON fact (region_id, metric_id, period_end);
CREATE INDEX fact_metric_period_region ON fact (metric_id, period_end, region_id);
CREATE INDEX fact_document ON fact (document_id);
CREATE INDEX fact_target ON fact (region_id, metric_id, period_end) WHERE kind = 'target';
