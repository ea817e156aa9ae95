// Elementwise math, comparisons, activations, softmax and losses, and the
// shape-following helpers that gradients use.
#include <algorithm>
#include <cmath>
#include <limits>

#include "elementwise.h"
#include "shape_util.h"

namespace tfn {

namespace {

// Unary float maps --------------------------------------------------------------

void infer_unary_float(InferContext& c) {
  require_float_input(c, 0);
  c.set_output(c.input_dtype(0), c.input_shape(0));
}

void infer_unary_numeric(InferContext& c) {
  DType t = c.input_dtype(0);
  if (!dtype_is_numeric(t))
    fail(Code::kTypeError, std::string("Value passed to parameter 'x' has DataType ") + dtype_name(t) + " not in list of allowed values for '" + c.node.type + "'");
  c.set_output(t, c.input_shape(0));
}

template <typename F>
void unary_map(KernelContext& k, F f) {
  const Tensor& x = k.inputs[0];
  Tensor y(x.dtype(), x.shape());
  std::int64_t n = x.size();
  dispatch_numeric(x.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (!std::is_same_v<T, bool>) {
      const T* p = x.data<T>();
      T* q = y.data<T>();
      for (std::int64_t i = 0; i < n; ++i) q[i] = static_cast<T>(f(p[i]));
    }
  });
  k.outputs.push_back(std::move(y));
}

void compute_neg(KernelContext& k) { unary_map(k, [](auto v) { return -v; }); }
void compute_square(KernelContext& k) { unary_map(k, [](auto v) { return v * v; }); }
void compute_sqrt(KernelContext& k) { unary_map(k, [](auto v) { return std::sqrt(v); }); }
void compute_exp(KernelContext& k) { unary_map(k, [](auto v) { return std::exp(v); }); }
void compute_log(KernelContext& k) { unary_map(k, [](auto v) { return std::log(v); }); }
void compute_floor(KernelContext& k) { unary_map(k, [](auto v) { return std::floor(v); }); }
void compute_abs(KernelContext& k) { unary_map(k, [](auto v) { return v < 0 ? -v : v; }); }
void compute_sign(KernelContext& k) { unary_map(k, [](auto v) { return static_cast<decltype(v)>((v > 0) - (v < 0)); }); }
void compute_relu(KernelContext& k) { unary_map(k, [](auto v) { return v > 0 ? v : decltype(v)(0); }); }
void compute_tanh(KernelContext& k) { unary_map(k, [](auto v) { return std::tanh(v); }); }
void compute_sigmoid(KernelContext& k) {
  unary_map(k, [](auto v) {
    using T = decltype(v);
    // Stable for large |v| in both directions.
    return v >= 0 ? T(1) / (T(1) + std::exp(-v)) : std::exp(v) / (T(1) + std::exp(v));
  });
}

// Comparisons -> bool -------------------------------------------------------------

void infer_compare(InferContext& c) {
  const char* const names[] = {"x", "y"};
  require_same_input_dtypes(c, names);
  bool equality = c.node.type == "Equal" || c.node.type == "NotEqual";
  if (c.input_dtype(0) == DType::kString && !equality)
    fail(Code::kTypeError, c.node.type + " does not support string tensors");
  c.set_output(DType::kBool, broadcast_static(c, c.input_shape(0), c.input_shape(1)));
}

template <typename Cmp>
void compute_compare(KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  Tensor out(DType::kBool, broadcast_dims(a.shape(), b.shape()));
  if (a.dtype() == DType::kString) {  // Equal and NotEqual only (checked at graph construction)
    broadcast_apply_strings<bool>(a, b, out, [](const std::string& x, const std::string& y) { return Cmp()(x, y); });
    k.outputs.push_back(std::move(out));
    return;
  }
  dispatch_numeric(a.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    auto f = [](T x, T y) { return Cmp()(x, y); };
    broadcast_apply<decltype(f), T, bool>(a, b, out, f);
  });
  k.outputs.push_back(std::move(out));
}

