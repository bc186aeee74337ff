-- 0006_target_index: an index of the targets alone (issue 7).
--
-- Targets are a small share of the facts (600 of a province's 300 000 in the
-- benchmark of bench/query_bench.cpp), but target progress and "every target
-- due in 2025" start from them. Without this index SQLite walks every fact of
-- the region to find them; the partial index holds only rows with
-- kind = 'target', so it costs little space and nothing on other inserts.
-- Queries must say kind = 'target' literally (not as a bound parameter) for
-- the planner to use it; lib/store/fact_reader.cpp does.

CREATE INDEX fact_target ON fact (region_id, metric_id, period_end) WHERE kind = 'target';
