// Document-level facts the extractor needs before it reads any figure: the
// date relative periods resolve against, the home province, and the year an
// undated actual figure belongs to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/document.h"
#include "policydb/extract.h"

namespace policydb::extract_detail {

struct ReportDate {
  Date date;               // invalid when nothing at all was found
  std::string source;      // "option", "metadata", "dateline", "inferred", "none"
};

// ExtractOptions::date, else the metadata's date, else a dateline near the top
// (2024-01-25, 2025年1月9日, 新华社杭州7月5日电 with the year from the text),
// else inferred from the latest full date or year named (diagnostic date_inferred).
ReportDate find_report_date(std::string_view text, const DocumentMetadata& metadata,
                            const ExtractOptions& options, std::vector<Diagnostic>& diagnostics);

// The home province: ExtractOptions::province (a prefecture gives its
// province), else the province named most often, the title counting triple.
// nullptr when no province is named.
const Region* find_home_province(const Catalog& catalog, const ExtractOptions& options,
                                 const std::vector<RegionMention>& mentions, const Layout& layout,
                                 std::vector<Diagnostic>& diagnostics);

// The year of an actual figure that names no period: the report's year, or the
// year before when a report from the first months reviews it (a sentence that
// opens with that year, or with 去年).
int default_actual_year(std::string_view text, const Layout& layout, const Date& report_date);

}  // namespace policydb::extract_detail
