#include "shape_util.h"

#include <algorithm>

namespace tfn {

PartialShape broadcast_static(const InferContext& c, const PartialShape& a, const PartialShape& b) {
  if (!a.known_rank || !b.known_rank) return PartialShape::unknown();
  std::size_t r = std::max(a.dims.size(), b.dims.size());
  Dims out(r);
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t da = i < r - a.dims.size() ? 1 : a.dims[i - (r - a.dims.size())];
    std::int64_t db = i < r - b.dims.size() ? 1 : b.dims[i - (r - b.dims.size())];
    if (da == 1) out[i] = db;
    else if (db == 1) out[i] = da;
    else if (da < 0) out[i] = db;
    else if (db < 0) out[i] = da;
    else if (da == db) out[i] = da;
    else
      c.value_error("Dimensions must be equal, but are " + std::to_string(da) + " and " + std::to_string(db));
  }
  return PartialShape::of(out);
}

Dims broadcast_dims(const Dims& a, const Dims& b) {
  std::size_t r = std::max(a.size(), b.size());
  Dims out(r);
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t da = i < r - a.size() ? 1 : a[i - (r - a.size())];
    std::int64_t db = i < r - b.size() ? 1 : b[i - (r - b.size())];
    if (da == db || db == 1) out[i] = da;
    else if (da == 1) out[i] = db;
    else
      fail(Code::kInvalidArgument, "Incompatible shapes: " + dims_debug_string(a) + " vs. " + dims_debug_string(b));
  }
  return out;
}

DType require_same_input_dtypes(const InferContext& c, const char* const* arg_names) {
  DType t = c.input_dtype(0);
  for (int i = 1; i < c.num_inputs(); ++i) {
    DType ti = c.input_dtype(i);
    if (ti != t)
      fail(Code::kTypeError, std::string("Input '") + arg_names[i] + "' of '" + c.node.type + "' Op has type " +
                                 dtype_name(ti) + " that does not match type " + dtype_name(t) + " of argument '" +
                                 arg_names[0] + "'.");
  }
  return t;
}

}  // namespace tfn