// Gradient helpers -----------------------------------------------------------------

// ReluGrad(gradients, features): gradients where features > 0.
void infer_relu_grad(InferContext& c) {
  require_float_input(c, 0);
  c.set_output(c.input_dtype(0), c.input_shape(1));
}
void compute_relu_grad(KernelContext& k) {
  const Tensor& g = k.inputs[0];
  const Tensor& x = k.inputs[1];
  require(g.shape() == x.shape(), Code::kInvalidArgument, "ReluGrad: gradients and features must have the same shape");
  Tensor out(g.dtype(), g.shape());
  dispatch_float(g.dtype(), "ReluGrad", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* pg = g.data<T>();
    const T* px = x.data<T>();
    T* po = out.data<T>();
    for (std::int64_t i = 0; i < g.size(); ++i) po[i] = px[i] > 0 ? pg[i] : T(0);
  });
  k.outputs.push_back(std::move(out));
}

// SumToShapeOf(grad, x): grad summed over the axes along which x was broadcast.
void infer_sum_to_shape(InferContext& c) { c.set_output(c.input_dtype(0), c.input_shape(1)); }
void compute_sum_to_shape(KernelContext& k) {
  const Tensor& g = k.inputs[0];
  const Dims& target = k.inputs[1].shape();
  if (g.shape() == target) { k.outputs.push_back(g); return; }
  const Dims& gd = g.shape();
  std::size_t r = gd.size();
  require(target.size() <= r, Code::kInvalidArgument, "SumToShapeOf: target has a higher rank");
  // Output strides per grad axis (0 where the target is 1 or absent).
  Dims os(r, 0);
  std::int64_t s = 1;
  for (std::size_t k2 = 0; k2 < r; ++k2) {
    std::size_t i = r - 1 - k2;
    std::int64_t td = k2 < target.size() ? target[target.size() - 1 - k2] : 1;
    require(td == gd[i] || td == 1, Code::kInvalidArgument, "SumToShapeOf: shapes are not broadcast-compatible");
    if (td != 1) { os[i] = s; s *= td; }
  }
  Tensor out(g.dtype(), target);
  dispatch_numeric(g.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (!std::is_same_v<T, bool>) {
      T* po = out.data<T>();
      std::fill(po, po + out.size(), T(0));
      const T* pg = g.data<T>();
      std::int64_t n = g.size();
      if (n == 0) return;
      if (r == 0) { po[0] += pg[0]; return; }
      Dims idx(r, 0);
      std::int64_t o = 0, inner = gd[r - 1], step = os[r - 1];
      for (std::int64_t base = 0; base < n; base += inner) {
        for (std::int64_t j = 0; j < inner; ++j) po[o + j * step] += pg[base + j];
        for (int a = static_cast<int>(r) - 2; a >= 0; --a) {
          if (++idx[a] < gd[a]) { o += os[a]; break; }
          o -= os[a] * (gd[a] - 1);
          idx[a] = 0;
        }
      }
    }
  });
  k.outputs.push_back(std::move(out));
}

// ReshapeLike(grad, x): grad with x's shape.
void infer_reshape_like(InferContext& c) { c.set_output(c.input_dtype(0), c.input_shape(1)); }
void compute_reshape_like(KernelContext& k) { k.outputs.push_back(k.inputs[0].reshaped(k.inputs[1].shape())); }

