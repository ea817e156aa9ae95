// Philox4x32-10 counter-based generator (Salmon et al., 2011), the family
// TensorFlow's random ops use; counter-based, so any block can be reached in O(1).
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace tfn {

class Philox {
 public:
  using Block = std::array<std::uint32_t, 4>;

  Philox(std::uint64_t seed, std::uint64_t seed2) {
    key_[0] = static_cast<std::uint32_t>(seed);
    key_[1] = static_cast<std::uint32_t>(seed >> 32);
    ctr_ = {0, 0, static_cast<std::uint32_t>(seed2), static_cast<std::uint32_t>(seed2 >> 32)};
  }

  // Moves the 128-bit counter forward by n blocks.
  void skip(std::uint64_t n) {
    std::uint64_t lo = (static_cast<std::uint64_t>(ctr_[1]) << 32) | ctr_[0];
    std::uint64_t sum = lo + n;
    ctr_[0] = static_cast<std::uint32_t>(sum);
    ctr_[1] = static_cast<std::uint32_t>(sum >> 32);
    if (sum < lo && ++ctr_[2] == 0) ++ctr_[3];
  }
  // Moves the upper half of the counter: an independent stream per substream id.
  void substream(std::uint64_t id) {
    std::uint64_t hi = (static_cast<std::uint64_t>(ctr_[3]) << 32) | ctr_[2];
    hi += id;
    ctr_[2] = static_cast<std::uint32_t>(hi);
    ctr_[3] = static_cast<std::uint32_t>(hi >> 32);
  }

  Block next() {
    Block c = ctr_;
    std::uint32_t k0 = key_[0], k1 = key_[1];
    for (int r = 0; r < 10; ++r) {
      std::uint64_t p0 = static_cast<std::uint64_t>(kM0) * c[0];
      std::uint64_t p1 = static_cast<std::uint64_t>(kM1) * c[2];
      Block n;
      n[0] = static_cast<std::uint32_t>(p1 >> 32) ^ c[1] ^ k0;
      n[1] = static_cast<std::uint32_t>(p1);
      n[2] = static_cast<std::uint32_t>(p0 >> 32) ^ c[3] ^ k1;
      n[3] = static_cast<std::uint32_t>(p0);
      c = n;
      k0 += kW0;
      k1 += kW1;
    }
    skip(1);
    return c;
  }

 private:
  static constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
  static constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
  std::uint32_t key_[2];
  Block ctr_;
};

// A float in [0, 1) from the low 23 bits.
inline float uint32_to_float(std::uint32_t x) {
  std::uint32_t bits = (127u << 23) | (x & 0x7fffffu);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f - 1.0f;
}

// A double in [0, 1) from 52 bits of two words.
inline double uint64_to_double(std::uint32_t hi, std::uint32_t lo) {
  std::uint64_t m = ((static_cast<std::uint64_t>(hi) << 32) | lo) & ((1ull << 52) - 1);
  std::uint64_t bits = (1023ull << 52) | m;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d - 1.0;
}

// Box-Muller: two standard normals from two uniforms.
template <typename T>
inline void box_muller(T u1, T u2, T* z0, T* z1) {
  const T eps = static_cast<T>(1.0e-7);
  if (u1 < eps) u1 = eps;
  T v = static_cast<T>(6.283185307179586) * u2;
  T r = std::sqrt(static_cast<T>(-2) * std::log(u1));
  *z0 = std::sin(v) * r;
  *z1 = std::cos(v) * r;
}

}  // namespace tfn
