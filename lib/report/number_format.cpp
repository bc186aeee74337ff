// Numbers and units as a Chinese reader writes them (policydb/chart.h).
//
// Scaling follows Chinese convention: 万 (1e4), 亿 (1e8), 万亿 (1e12), applied to
// money and counted things, never to rates or Latin unit symbols. About four
// significant digits are kept, because sources state figures like 146.3亿元 and
// 18.7万个 and a report should echo them, not 146亿 or 18.70万.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "policydb/chart.h"
#include "policydb/error.h"

namespace policydb {
namespace {

struct Multiplier {
  double factor;
  std::string_view name;
};

// Largest first, so the first one that fits wins.
constexpr Multiplier kMultipliers[] = {{1e12, "万亿"}, {1e8, "亿"}, {1e4, "万"}};

// Units whose label differs from their code; the rest print as their code.
struct UnitLabel {
  std::string_view code;
  std::string_view label;
};
constexpr UnitLabel kUnitLabels[] = {
    {"CNY", "元"}, {"pp", "个百分点"}, {"km2", "平方公里"}, {"rank", "位"},
};

void require_finite(double value) {
  if (!std::isfinite(value)) {
    throw Error(ErrorCode::invalid_argument, "cannot format a non-finite number");
  }
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool has_latin_letter(std::string_view text) {
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  }
  return false;
}

// Decimals that keep about four significant digits (three below 1), at most
// two for numbers ≥ 1, so 18.7, 146.3, 1620, 0.0123.
int decimals_for(double magnitude) {
  if (magnitude == 0) return 0;
  if (magnitude < 1) return std::min(6, 2 - static_cast<int>(std::floor(std::log10(magnitude))));
  const int int_digits = static_cast<int>(std::floor(std::log10(magnitude))) + 1;
  return std::clamp(4 - int_digits, 0, 2);
}

double round_to(double value, int decimals) {
  const double p = std::pow(10.0, decimals);
  return std::round(value * p) / p;
}

// The number part with its multiplier: 187000 → "18.7万".
std::string scaled_number(double value) {
  const double magnitude = std::fabs(value);
  for (std::size_t i = 0; i < std::size(kMultipliers); ++i) {
    const Multiplier& m = kMultipliers[i];
    if (magnitude < m.factor) continue;
    const double scaled = magnitude / m.factor;
    const int decimals = decimals_for(scaled);
    // 9999.6万 rounds to 10000万: say 1亿 instead.
    if (i > 0 && round_to(scaled, decimals) >= 1e4) {
      const double up = magnitude / kMultipliers[i - 1].factor;
      return format_number(std::copysign(up, value), decimals_for(up)) +
             std::string(kMultipliers[i - 1].name);
    }
    return format_number(std::copysign(scaled, value), decimals) + std::string(m.name);
  }
  const int decimals = decimals_for(magnitude);
  if (round_to(magnitude, decimals) >= 1e4) return scaled_number(std::copysign(1e4, value));
  return format_number(value, decimals);
}

}  // namespace

std::string unit_label(std::string_view unit_code) {
  for (const auto& entry : kUnitLabels) {
    if (entry.code == unit_code) return std::string(entry.label);
  }
  return std::string(unit_code);
}

bool uses_chinese_multipliers(std::string_view unit_code) {
  if (unit_code == "CNY") return true;
  return !unit_code.empty() && !is_ascii(unit_code) && unit_code != "%";
}

std::string format_number(double value, int max_decimals) {
  require_finite(value);
  max_decimals = std::clamp(max_decimals, 0, 12);
  std::string text = fmt::format("{:.{}f}", value, max_decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string format_quantity(double value, std::string_view unit_code) {
  require_finite(value);
  if (unit_code == "rank") return "第" + format_number(value, 0) + "位";
  if (uses_chinese_multipliers(unit_code)) return scaled_number(value) + unit_label(unit_code);
  const std::string number = format_number(value, decimals_for(std::fabs(value)));
  const std::string label = unit_label(unit_code);
  // SI symbols take a space (61.2 Tbps); %, 个百分点 and 平方公里 do not.
  return has_latin_letter(label) ? number + " " + label : number + label;
}

AxisUnit choose_axis_unit(double max_abs, std::string_view unit_code) {
  const std::string label = unit_label(unit_code);
  if (!uses_chinese_multipliers(unit_code)) return {1, unit_code == "rank" ? "位次" : label};
  for (const Multiplier& m : kMultipliers) {
    if (std::fabs(max_abs) >= m.factor) return {m.factor, std::string(m.name) + label};
  }
  return {1, label};
}

}  // namespace policydb
