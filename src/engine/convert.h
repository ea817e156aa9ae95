// Layout conversion between row-major tensors and column-major (R) arrays,
// converting the element type on the way. Index [i0, ..., ik] maps to itself.
#pragma once
#include <cstdint>

#include "tensor.h"

namespace tfn {

// dst (column-major, type To) <- src (row-major, type From), both with dims `shape`.
template <typename From, typename To>
void rowmajor_to_colmajor(const From* src, To* dst, const Dims& shape);
// dst (row-major) <- src (column-major).
template <typename From, typename To>
void colmajor_to_rowmajor(const From* src, To* dst, const Dims& shape);

}  // namespace tfn

#include "convert_impl.h"
