// The SVG, HTML and Vega-Lite writers of policydb/report.h on hand-made data.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "policydb/report.h"

using namespace policydb;

namespace {

Region province(std::string short_name, std::string code) {
  Region r;
  r.code = std::move(code);
  r.short_name = short_name;
  r.name = short_name + "省";
  r.name_en = short_name + " Province";
  return r;
}

Fact fact(std::int64_t id, Kind kind, double value, Period period, std::string quote) {
  Fact f;
  f.id = id;
  f.region = std::make_shared<const Region>(province("甲", "110000"));
  f.metric = std::make_shared<const Metric>(Metric{"test_stations", "测试基站数", "test stations", Measure::level,
                                                   "count", "个", Direction::higher_is_better, true});
  f.label = "测试基站";
  f.kind = kind;
  f.value = value;
  f.unit = std::make_shared<const Unit>(Unit{"个", "count", "个", 1});
  f.period = period;
  f.quote = std::move(quote);
  f.document.source = "doc_" + std::to_string(id) + ".txt";
  return f;
}

// A report of one region with two targets due in different years.
ReportData sample_report(const std::string& hostile_quote) {
  TargetRow due_soon;
  due_soon.progress.target = fact(1, Kind::target, 220000, Period::year(2025), hostile_quote);
  due_soon.progress.target.comparator = Comparator::gt;
  due_soon.progress.target_type = "binding";
  due_soon.actuals = {fact(2, Kind::actual, 150000, Period::year(2022), "去年建成15万个"),
                      fact(3, Kind::actual, 187000, Period::month(2023, 10), "已建成18.7万个")};
  due_soon.progress.latest_actual = due_soon.actuals.back();
  due_soon.progress.actual_value = 187000;
  due_soon.progress.ratio_achieved = 187000.0 / 220000;
  due_soon.progress.needed_cagr = 0.078;
  due_soon.progress.observed_cagr = 0.29;
  due_soon.progress.status = ProgressStatus::on_track;
  TargetRow later;
  later.progress.target = fact(4, Kind::target, 30, Period::year(2027), "比重达到30%以上");
  later.progress.target.unit = std::make_shared<const Unit>(Unit{"%", "ratio", "%", 1});
  later.progress.target.comparator = Comparator::ge;
  later.progress.status = ProgressStatus::no_data;
  ReportData data{"测试报告", "", {{province("甲", "110000"), {due_soon, later}}}, {}};
  MetricComparison m;
  m.metric = *due_soon.progress.target.metric;
  m.unit = "个";
  m.bars = {{province("甲", "110000"), due_soon.actuals[1], 187000},
            {province("乙", "120000"), due_soon.actuals[0], 90000}};
  m.years = {2022, 2023};
  m.coverage = {{"甲", {1, 2}}, {"乙", {0, 1}}};
  data.comparisons.push_back(m);
  return data;
}

std::string render(const ReportData& data) {
  std::ostringstream out;
  write_report_html(data, out);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("escape_html turns markup characters into text", "[report]") {
  auto [raw, escaped] = GENERATE(table<std::string, std::string>({
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"研发&投入", "研发&amp;投入"},
      {"a=\"b\" c='d'", "a=&quot;b&quot; c=&#39;d&#39;"},
      {"“十四五”末", "“十四五”末"},
      {std::string("x\x01y\tz", 5), "xy\tz"},
      {"", ""},
  }));
  CHECK(escape_html(raw) == escaped);
}

TEST_CASE("a quote holding markup appears as text in the report, never as markup", "[report]") {
  const std::string html = render(sample_report("目标<script>alert('x')</script> & <b>超过</b>"));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;") !=
        std::string::npos);
}

TEST_CASE("the report is self-contained: no script, no external resource", "[report]") {
  const std::string html = render(sample_report("超过22万个"));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  for (const char* external : {"<script", "<link", "src=", "@import", "url("}) {
    CAPTURE(external);
    CHECK(html.find(external) == std::string::npos);
  }
  CHECK(html.find("@page{size:A4") != std::string::npos);
  CHECK(html.find("Noto Sans CJK SC") != std::string::npos);
}

