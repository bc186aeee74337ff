#include "text/offset_map.h"

#include <algorithm>

namespace policydb::text {

OffsetMap OffsetMap::identity(std::size_t size) {
  MapBuilder builder;
  builder.add_copy(size, 0);
  return builder.finish(size);
}

std::size_t OffsetMap::segment_at(std::size_t out_pos) const {
  auto it = std::upper_bound(segs_.begin(), segs_.end(), out_pos,
                             [](std::size_t pos, const MapSegment& s) { return pos < s.out_begin; });
  return static_cast<std::size_t>(it - segs_.begin()) - 1;
}

std::pair<std::size_t, std::size_t> OffsetMap::unit_span(std::size_t pos) const {
  const MapSegment& s = segs_[segment_at(pos)];
  const std::size_t k = (pos - s.out_begin) / s.out_unit;
  const std::size_t begin = s.src_begin + k * std::size_t{s.src_unit};
  return {begin, begin + s.src_unit};
}

std::pair<std::size_t, std::size_t> OffsetMap::span(std::size_t begin, std::size_t end) const {
  if (segs_.empty()) return {0, 0};
  begin = std::min<std::size_t>(begin, out_size_);
  end = std::clamp<std::size_t>(end, begin, out_size_);
  if (begin == end) {
    const std::size_t at = begin < out_size_ ? unit_span(begin).first : unit_span(out_size_ - 1).second;
    return {at, at};
  }
  const std::size_t first = unit_span(begin).first;
  return {first, std::max(first, unit_span(end - 1).second)};
}

// Walks the units of this map in output order. Copy segments are split at the
// inner map's segment boundaries (cheap: no per-byte work); changed units are
// looked up one by one, and they are rare.
OffsetMap OffsetMap::then(const OffsetMap& inner) const {
  MapBuilder out;
  std::size_t j = 0, steps = 0;  // cursor into inner.segs_
  if (inner.segs_.empty()) return out.finish(inner.src_size_);
  for (std::size_t i = 0; i < segs_.size(); ++i) {
    const MapSegment& s = segs_[i];
    const std::size_t len = segment_end(i) - s.out_begin;
    if (s.out_unit == 1 && s.src_unit == 1) {
      std::size_t x = s.src_begin;
      const std::size_t y = s.src_begin + len;
      while (x < y && x < inner.out_size_) {
        // Source positions only grow: step the cursor forward, search if far.
        while (j + 1 < inner.segs_.size() && inner.segs_[j + 1].out_begin <= x && ++steps < 8) ++j;
        if (inner.segment_end(j) <= x || inner.segs_[j].out_begin > x) j = inner.segment_at(x);
        steps = 0;
        const MapSegment& t = inner.segs_[j];
        const std::size_t t_end = std::min(y, inner.segment_end(j));
        if (t.out_unit == 1 && t.src_unit == 1) {
          out.add_copy(t_end - x, t.src_begin + (x - t.out_begin));
          x = t_end;
          continue;
        }
        const std::size_t k = (x - t.out_begin) / t.out_unit;
        const std::size_t unit_out_begin = t.out_begin + k * t.out_unit;
        const std::size_t whole = (x == unit_out_begin) ? (t_end - x) / t.out_unit : 0;
        if (whole > 0) {
          out.add_units(t.out_unit, t.src_begin + k * t.src_unit, t.src_unit, whole);
          x += whole * t.out_unit;
        } else {  // a partial unit maps to the whole unit's source
          const std::size_t stop = std::min<std::size_t>(t_end, unit_out_begin + t.out_unit);
          out.add(stop - x, t.src_begin + k * t.src_unit, t.src_unit);
          x = stop;
        }
      }
    } else {
      const std::size_t units = len / s.out_unit;
      for (std::size_t k = 0; k < units; ++k) {
        const std::size_t b = s.src_begin + k * std::size_t{s.src_unit};
        const auto [a0, a1] = inner.span(b, b + s.src_unit);
        out.add(s.out_unit, a0, a1 - a0);
      }
    }
  }
  return out.finish(inner.src_size_);
}

std::size_t MapBuilder::last_src_end() const {
  const MapSegment& s = segs_.back();
  return s.src_begin + (out_pos_ - s.out_begin) / s.out_unit * std::size_t{s.src_unit};
}

void MapBuilder::add(std::size_t out_len, std::size_t src_begin, std::size_t src_len) {
  if (out_len == 0) return;
  if (out_len == src_len) {  // a copy: byte-granular, merges with a neighbour copy
    const bool extends = !segs_.empty() && segs_.back().out_unit == 1 &&
                         segs_.back().src_unit == 1 && last_src_end() == src_begin;
    if (!extends) {
      segs_.push_back({static_cast<std::uint32_t>(out_pos_), static_cast<std::uint32_t>(src_begin),
                       1, 1});
    }
    out_pos_ += out_len;
    return;
  }
  if (segs_.empty() || segs_.back().out_unit != out_len || segs_.back().src_unit != src_len ||
      last_src_end() != src_begin) {
    segs_.push_back({static_cast<std::uint32_t>(out_pos_), static_cast<std::uint32_t>(src_begin),
                     static_cast<std::uint32_t>(out_len), static_cast<std::uint32_t>(src_len)});
  }
  out_pos_ += out_len;
}

void MapBuilder::add_units(std::size_t out_unit, std::size_t src_begin, std::size_t src_unit,
                           std::size_t count) {
  if (count == 0 || out_unit == 0) return;
  if (out_unit == src_unit) {
    add_copy(out_unit * count, src_begin);
    return;
  }
  add(out_unit, src_begin, src_unit);
  out_pos_ += out_unit * (count - 1);  // the rest extend the unit run just added
}

OffsetMap MapBuilder::finish(std::size_t source_size) {
  OffsetMap map;
  map.segs_ = std::move(segs_);
  map.segs_.shrink_to_fit();
  map.out_size_ = static_cast<std::uint32_t>(out_pos_);
  map.src_size_ = static_cast<std::uint32_t>(source_size);
  segs_.clear();
  out_pos_ = 0;
  return map;
}

}  // namespace policydb::text
