-- 0008_series_index_covers_filters: the (region, metric, period) index also
-- carries the columns reads filter on (issue 7).
--
-- target_progress asks, for each target, which comparable actuals end last and
-- first before its deadline, and which facts end on those days: kind, measure,
-- subregion and unit decide what is comparable, and the document decides which
-- source is newer. With only (region_id, metric_id, period_end) in the index,
-- SQLite read every candidate's table row, each on its own page, to test them.
-- Carrying those columns makes both lookups index-only; series and point
-- lookups test kind, measure and subregion before reading a row too. The index
-- keeps its name and its leading columns, so every query plan that used it
-- still does. `id` comes right after period_end: reads list a period's facts
-- in id order, which the old index gave for free (its entries end with the
-- rowid); after the filter columns SQLite would sort every period's rows, quote
-- and all. Cost: ~23 bytes more per fact; no extra index to maintain.

DROP INDEX fact_region_metric_period;
CREATE INDEX fact_region_metric_period
  ON fact (region_id, metric_id, period_end, id, kind, measure, subregion, unit_id, document_id);
