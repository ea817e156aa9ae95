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
// The shape is attribute "shape" or input 0 (`dims`, a 1-D int tensor).
// With two inputs, the value too is a tensor (a scalar), as TensorFlow's Fill(dims, value).
void infer_fill(InferContext& c) {
  if (c.num_inputs() > 1) {
    const PartialShape& v = c.input_shape(1);
    if (v.known_rank && !v.dims.empty())
      c.value_error("Shape must be rank 0 but is rank " + std::to_string(v.dims.size()));
  }
  if (c.num_inputs() > 0) {
    c.set_output(c.num_inputs() > 1 ? c.input_dtype(1) : c.node.attr<DType>("dtype"), shape_from_input(c, 0, "dims"));
    return;
  }
  const Dims& dims = c.node.attr<Dims>("shape");
  check_dims(c, dims);
  c.set_output(c.node.attr<DType>("dtype"), PartialShape::of(dims));
}
void compute_fill(KernelContext& k) {
  const Dims dims = shape_operand(k, 0);
  if (k.inputs.size() > 1) {
    const Tensor& v = k.inputs[1];
    require(v.rank() == 0, Code::kInvalidArgument, "value must be a scalar, got shape " + dims_debug_string(v.shape()));
    Tensor out(v.dtype(), dims);
    if (v.dtype() == DType::kString) {
      for (auto& x : out.strings()) x = v.strings()[0];
    } else {
      std::size_t es = dtype_size(v.dtype());
      for (std::int64_t i = 0; i < out.size(); ++i) std::memcpy(static_cast<char*>(out.raw()) + i * es, v.raw(), es);
    }
    k.outputs.push_back(std::move(out));
    return;
  }
  DType t = k.node.attr<DType>("dtype");
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

// The target is attribute "shape" or input 1 (a 1-D int tensor, -1 allowed once).
void infer_reshape(InferContext& c) {
  Dims target;
  if (c.num_inputs() > 1) {
    require_int_input(c, 1, "shape");
    const Tensor* v = constant_input(c, 1);
    if (!v) {
      // Not known while building: the rank is the shape vector's length, if that is known, with
      // the sizes packed in as constants (-1, to infer, stays unknown here).
      c.set_output(c.input_dtype(0), shape_from_input(c, 1, "shape"));
      return;
    }
    if (v->rank() != 1) c.value_error("Shape must be rank 1 but is rank " + std::to_string(v->rank()));
    target = int_values(*v, "shape");
  } else {
    target = c.node.attr<Dims>("shape");
  }
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
  if (k.inputs.size() > 1)
    require(k.inputs[1].rank() == 1, Code::kInvalidArgument,
            "shape must be a vector, got shape " + dims_debug_string(k.inputs[1].shape()));
  const Dims target = k.inputs.size() > 1 ? int_values(k.inputs[1], "shape") : k.node.attr<Dims>("shape");
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

// Range and LinSpace take their three numbers as attributes, or as scalar tensor inputs
// (then the output dtype is the inputs', and its length is static when they are constants).
double scalar_value(const Tensor& t, const char* what) {
  require(t.rank() == 0, Code::kInvalidArgument,
          std::string(what) + " must be a scalar, not shape " + dims_debug_string(t.shape()));
  double v = 0;
  dispatch_numeric(t.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    v = static_cast<double>(t.data<T>()[0]);
  });
  return v;
}

// Values of the three operands when all are known (attributes or constants).
bool three_operands(const InferContext& c, const char* const* names, double* out) {
  if (c.num_inputs() == 0) {
    for (int i = 0; i < 3; ++i) out[i] = c.node.attr<double>(names[i]);
    return true;
  }
  for (int i = 0; i < 3; ++i) {
    const PartialShape& s = c.input_shape(i);
    if (s.known_rank && !s.dims.empty())
      c.value_error("Shape must be rank 0 but is rank " + std::to_string(s.dims.size()));
  }
  for (int i = 0; i < 3; ++i) {
    const Tensor* v = constant_input(c, i);
    if (!v) return false;
    out[i] = scalar_value(*v, names[i]);
  }
  return true;
}

const char* const kRangeArgs[] = {"start", "limit", "delta"};
const char* const kLinSpaceArgs[] = {"start", "stop", "num"};

void infer_range(InferContext& c) {
  DType t = c.num_inputs() ? c.input_dtype(0) : c.node.attr<DType>("dtype");
  for (int i = 1; i < c.num_inputs(); ++i) require_same_input_dtypes(c, kRangeArgs);
  double v[3];
  c.set_output(t, three_operands(c, kRangeArgs, v) ? PartialShape::of({range_size(v[0], v[1], v[2])}) : PartialShape::of({-1}));
}
void compute_range(KernelContext& k) {
  bool in = !k.inputs.empty();
  double start = in ? scalar_value(k.inputs[0], "start") : k.node.attr<double>("start");
  double limit = in ? scalar_value(k.inputs[1], "limit") : k.node.attr<double>("limit");
  double delta = in ? scalar_value(k.inputs[2], "delta") : k.node.attr<double>("delta");
  std::int64_t n = range_size(start, limit, delta);
  Tensor y(in ? k.inputs[0].dtype() : k.node.attr<DType>("dtype"), {n});
  dispatch_numeric(y.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T* p = y.data<T>();
    for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(start + static_cast<double>(i) * delta);
  });
  k.outputs.push_back(std::move(y));
}

