// CRC-32C (Castagnoli) with TensorFlow's/LevelDB's mask. Uses the SSE4.2
// instruction when the CPU has it (chosen at run time), else a table.
#pragma once
#include <cstddef>
#include <cstdint>

namespace tfn {
namespace crc32c {

// Continues `crc` (a finished crc32c value) over more bytes.
std::uint32_t extend(std::uint32_t crc, const void* data, std::size_t n);
inline std::uint32_t value(const void* data, std::size_t n) { return extend(0, data, n); }

constexpr std::uint32_t kMaskDelta = 0xa282ead8u;
inline std::uint32_t mask(std::uint32_t crc) { return ((crc >> 15) | (crc << 17)) + kMaskDelta; }
inline std::uint32_t unmask(std::uint32_t masked) {
  std::uint32_t rot = masked - kMaskDelta;
  return (rot >> 17) | (rot << 15);
}

bool hardware_accelerated();

}  // namespace crc32c
}  // namespace tfn
