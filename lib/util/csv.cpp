#include "util/csv.h"

#include <fmt/format.h>

#include "policydb/error.h"

namespace policydb::detail {
namespace {

// Reads one record starting at `pos`; advances `pos` past its line end.
// `line` counts physical lines for error messages.
std::vector<std::string> read_record(std::string_view text, std::size_t& pos, std::size_t& line,
                                     std::string_view name) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  const std::size_t start_line = line;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  if (quoted) {
    throw Error(ErrorCode::parse, fmt::format("{}:{}: unterminated quoted field", name, start_line));
  }
  return fields;
}

}  // namespace

CsvTable parse_csv(std::string_view text, std::string_view name) {
  CsvTable table;
  std::size_t pos = 0;
  std::size_t line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // tolerate a UTF-8 BOM
  table.header = read_record(text, pos, line, name);
  while (pos < text.size()) {
    const std::size_t record_line = line;
    auto fields = read_record(text, pos, line, name);
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != table.header.size()) {
      throw Error(ErrorCode::parse,
                  fmt::format("{}:{}: {} fields, header has {}", name, record_line, fields.size(),
                              table.header.size()));
    }
    table.rows.push_back(std::move(fields));
  }
  return table;
}

}  // namespace policydb::detail
