// tools/cli/table.h: how the CLI prints rows — aligned tables for people, CSV and
// JSON for programs.
//
// A Table is column names plus rows of JSON values (strings, numbers, null), so
// one result prints in every format without losing types in JSON.
//
//   Table t{{"code", "name"}, {{"410000", "河南省"}}};
//   write_table(std::cout, t, OutputFormat::table);  // 河南省 counts 6 columns wide
//
// The default format is `table` when stdout is a terminal and `csv` otherwise, so
// `policydb regions | head` and `policydb regions > r.csv` give machine-readable CSV.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace policydb::cli {

enum class OutputFormat { table, csv, json, jsonl };

// "table", "csv", "json", "jsonl"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view text);
// table on a terminal, csv otherwise.
OutputFormat default_output_format(bool stdout_is_terminal);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;  // each row has columns.size() cells
};

// Columns a UTF-8 string occupies on a terminal: East Asian Wide and Fullwidth
// characters count 2, combining marks and format characters 0, others 1. An
// invalid byte counts 1 (it prints as a replacement character).
int display_width(std::string_view utf8);

// The longest prefix of `utf8` that fits in `max_width` columns, with "…" at the
// end when something was cut. Never splits a character.
std::string truncate_to_width(std::string_view utf8, int max_width);

// One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF (or
// starts/ends with a space); quotes doubled.
std::string csv_field(std::string_view text);

// A cell as plain text: strings as they are, numbers in their shortest form
// (187000, 31.5), null as "".
std::string cell_text(const nlohmann::json& cell);

// Writes `table` in `format`. table: header, a rule, rows padded by display width
// (numbers right-aligned, cells cut at `max_cell_width` columns); csv: header row
// then rows, CRLF line ends (RFC 4180); json: an array of objects; jsonl: one
// object per line.
void write_table(std::ostream& out, const Table& table, OutputFormat format,
                 int max_cell_width = 48);

}  // namespace policydb::cli
