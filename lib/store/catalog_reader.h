// Reads the reference data tables of a policydb database into CatalogData.
#pragma once

#include "policydb/catalog.h"

namespace SQLite {
class Database;
}

namespace policydb::detail {

// REQUIRES: the database is migrated (region, unit, metric tables exist).
CatalogData read_catalog_data(SQLite::Database& db);

}  // namespace policydb::detail