void infer_linspace(InferContext& c) {
  DType t = c.num_inputs() ? c.input_dtype(0) : c.node.attr<DType>("dtype");
  if (!dtype_is_floating(t)) fail(Code::kTypeError, std::string("LinSpace needs a floating dtype, not ") + dtype_name(t));
  if (c.num_inputs()) {
    if (c.input_dtype(1) != t)
      fail(Code::kTypeError, std::string("Input 'stop' of 'LinSpace' Op has type ") + dtype_name(c.input_dtype(1)) +
                                 " that does not match type " + dtype_name(t) + " of argument 'start'.");
    require_int_input(c, 2, "num");
  }
  double v[3];
  std::int64_t num = -1;
  if (c.num_inputs() == 0) {
    num = c.node.attr<std::int64_t>("num");
  } else if (three_operands(c, kLinSpaceArgs, v)) {
    num = static_cast<std::int64_t>(v[2]);
  }
  if (num != -1 && num <= 0) fail(Code::kInvalidArgument, "Requires num > 0: " + std::to_string(num));
  c.set_output(t, PartialShape::of({num}));
}
void compute_linspace(KernelContext& k) {
  bool in = !k.inputs.empty();
  double start = in ? scalar_value(k.inputs[0], "start") : k.node.attr<double>("start");
  double stop = in ? scalar_value(k.inputs[1], "stop") : k.node.attr<double>("stop");
  std::int64_t num = in ? static_cast<std::int64_t>(scalar_value(k.inputs[2], "num")) : k.node.attr<std::int64_t>("num");
  require(num > 0, Code::kInvalidArgument, "Requires num > 0: " + std::to_string(num));
  Tensor y(in ? k.inputs[0].dtype() : k.node.attr<DType>("dtype"), {num});
  double step = num > 1 ? (stop - start) / static_cast<double>(num - 1) : 0.0;
  dispatch_numeric(y.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T* p = y.data<T>();
    for (std::int64_t i = 0; i < num; ++i) p[i] = static_cast<T>(start + static_cast<double>(i) * step);
    if (num > 1) p[num - 1] = static_cast<T>(stop);
  });
  k.outputs.push_back(std::move(y));
}

// Slice and Tile: copies of boxes of a tensor, row by row (a row = the last axis).

Dims row_major_strides(const Dims& d) {
  Dims st(d.size(), 1);
  for (int i = static_cast<int>(d.size()) - 2; i >= 0; --i) st[i] = st[i + 1] * d[i + 1];
  return st;
}

// Calls f(idx, out_offset) for every row start of a tensor of dims `d` (rank >= 1).
template <typename F>
void for_each_row(const Dims& d, F&& f) {
  std::size_t r = d.size();
  std::int64_t n = num_elements(d);
  if (n == 0) return;
  std::int64_t inner = d[r - 1];
  Dims idx(r, 0);
  for (std::int64_t base = 0; base < n; base += inner) {
    f(idx, base);
    for (int a = static_cast<int>(r) - 2; a >= 0; --a) {
      if (++idx[a] < d[a]) break;
      idx[a] = 0;
    }
  }
}

