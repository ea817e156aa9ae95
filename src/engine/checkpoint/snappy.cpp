#include "snappy.h"

#include "coding.h"

namespace tfn {
namespace snappy {

std::string uncompress(const char* data, std::size_t n) {
  coding::Reader in(data, n, "Snappy block");
  std::uint64_t length = in.varint64();
  // Snappy expands at most ~ 1 byte into 64 / 3; refuse absurd claimed lengths before allocating.
  if (length > static_cast<std::uint64_t>(n) * 64 + 64) in.corrupt("claimed length too large");
  std::string out;
  out.reserve(static_cast<std::size_t>(length));
  while (!in.done()) {
    unsigned char tag = static_cast<unsigned char>(*in.bytes(1));
    std::size_t len = 0, offset = 0;
    switch (tag & 3) {
      case 0: {  // literal
        len = tag >> 2;
        if (len >= 60) {
          std::size_t extra = len - 59;
          const char* p = in.bytes(extra);
          len = 0;
          for (std::size_t i = 0; i < extra; ++i) len |= static_cast<std::size_t>(static_cast<unsigned char>(p[i])) << (8 * i);
        }
        len += 1;
        if (out.size() + len > length) in.corrupt("literal past the end");
        out.append(in.bytes(len), len);
        continue;
      }
      case 1: {
        len = 4 + ((tag >> 2) & 7);
        offset = (static_cast<std::size_t>(tag >> 5) << 8) | static_cast<unsigned char>(*in.bytes(1));
        break;
      }
      case 2: {
        len = 1 + (tag >> 2);
        const char* p = in.bytes(2);
        offset = static_cast<unsigned char>(p[0]) | (static_cast<std::size_t>(static_cast<unsigned char>(p[1])) << 8);
        break;
      }
      default: {
        len = 1 + (tag >> 2);
        offset = coding::get_fixed32(in.bytes(4));
        break;
      }
    }
    if (offset == 0 || offset > out.size()) in.corrupt("copy offset out of range");
    if (out.size() + len > length) in.corrupt("copy past the end");
    std::size_t start = out.size() - offset;
    for (std::size_t i = 0; i < len; ++i) out.push_back(out[start + i]);  // copies may overlap
  }
  if (out.size() != length) in.corrupt("length mismatch");
  return out;
}

}  // namespace snappy
}  // namespace tfn
