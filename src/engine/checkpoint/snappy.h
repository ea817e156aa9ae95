// Snappy block decompression (the format LevelDB tables use for type-1 blocks).
#pragma once
#include <string>

namespace tfn {
namespace snappy {

// Throws DataLoss on malformed input; never reads or writes out of bounds.
std::string uncompress(const char* data, std::size_t n);

}  // namespace snappy
}  // namespace tfn