// ReductionGrad(grad, x[, axes]; axes, reduce_all, keep_dims, mean): the gradient of Sum/Mean,
// grad broadcast back over the reduced axes (divided by their size for Mean).
void infer_reduction_grad(InferContext& c) { c.set_output(c.input_dtype(0), c.input_shape(1)); }
void compute_reduction_grad(KernelContext& k) {
  const Tensor& g = k.inputs[0];
  const Dims& xd = k.inputs[1].shape();
  std::size_t r = xd.size();
  // Axes from attributes, or (input 2) the reduction's own axes tensor.
  bool axes_input = k.inputs.size() > 2;
  bool all = !axes_input && k.node.attr_or<bool>("reduce_all", false);
  std::vector<bool> red(r, all);
  if (!all)
    for (auto a : axes_input ? int_values(k.inputs[2], "reduction_indices") : k.node.attr<Dims>("axes")) {
      std::int64_t rr = static_cast<std::int64_t>(r);
      if (a < -rr || a >= rr)
        fail(Code::kInvalidArgument, "Invalid reduction dimension " + std::to_string(a) + " for input with " + std::to_string(r) + " dimensions.");
      red[static_cast<std::size_t>(a < 0 ? a + rr : a)] = true;
    }
  std::int64_t count = 1;
  Dims gs(r, 0);  // stride into g for each x axis (0 on reduced axes)
  std::int64_t s = 1;
  for (std::size_t k2 = 0; k2 < r; ++k2) {
    std::size_t i = r - 1 - k2;
    if (red[i]) count *= xd[i];
    else { gs[i] = s; s *= xd[i]; }
  }
  require(s == g.size(), Code::kInvalidArgument, "ReductionGrad: gradient has the wrong size");
  bool mean = k.node.attr_or<bool>("mean", false);
  Tensor out(g.dtype(), xd);
  dispatch_float(g.dtype(), "ReductionGrad", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* pg = g.data<T>();
    T* po = out.data<T>();
    T scale = mean && count ? T(1) / static_cast<T>(count) : T(1);
    std::int64_t n = out.size();
    if (n == 0) return;
    if (r == 0) { po[0] = pg[0] * scale; return; }
    Dims idx(r, 0);
    std::int64_t o = 0, inner = xd[r - 1], step = gs[r - 1];
    for (std::int64_t base = 0; base < n; base += inner) {
      for (std::int64_t j = 0; j < inner; ++j) po[base + j] = pg[o + j * step] * scale;
      for (int a = static_cast<int>(r) - 2; a >= 0; --a) {
        if (++idx[a] < xd[a]) { o += gs[a]; break; }
        o -= gs[a] * (xd[a] - 1);
        idx[a] = 0;
      }
    }
  });
  k.outputs.push_back(std::move(out));
}

// Bias add and its gradient -----------------------------------------------------------

void infer_bias_add(InferContext& c) {
  const char* const names[] = {"value", "bias"};
  DType t = require_same_input_dtypes(c, names);
  if (!dtype_is_numeric(t)) fail(Code::kTypeError, "BiasAdd needs numeric tensors");
  const PartialShape& v = c.input_shape(0);
  const PartialShape& b = c.input_shape(1);
  if (v.known_rank && v.dims.size() < 2) c.value_error("Shape must be at least rank 2 but is rank " + std::to_string(v.dims.size()));
  if (b.known_rank && b.dims.size() != 1) c.value_error("Shape must be rank 1 but is rank " + std::to_string(b.dims.size()));
  if (v.known_rank && b.known_rank && v.dims.back() >= 0 && b.dims[0] >= 0 && v.dims.back() != b.dims[0])
    c.value_error("Dimensions must be equal, but are " + std::to_string(v.dims.back()) + " and " + std::to_string(b.dims[0]));
  c.set_output(t, v);
}
void compute_bias_add(KernelContext& k) {
  const Tensor& v = k.inputs[0];
  const Tensor& b = k.inputs[1];
  require(v.rank() >= 2 && b.rank() == 1 && v.shape().back() == b.shape()[0], Code::kInvalidArgument,
          "Biases must be 1-D and match the last dimension of value");
  Tensor out(v.dtype(), v.shape());
  dispatch_numeric(v.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (!std::is_same_v<T, bool>) {
      const T* pv = v.data<T>();
      const T* pb = b.data<T>();
      T* po = out.data<T>();
      std::int64_t c = b.size(), n = v.size();
      for (std::int64_t i = 0; i < n; i += c)
        for (std::int64_t j = 0; j < c; ++j) po[i + j] = pv[i + j] + pb[j];
    }
  });
  k.outputs.push_back(std::move(out));
}

