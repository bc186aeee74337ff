// SHA-256 (FIPS 180-4), for document identity and migration checksums. No
// dependency offers it among the ones policydb may use, and it is ~80 lines.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace policydb::detail {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();  // REQUIRES: called once
  static std::string hex(std::string_view bytes);  // lowercase hex digest of bytes

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace policydb::detail
