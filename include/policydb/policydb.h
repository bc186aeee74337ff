// policydb/policydb.h: the whole public API in one include.
//
//   #include "policydb/policydb.h"
//   auto db = policydb::Database::open("facts.db");
//   auto report = db.ingest("report.txt");
//
// policydb/format.h (fmt formatters) is left out: it is the one header that
// pulls in <fmt/format.h>; include it where you format policydb values.
#pragma once

#include "policydb/catalog.h"
#include "policydb/chart.h"
#include "policydb/database.h"
#include "policydb/error.h"
#include "policydb/extract.h"
#include "policydb/fact.h"
#include "policydb/fact_record.h"
#include "policydb/load.h"
#include "policydb/options.h"
#include "policydb/period.h"
#include "policydb/periods.h"
#include "policydb/progress.h"
#include "policydb/quantity.h"
#include "policydb/query.h"
#include "policydb/report.h"
#include "policydb/sandbox.h"
#include "policydb/text.h"
#include "policydb/version.h"
#include "policydb/vocabulary.h"