void infer_bias_add_grad(InferContext& c) {
  const PartialShape& g = c.input_shape(0);
  if (g.known_rank && g.dims.empty()) c.value_error("Shape must be at least rank 1 but is rank 0");
  c.set_output(c.input_dtype(0), g.known_rank ? PartialShape::of({g.dims.back()}) : PartialShape::of({-1}));
}
void compute_bias_add_grad(KernelContext& k) {
  const Tensor& g = k.inputs[0];
  require(g.rank() >= 1, Code::kInvalidArgument, "BiasAddGrad needs rank >= 1");
  std::int64_t c = g.shape().back();
  Tensor out(g.dtype(), {c});
  dispatch_float(g.dtype(), "BiasAddGrad", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* pg = g.data<T>();
    T* po = out.data<T>();
    std::fill(po, po + c, T(0));
    for (std::int64_t i = 0; i < g.size(); i += c)
      for (std::int64_t j = 0; j < c; ++j) po[j] += pg[i + j];
  });
  k.outputs.push_back(std::move(out));
}

// Softmax family over one axis (attr "axis", default the last) --------------------------

std::int64_t norm_axis(std::int64_t axis, std::size_t rank, bool insert);

// The axis is attribute "axis" or (input 1) a scalar int tensor known when run.
void infer_softmax(InferContext& c) {
  require_float_input(c, 0);
  if (c.num_inputs() > 1) require_int_input(c, 1, "axis");
  const PartialShape& s = c.input_shape(0);
  if (s.known_rank && s.dims.empty()) c.value_error("Shape must be at least rank 1 but is rank 0");
  c.set_output(c.input_dtype(0), s);
}

template <bool kLog>
void compute_softmax(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  require(x.rank() >= 1, Code::kInvalidArgument, "logits must have at least one dimension");
  std::int64_t axis = k.node.attr_or<std::int64_t>("axis", -1);
  if (k.inputs.size() > 1) {
    require(k.inputs[1].rank() == 0, Code::kInvalidArgument, "axis must be a scalar");
    axis = int_values(k.inputs[1], "axis")[0];
  }
  std::int64_t r = static_cast<std::int64_t>(x.shape().size());
  require(axis >= -r && axis < r, Code::kInvalidArgument,
          "Dimension (" + std::to_string(axis) + ") must be in the range [" + std::to_string(-r) + ", " + std::to_string(r) +
              ") where " + std::to_string(r) + " is the number of dimensions in the input.");
  std::size_t a = static_cast<std::size_t>(norm_axis(axis, x.shape().size(), false));
  // Rows of c values `inner` apart: outer blocks of c * inner values.
  std::int64_t c = x.shape()[a], inner = 1, n = x.size();
  for (std::size_t i = a + 1; i < x.shape().size(); ++i) inner *= x.shape()[i];
  Tensor out(x.dtype(), x.shape());
  dispatch_float(x.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* p = x.data<T>();
    T* q = out.data<T>();
    for (std::int64_t block = 0; c > 0 && block < n; block += c * inner) {
      for (std::int64_t r = 0; r < inner; ++r) {
        const T* pr = p + block + r;
        T* qr = q + block + r;
        T m = pr[0];
        for (std::int64_t j = 1; j < c; ++j) m = std::max(m, pr[j * inner]);
        T sum = 0;
        for (std::int64_t j = 0; j < c; ++j) sum += std::exp(pr[j * inner] - m);
        T lse = std::log(sum);
        for (std::int64_t j = 0; j < c; ++j)
          qr[j * inner] = kLog ? pr[j * inner] - m - lse : std::exp(pr[j * inner] - m - lse);
      }
    }
  });
  k.outputs.push_back(std::move(out));
}

