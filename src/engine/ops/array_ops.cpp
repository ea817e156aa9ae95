// Ops that make or reshape tensors without arithmetic.
#include <cmath>
#include <cstring>
#include <limits>

#include "../op_registry.h"
#include "../session.h"
#include "shape_util.h"

namespace tfn {

namespace {

void infer_const(InferContext& c) {
  const Tensor& v = c.node.attr<Tensor>("value");
  c.set_output(v.dtype(), PartialShape::of(v.shape()));
}
void compute_const(KernelContext& k) { k.outputs.push_back(k.node.attr<Tensor>("value")); }

void check_dims(const InferContext&, const Dims& dims) { checked_num_elements(dims); }

// Fill: a tensor of `shape` holding `value` everywhere (zeros/ones/fill).
void infer_fill(InferContext& c) {
  const Dims& dims = c.node.attr<Dims>("shape");
  check_dims(c, dims);
  c.set_output(c.node.attr<DType>("dtype"), PartialShape::of(dims));
}
void compute_fill(KernelContext& k) {
  DType t = k.node.attr<DType>("dtype");
  const Dims& dims = k.node.attr<Dims>("shape");
  if (t == DType::kString) {
    Tensor s(t, dims);
    for (auto& x : s.strings()) x = k.node.attr_or<std::string>("string_value", "");
    k.outputs.push_back(std::move(s));
    return;
  }
  k.outputs.push_back(filled_tensor(t, dims, k.node.attr<double>("value")));
}

void infer_like(InferContext& c) { c.set_output(c.input_dtype(0), c.input_shape(0)); }
void compute_zeros_like(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  if (x.dtype() == DType::kString) { k.outputs.push_back(Tensor(x.dtype(), x.shape())); return; }
  k.outputs.push_back(filled_tensor(x.dtype(), x.shape(), 0.0));
}
void compute_ones_like(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  require(x.dtype() != DType::kString, Code::kInvalidArgument, "ones_like is not defined for string tensors");
  k.outputs.push_back(filled_tensor(x.dtype(), x.shape(), 1.0));
}

void infer_placeholder(InferContext& c) {
  c.set_output(c.node.attr<DType>("dtype"), c.node.attr<PartialShape>("shape"));
}
// TensorFlow's runtime messages name dtypes as DataTypeString does: float, double, int32, ...
const char* data_type_string(DType t) {
  if (t == DType::kFloat) return "float";
  if (t == DType::kDouble) return "double";
  return dtype_name(t);
}

void compute_placeholder(KernelContext& k) {
  const PartialShape& s = k.node.attr<PartialShape>("shape");
  std::string msg = "You must feed a value for placeholder tensor '" + k.node.name + "' with dtype " +
                    data_type_string(k.node.attr<DType>("dtype"));
  if (s.known_rank) msg += " and shape " + s.list_string();
  fail(Code::kInvalidArgument, msg);
}

void compute_identity(KernelContext& k) { k.outputs.push_back(k.inputs[0]); }

// Reshape with a static target (one -1 allowed). As TensorFlow's kernel, zero
// dimensions are left out of both counts when the target has one, so a -1 can
// still be inferred ([0, 6] -> [0, -1, 3] gives [0, 2, 3]).
enum class ReshapeFit { kOk, kCount, kDivisible };

Dims resolve_reshape(const Dims& target, const Dims& in, ReshapeFit* fit, std::int64_t* product) {
  Dims out = target;
  int unknown = -1;
  bool target_has_zero = false;
  Dims known_dims;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      if (unknown >= 0) fail(Code::kInvalidArgument, "only one input size may be -1, not both " + std::to_string(unknown) + " and " + std::to_string(i));
      unknown = static_cast<int>(i);
    } else if (out[i] < 0) {
      fail(Code::kInvalidArgument, "Size " + std::to_string(i) + " must be non-negative, not " + std::to_string(out[i]));
    } else if (out[i] == 0) {
      target_has_zero = true;
    } else {
      known_dims.push_back(out[i]);
    }
  }
  *fit = ReshapeFit::kOk;
  *product = checked_num_elements(known_dims);
  std::int64_t n_in = checked_num_elements(in);
  if (unknown < 0) {
    if ((target_has_zero ? 0 : *product) != n_in) *fit = ReshapeFit::kCount;
    return out;
  }
  std::int64_t n_nonzero = 1;
  bool in_has_zero = false;
  for (auto d : in) {
    if (d > 0 || !target_has_zero) n_nonzero *= d;
    else in_has_zero = true;
  }
  std::int64_t missing = *product ? n_nonzero / *product : 0;
  if (!in_has_zero && (*product == 0 || *product * missing != n_nonzero)) *fit = ReshapeFit::kDivisible;
  out[static_cast<std::size_t>(unknown)] = missing;
  return out;
}

