// Floor division and modulo (TensorFlow's FloorDiv/FloorMod: results rounded toward
// minus infinity, a remainder takes the divisor's sign), their truncating forms
// (TruncateDiv/TruncateMod: C's / and %, a remainder takes the dividend's sign) and the
// logical ops on bools.
#include <cmath>

#include "elementwise.h"

namespace tfn {

namespace {

const char* const kXY[] = {"x", "y"};

void infer_floor_binary(InferContext& c) {
  DType t = require_same_input_dtypes(c, kXY);
  if (!dtype_is_numeric(t))
    fail(Code::kTypeError, std::string("Value passed to parameter 'x' has DataType ") + dtype_name(t) +
                               " not in list of allowed values for '" + c.node.type + "'");
  c.set_output(t, broadcast_static(c, c.input_shape(0), c.input_shape(1)));
}

template <typename T>
T floor_mod(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    T r = std::fmod(x, y);
    return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
  } else {
    if (std::is_signed_v<T> && y == T(-1)) return T(0);  // also for the lowest value, whose x % -1 traps
    T r = x % y;
    return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r;
  }
}

template <typename T>
T floor_div(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::floor(x / y);
  } else {
    // The lowest value divided by -1 does not fit: it wraps to itself, as two's complement
    // negation does (x / -1 would trap).
    if (std::is_signed_v<T> && y == T(-1))
      return static_cast<T>(std::uint64_t(0) - static_cast<std::uint64_t>(static_cast<std::int64_t>(x)));
    T q = x / y;
    return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q;
  }
}

template <typename T>
T truncate_mod(T x, T y) {
  if constexpr (std::is_floating_point_v<T>) {
    return std::fmod(x, y);
  } else {
    if (std::is_signed_v<T> && y == T(-1)) return T(0);  // the lowest value's x % -1 would trap
    return x % y;
  }
}

template <typename T>
T truncate_div(T x, T y) {
  // The lowest value divided by -1 wraps to itself, as in floor_div (integers only: no float kernel).
  if (std::is_integral_v<T> && std::is_signed_v<T> && y == T(-1))
    return static_cast<T>(std::uint64_t(0) - static_cast<std::uint64_t>(static_cast<std::int64_t>(x)));
  return x / y;
}

enum class DivKind { kFloorMod, kFloorDiv, kTruncateMod, kTruncateDiv };

template <DivKind kKind>
void compute_floor_binary(KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  Tensor out(a.dtype(), broadcast_dims(a.shape(), b.shape()));
  dispatch_numeric(a.dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (std::is_same_v<T, bool>) {
      fail(Code::kInvalidArgument, k.node.type + " is not defined for bool tensors");
    } else if constexpr (kKind == DivKind::kTruncateDiv && std::is_floating_point_v<T>) {
      // TensorFlow's CPU registers TruncateDiv for integer types only.
      const char* attr = std::is_same_v<T, float> ? "DT_FLOAT" : "DT_DOUBLE";
      fail(Code::kInvalidArgument, "No OpKernel was registered to support Op 'TruncateDiv' used by {{node " +
                                       k.node.name + "}} with these attrs: [T=" + attr + "]");
    } else {
      if constexpr (std::is_integral_v<T>) {
        // An empty result divides nothing (TensorFlow returns it even for zero divisors).
        const T* pb = b.data<T>();
        for (std::int64_t i = 0; out.size() > 0 && i < b.size(); ++i)
          require(pb[i] != 0, Code::kInvalidArgument, "Integer division by zero");
      }
      auto f = [](T x, T y) {
        if constexpr (kKind == DivKind::kFloorMod) return floor_mod<T>(x, y);
        else if constexpr (kKind == DivKind::kFloorDiv) return floor_div<T>(x, y);
        else if constexpr (kKind == DivKind::kTruncateMod) return truncate_mod<T>(x, y);
        else return truncate_div<T>(x, y);
      };
      broadcast_apply<decltype(f), T, T>(a, b, out, f);
    }
  });
  k.outputs.push_back(std::move(out));
}

void require_bool_inputs(const InferContext& c) {
  for (int i = 0; i < c.num_inputs(); ++i)
    if (c.input_dtype(i) != DType::kBool)
      fail(Code::kTypeError, std::string("Input '") + kXY[i] + "' of '" + c.node.type + "' Op has type " +
                                 dtype_name(c.input_dtype(i)) + " that does not match expected type of bool.");
}

void infer_logical_binary(InferContext& c) {
  require_bool_inputs(c);
  c.set_output(DType::kBool, broadcast_static(c, c.input_shape(0), c.input_shape(1)));
}

template <bool kAnd>
void compute_logical_binary(KernelContext& k) {
  const Tensor& a = k.inputs[0];
  const Tensor& b = k.inputs[1];
  Tensor out(DType::kBool, broadcast_dims(a.shape(), b.shape()));
  auto f = [](bool x, bool y) { return kAnd ? (x && y) : (x || y); };
  broadcast_apply<decltype(f), bool, bool>(a, b, out, f);
  k.outputs.push_back(std::move(out));
}

void infer_logical_not(InferContext& c) {
  require_bool_inputs(c);
  c.set_output(DType::kBool, c.input_shape(0));
}

void compute_logical_not(KernelContext& k) {
  const Tensor& x = k.inputs[0];
  Tensor out(DType::kBool, x.shape());
  for (std::int64_t i = 0; i < x.size(); ++i) out.data<bool>()[i] = !x.data<bool>()[i];
  k.outputs.push_back(std::move(out));
}

}  // namespace

void register_floor_logical_ops() {
  register_op({"FloorMod", 2, 2, false, 0, false, infer_floor_binary, compute_floor_binary<DivKind::kFloorMod>});
  register_op({"FloorDiv", 2, 2, false, 0, false, infer_floor_binary, compute_floor_binary<DivKind::kFloorDiv>});
  register_op({"TruncateMod", 2, 2, false, 0, false, infer_floor_binary, compute_floor_binary<DivKind::kTruncateMod>});
  register_op({"TruncateDiv", 2, 2, false, 0, false, infer_floor_binary, compute_floor_binary<DivKind::kTruncateDiv>});
  register_op({"LogicalAnd", 2, 2, false, 0, false, infer_logical_binary, compute_logical_binary<true>});
  register_op({"LogicalOr", 2, 2, false, 0, false, infer_logical_binary, compute_logical_binary<false>});
  register_op({"LogicalNot", 1, 1, false, 0, false, infer_logical_not, compute_logical_not});
}

}  // namespace tfn
