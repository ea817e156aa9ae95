// Data types, numbered as TensorFlow's DataType enum (also used on disk).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace tfn {

enum class DType : int {
  kInvalid = 0,
  kFloat = 1,
  kDouble = 2,
  kInt32 = 3,
  kString = 7,
  kInt64 = 9,
  kBool = 10,
};

const char* dtype_name(DType t);           // "float32", "int64", ...
DType dtype_from_name(const std::string& name);  // throws TypeError on unknown names
DType dtype_from_enum(int value);                // throws on unsupported values
std::size_t dtype_size(DType t);           // bytes per element; 0 for string
bool dtype_is_floating(DType t);
bool dtype_is_integer(DType t);
bool dtype_is_numeric(DType t);  // floating or integer

}  // namespace tfn
