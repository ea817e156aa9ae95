// Helpers shared by op definitions: attribute shapes, broadcasting.
#pragma once
#include <string>

#include "../op_registry.h"

namespace tfn {

// numpy/TensorFlow broadcasting of two static shapes; throws ValueError when incompatible.
PartialShape broadcast_static(const InferContext& c, const PartialShape& a, const PartialShape& b);
// Broadcast result of two concrete shapes; InvalidArgument when incompatible.
Dims broadcast_dims(const Dims& a, const Dims& b);
// Same dtype for all inputs, with TensorFlow's TypeError wording.
DType require_same_input_dtypes(const InferContext& c, const char* const* arg_names);

}  // namespace tfn

namespace tfn {

// Shapes, axes and sizes that TensorFlow takes as tensors: an op either has them as an
// attribute (the R value was known when the op was built) or as an int32/int64 input.

// Values of a rank-0 or rank-1 int32/int64 tensor; InvalidArgument naming `what` otherwise.
Dims int_values(const Tensor& t, const std::string& what);
// The value of input i when its producer is a Const node (so shapes can be inferred statically).
const Tensor* constant_input(const InferContext& c, int i);
// TypeError unless input i is int32/int64, in TensorFlow's words for argument `arg`.
void require_int_input(const InferContext& c, int i, const char* arg);
// The static shape given by input i as a shape vector: its value when constant, else its
// length (if known) with every dimension unknown, else an unknown rank.
PartialShape shape_from_input(const InferContext& c, int i, const char* arg);
// What is known while building of a 1-D int operand (a shape, begin, size, multiples): its
// length (-1: unknown) and each element's value where it is a constant: all of a constant
// (sub)graph, or the constant scalars of a Pack (a list of R numbers and scalar tensors).
// With `allow_scalar`, a rank-0 operand counts as one element.
struct IntVector {
  std::int64_t length = -1;
  Dims values;
  std::vector<bool> known;
  bool all_known() const {
    if (length < 0) return false;
    for (bool k : known)
      if (!k) return false;
    return true;
  }
};
IntVector int_vector_input(const InferContext& c, int i, const char* arg, bool allow_scalar = false);
// A shape: attribute "shape", or the value of input i when the op has it.
Dims shape_operand(const KernelContext& k, int i);

}  // namespace tfn