void copy_elements(const Tensor& src, std::int64_t from, Tensor& dst, std::int64_t to, std::int64_t n) {
  if (n <= 0) return;
  if (src.dtype() == DType::kString) {
    for (std::int64_t i = 0; i < n; ++i) dst.strings()[to + i] = src.strings()[from + i];
    return;
  }
  std::size_t es = dtype_size(src.dtype());
  std::memcpy(static_cast<char*>(dst.raw()) + to * es, static_cast<const char*>(src.raw()) + from * es, n * es);
}

// The output dims of Slice for concrete begin/size (size -1 = to the end), with TensorFlow's checks.
Dims slice_dims(const Dims& in, const Dims& begin, const Dims& size) {
  std::size_t r = in.size();
  if (begin.size() != r || size.size() != r)
    fail(Code::kInvalidArgument, "Expected begin and size arguments to be 1-D tensors of size " + std::to_string(r) +
                                     ", but got shapes [" + std::to_string(begin.size()) + "] and [" +
                                     std::to_string(size.size()) + "] instead.");
  Dims out(r);
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t b = begin[i];
    if (b < 0 || b > in[i])
      fail(Code::kInvalidArgument, "Expected begin[" + std::to_string(i) + "] in [0, " + std::to_string(in[i]) +
                                       "], but got " + std::to_string(b));
    std::int64_t s = size[i] == -1 ? in[i] - b : size[i];  // begin checked first: no overflow
    if (s < 0 || s > in[i] - b)
      fail(Code::kInvalidArgument, "Expected size[" + std::to_string(i) + "] in [0, " + std::to_string(in[i] - b) +
                                       "], but got " + std::to_string(size[i]));
    out[i] = s;
  }
  return out;
}


// As TensorFlow's shape function: begin and size are vectors of one length, the input's rank;
// known sizes (with begin for a size of -1) give the output's dimensions.
void infer_slice(InferContext& c) {
  const PartialShape& in = c.input_shape(0);
  IntVector begin = int_vector_input(c, 1, "begin"), size = int_vector_input(c, 2, "size");
  if (begin.length >= 0 && size.length >= 0 && begin.length != size.length)
    c.value_error("Dimension 0 in both shapes must be equal, but are " + std::to_string(begin.length) + " and " +
                  std::to_string(size.length));
  std::int64_t r = begin.length >= 0 ? begin.length : size.length;
  if (r >= 0 && in.known_rank && static_cast<std::int64_t>(in.dims.size()) != r)
    c.value_error("Shape must be rank " + std::to_string(r) + " but is rank " + std::to_string(in.dims.size()));
  if (r < 0) {
    c.set_output(c.input_dtype(0), in.known_rank ? PartialShape::of(Dims(in.dims.size(), -1)) : PartialShape::unknown());
    return;
  }
  // A side of unknown length has r unknown entries.
  for (IntVector* v : {&begin, &size}) {
    if (v->length >= 0) continue;
    v->length = r;
    v->values.assign(static_cast<std::size_t>(r), -1);
    v->known.assign(static_cast<std::size_t>(r), false);
  }
  if (in.fully_defined() && begin.all_known() && size.all_known()) {
    try {
      c.set_output(c.input_dtype(0), PartialShape::of(slice_dims(in.dims, begin.values, size.values)));
    } catch (const Error& e) {
      c.value_error(e.what());
    }
    return;
  }
  Dims out(static_cast<std::size_t>(r), -1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!size.known[i]) continue;
    std::int64_t sz = size.values[i];
    if (sz >= 0) {
      out[i] = sz;
    } else if (sz == -1 && size.all_known()) {
      // Up to the end: known when the input's dimension and all of begin are (as TensorFlow).
      if (begin.all_known() && in.known_rank && in.dims[i] >= 0) {
        std::int64_t b = begin.values[i];
        if (b < 0 || b > in.dims[i])
          c.value_error("Expected begin[" + std::to_string(i) + "] in [0, " + std::to_string(in.dims[i]) + "], but got " +
                        std::to_string(b));
        out[i] = in.dims[i] - b;
      }
    } else if (sz < -1) {
      c.value_error("Expected size[" + std::to_string(i) + "] >= -1, but got " + std::to_string(sz));
    }
  }
  c.set_output(c.input_dtype(0), PartialShape::of(out));
}

