// Private SVG drawing shared by the chart writer and the HTML report.
#pragma once

#include <ostream>
#include <string>

#include "policydb/report.h"

namespace policydb::report {

// The CSS font stack that renders Chinese on Windows, macOS and Linux.
inline constexpr const char* kFontStack =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
    "'WenQuanYi Micro Hei','Hiragino Sans GB',sans-serif";

// A pixel coordinate with one decimal.
std::string px(double value);

// Tooltip text of one plotted point: period, value, quote, source.
std::string point_tooltip(const ChartPoint& point, std::string_view unit, bool target);

// A horizontal bar chart of one metric across regions, as an <svg> element.
void write_bar_chart(const MetricComparison& comparison, std::ostream& out);

}  // namespace policydb::report
