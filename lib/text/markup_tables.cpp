#include "text/markup_tables.h"

#include <algorithm>
#include <array>
#include <utility>

namespace policydb::text {
namespace {

using TagEntry = std::pair<std::string_view, TagKind>;

// Sorted by name (binary search).
constexpr std::array kTags = {
    TagEntry{"a", TagKind::inline_tag},       TagEntry{"abbr", TagKind::inline_tag},
    TagEntry{"address", TagKind::block},      TagEntry{"article", TagKind::block},
    TagEntry{"aside", TagKind::block},        TagEntry{"b", TagKind::inline_tag},
    TagEntry{"big", TagKind::inline_tag},     TagEntry{"blockquote", TagKind::block},
    TagEntry{"body", TagKind::block},         TagEntry{"br", TagKind::block},
    TagEntry{"button", TagKind::inline_tag},  TagEntry{"caption", TagKind::block},
    TagEntry{"center", TagKind::block},       TagEntry{"cite", TagKind::inline_tag},
    TagEntry{"code", TagKind::inline_tag},    TagEntry{"dd", TagKind::block},
    TagEntry{"del", TagKind::inline_tag},     TagEntry{"div", TagKind::block},
    TagEntry{"dl", TagKind::block},           TagEntry{"dt", TagKind::block},
    TagEntry{"em", TagKind::inline_tag},      TagEntry{"figcaption", TagKind::block},
    TagEntry{"figure", TagKind::block},       TagEntry{"font", TagKind::inline_tag},
    TagEntry{"footer", TagKind::block},       TagEntry{"form", TagKind::block},
    TagEntry{"h1", TagKind::block},           TagEntry{"h2", TagKind::block},
    TagEntry{"h3", TagKind::block},           TagEntry{"h4", TagKind::block},
    TagEntry{"h5", TagKind::block},           TagEntry{"h6", TagKind::block},
    TagEntry{"head", TagKind::block},         TagEntry{"header", TagKind::block},
    TagEntry{"hr", TagKind::block},           TagEntry{"html", TagKind::block},
    TagEntry{"i", TagKind::inline_tag},       TagEntry{"iframe", TagKind::hidden},
    TagEntry{"img", TagKind::inline_tag},     TagEntry{"input", TagKind::inline_tag},
    TagEntry{"ins", TagKind::inline_tag},     TagEntry{"label", TagKind::inline_tag},
    TagEntry{"li", TagKind::block},           TagEntry{"link", TagKind::inline_tag},
    TagEntry{"main", TagKind::block},         TagEntry{"mark", TagKind::inline_tag},
    TagEntry{"meta", TagKind::inline_tag},    TagEntry{"nav", TagKind::block},
    TagEntry{"noscript", TagKind::hidden},    TagEntry{"ol", TagKind::block},
    TagEntry{"option", TagKind::inline_tag},  TagEntry{"p", TagKind::block},
    TagEntry{"pre", TagKind::block},          TagEntry{"q", TagKind::inline_tag},
    TagEntry{"s", TagKind::inline_tag},       TagEntry{"script", TagKind::hidden},
    TagEntry{"section", TagKind::block},      TagEntry{"select", TagKind::inline_tag},
    TagEntry{"small", TagKind::inline_tag},   TagEntry{"span", TagKind::inline_tag},
    TagEntry{"strike", TagKind::inline_tag},  TagEntry{"strong", TagKind::inline_tag},
    TagEntry{"style", TagKind::hidden},       TagEntry{"sub", TagKind::inline_tag},
    TagEntry{"sup", TagKind::inline_tag},     TagEntry{"table", TagKind::block},
    TagEntry{"tbody", TagKind::block},        TagEntry{"td", TagKind::cell},
    TagEntry{"template", TagKind::hidden},    TagEntry{"textarea", TagKind::inline_tag},
    TagEntry{"tfoot", TagKind::block},        TagEntry{"th", TagKind::cell},
    TagEntry{"thead", TagKind::block},        TagEntry{"time", TagKind::inline_tag},
    TagEntry{"title", TagKind::block},        TagEntry{"tr", TagKind::block},
    TagEntry{"u", TagKind::inline_tag},       TagEntry{"ul", TagKind::block},
    TagEntry{"wbr", TagKind::inline_tag},
};

using EntityEntry = std::pair<std::string_view, char32_t>;

// Sorted by name. &nbsp; and the typographic spaces become white space later.
constexpr std::array kEntities = {
    EntityEntry{"amp", '&'},        EntityEntry{"apos", '\''},      EntityEntry{"bull", 0x2022},
    EntityEntry{"copy", 0xA9},      EntityEntry{"deg", 0xB0},       EntityEntry{"divide", 0xF7},
    EntityEntry{"emsp", 0x2003},    EntityEntry{"ensp", 0x2002},    EntityEntry{"gt", '>'},
    EntityEntry{"hellip", 0x2026},  EntityEntry{"laquo", 0xAB},     EntityEntry{"ldquo", 0x201C},
    EntityEntry{"lsquo", 0x2018},   EntityEntry{"lt", '<'},         EntityEntry{"mdash", 0x2014},
    EntityEntry{"middot", 0xB7},    EntityEntry{"nbsp", 0xA0},      EntityEntry{"ndash", 0x2013},
    EntityEntry{"permil", 0x2030},  EntityEntry{"plusmn", 0xB1},    EntityEntry{"quot", '"'},
    EntityEntry{"raquo", 0xBB},     EntityEntry{"rdquo", 0x201D},   EntityEntry{"reg", 0xAE},
    EntityEntry{"rsquo", 0x2019},   EntityEntry{"thinsp", 0x2009},  EntityEntry{"times", 0xD7},
    EntityEntry{"yen", 0xA5},
};

template <typename Table>
auto lookup(const Table& table, std::string_view key) -> decltype(table[0].second) {
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != table.end() && it->first == key ? it->second : decltype(it->second){};
}

}  // namespace

TagKind tag_kind(std::string_view lower_name) { return lookup(kTags, lower_name); }

char32_t named_entity(std::string_view name) { return lookup(kEntities, name); }

}  // namespace policydb::text