void compute_slice(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  Dims begin = int_values(k.inputs[1], "begin");
  Dims out_d = slice_dims(x.shape(), begin, int_values(k.inputs[2], "size"));
  if (x.rank() == 0) { k.outputs.push_back(x); return; }
  Tensor out(x.dtype(), out_d);
  Dims st = row_major_strides(x.shape());
  std::size_t r = out_d.size();
  for_each_row(out_d, [&](const Dims& idx, std::int64_t o) {
    std::int64_t from = 0;
    for (std::size_t i = 0; i < r; ++i) from += (begin[i] + idx[i]) * st[i];
    copy_elements(x, from, out, o, out_d[r - 1]);
  });
  k.outputs.push_back(std::move(out));
}

// dim * multiple, or InvalidArgument when the product leaves the range of element counts.
std::int64_t tiled_dim(std::int64_t dim, std::int64_t multiple) {
  constexpr std::int64_t kMax = std::int64_t(1) << 62;
  if (multiple != 0 && dim > kMax / multiple)
    fail(Code::kInvalidArgument, "Tiling a dimension of " + std::to_string(dim) + " by " + std::to_string(multiple) +
                                     " overflows the number of elements");
  return dim * multiple;
}

// As TensorFlow's shape function: multiples is a vector as long as the input's rank (which it
// gives when the input's is unknown); a dimension is known where both factors are (or one is 0).
void infer_tile(InferContext& c) {
  const PartialShape& in = c.input_shape(0);
  IntVector m = int_vector_input(c, 1, "multiples");
  if (in.known_rank) {
    std::int64_t r = static_cast<std::int64_t>(in.dims.size());
    if (m.length >= 0 && m.length != r)
      c.value_error("Shape must be rank " + std::to_string(r) + " but is rank " + std::to_string(m.length));
    if (m.length < 0) {
      m.length = r;
      m.values.assign(static_cast<std::size_t>(r), -1);
      m.known.assign(static_cast<std::size_t>(r), false);
    }
  } else if (m.length < 0) {
    c.set_output(c.input_dtype(0), PartialShape::unknown());
    return;
  }
  Dims out(static_cast<std::size_t>(m.length), -1);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::int64_t d = in.known_rank ? in.dims[i] : -1, k = m.known[i] ? m.values[i] : -1;
    // As TensorFlow's shape function, a multiple of -1 is an unknown dimension here (the kernel refuses it).
    if (m.known[i] && k < -1) c.value_error("Invalid value in tensor used for shape: " + std::to_string(k));
    if (d == 0 || k == 0) out[i] = 0;
    else if (d >= 0 && k >= 0) out[i] = tiled_dim(d, k);
  }
  if (PartialShape::of(out).fully_defined()) checked_num_elements(out);
  c.set_output(c.input_dtype(0), PartialShape::of(out));
}

void compute_tile(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  Dims mult = int_values(k.inputs[1], "multiples");
  std::size_t r = x.shape().size();
  if (mult.size() != r)
    fail(Code::kInvalidArgument, "Expected multiples argument to be a vector of length " + std::to_string(r) +
                                     " but got length " + std::to_string(mult.size()));
  if (r == 0) { k.outputs.push_back(x); return; }
  Dims out_d(r);
  for (std::size_t i = 0; i < r; ++i) {
    if (mult[i] < 0)
      fail(Code::kInvalidArgument, "Expected multiples[" + std::to_string(i) + "] >= 0, but got " + std::to_string(mult[i]));
    out_d[i] = tiled_dim(x.shape()[i], mult[i]);
  }
  checked_num_elements(out_d);
  Tensor out(x.dtype(), out_d);
  Dims st = row_major_strides(x.shape());
  std::int64_t row = x.shape()[r - 1];
  for_each_row(out_d, [&](const Dims& idx, std::int64_t o) {
    std::int64_t from = 0;
    for (std::size_t i = 0; i + 1 < r; ++i) from += (idx[i] % x.shape()[i]) * st[i];
    for (std::int64_t j = 0; j < mult[r - 1]; ++j) copy_elements(x, from, out, o + j * row, row);
  });
  k.outputs.push_back(std::move(out));
}

// Gradients (internal ops): SliceGrad(x, begin, grad) places grad in zeros shaped like x;
// TileGrad(x, grad) sums grad's tiles back into x's shape.
void infer_grad_like_x(InferContext& c) { c.set_output(c.input_dtype(c.num_inputs() - 1), c.input_shape(0)); }

