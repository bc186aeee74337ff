// The development quality gate of issue 9: extract every report of
// ../shared/corpus (dates only for the two files that carry none), score the
// facts with ../shared/tools/score_facts.py against ../shared/gold/seeds.jsonl
// and require the thresholds. The scorer's table is printed.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policydb/catalog.h"
#include "policydb/extract.h"
#include "test_support.h"

namespace {

namespace fs = std::filesystem;
using policydb::testing::shared_dir;

// The dates the gate passes: the two reports whose text carries none.
std::optional<policydb::Date> gate_date(const std::string& name) {
  if (name.starts_with("000_")) return policydb::Date{2023, 11, 20};
  if (name.starts_with("003_")) return policydb::Date{2023, 11, 15};
  return std::nullopt;
}

void write_predictions(const fs::path& out_path) {
  policydb::Extractor extractor(policydb::Catalog::builtin());
  std::ofstream out(out_path);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(shared_dir() / "corpus")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    policydb::ExtractOptions options;
    options.source_name = file.filename().string();
    options.date = gate_date(options.source_name);
    auto result = extractor.extract(policydb::testing::read_file(file), options);
    for (const auto& f : result.facts) out << policydb::to_jsonl(f) << '\n';
  }
}

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  pclose(pipe);
  return output;
}

// Per-document recall from the scorer's table (rows: doc gold pred tp fp fn P R F1).
std::map<std::string, double> per_document_recall(const std::string& output) {
  std::map<std::string, double> out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    std::istringstream row(line);
    std::string doc;
    double gold = 0, pred = 0, tp = 0, fp = 0, fn = 0, p = 0, r = 0;
    if ((row >> doc >> gold >> pred >> tp >> fp >> fn >> p >> r) && doc.ends_with(".txt")) out[doc] = r;
  }
  return out;
}

// "field accuracy over N matched: period 0.963, measure 1.000, ..." → {period: 0.963, ...}
std::map<std::string, double> field_accuracy(const std::string& output) {
  std::map<std::string, double> out;
  std::size_t at = output.find("field accuracy over");
  REQUIRE(at != std::string::npos);
  std::string line = output.substr(output.find(':', at) + 1, output.find('\n', at) - output.find(':', at) - 1);
  std::istringstream in(line);
  for (std::string name, value; in >> name >> value;) {
    if (!value.empty() && value.back() == ',') value.pop_back();
    out[name] = std::stod(value);
  }
  return out;
}

}  // namespace

TEST_CASE("extracting the development corpus meets the issue 9 gate", "[extract][gate]") {
  policydb::testing::TempDir dir;
  const fs::path pred = dir / "pred.jsonl";
  write_predictions(pred);
  if (const char* keep = std::getenv("POLICYDB_KEEP_PREDICTIONS")) fs::copy_file(pred, keep, fs::copy_options::overwrite_existing);
  const std::string output = run("python3 " + (shared_dir() / "tools/score_facts.py").string() + " " +
                                 (shared_dir() / "gold/seeds.jsonl").string() + " " + pred.string() +
                                 " --json --misses 0");
  INFO(output);
  std::printf("%s", output.c_str());
  auto summary = nlohmann::json::parse(output.substr(output.rfind('{')));
  CHECK(summary["precision"].get<double>() >= 0.93);
  CHECK(summary["recall"].get<double>() >= 0.93);
  CHECK(summary["link_precision"].get<double>() >= 0.90);
  CHECK(summary["link_recall"].get<double>() >= 0.80);
  CHECK(summary["coded_share"].get<double>() >= 0.70);
  for (const auto& [doc, recall] : per_document_recall(output)) {
    INFO(doc);
    CHECK(recall >= 0.85);
  }
  const auto fields = field_accuracy(output);
  CHECK(fields.at("period") >= 0.90);
  CHECK(fields.at("metric") >= 0.80);
}
