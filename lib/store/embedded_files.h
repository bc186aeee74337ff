// The schema/ folder as compiled into the library (cmake/EmbedFiles.cmake).
#pragma once

#include <span>
#include <string_view>

namespace policydb::detail {

struct EmbeddedFile {
  std::string_view name;     // base name: 0001_core.sql, regions.csv
  std::string_view content;  // the file's bytes
};

// Every *.sql and *.csv of schema/, sorted by name.
std::span<const EmbeddedFile> embedded_schema_files();

}  // namespace policydb::detail
