// Arithmetic with broadcasting, matrix products and reductions.
// Eigen 3.3's SIMD packet types trip GCC's -Wignored-attributes in every instantiation;
// the attributes are irrelevant to template arguments here.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wignored-attributes"
#endif
#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "../op_registry.h"
#include "../session.h"
#include "elementwise.h"
#include "shape_util.h"

namespace tfn {

namespace {

const char* const kXY[] = {"x", "y"};
const char* const kAB[] = {"a", "b"};

void require_numeric(const InferContext& c, DType t, bool floating_only) {
  bool ok = floating_only ? dtype_is_floating(t) : dtype_is_numeric(t);
  if (!ok)
    fail(Code::kTypeError, std::string("Value passed to parameter 'x' has DataType ") + dtype_name(t) +
                               " not in list of allowed values for '" + c.node.type + "'");
}

void infer_binary(InferContext& c) {
  DType t = require_same_input_dtypes(c, kXY);
  if (!(t == DType::kString && c.node.type == "Add"))  // Add also concatenates strings
    require_numeric(c, t, c.node.type == "RealDiv");
  c.set_output(t, broadcast_static(c, c.input_shape(0), c.input_shape(1)));
}

struct AddF { template <typename T> static T f(T a, T b) { return a + b; } };
struct SubF { template <typename T> static T f(T a, T b) { return a - b; } };
struct MulF { template <typename T> static T f(T a, T b) { return a * b; } };
struct DivF { template <typename T> static T f(T a, T b) { return a / b; } };
struct MaxF { template <typename T> static T f(T a, T b) { return a >= b ? a : b; } };
struct MinF { template <typename T> static T f(T a, T b) { return a <= b ? a : b; } };
struct PowF {
  template <typename T> static T f(T a, T b) {
    if constexpr (std::is_integral_v<T>) {
      // Exact, by squaring, as TensorFlow's integer pow (negative exponents are refused before).
      T r = 1;
      for (; b > 0; b >>= 1, a *= a)
        if (b & 1) r *= a;
      return r;
    } else {
      return std::pow(a, b);
    }
  }
};

template <typename Op, typename T>
void binary_loop(const Tensor& a, const Tensor& b, Tensor& out) {
  auto f = [](T x, T y) { return Op::template f<T>(x, y); };
  broadcast_apply<decltype(f), T, T>(a, b, out, f);
}

template <typename Op>
void compute_binary(KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  Tensor out(a.dtype(), broadcast_dims(a.shape(), b.shape()));
  if constexpr (std::is_same_v<Op, AddF>) {
    if (a.dtype() == DType::kString) {
      broadcast_apply_strings<std::string>(a, b, out, [](const std::string& x, const std::string& y) { return x + y; });
      k.outputs.push_back(std::move(out));
      return;
    }
  }
  if constexpr (std::is_same_v<Op, PowF>) {
    // As TensorFlow's integer pow kernel.
    if (a.dtype() == DType::kInt32 || a.dtype() == DType::kInt64) {
      bool negative = false;
      for (std::int64_t i = 0; i < b.size() && !negative; ++i)
        negative = a.dtype() == DType::kInt32 ? b.data<std::int32_t>()[i] < 0 : b.data<std::int64_t>()[i] < 0;
      require(!negative, Code::kInvalidArgument, "Integers to negative integer powers are not allowed");
    }
  }
  switch (a.dtype()) {
    case DType::kFloat: binary_loop<Op, float>(a, b, out); break;
    case DType::kDouble: binary_loop<Op, double>(a, b, out); break;
    case DType::kInt32: binary_loop<Op, std::int32_t>(a, b, out); break;
    case DType::kInt64: binary_loop<Op, std::int64_t>(a, b, out); break;
    default: fail(Code::kInvalidArgument, "Unsupported dtype for " + k.node.type);
  }
  k.outputs.push_back(std::move(out));
}

void infer_matmul(InferContext& c) {
  DType t = require_same_input_dtypes(c, kAB);
  require_numeric(c, t, false);
  const PartialShape& a = c.input_shape(0);
  const PartialShape& b = c.input_shape(1);
  bool ta = c.node.attr_or<bool>("transpose_a", false), tb = c.node.attr_or<bool>("transpose_b", false);
  if (a.known_rank && a.dims.size() != 2)
    c.value_error("Shape must be rank 2 but is rank " + std::to_string(a.dims.size()));
  if (b.known_rank && b.dims.size() != 2)
    c.value_error("Shape must be rank 2 but is rank " + std::to_string(b.dims.size()));
  std::int64_t m = -1, ka = -1, kb = -1, n = -1;
  if (a.known_rank) { m = a.dims[ta ? 1 : 0]; ka = a.dims[ta ? 0 : 1]; }
  if (b.known_rank) { kb = b.dims[tb ? 1 : 0]; n = b.dims[tb ? 0 : 1]; }
  if (ka >= 0 && kb >= 0 && ka != kb)
    c.value_error("Dimensions must be equal, but are " + std::to_string(ka) + " and " + std::to_string(kb));
  c.set_output(t, PartialShape::of({m, n}));
}

template <typename T>
void matmul_typed(const Tensor& a, const Tensor& b, bool ta, bool tb, Tensor& out) {
  using Mat = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Eigen::Map<const Mat> A(a.data<T>(), a.shape()[0], a.shape()[1]);
  Eigen::Map<const Mat> B(b.data<T>(), b.shape()[0], b.shape()[1]);
  Eigen::Map<Mat> C(out.data<T>(), out.shape()[0], out.shape()[1]);
  if (!ta && !tb) C.noalias() = A * B;
  else if (ta && !tb) C.noalias() = A.transpose() * B;
  else if (!ta && tb) C.noalias() = A * B.transpose();
  else C.noalias() = A.transpose() * B.transpose();
}

void compute_matmul(KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  bool ta = k.node.attr_or<bool>("transpose_a", false), tb = k.node.attr_or<bool>("transpose_b", false);
  require(a.rank() == 2 && b.rank() == 2, Code::kInvalidArgument, "In[0] and In[1] must be matrices");
  std::int64_t m = a.shape()[ta ? 1 : 0], ka = a.shape()[ta ? 0 : 1];
  std::int64_t kb = b.shape()[tb ? 1 : 0], n = b.shape()[tb ? 0 : 1];
  require(ka == kb, Code::kInvalidArgument,
          "Matrix size-incompatible: In[0]: " + dims_debug_string(a.shape()) + ", In[1]: " + dims_debug_string(b.shape()));
  Tensor out(a.dtype(), {m, n});
  if (m * n > 0 && ka == 0) {
    k.outputs.push_back(filled_tensor(a.dtype(), {m, n}, 0.0));
    return;
  }
  if (m * n > 0) {
    switch (a.dtype()) {
      case DType::kFloat: matmul_typed<float>(a, b, ta, tb, out); break;
      case DType::kDouble: matmul_typed<double>(a, b, ta, tb, out); break;
      case DType::kInt32: matmul_typed<std::int32_t>(a, b, ta, tb, out); break;
      case DType::kInt64: matmul_typed<std::int64_t>(a, b, ta, tb, out); break;
      default: fail(Code::kInvalidArgument, "Unsupported dtype for MatMul");
    }
  }
  k.outputs.push_back(std::move(out));
}

// Reductions: axes from attr "axes" (Dims, may be negative) with "reduce_all", or from
// input 1 (`reduction_indices`, an int tensor); attr "keep_dims".
std::vector<bool> reduced_axes(const Node& node, const Dims* axes_input, std::size_t rank, bool static_check,
                               const InferContext* c) {
  std::vector<bool> red(rank, false);
  if (!axes_input && node.attr_or<bool>("reduce_all", false)) return std::vector<bool>(rank, true);
  for (auto a : axes_input ? *axes_input : node.attr<Dims>("axes")) {
    std::int64_t r = static_cast<std::int64_t>(rank);
    if (a < -r || a >= r) {
      std::string msg = "Invalid reduction dimension " + std::to_string(a) + " for input with " + std::to_string(rank) + " dimensions.";
      if (static_check && c) c->value_error(msg);
      fail(Code::kInvalidArgument, msg);
    }
    red[static_cast<std::size_t>(a < 0 ? a + r : a)] = true;
  }
  return red;
}

void infer_reduce(InferContext& c) {
  DType t = c.input_dtype(0);
  require_numeric(c, t, false);
  const PartialShape& in = c.input_shape(0);
  bool keep = c.node.attr_or<bool>("keep_dims", false);
  if (!in.known_rank) {
    // Reducing every axis of a tensor of unknown rank still gives a scalar.
    bool all = c.num_inputs() < 2 && c.node.attr_or<bool>("reduce_all", false) && !keep;
    c.set_output(t, all ? PartialShape::of(Dims{}) : PartialShape::unknown());
    return;
  }
  Dims axes;
  if (c.num_inputs() > 1) {
    require_int_input(c, 1, "reduction_indices");
    const Tensor* v = constant_input(c, 1);
    if (!v) {
      // Axes known only at run time: with keep_dims the rank stays, otherwise it is unknown.
      c.set_output(t, keep ? PartialShape::of(Dims(in.dims.size(), -1)) : PartialShape::unknown());
      return;
    }
    axes = int_values(*v, "reduction_indices");
  }
  std::vector<bool> red = reduced_axes(c.node, c.num_inputs() > 1 ? &axes : nullptr, in.dims.size(), true, &c);
  Dims out;
  for (std::size_t i = 0; i < in.dims.size(); ++i) {
    if (!red[i]) out.push_back(in.dims[i]);
    else if (keep) out.push_back(1);
  }
  c.set_output(t, PartialShape::of(out));
}

template <typename T>
void reduce_loop(const Tensor& x, const std::vector<bool>& red, bool mean, Tensor& out) {
  using Acc = std::conditional_t<std::is_floating_point_v<T>, double, T>;
  const Dims& d = x.shape();
  std::size_t r = d.size();
  std::int64_t n_out = out.size();
  std::vector<Acc> acc(static_cast<std::size_t>(n_out), Acc(0));
  const T* p = x.data<T>();
  std::int64_t n = x.size();
  std::int64_t count = 1;
  for (std::size_t i = 0; i < r; ++i)
    if (red[i]) count *= d[i];
  if (n > 0) {
    if (r == 0) {
      acc[0] = p[0];
    } else {
      // Output strides for each input axis (0 on reduced axes).
      Dims os(r, 0);
      std::int64_t s = 1;
      for (int i = static_cast<int>(r) - 1; i >= 0; --i)
        if (!red[i]) { os[i] = s; s *= d[i]; }
      std::int64_t inner = d[r - 1], istep = os[r - 1];
      Dims idx(r, 0);
      std::int64_t o = 0;
      for (std::int64_t base = 0; base < n; base += inner) {
        if (istep == 0) {
          Acc a = 0;
          for (std::int64_t j = 0; j < inner; ++j) a += p[base + j];
          acc[o] += a;
        } else {
          for (std::int64_t j = 0; j < inner; ++j) acc[o + j] += p[base + j];
        }
        for (int k = static_cast<int>(r) - 2; k >= 0; --k) {
          if (++idx[k] < d[k]) { o += os[k]; break; }
          o -= os[k] * (d[k] - 1);
          idx[k] = 0;
        }
      }
    }
  }
  T* q = out.data<T>();
  for (std::int64_t i = 0; i < n_out; ++i) {
    if (mean) {
      if constexpr (std::is_floating_point_v<T>)
        q[i] = static_cast<T>(count ? acc[i] / static_cast<double>(count) : std::nan(""));
      else
        q[i] = count ? static_cast<T>(acc[i] / count) : T(0);
    } else {
      q[i] = static_cast<T>(acc[i]);
    }
  }
}

void compute_reduce(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  bool keep = k.node.attr_or<bool>("keep_dims", false);
  Dims axes;
  if (k.inputs.size() > 1) axes = int_values(k.inputs[1], "reduction_indices");
  std::vector<bool> red = reduced_axes(k.node, k.inputs.size() > 1 ? &axes : nullptr, x.shape().size(), false, nullptr);
  Dims out_dims;
  for (std::size_t i = 0; i < red.size(); ++i) {
    if (!red[i]) out_dims.push_back(x.shape()[i]);
    else if (keep) out_dims.push_back(1);
  }
  Tensor out(x.dtype(), out_dims);
  bool mean = k.node.type == "Mean";
  switch (x.dtype()) {
    case DType::kFloat: reduce_loop<float>(x, red, mean, out); break;
    case DType::kDouble: reduce_loop<double>(x, red, mean, out); break;
    case DType::kInt32: reduce_loop<std::int32_t>(x, red, mean, out); break;
    case DType::kInt64: reduce_loop<std::int64_t>(x, red, mean, out); break;
    default: fail(Code::kInvalidArgument, "Unsupported dtype for " + k.node.type);
  }
  k.outputs.push_back(std::move(out));
}

}  // namespace

void register_math_ops() {
  register_op({"Add", 2, 2, false, 0, false, infer_binary, compute_binary<AddF>});
  register_op({"Sub", 2, 2, false, 0, false, infer_binary, compute_binary<SubF>});
  register_op({"Mul", 2, 2, false, 0, false, infer_binary, compute_binary<MulF>});
  register_op({"RealDiv", 2, 2, false, 0, false, infer_binary, compute_binary<DivF>});
  register_op({"Maximum", 2, 2, false, 0, false, infer_binary, compute_binary<MaxF>});
  register_op({"Minimum", 2, 2, false, 0, false, infer_binary, compute_binary<MinF>});
  register_op({"Pow", 2, 2, false, 0, false, infer_binary, compute_binary<PowF>});
  register_op({"MatMul", 2, 2, false, 0, false, infer_matmul, compute_matmul});
  register_op({"Sum", 1, 2, false, 0, false, infer_reduce, compute_reduce});
  register_op({"Mean", 1, 2, false, 0, false, infer_reduce, compute_reduce});
}

}  // namespace tfn
