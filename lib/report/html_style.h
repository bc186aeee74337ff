// Private: the report's stylesheet (screen and A4 print), inlined in <head>.
#pragma once

namespace policydb::report {

inline constexpr const char* kReportCss = R"css(
:root{--ink:#222;--muted:#666;--line:#ddd;--blue:#1f5fa8;--red:#c0392b}
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',
 'WenQuanYi Micro Hei','Hiragino Sans GB',sans-serif;color:var(--ink);margin:24px auto;
 max-width:1140px;padding:0 16px;font-size:13px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid var(--ink);
 padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:20px 0 6px}
.en{color:var(--muted);font-size:11px;display:block}
.note,.muted{color:var(--muted)}
nav a{margin-right:12px}
table{border-collapse:collapse;width:100%;margin:6px 0 14px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4;font-weight:600;font-size:12px}
td.num{text-align:right;white-space:nowrap}
.chip{display:inline-block;border-radius:10px;padding:1px 8px;font-size:11px;white-space:nowrap;
 color:#fff}
.chip.achieved{background:#2e7d32}.chip.on_track{background:#1f5fa8}
.chip.behind{background:#c0392b}.chip.no_data{background:#888}
.bar{background:#eee;height:6px;width:80px;margin-top:3px}.bar span{display:block;height:6px;
 background:var(--blue)}
.summary span{margin-right:10px}
table.coverage td,table.coverage th{text-align:center;padding:2px 4px}
table.coverage td.zero{color:#bbb;background:#fafafa}
table.sources td{font-size:11px}
sup a{text-decoration:none}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:10.5px}nav{display:none}
 section.region,section.comparisons,section.sources{break-before:page}
 tr,svg,.comparison{break-inside:avoid}a{color:inherit;text-decoration:none}}
)css";

}  // namespace policydb::report
