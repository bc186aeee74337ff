// Fuzzes Database::load_jsonl: random bytes as a JSON Lines file, loaded into a
// fresh in-memory database. Any input must give a report (never a crash or an
// exception other than policydb::Error), and a rejected file writes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static policydb::Database db = policydb::Database::open(":memory:");
  const std::string text(reinterpret_cast<const char*>(data), size);
  policydb::LoadOptions options;
  options.on_error = size % 2 == 0 ? policydb::OnError::skip : policydb::OnError::reject;
  options.max_string_bytes = 4096;
  try {
    const std::size_t before = db.facts().count();
    std::istringstream in(text);
    const auto report = db.load_jsonl(in, options);
    const std::size_t after = db.facts().count();
    if (report.rejected && after != before) std::abort();  // half-written
    // Without replacements, the count grows by exactly what the report says.
    // (A replaced document — same `doc`, new content — swaps its old facts for
    // the new ones, which the report does not count; the first 10-minute run
    // stopped on that, a flaw of the old check rather than of the loader.)
    bool replaced = false;
    for (const auto& d : report.documents) replaced |= d.outcome == policydb::DocumentOutcome::replaced;
    if (!replaced && after != before + report.facts_written) std::abort();
  } catch (const policydb::Error&) {
    // Faults are allowed to surface as policydb::Error only.
  }
  return 0;
}