void infer_reshape(InferContext& c) {
  const Dims& target = c.node.attr<Dims>("shape");
  const PartialShape& in = c.input_shape(0);
  if (in.fully_defined()) {
    ReshapeFit fit;
    std::int64_t product;
    Dims out = resolve_reshape(target, in.dims, &fit, &product);
    std::int64_t n = num_elements(in.dims);
    if (fit == ReshapeFit::kDivisible)
      c.value_error("Dimension size must be evenly divisible by " + std::to_string(product) + " but is " + std::to_string(n));
    if (fit == ReshapeFit::kCount)
      c.value_error("Cannot reshape a tensor with " + std::to_string(n) + " elements to shape " +
                    dims_debug_string(target) + " (" + std::to_string(num_elements(target)) + " elements)");
    c.set_output(c.input_dtype(0), PartialShape::of(out));
  } else {
    c.set_output(c.input_dtype(0), PartialShape::of(target));
  }
}
void compute_reshape(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Dims& target = k.node.attr<Dims>("shape");
  ReshapeFit fit;
  std::int64_t product;
  Dims out = resolve_reshape(target, x.shape(), &fit, &product);
  if (fit == ReshapeFit::kDivisible)
    fail(Code::kInvalidArgument, "Input to reshape is a tensor with " + std::to_string(x.size()) +
                                     " values, but the requested shape requires a multiple of " + std::to_string(product));
  if (fit == ReshapeFit::kCount)
    fail(Code::kInvalidArgument, "Input to reshape is a tensor with " + std::to_string(x.size()) +
                                     " values, but the requested shape has " + std::to_string(num_elements(target)));
  k.outputs.push_back(x.reshaped(out));
}

void infer_cast(InferContext& c) {
  DType from = c.input_dtype(0), to = c.node.attr<DType>("DstT");
  if ((from == DType::kString) != (to == DType::kString))
    fail(Code::kUnimplemented, std::string("Cast ") + dtype_name(from) + " to " + dtype_name(to) + " is not supported");
  c.set_output(to, c.input_shape(0));
}

template <typename From, typename To>
void cast_loop(const From* src, To* dst, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<To, bool>) {
      dst[i] = src[i] != From(0);
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
      // NaN and values out of range become the lowest integer, as TensorFlow's x86 CPU cast
      // gives (a plain static_cast would be undefined there).
      constexpr double lo = static_cast<double>(std::numeric_limits<To>::lowest());
      double v = static_cast<double>(src[i]);
      dst[i] = (v >= lo && v < -lo) ? static_cast<To>(src[i]) : std::numeric_limits<To>::lowest();
    } else {
      dst[i] = static_cast<To>(src[i]);
    }
  }
}

void compute_cast(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  DType to = k.node.attr<DType>("DstT");
  if (to == x.dtype()) { k.outputs.push_back(x); return; }
  Tensor y(to, x.shape());
  std::int64_t n = x.size();
  dispatch_numeric(x.dtype(), [&](auto* ft) {
    using F = std::remove_pointer_t<decltype(ft)>;
    dispatch_numeric(to, [&](auto* tt) {
      using T = std::remove_pointer_t<decltype(tt)>;
      cast_loop<F, T>(x.data<F>(), y.data<T>(), n);
    });
  });
  k.outputs.push_back(std::move(y));
}

