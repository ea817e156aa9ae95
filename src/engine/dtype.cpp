#include "dtype.h"

#include "errors.h"

namespace tfn {

const char* dtype_name(DType t) {
  switch (t) {
    case DType::kFloat: return "float32";
    case DType::kDouble: return "float64";
    case DType::kInt32: return "int32";
    case DType::kString: return "string";
    case DType::kInt64: return "int64";
    case DType::kBool: return "bool";
    default: return "invalid";
  }
}

DType dtype_from_name(const std::string& name) {
  if (name == "float32" || name == "float") return DType::kFloat;
  if (name == "float64" || name == "double") return DType::kDouble;
  if (name == "int32") return DType::kInt32;
  if (name == "int64") return DType::kInt64;
  if (name == "bool") return DType::kBool;
  if (name == "string") return DType::kString;
  fail(Code::kTypeError, "Cannot convert value '" + name + "' to a TensorFlow DType.");
}

DType dtype_from_enum(int value) {
  switch (value) {
    case 1: case 2: case 3: case 7: case 9: case 10:
      return static_cast<DType>(value);
    default:
      fail(Code::kUnimplemented, "Unsupported data type enum " + std::to_string(value));
  }
}

std::size_t dtype_size(DType t) {
  switch (t) {
    case DType::kFloat: return 4;
    case DType::kDouble: return 8;
    case DType::kInt32: return 4;
    case DType::kInt64: return 8;
    case DType::kBool: return 1;
    default: return 0;
  }
}

bool dtype_is_floating(DType t) { return t == DType::kFloat || t == DType::kDouble; }
bool dtype_is_integer(DType t) { return t == DType::kInt32 || t == DType::kInt64; }
bool dtype_is_numeric(DType t) { return dtype_is_floating(t) || dtype_is_integer(t); }

}  // namespace tfn
