// Escaping and the display vocabulary of the report (policydb/report.h).
#include <string>
#include <string_view>

#include "policydb/report.h"
#include "policydb/vocabulary.h"

namespace policydb {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // XML 1.0 forbids C0 controls other than tab, LF and CR; an SVG holding
        // one does not render at all, so a stray one is dropped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string status_label(ProgressStatus status) {
  switch (status) {
    case ProgressStatus::achieved: return "已实现 achieved";
    case ProgressStatus::on_track: return "进度正常 on track";
    case ProgressStatus::behind: return "滞后 behind";
    case ProgressStatus::no_data: return "无数据 no data";
  }
  return "";
}

// The word a Chinese report uses for each comparator (FORMAT.md lists them).
std::string comparator_label(Comparator comparator) {
  switch (comparator) {
    case Comparator::eq: return "达到";
    case Comparator::gt: return "超过";
    case Comparator::ge: return "以上";
    case Comparator::lt: return "低于";
    case Comparator::le: return "不超过";
    case Comparator::approx: return "左右";
  }
  return "";
}

}  // namespace policydb
