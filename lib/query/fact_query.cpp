// FactQuery: the builder collects a FactFilter; terminals hand it to the store.
#include "policydb/query.h"

#include "policydb/database.h"
#include "store/fact_reader.h"

namespace policydb {

FactQuery& FactQuery::region(std::string_view name, Subregions subregions) {
  filter_.region = std::string(name);
  filter_.subregions = subregions;
  return *this;
}

FactQuery& FactQuery::subregion(std::string_view name) {
  filter_.subregion = std::string(name);
  return *this;
}

FactQuery& FactQuery::metric(std::string_view code_alias_or_label) {
  filter_.metric = std::string(code_alias_or_label);
  return *this;
}

FactQuery& FactQuery::kind(Kind value) {
  filter_.kind = value;
  return *this;
}

FactQuery& FactQuery::measure(Measure value) {
  filter_.measure = value;
  return *this;
}

FactQuery& FactQuery::period(const Period& period) {
  filter_.period = period;
  return *this;
}

FactQuery& FactQuery::period_overlaps(const Period& period) {
  filter_.overlaps = period;
  return *this;
}

FactQuery& FactQuery::since(int year) {
  filter_.ends_from = Date{year, 1, 1};
  return *this;
}

FactQuery& FactQuery::until(int year) {
  filter_.ends_to = Date{year, 12, 31};
  return *this;
}

FactQuery& FactQuery::as_of(Date day) {
  filter_.as_of = day;
  return *this;
}

FactQuery& FactQuery::document(std::string_view source_or_sha256) {
  filter_.document = std::string(source_or_sha256);
  return *this;
}

namespace {
detail::ReadSpec spec_of(const FactFilter& filter) {
  detail::ReadSpec spec;
  spec.filter = filter;
  return spec;
}
}  // namespace

std::vector<Fact> FactQuery::list() const {
  std::vector<Fact> out;
  detail::read_facts(*db_, spec_of(filter_), [&](Fact& f) {
    out.push_back(std::move(f));
    return true;
  });
  return out;
}

void FactQuery::each(const std::function<bool(const Fact&)>& callback) const {
  detail::read_facts(*db_, spec_of(filter_), callback);
}

std::size_t FactQuery::count() const { return detail::count_facts(*db_, spec_of(filter_)); }

}  // namespace policydb
