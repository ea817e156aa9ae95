// Little-endian fixed-width and varint encodings (LevelDB / protobuf wire format).
#pragma once
#include <cstdint>
#include <cstring>
#include <string>

#include "../errors.h"

namespace tfn {
namespace coding {

inline void put_fixed32(std::string* dst, std::uint32_t v) {
  char b[4];
  for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  dst->append(b, 4);
}
inline void put_fixed64(std::string* dst, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  dst->append(b, 8);
}
inline void put_varint64(std::string* dst, std::uint64_t v) {
  while (v >= 0x80) {
    dst->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  dst->push_back(static_cast<char>(v));
}
inline std::uint32_t get_fixed32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}
inline std::uint64_t get_fixed64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// A bounds-checked reader over a byte range; every failure is DataLoss with `what`.
class Reader {
 public:
  Reader(const char* p, std::size_t n, const char* what) : p_(p), end_(p + n), what_(what) {}
  bool done() const { return p_ >= end_; }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  const char* pos() const { return p_; }
  std::uint64_t varint64() {
    std::uint64_t v = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      if (p_ >= end_) corrupt("truncated varint");
      unsigned char b = static_cast<unsigned char>(*p_++);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    corrupt("varint too long");
  }
  std::uint32_t varint32() {
    std::uint64_t v = varint64();
    if (v > 0xffffffffu) corrupt("varint32 out of range");
    return static_cast<std::uint32_t>(v);
  }
  std::uint32_t fixed32() {
    need(4);
    std::uint32_t v = get_fixed32(p_);
    p_ += 4;
    return v;
  }
  std::uint64_t fixed64() {
    need(8);
    std::uint64_t v = get_fixed64(p_);
    p_ += 8;
    return v;
  }
  const char* bytes(std::size_t n) {
    need(n);
    const char* r = p_;
    p_ += n;
    return r;
  }
  [[noreturn]] void corrupt(const std::string& why) const {
    fail(Code::kDataLoss, std::string("Corrupted ") + what_ + ": " + why);
  }

 private:
  void need(std::size_t n) const {
    if (remaining() < n) corrupt("truncated");
  }
  const char* p_;
  const char* end_;
  const char* what_;
};

}  // namespace coding
}  // namespace tfn
