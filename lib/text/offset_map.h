// OffsetMap: where each byte of a derived text came from in its source text.
//
// Design note. Every text stage (decoding, markup stripping, line joining, NFKC,
// Traditional→Simplified) copies most bytes unchanged, so a map entry per byte
// would cost 16x the text. The map is instead a sorted list of segments that
// tile the output: a segment is a run of equal "units", unit k covering output
// bytes [out_begin + k*out_unit, +out_unit) and source bytes
// [src_begin + k*src_unit, +src_unit). An unchanged run is one segment with
// out_unit == src_unit == 1; a GB18030 run of Han characters (2 source bytes →
// 3 output bytes) is one segment with units 3/2; an entity `&amp;` → `&` is one
// unit 1/5. Source bytes that produced nothing (stripped tags) are gaps.
// Invariants: segments are contiguous in the output, and source positions never
// decrease from one unit to the next (every stage preserves order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace policydb::text {

struct MapSegment {
  std::uint32_t out_begin = 0;
  std::uint32_t src_begin = 0;
  std::uint32_t out_unit = 1;
  std::uint32_t src_unit = 1;
};

class OffsetMap {
 public:
  OffsetMap() = default;

  // An unchanged text of `size` bytes.
  static OffsetMap identity(std::size_t size);

  // The source span [first, second) that output bytes [begin, end) came from.
  // An empty output range maps to an empty source span at the matching position.
  // Arguments past the output are clamped.
  std::pair<std::size_t, std::size_t> span(std::size_t begin, std::size_t end) const;

  std::size_t output_size() const { return out_size_; }
  std::size_t source_size() const { return src_size_; }
  std::size_t segment_count() const { return segs_.size(); }
  std::size_t memory_bytes() const { return segs_.capacity() * sizeof(MapSegment); }

  // The map from this map's output to `inner`'s source, where `inner` maps this
  // map's source onward (this: C→B, inner: B→A, result: C→A).
  OffsetMap then(const OffsetMap& inner) const;

 private:
  friend class MapBuilder;
  std::size_t segment_at(std::size_t out_pos) const;
  // Source span of the unit that holds output byte `pos` (pos < output_size()).
  std::pair<std::size_t, std::size_t> unit_span(std::size_t pos) const;
  std::size_t segment_end(std::size_t i) const {
    return i + 1 < segs_.size() ? segs_[i + 1].out_begin : out_size_;
  }

  std::vector<MapSegment> segs_;
  std::uint32_t out_size_ = 0;
  std::uint32_t src_size_ = 0;
};

// Builds an OffsetMap while a stage appends to its output text.
class MapBuilder {
 public:
  // The next `out_len` output bytes are one unit made from source
  // [src_begin, src_begin + src_len). out_len == src_len records a copy.
  void add(std::size_t out_len, std::size_t src_begin, std::size_t src_len);
  // `count` units of out_unit/src_unit bytes, source contiguous from src_begin.
  void add_units(std::size_t out_unit, std::size_t src_begin, std::size_t src_unit,
                 std::size_t count);
  void add_copy(std::size_t len, std::size_t src_begin) { add(len, src_begin, len); }
  std::size_t output_size() const { return out_pos_; }
  OffsetMap finish(std::size_t source_size);

 private:
  std::size_t last_src_end() const;
  std::vector<MapSegment> segs_;
  std::size_t out_pos_ = 0;
};

}  // namespace policydb::text