// SoftmaxCrossEntropyWithLogits(logits, labels) -> (loss [batch], backprop [batch, classes]).
void infer_xent(InferContext& c) {
  const char* const names[] = {"features", "labels"};
  DType t = require_same_input_dtypes(c, names);
  if (!dtype_is_floating(t)) fail(Code::kTypeError, "softmax_cross_entropy_with_logits needs float32 or float64 tensors");
  const PartialShape& a = c.input_shape(0);
  const PartialShape& b = c.input_shape(1);
  if (!a.compatible_with(b)) c.value_error("Shapes " + a.list_string() + " and " + b.list_string() + " are incompatible");
  const PartialShape& known = a.known_rank ? a : b;
  if (c.node.type != "SoftmaxCrossEntropyWithLogits") {
    // The any-rank form (internal, for logits whose rank is known only when run): classes on
    // the last axis, the loss has the other axes.
    if (known.known_rank && known.dims.empty()) c.value_error("Shape must be at least rank 1 but is rank 0");
    PartialShape loss = known;
    if (loss.known_rank) loss.dims.pop_back();
    c.set_output(t, loss);
    c.set_output(t, known);
    return;
  }
  if (a.known_rank && a.dims.size() != 2) c.value_error("Shape must be rank 2 but is rank " + std::to_string(a.dims.size()));
  if (b.known_rank && b.dims.size() != 2) c.value_error("Shape must be rank 2 but is rank " + std::to_string(b.dims.size()));
  std::int64_t batch = a.known_rank ? a.dims[0] : (b.known_rank ? b.dims[0] : -1);
  c.set_output(t, PartialShape::of({batch}));
  c.set_output(t, known);
}
void compute_xent(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  const Tensor& y = k.inputs[1];
  bool any_rank = k.node.type != "SoftmaxCrossEntropyWithLogits";
  require((any_rank ? x.rank() >= 1 : x.rank() == 2) && x.shape() == y.shape(), Code::kInvalidArgument,
          "logits and labels must be same size: logits_size=" + dims_debug_string(x.shape()) + " labels_size=" + dims_debug_string(y.shape()));
  std::int64_t c = x.shape().back(), b = c ? x.size() / c : num_elements(Dims(x.shape().begin(), x.shape().end() - 1));
  Tensor loss(x.dtype(), Dims(x.shape().begin(), x.shape().end() - 1));
  Tensor back(x.dtype(), x.shape());
  dispatch_float(x.dtype(), "SoftmaxCrossEntropyWithLogits", [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* px = x.data<T>();
    const T* py = y.data<T>();
    T* pl = loss.data<T>();
    T* pb = back.data<T>();
    for (std::int64_t i = 0; i < b; ++i) {
      const T* xi = px + i * c;
      const T* yi = py + i * c;
      T m = c ? *std::max_element(xi, xi + c) : T(0);
      T sum = 0;
      for (std::int64_t j = 0; j < c; ++j) sum += std::exp(xi[j] - m);
      T lse = std::log(sum) + m;
      T l = 0;
      for (std::int64_t j = 0; j < c; ++j) {
        l += yi[j] * (lse - xi[j]);
        pb[i * c + j] = std::exp(xi[j] - lse) - yi[j];
      }
      pl[i] = l;
    }
  });
  k.outputs.push_back(std::move(loss));
  k.outputs.push_back(std::move(back));
}

// ArgMax(x; axis, output_type) and ExpandDims(x; axis) ---------------------------------

std::int64_t norm_axis(std::int64_t axis, std::size_t rank, bool insert) {
  std::int64_t r = static_cast<std::int64_t>(rank) + (insert ? 1 : 0);
  if (axis < -r || axis >= r)
    fail(Code::kInvalidArgument, "Expected axis in the range [" + std::to_string(-r) + ", " + std::to_string(r) + "), but got " + std::to_string(axis));
  return axis < 0 ? axis + r : axis;
}