std::int64_t range_size(double start, double limit, double delta) {
  if (delta == 0) fail(Code::kInvalidArgument, "Requires delta != 0: 0");
  if (delta > 0 && start > limit)
    fail(Code::kInvalidArgument, "Requires start <= limit when delta > 0");
  if (delta < 0 && start < limit)
    fail(Code::kInvalidArgument, "Requires start >= limit when delta < 0");
  return static_cast<std::int64_t>(std::ceil(std::abs((limit - start) / delta)));
}

void infer_range(InferContext& c) {
  std::int64_t n = range_size(c.node.attr<double>("start"), c.node.attr<double>("limit"), c.node.attr<double>("delta"));
  c.set_output(c.node.attr<DType>("dtype"), PartialShape::of({n}));
}
void compute_range(KernelContext& k) {
  double start = k.node.attr<double>("start"), delta = k.node.attr<double>("delta");
  std::int64_t n = range_size(start, k.node.attr<double>("limit"), delta);
  Tensor y(k.node.attr<DType>("dtype"), {n});
  dispatch_numeric(y.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T* p = y.data<T>();
    for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(start + static_cast<double>(i) * delta);
  });
  k.outputs.push_back(std::move(y));
}

void infer_linspace(InferContext& c) {
  std::int64_t num = c.node.attr<std::int64_t>("num");
  if (num <= 0) fail(Code::kInvalidArgument, "Requires num > 0: " + std::to_string(num));
  DType t = c.node.attr<DType>("dtype");
  if (!dtype_is_floating(t)) fail(Code::kTypeError, std::string("LinSpace needs a floating dtype, not ") + dtype_name(t));
  c.set_output(t, PartialShape::of({num}));
}
void compute_linspace(KernelContext& k) {
  double start = k.node.attr<double>("start"), stop = k.node.attr<double>("stop");
  std::int64_t num = k.node.attr<std::int64_t>("num");
  Tensor y(k.node.attr<DType>("dtype"), {num});
  double step = num > 1 ? (stop - start) / static_cast<double>(num - 1) : 0.0;
  dispatch_numeric(y.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T* p = y.data<T>();
    for (std::int64_t i = 0; i < num; ++i) p[i] = static_cast<T>(start + static_cast<double>(i) * step);
    if (num > 1) p[num - 1] = static_cast<T>(stop);
  });
  k.outputs.push_back(std::move(y));
}

void infer_noop(InferContext&) {}
void compute_noop(KernelContext&) {}

}  // namespace

void register_array_ops() {
  register_op({"Const", 0, 0, false, 0, false, infer_const, compute_const});
  register_op({"Fill", 0, 0, false, 0, false, infer_fill, compute_fill});
  register_op({"ZerosLike", 1, 1, false, 0, false, infer_like, compute_zeros_like});
  register_op({"OnesLike", 1, 1, false, 0, false, infer_like, compute_ones_like});
  register_op({"Placeholder", 0, 0, false, 0, false, infer_placeholder, compute_placeholder});
  register_op({"Identity", 1, 1, false, 0, false, infer_like, compute_identity});
  register_op({"StopGradient", 1, 1, false, 0, false, infer_like, compute_identity});
  register_op({"Reshape", 1, 1, false, 0, false, infer_reshape, compute_reshape});
  register_op({"Cast", 1, 1, false, 0, false, infer_cast, compute_cast});
  register_op({"Range", 0, 0, false, 0, false, infer_range, compute_range});
  register_op({"LinSpace", 0, 0, false, 0, false, infer_linspace, compute_linspace});
  register_op({"NoOp", 0, 0, false, 0, false, infer_noop, compute_noop});
}

}  // namespace tfn
