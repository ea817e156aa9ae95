// Shared kernels for elementwise ops: unary maps and broadcasting binary maps.
#pragma once
#include <cmath>

#include "../op_registry.h"
#include "../session.h"
#include "shape_util.h"

namespace tfn {

// out[i] = F(a[i], b[j]) over the broadcast of a and b; Out may differ from T (comparisons).
template <typename F, typename T, typename Out>
void broadcast_apply(const Tensor& a, const Tensor& b, Tensor& out, F f) {
  const T* pa = a.data<T>();
  const T* pb = b.data<T>();
  Out* po = out.data<Out>();
  std::int64_t n = out.size();
  if (n == 0) return;
  if (a.shape() == b.shape()) {
    for (std::int64_t i = 0; i < n; ++i) po[i] = f(pa[i], pb[i]);
    return;
  }
  if (b.size() == 1 && a.size() == n) {
    T s = pb[0];
    for (std::int64_t i = 0; i < n; ++i) po[i] = f(pa[i], s);
    return;
  }
  if (a.size() == 1 && b.size() == n) {
    T s = pa[0];
    for (std::int64_t i = 0; i < n; ++i) po[i] = f(s, pb[i]);
    return;
  }
  const Dims& od = out.shape();
  std::size_t r = od.size();
  Dims sa(r, 0), sb(r, 0);
  auto fill_strides = [&](const Dims& d, Dims& s) {
    std::int64_t stride = 1;
    for (std::size_t k = 0; k < d.size(); ++k) {
      std::size_t i = d.size() - 1 - k, oi = r - 1 - k;
      s[oi] = d[i] == 1 ? 0 : stride;
      stride *= d[i];
    }
  };
  fill_strides(a.shape(), sa);
  fill_strides(b.shape(), sb);
  std::int64_t inner = od[r - 1], ia = sa[r - 1], ib = sb[r - 1];
  Dims idx(r, 0);
  std::int64_t oa = 0, ob = 0;
  for (std::int64_t o = 0; o < n; o += inner) {
    for (std::int64_t j = 0; j < inner; ++j) po[o + j] = f(pa[oa + j * ia], pb[ob + j * ib]);
    for (int k = static_cast<int>(r) - 2; k >= 0; --k) {
      if (++idx[k] < od[k]) { oa += sa[k]; ob += sb[k]; break; }
      oa -= sa[k] * (od[k] - 1);
      ob -= sb[k] * (od[k] - 1);
      idx[k] = 0;
    }
  }
}

// out[i] = f(a[i], b[j]) over the broadcast of two string tensors; Out is std::string or bool.
// The element pairing comes from broadcast_apply run on the flat positions.
template <typename Out, typename F>
void broadcast_apply_strings(const Tensor& a, const Tensor& b, Tensor& out, F f) {
  auto positions = [](const Tensor& t) {
    Tensor p(DType::kInt64, t.shape());
    for (std::int64_t i = 0; i < t.size(); ++i) p.data<std::int64_t>()[i] = i;
    return p;
  };
  Tensor pa = positions(a), pb = positions(b);
  Tensor ia(DType::kInt64, out.shape()), ib(DType::kInt64, out.shape());
  broadcast_apply<std::int64_t (*)(std::int64_t, std::int64_t), std::int64_t, std::int64_t>(
      pa, pb, ia, [](std::int64_t x, std::int64_t) { return x; });
  broadcast_apply<std::int64_t (*)(std::int64_t, std::int64_t), std::int64_t, std::int64_t>(
      pa, pb, ib, [](std::int64_t, std::int64_t y) { return y; });
  const auto& sa = a.strings();
  const auto& sb = b.strings();
  for (std::int64_t i = 0; i < out.size(); ++i) {
    const std::string& x = sa[static_cast<std::size_t>(ia.data<std::int64_t>()[i])];
    const std::string& y = sb[static_cast<std::size_t>(ib.data<std::int64_t>()[i])];
    if constexpr (std::is_same_v<Out, std::string>) out.strings()[static_cast<std::size_t>(i)] = f(x, y);
    else out.data<Out>()[i] = f(x, y);
  }
}

// Calls f(T*) for float32/float64 only; InvalidArgument otherwise.
template <typename F>
void dispatch_float(DType t, const std::string& op, F&& f) {
  switch (t) {
    case DType::kFloat: f(static_cast<float*>(nullptr)); break;
    case DType::kDouble: f(static_cast<double*>(nullptr)); break;
    default: fail(Code::kInvalidArgument, op + " needs float32 or float64, got " + dtype_name(t));
  }
}

inline void require_float_input(const InferContext& c, int i) {
  DType t = c.input_dtype(i);
  if (!dtype_is_floating(t))
    fail(Code::kTypeError, std::string("Value passed to parameter '") + (i == 0 ? "x" : "y") + "' has DataType " +
                               dtype_name(t) + " not in list of allowed values: float32, float64 for '" + c.node.type + "'");
}

}  // namespace tfn
