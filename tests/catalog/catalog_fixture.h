// Builds a Catalog from the real CSVs under schema/ (the data the migration
// loads), independently of the store, so the catalog tests check the data too.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "policydb/catalog.h"

namespace policydb::testing {

// One CSV file as rows of column name → value. A small RFC 4180 reader (quoted
// fields, doubled quotes; no embedded newlines in our data).
using CsvRows = std::vector<std::map<std::string, std::string>>;
CsvRows read_schema_csv(const std::string& name);

// The catalog data of schema/*.csv, parsed once per test run.
const CatalogData& schema_catalog_data();
const Catalog& schema_catalog();

}  // namespace policydb::testing
