#pragma once
#include "errors.h"

namespace tfn {

template <typename F>
void dispatch_numeric(DType t, F&& f) {
  switch (t) {
    case DType::kFloat: f(static_cast<float*>(nullptr)); break;
    case DType::kDouble: f(static_cast<double*>(nullptr)); break;
    case DType::kInt32: f(static_cast<std::int32_t*>(nullptr)); break;
    case DType::kInt64: f(static_cast<std::int64_t*>(nullptr)); break;
    case DType::kBool: f(static_cast<bool*>(nullptr)); break;
    default: fail(Code::kInvalidArgument, std::string("Unsupported dtype ") + dtype_name(t));
  }
}

}  // namespace tfn