void compute_slice_grad(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& g = k.inputs[2];
  Dims begin = int_values(k.inputs[1], "begin");
  std::size_t r = x.shape().size();
  require(begin.size() == r && g.rank() == static_cast<int>(r), Code::kInvalidArgument, "SliceGrad: ranks differ");
  for (std::size_t i = 0; i < r; ++i)
    require(begin[i] >= 0 && begin[i] <= x.shape()[i] && g.shape()[i] <= x.shape()[i] - begin[i], Code::kInvalidArgument,
            "The gradient of a slice of shape " + dims_debug_string(g.shape()) + " does not fit input shape " +
                dims_debug_string(x.shape()) + " at begin " + dims_debug_string(begin));
  Tensor out = filled_tensor(g.dtype(), x.shape(), 0.0);
  if (r == 0) { k.outputs.push_back(g); return; }
  Dims st = row_major_strides(x.shape());
  for_each_row(g.shape(), [&](const Dims& idx, std::int64_t o) {
    std::int64_t to = 0;
    for (std::size_t i = 0; i < r; ++i) to += (begin[i] + idx[i]) * st[i];
    copy_elements(g, o, out, to, g.shape()[r - 1]);
  });
  k.outputs.push_back(std::move(out));
}

void compute_tile_grad(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& g = k.inputs[1];
  std::size_t r = x.shape().size();
  require(g.rank() == static_cast<int>(r), Code::kInvalidArgument, "TileGrad: ranks differ");
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t xd = x.shape()[i], gd = g.shape()[i];
    require(xd > 0 ? gd % xd == 0 : gd == 0, Code::kInvalidArgument,
            "The gradient of a tile of shape " + dims_debug_string(g.shape()) + " is not a tiling of input shape " +
                dims_debug_string(x.shape()));
  }
  if (r == 0) { k.outputs.push_back(g); return; }
  Tensor out = filled_tensor(g.dtype(), x.shape(), 0.0);
  Dims st = row_major_strides(x.shape());
  std::int64_t row = x.shape()[r - 1];
  dispatch_numeric(g.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (std::is_same_v<T, bool>) {
      fail(Code::kInvalidArgument, "TileGrad: bool gradients");
    } else {
      const T* pg = g.data<T>();
      T* po = out.data<T>();
      for_each_row(g.shape(), [&](const Dims& idx, std::int64_t o) {
        std::int64_t to = 0;
        for (std::size_t i = 0; i + 1 < r; ++i) to += (idx[i] % x.shape()[i]) * st[i];
        for (std::int64_t j = 0; j < g.shape()[r - 1]; ++j) po[to + j % row] += pg[o + j];
      });
    }
  });
  k.outputs.push_back(std::move(out));
}

void infer_noop(InferContext&) {}
void compute_noop(KernelContext&) {}

}  // namespace

void register_array_ops() {
  register_op({"Const", 0, 0, false, 0, false, infer_const, compute_const});
  register_op({"Fill", 0, 2, false, 0, false, infer_fill, compute_fill});
  register_op({"ZerosLike", 1, 1, false, 0, false, infer_like, compute_zeros_like});
  register_op({"OnesLike", 1, 1, false, 0, false, infer_like, compute_ones_like});
  register_op({"Placeholder", 0, 0, false, 0, false, infer_placeholder, compute_placeholder});
  register_op({"Identity", 1, 1, false, 0, false, infer_like, compute_identity});
  register_op({"StopGradient", 1, 1, false, 0, false, infer_like, compute_identity});
  register_op({"Reshape", 1, 2, false, 0, false, infer_reshape, compute_reshape});
  register_op({"Cast", 1, 1, false, 0, false, infer_cast, compute_cast});
  register_op({"Range", 0, 3, false, 0, false, infer_range, compute_range});
  register_op({"LinSpace", 0, 3, false, 0, false, infer_linspace, compute_linspace});
  register_op({"NoOp", 0, 0, false, 0, false, infer_noop, compute_noop});
  register_op({"Slice", 3, 3, false, 0, false, infer_slice, compute_slice});
  register_op({"Tile", 2, 2, false, 0, false, infer_tile, compute_tile});
  register_op({"SliceGrad", 3, 3, false, 0, false, infer_grad_like_x, compute_slice_grad});
  register_op({"TileGrad", 2, 2, false, 0, false, infer_grad_like_x, compute_tile_grad});
}

}  // namespace tfn
