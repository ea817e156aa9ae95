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