TEST_CASE("targets are grouped by deadline year with their status chips", "[report]") {
  const std::string html = render(sample_report("超过22万个"));
  const auto y2025 = html.find("2025年到期"), y2027 = html.find("2027年到期");
  REQUIRE(y2025 != std::string::npos);
  REQUIRE(y2027 != std::string::npos);
  CHECK(y2025 < y2027);
  CHECK(count(html, "class=\"target-row\"") == 2);
  CHECK(html.find("data-status=\"on_track\"") != std::string::npos);
  CHECK(html.find("<span class=\"chip on_track\">进度正常 on track</span>") != std::string::npos);
  CHECK(html.find("<span class=\"chip no_data\">无数据 no data</span>") != std::string::npos);
  CHECK(html.find("超过 22万个") != std::string::npos);   // comparator as written
  CHECK(html.find("30%以上") != std::string::npos);
  CHECK(html.find("约束性") != std::string::npos);
  CHECK(html.find("18.7万个") != std::string::npos);      // latest actual
  CHECK(html.find("85%") != std::string::npos);           // ratio achieved
  CHECK(html.find("需 7.8%") != std::string::npos);
  CHECK(html.find("实 29%") != std::string::npos);
}

TEST_CASE("every plotted point links to a row of the sources table", "[report]") {
  const std::string html = render(sample_report("超过22万个"));
  for (const char* doc : {"doc_1.txt", "doc_2.txt", "doc_3.txt", "doc_4.txt"}) {
    CAPTURE(doc);
    CHECK(html.find(std::string("<td>") + doc + "</td>") != std::string::npos);
  }
  // Tooltips of points carry the quote and the source's number.
  CHECK(html.find("<title>2023-10: 18.7万个\n“已建成18.7万个”\ndoc_3.txt [") != std::string::npos);
  for (int id = 1; id <= 4; ++id) {
    CHECK(html.find("id=\"src-" + std::to_string(id) + "\"") != std::string::npos);
  }
}

TEST_CASE("the comparison shows sorted bars and a coverage table", "[report]") {
  const std::string html = render(sample_report("超过22万个"));
  const auto bars = html.find("class=\"bars\"");
  REQUIRE(bars != std::string::npos);
  CHECK(html.find(">甲</text>", bars) < html.find(">乙</text>", bars));
  CHECK(html.find("<td class=\"zero\">0</td>") != std::string::npos);
}

TEST_CASE("a standalone SVG chart is an XML document with tooltips", "[report]") {
  ChartInput input{"5G基站 <&>", "个",
                   {{2022.83, 187000, "2023-10", "达到18.7万个", "a.txt", 0}},
                   {{2025, 220000, "2025", "达到22万个", "b.txt", 0}}};
  std::ostringstream out;
  write_chart_svg(build_chart(input), out, true);
  const std::string svg = out.str();
  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0) == 0);
  CHECK(svg.find("5G基站 &lt;&amp;&gt;") != std::string::npos);
  CHECK(count(svg, "class=\"actual-point\"") == 1);
  CHECK(count(svg, "class=\"target-marker\"") == 1);
  CHECK(count(svg, "class=\"needed\"") == 1);
  CHECK(svg.find("目标 target 2025: 22万个") != std::string::npos);
  CHECK(svg.find(">万个</text>") != std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
}

TEST_CASE("a chart without data says so", "[report]") {
  std::ostringstream out;
  write_chart_svg(build_chart({"空", "个", {}, {}}), out, false);
  CHECK(out.str().find("无数据 no data") != std::string::npos);
  CHECK(out.str().find("<?xml") == std::string::npos);
}

TEST_CASE("Vega-Lite output is a v5 spec with the data inline", "[report]") {
  ChartInput input{"5G基站", "个",
                   {{2021, 120000, "2021", "q1", "a.txt", 0}, {2022.83, 187000, "2023-10", "q2", "a.txt", 0}},
                   {{2025, 220000, "2025", "q3", "b.txt", 0}}};
  std::ostringstream out;
  write_chart_vega_lite(input, out);
  const auto spec = nlohmann::json::parse(out.str());
  CHECK(spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json");
  CHECK(spec["title"] == "5G基站");
  int actual = 0, target = 0, needed = 0;
  for (const auto& v : spec["data"]["values"]) {
    actual += v["series"] == "actual";
    target += v["series"] == "target";
    needed += v["series"] == "needed";
    if (v["series"] == "target") CHECK(v["label"] == "22万个");
  }
  CHECK(actual == 2);
  CHECK(target == 1);
  CHECK(needed > 2);
  CHECK(spec["encoding"]["y"]["title"] == "万个");
  CHECK(spec["layer"].size() == 3);
}
