// policydb/fact_record.h: one fact in the interchange model of
// ../shared/gold/FORMAT.md — what the extractor produces, what load_jsonl reads
// and what the exporter writes. Plain strings for names, so a record can hold a
// label nothing in the catalog knows yet.
//
//   policydb::FactRecord f;
//   f.region = "河南"; f.metric = "5G基站总数"; f.kind = policydb::Kind::actual;
//   f.value = 187000; f.unit = "个"; f.period = policydb::Period::month(2023, 10);
//   f.quote = "5G基站总数达到18.7万个";
#pragma once

#include <optional>
#include <string>

#include "policydb/period.h"
#include "policydb/vocabulary.h"

namespace policydb {

struct FactRecord {
  std::string doc;           // source file name (FORMAT.md `doc`)
  std::string region;        // short simplified name: 河南, 全国, 长三角
  std::string subregion;     // city / zone below the province, or empty
  std::string metric;        // the indicator as the text names it
  std::string metric_code;   // curated catalog code, or empty when uncurated
  Kind kind = Kind::actual;
  Measure measure = Measure::level;
  double value = 0;          // multipliers applied; percentages keep their number
  std::string unit;          // unit code: CNY, %, pp, rank, 个 ...
  Period period;
  Comparator comparator = Comparator::eq;
  std::optional<Date> published;   // the report's publication date
  std::string quote;         // verbatim source span, original script
  std::optional<std::string> target_type;  // "binding" (约束性) / "anticipatory" (预期性)
  std::optional<std::string> versus;       // "national", "target", "province_average"
  // Extraction only (not in FORMAT.md lines): the quote's byte span in the
  // original document, and the extractor's confidence in [0, 1].
  std::optional<std::size_t> span_start, span_end;
  std::optional<double> confidence;
};

}  // namespace policydb
