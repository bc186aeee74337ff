// Unit tests of the CLI's output module: display width, CSV quoting, formats.
#include "../../tools/cli/table.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using policydb::cli::OutputFormat;
using policydb::cli::Table;

TEST_CASE("display width counts wide and fullwidth characters as two columns", "[cli]") {
  auto [text, width] = GENERATE(table<std::string, int>({
      {"", 0},
      {"abc", 3},
      {"河南省", 6},
      {"5G基站", 6},
      {"\xEF\xBC\x95\xEF\xBC\xA7", 4},  // fullwidth ５Ｇ
      {"e\xCC\x81", 1},                 // e + combining acute accent
      {"\xE3\x80\x82", 2},              // ideographic full stop 。
      {"\xE2\x80\xA6", 1},              // … (ambiguous width: one column)
      {"ab\xFF"
       "c",
       4},  // an invalid byte counts one column
      {"Henan 河南", 10},
  }));
  CAPTURE(text);
  CHECK(policydb::cli::display_width(text) == width);
}

TEST_CASE("truncation keeps whole characters within the width", "[cli]") {
  CHECK(policydb::cli::truncate_to_width("河南省郑州市", 20) == "河南省郑州市");
  const std::string cut = policydb::cli::truncate_to_width("河南省郑州市", 7);
  CHECK(cut == "河南省…");
  CHECK(policydb::cli::display_width(cut) <= 7);
  CHECK(policydb::cli::truncate_to_width("abcdef", 4) == "abc…");
}

TEST_CASE("CSV fields are quoted as RFC 4180 requires", "[cli]") {
  auto [field, expected] = GENERATE(table<std::string, std::string>({
      {"plain", "plain"},
      {"河南", "河南"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
      {"", ""},
      {" padded", "\" padded\""},
  }));
  CHECK(policydb::cli::csv_field(field) == expected);
}

TEST_CASE("output formats are parsed by name and default by terminal", "[cli]") {
  CHECK(policydb::cli::parse_output_format("csv") == OutputFormat::csv);
  CHECK(policydb::cli::parse_output_format("jsonl") == OutputFormat::jsonl);
  CHECK_FALSE(policydb::cli::parse_output_format("xml").has_value());
  CHECK(policydb::cli::default_output_format(true) == OutputFormat::table);
  CHECK(policydb::cli::default_output_format(false) == OutputFormat::csv);
}

namespace {

Table sample_table() {
  return Table{{"region", "metric", "value"},
               {{"河南", "5G基站, 累计", 187000.0},
                {"Jiangsu", "share \"core\"", 31.5},
                {"上海", nullptr, 12}}};
}

std::string render(const Table& table, OutputFormat format) {
  std::ostringstream out;
  policydb::cli::write_table(out, table, format);
  return out.str();
}

}  // namespace

TEST_CASE("CSV output has a header, quoted cells and CRLF line ends", "[cli]") {
  CHECK(render(sample_table(), OutputFormat::csv) ==
        "region,metric,value\r\n"
        "河南,\"5G基站, 累计\",187000\r\n"
        "Jiangsu,\"share \"\"core\"\"\",31.5\r\n"
        "上海,,12\r\n");
}

TEST_CASE("JSON output keeps numbers as numbers and null as null", "[cli]") {
  const auto array = nlohmann::json::parse(render(sample_table(), OutputFormat::json));
  REQUIRE(array.size() == 3);
  CHECK(array[0]["region"] == "河南");
  CHECK(array[0]["value"] == 187000.0);
  CHECK(array[2]["metric"].is_null());
  std::istringstream lines(render(sample_table(), OutputFormat::jsonl));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CHECK(nlohmann::json::parse(line).is_object());
    ++count;
  }
  CHECK(count == 3);
}

TEST_CASE("table output aligns columns by display width", "[cli]") {
  std::istringstream lines(render(sample_table(), OutputFormat::table));
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  REQUIRE(rows.size() == 5);
  // The second column starts where the header's does, whatever script the first holds.
  auto column_start = [](const std::string& row, const std::string& cell) {
    return policydb::cli::display_width(row.substr(0, row.find(cell)));
  };
  const int start = column_start(rows[0], "metric");
  CHECK(column_start(rows[2], "5G基站") == start);
  CHECK(column_start(rows[3], "share") == start);
  // Numbers are right-aligned: every row ends at the same display column.
  const int right = policydb::cli::display_width(rows[0]);
  CHECK(policydb::cli::display_width(rows[2]) == right);
  CHECK(policydb::cli::display_width(rows[3]) == right);
  CHECK(rows[3].substr(rows[3].size() - 4) == "31.5");
}
