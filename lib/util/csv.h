// A reader for the RFC 4180 CSV files under schema/ (comma, double-quote
// escaping, LF or CRLF). Not a general-purpose CSV library: input is our own data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policydb::detail {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each row has header.size() fields
};

// Throws Error(parse) naming `name` and the line when a row's field count differs
// from the header's or a quoted field is not closed.
CsvTable parse_csv(std::string_view text, std::string_view name);

}  // namespace policydb::detail