void infer_argmax(InferContext& c) {
  DType t = c.input_dtype(0);
  if (!dtype_is_numeric(t)) fail(Code::kTypeError, "ArgMax needs a numeric tensor");
  const PartialShape& s = c.input_shape(0);
  DType out = c.node.attr<DType>("output_type");
  if (!s.known_rank) { c.set_output(out, PartialShape::unknown()); return; }
  std::int64_t a = norm_axis(c.node.attr<std::int64_t>("axis"), s.dims.size(), false);
  Dims d;
  for (std::size_t i = 0; i < s.dims.size(); ++i)
    if (static_cast<std::int64_t>(i) != a) d.push_back(s.dims[i]);
  c.set_output(out, PartialShape::of(d));
}
void compute_argmax(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  std::int64_t a = norm_axis(k.node.attr<std::int64_t>("axis"), x.shape().size(), false);
  const Dims& d = x.shape();
  require(d[a] > 0, Code::kInvalidArgument, "Reduction axis " + std::to_string(a) + " is empty in shape " + dims_debug_string(d));
  std::int64_t outer = 1, inner = 1;
  for (std::int64_t i = 0; i < a; ++i) outer *= d[i];
  for (std::size_t i = static_cast<std::size_t>(a) + 1; i < d.size(); ++i) inner *= d[i];
  Dims od;
  for (std::size_t i = 0; i < d.size(); ++i)
    if (static_cast<std::int64_t>(i) != a) od.push_back(d[i]);
  DType ot = k.node.attr<DType>("output_type");
  Tensor out(ot, od);
  dispatch_numeric(x.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    const T* p = x.data<T>();
    for (std::int64_t o = 0; o < outer; ++o)
      for (std::int64_t in = 0; in < inner; ++in) {
        std::int64_t best = 0;
        for (std::int64_t j = 1; j < d[a]; ++j)
          if (p[(o * d[a] + j) * inner + in] > p[(o * d[a] + best) * inner + in]) best = j;
        if (ot == DType::kInt32) out.data<std::int32_t>()[o * inner + in] = static_cast<std::int32_t>(best);
        else out.data<std::int64_t>()[o * inner + in] = best;
      }
  });
  k.outputs.push_back(std::move(out));
}

// The axis is attribute "axis" or input 1 (a tensor holding one int32/int64 value). As
// TensorFlow, an axis outside [-rank-1, rank] is a ValueError when known while building, and
// an axis known only at run time leaves the output's shape unknown.
std::int64_t expand_dims_axis(const Tensor& t) {
  require(t.size() == 1, Code::kInvalidArgument, "'dim' must be a tensor with a single value");
  return int_values(t, "dim")[0];
}
void infer_expand_dims(InferContext& c) {
  std::int64_t axis;
  if (c.num_inputs() > 1) {
    require_int_input(c, 1, "dim");
    const Tensor* v = constant_input(c, 1);
    if (v && v->size() != 1) c.value_error("'dim' input must be a tensor with a single value");
    if (!v) { c.set_output(c.input_dtype(0), PartialShape::unknown()); return; }
    axis = int_values(*v, "dim")[0];
  } else {
    axis = c.node.attr<std::int64_t>("axis");
  }
  const PartialShape& s = c.input_shape(0);
  if (!s.known_rank) { c.set_output(c.input_dtype(0), PartialShape::unknown()); return; }
  std::int64_t rank = static_cast<std::int64_t>(s.dims.size());
  if (axis < -rank - 1 || axis > rank)
    c.value_error("dim " + std::to_string(axis) + " not in the interval [" + std::to_string(-rank - 1) + ", " + std::to_string(rank) + "].");
  Dims d = s.dims;
  d.insert(d.begin() + (axis < 0 ? axis + rank + 1 : axis), 1);
  c.set_output(c.input_dtype(0), PartialShape::of(d));
}
void compute_expand_dims(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  std::int64_t axis = k.inputs.size() > 1 ? expand_dims_axis(k.inputs[1]) : k.node.attr<std::int64_t>("axis");
  std::int64_t rank = static_cast<std::int64_t>(x.shape().size());
  require(axis >= -rank - 1 && axis <= rank, Code::kInvalidArgument,
          "Tried to expand dim index " + std::to_string(axis) + " for tensor with " + std::to_string(rank) + " dimensions.");
  Dims d = x.shape();
  d.insert(d.begin() + (axis < 0 ? axis + rank + 1 : axis), 1);
  k.outputs.push_back(x.reshaped(d));
}

}  // namespace

