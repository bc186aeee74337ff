// Uses the installed headers and library: create an in-memory database, resolve
// a region by its one-character abbreviation, print the schema version.
#include <cstdio>

#include "policydb/database.h"
#include "policydb/version.h"

int main() {
  auto db = policydb::Database::open(":memory:");
  const policydb::Region& henan = db.catalog()->region("豫");
  std::printf("policydb %s, schema %d, %s\n", policydb::kVersionString, db.schema_version(),
              henan.short_name.c_str());
  return henan.short_name == "河南" && db.check().ok ? 0 : 1;
}
