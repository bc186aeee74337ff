#include "table.h"

#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace policydb::cli {
namespace {

int char_width(UChar32 c) {
  if (c < 0) return 1;  // invalid UTF-8: printed as U+FFFD
  const auto category = U_GET_GC_MASK(c);
  if ((category & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) != 0) return 0;
  const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

bool is_number(const nlohmann::json& cell) { return cell.is_number(); }

std::string pad(const std::string& text, int width, bool right_align) {
  const int fill = std::max(0, width - display_width(text));
  return right_align ? std::string(fill, ' ') + text : text + std::string(fill, ' ');
}

void write_aligned(std::ostream& out, const Table& table, int max_cell_width) {
  const std::size_t n = table.columns.size();
  std::vector<std::vector<std::string>> cells;
  std::vector<int> widths(n, 0);
  std::vector<bool> numeric(n, true);
  for (std::size_t c = 0; c < n; ++c) widths[c] = display_width(table.columns[c]);
  for (const auto& row : table.rows) {
    auto& texts = cells.emplace_back();
    for (std::size_t c = 0; c < n; ++c) {
      texts.push_back(truncate_to_width(cell_text(row.at(c)), max_cell_width));
      widths[c] = std::max(widths[c], display_width(texts.back()));
      if (!row.at(c).is_null() && !is_number(row.at(c))) numeric[c] = false;
    }
  }
  auto line = [&](const std::vector<std::string>& texts) {
    std::string s;
    for (std::size_t c = 0; c < n; ++c) {
      s += pad(texts[c], widths[c], numeric[c] && !table.rows.empty());
      if (c + 1 < n) s += "  ";
    }
    s.erase(s.find_last_not_of(' ') + 1);  // no trailing blanks after an empty last cell
    out << s << '\n';
  };
  line(table.columns);
  std::vector<std::string> rules;
  for (std::size_t c = 0; c < n; ++c) rules.emplace_back(static_cast<std::size_t>(widths[c]), '-');
  line(rules);
  for (const auto& texts : cells) line(texts);
}

void write_csv(std::ostream& out, const Table& table) {
  auto line = [&](auto begin, auto end, auto to_text) {
    for (auto it = begin; it != end; ++it) {
      if (it != begin) out << ',';
      out << csv_field(to_text(*it));
    }
    out << "\r\n";
  };
  line(table.columns.begin(), table.columns.end(), [](const std::string& s) { return s; });
  for (const auto& row : table.rows) line(row.begin(), row.end(), cell_text);
}

nlohmann::json row_object(const Table& table, const std::vector<nlohmann::json>& row) {
  nlohmann::json object = nlohmann::json::object();
  for (std::size_t c = 0; c < table.columns.size(); ++c) object[table.columns[c]] = row.at(c);
  return object;
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "table") return OutputFormat::table;
  if (text == "csv") return OutputFormat::csv;
  if (text == "json") return OutputFormat::json;
  if (text == "jsonl") return OutputFormat::jsonl;
  return std::nullopt;
}

OutputFormat default_output_format(bool stdout_is_terminal) {
  return stdout_is_terminal ? OutputFormat::table : OutputFormat::csv;
}

int display_width(std::string_view utf8) {
  int width = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, length, c);
    width += char_width(c);
  }
  return width;
}

std::string truncate_to_width(std::string_view utf8, int max_width) {
  if (display_width(utf8) <= max_width) return std::string(utf8);
  const int budget = max_width - 1;  // room for "…"
  int width = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    int32_t next = i;
    UChar32 c = 0;
    U8_NEXT(utf8.data(), next, length, c);
    if (width + char_width(c) > budget) break;
    width += char_width(c);
    i = next;
  }
  return std::string(utf8.substr(0, static_cast<std::size_t>(i))) + "…";
}

std::string csv_field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

std::string cell_text(const nlohmann::json& cell) {
  if (cell.is_null()) return "";
  if (cell.is_string()) return cell.get<std::string>();
  if (cell.is_number_integer()) return fmt::format("{}", cell.get<std::int64_t>());
  if (cell.is_number_unsigned()) return fmt::format("{}", cell.get<std::uint64_t>());
  if (cell.is_number_float()) return fmt::format("{}", cell.get<double>());
  if (cell.is_boolean()) return cell.get<bool>() ? "true" : "false";
  return cell.dump();
}

void write_table(std::ostream& out, const Table& table, OutputFormat format, int max_cell_width) {
  switch (format) {
    case OutputFormat::table:
      write_aligned(out, table, max_cell_width);
      return;
    case OutputFormat::csv:
      write_csv(out, table);
      return;
    case OutputFormat::json: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& row : table.rows) array.push_back(row_object(table, row));
      out << array.dump(2) << '\n';
      return;
    }
    case OutputFormat::jsonl:
      for (const auto& row : table.rows) out << row_object(table, row).dump() << '\n';
      return;
  }
}

}  // namespace policydb::cli
