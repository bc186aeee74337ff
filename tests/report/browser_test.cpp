// The report as a person sees it: the seed gold loaded into a temporary
// database, the report of 河南 and a standalone chart rendered by headless
// Chromium, the screenshots checked for content and the DOM for the 5G
// base-station target row with its status.
//
// Chromium is found as $CHROMIUM, else chromium / chromium-browser /
// google-chrome on PATH. Without it the test is skipped with a warning, except
// when CI=true, where it fails: CI installs chromium (scripts/setup.sh).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "policydb/database.h"
#include "policydb/report.h"
#include "test_support.h"

using namespace policydb;
using policydb::testing::TempDir;

namespace {

std::string run(const std::string& command) {
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    pclose(pipe);
  }
  return output;
}

std::optional<std::string> find_chromium() {
  if (const char* env = std::getenv("CHROMIUM"); env != nullptr && *env != '\0') return env;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::string path = run(std::string("command -v ") + name + " 2>/dev/null");
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    if (!path.empty()) return path;
  }
  return std::nullopt;
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

class Browser {
 public:
  Browser(std::string binary, const TempDir& dir) : binary_(std::move(binary)), dir_(dir) {}

  // Renders `page` in a window of `size` ("1200,1600") into `png`; returns the PNG's bytes. With
  // $POLICYDB_SCREENSHOT_DIR set, the page and the PNG are also copied there
  // for a person to look at.
  std::string screenshot(const std::filesystem::path& page, const std::filesystem::path& png,
                         const std::string& size = "1200,1600") {
    run(command("--screenshot=" + png.string() + " --window-size=" + size, page) + " >/dev/null");
    if (const char* keep = std::getenv("POLICYDB_SCREENSHOT_DIR"); keep != nullptr && *keep) {
      std::filesystem::create_directories(keep);
      for (const auto& file : {page, png}) {
        std::filesystem::copy_file(file, std::filesystem::path(keep) / file.filename(),
                                   std::filesystem::copy_options::overwrite_existing);
      }
    }
    return policydb::testing::read_file(png);
  }
  // The DOM after loading `page`, serialized.
  std::string dump_dom(const std::filesystem::path& page) {
    return run(command("--dump-dom", page));
  }

 private:
  std::string command(const std::string& action, const std::filesystem::path& page) {
    // A fresh profile per run: no state shared between runs or with a user's.
    const auto profile = dir_.path() / ("profile" + std::to_string(++runs_));
    return "timeout 120 '" + binary_ + "' --headless --no-sandbox --disable-gpu --disable-quic "
           "--no-first-run --disable-background-networking --disable-component-update "
           "--disable-sync --hide-scrollbars --user-data-dir='" + profile.string() + "' " + action +
           " 'file://" + page.string() + "' 2>/dev/null";
  }

  std::string binary_;
  const TempDir& dir_;
  int runs_ = 0;
};

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Width and height from a PNG's IHDR chunk; {0, 0} when not a PNG.
std::pair<unsigned, unsigned> png_size(const std::string& png) {
  if (png.size() < 24 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return {0, 0};
  auto be32 = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

Database seed_database(const TempDir& dir) {
  Database db = Database::open(dir / "facts.db");
  std::ifstream gold(policydb::testing::shared_dir() / "gold" / "seeds.jsonl");
  REQUIRE(gold);
  const LoadReport report = db.load_jsonl(gold);
  REQUIRE(report.facts_written > 0);
  return db;
}

// The 5G base-station target of 河南 as target_progress reports it.
TargetProgress henan_5g_target(const Database& db) {
  FactFilter filter;
  filter.region = "河南";
  filter.metric = "5g_base_stations";
  const auto progress = db.target_progress(filter);
  REQUIRE(progress.size() == 1);
  return progress.front();
}

// The <tr> of the report's DOM whose data-metric is `code`.
std::string dom_row(const std::string& dom, const std::string& code) {
  const auto at = dom.find("data-metric=\"" + code + "\"");
  if (at == std::string::npos) return "";
  const auto start = dom.rfind("<tr", at);
  const auto end = dom.find("</tr>", at);
  return dom.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("the report of the seed gold renders in headless Chromium", "[report][browser]") {
  const auto chromium = find_chromium();
  if (!chromium) {
    if (in_ci()) FAIL("chromium is not installed (scripts/setup.sh installs it)");
    WARN("chromium not found: skipping the headless-browser check");
    return;
  }
  TempDir dir;
  const Database db = seed_database(dir);
  ReportOptions options;
  options.regions = {"河南"};
  std::ofstream(dir / "report.html", std::ios::binary) << [&] {
    std::ostringstream out;
    write_report(db, options, out);
    return out.str();
  }();
  write_text(dir / "blank.html", "<!DOCTYPE html><html><body></body></html>");
  Browser browser(*chromium, dir);

  const std::string blank = browser.screenshot(dir / "blank.html", dir / "blank.png");
  const std::string shot = browser.screenshot(dir / "report.html", dir / "report.png");
  REQUIRE(png_size(shot) == std::make_pair(1200u, 1600u));
  REQUIRE(png_size(blank) == std::make_pair(1200u, 1600u));
  // A blank page compresses to a few kB; text, tables and charts do not.
  CHECK(shot.size() > 8 * blank.size());

  const std::string dom = browser.dump_dom(dir / "report.html");
  REQUIRE(dom.find("<h2>河南省") != std::string::npos);
  const TargetProgress target = henan_5g_target(db);
  const std::string row = dom_row(dom, "5g_base_stations");
  REQUIRE_FALSE(row.empty());
  CHECK(row.find("data-status=\"" + std::string(to_string(target.status)) + "\"") !=
        std::string::npos);
  CHECK(row.find(status_label(target.status)) != std::string::npos);
  CHECK(row.find("22万个") != std::string::npos);
  CHECK(row.find("<svg") != std::string::npos);
  CHECK(dom.find("全省累計開通5G基站18.7萬個") != std::string::npos);  // quote in the sources
}

TEST_CASE("a standalone chart SVG renders in headless Chromium", "[report][browser]") {
  const auto chromium = find_chromium();
  if (!chromium) {
    if (in_ci()) FAIL("chromium is not installed (scripts/setup.sh installs it)");
    WARN("chromium not found: skipping the headless-browser check");
    return;
  }
  TempDir dir;
  const Database db = seed_database(dir);
  {
    std::ofstream svg(dir / "chart.svg", std::ios::binary);
    write_chart_svg(db, {"河南", "5g_base_stations"}, svg);
  }
  write_text(dir / "blank.svg",
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"320\"></svg>");
  Browser browser(*chromium, dir);
  const std::string blank = browser.screenshot(dir / "blank.svg", dir / "blank.png", "560,320");
  const std::string shot = browser.screenshot(dir / "chart.svg", dir / "chart.png", "560,320");
  REQUIRE(png_size(shot) == std::make_pair(560u, 320u));
  CHECK(shot.size() > 4 * blank.size());
  const std::string dom = browser.dump_dom(dir / "chart.svg");
  // An XML error would make Chromium show its parser-error page instead.
  CHECK(dom.find("parsererror") == std::string::npos);
  CHECK(dom.find("class=\"target-marker\"") != std::string::npos);
  CHECK(dom.find("class=\"actual-point\"") != std::string::npos);
  CHECK(dom.find("5G基站达到22万个") != std::string::npos);  // the target's quote as tooltip
}