void register_nn_ops() {
  register_op({"Neg", 1, 1, false, 0, false, infer_unary_numeric, compute_neg});
  register_op({"Square", 1, 1, false, 0, false, infer_unary_numeric, compute_square});
  register_op({"Abs", 1, 1, false, 0, false, infer_unary_numeric, compute_abs});
  register_op({"Sign", 1, 1, false, 0, false, infer_unary_numeric, compute_sign});
  register_op({"Relu", 1, 1, false, 0, false, infer_unary_numeric, compute_relu});
  register_op({"Sqrt", 1, 1, false, 0, false, infer_unary_float, compute_sqrt});
  register_op({"Exp", 1, 1, false, 0, false, infer_unary_float, compute_exp});
  register_op({"Log", 1, 1, false, 0, false, infer_unary_float, compute_log});
  register_op({"Floor", 1, 1, false, 0, false, infer_unary_float, compute_floor});
  register_op({"Tanh", 1, 1, false, 0, false, infer_unary_float, compute_tanh});
  register_op({"Sigmoid", 1, 1, false, 0, false, infer_unary_float, compute_sigmoid});
  register_op({"Equal", 2, 2, false, 0, false, infer_compare, compute_compare<std::equal_to<>>});
  register_op({"NotEqual", 2, 2, false, 0, false, infer_compare, compute_compare<std::not_equal_to<>>});
  register_op({"Greater", 2, 2, false, 0, false, infer_compare, compute_compare<std::greater<>>});
  register_op({"GreaterEqual", 2, 2, false, 0, false, infer_compare, compute_compare<std::greater_equal<>>});
  register_op({"Less", 2, 2, false, 0, false, infer_compare, compute_compare<std::less<>>});
  register_op({"LessEqual", 2, 2, false, 0, false, infer_compare, compute_compare<std::less_equal<>>});
  register_op({"ReluGrad", 2, 2, false, 0, false, infer_relu_grad, compute_relu_grad});
  register_op({"SumToShapeOf", 2, 2, false, 0, false, infer_sum_to_shape, compute_sum_to_shape});
  register_op({"ReshapeLike", 2, 2, false, 0, false, infer_reshape_like, compute_reshape_like});
  register_op({"ReductionGrad", 2, 3, false, 0, false, infer_reduction_grad, compute_reduction_grad});
  register_op({"BiasAdd", 2, 2, false, 0, false, infer_bias_add, compute_bias_add});
  register_op({"BiasAddGrad", 1, 1, false, 0, false, infer_bias_add_grad, compute_bias_add_grad});
  register_op({"Softmax", 1, 2, false, 0, false, infer_softmax, compute_softmax<false>});
  register_op({"LogSoftmax", 1, 2, false, 0, false, infer_softmax, compute_softmax<true>});
  register_op({"SoftmaxCrossEntropyWithLogits", 2, 2, false, 0, false, infer_xent, compute_xent});
  register_op({"SoftmaxCrossEntropyWithLogitsAnyRank", 2, 2, false, 0, false, infer_xent, compute_xent});
  register_op({"ArgMax", 1, 1, false, 0, false, infer_argmax, compute_argmax});
  register_op({"ExpandDims", 1, 2, false, 0, false, infer_expand_dims, compute_expand_dims});
}

}  // namespace tfn
