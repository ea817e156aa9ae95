// Optimizer updates, applied in place to a variable and its slots (TensorFlow's Apply* ops).
#include <cmath>

#include "elementwise.h"

namespace tfn {

namespace {

// All inputs share the variable's float dtype; the output is the updated variable.
void infer_apply(InferContext& c) {
  DType t = c.input_dtype(0);
  if (!dtype_is_floating(t)) fail(Code::kTypeError, c.node.type + " needs a float32 or float64 variable");
  for (int i = 1; i < c.num_inputs(); ++i)
    if (c.input_dtype(i) != t)
      fail(Code::kTypeError, c.node.type + ": input " + std::to_string(i) + " has type " + dtype_name(c.input_dtype(i)) +
                                 " that does not match type " + dtype_name(t) + " of the variable");
  // The gradient's position among the inputs; the others are variables, slots and scalars.
  int gi = c.node.type == "ApplyMomentum" ? 3 : c.num_inputs() - 1;
  const PartialShape& grad = c.input_shape(gi);
  if (!c.input_shape(0).compatible_with(grad))
    c.value_error("Shapes " + c.input_shape(0).list_string() + " and " + grad.list_string() + " are incompatible");
  c.set_output(t, c.input_shape(0));
}

// The variable (or slot) at ref input i, owned by this session alone so it can change in place.
Tensor& owned_state(KernelContext& k, int i, const Tensor& grad) {
  int var = k.ref_vars[i];
  k.session.read_variable(var);  // FailedPrecondition when uninitialized
  Tensor* t = k.session.mutable_variable(var);
  if (t->shape() != grad.shape())
    fail(Code::kInvalidArgument, "var and grad do not have the same shape" + dims_debug_string(t->shape()) + " " +
                                     dims_debug_string(grad.shape()));
  if (!t->sole_owner()) *t = t->deep_copy();
  return *t;
}

template <typename T>
T scalar(const Tensor& t, const char* what) {
  if (t.size() != 1) fail(Code::kInvalidArgument, std::string(what) + " is not a scalar: " + dims_debug_string(t.shape()));
  return t.data<T>()[0];
}

void compute_gd(KernelContext& k) {
  const Tensor& delta = k.inputs[2];
  Tensor& var = owned_state(k, 0, delta);
  dispatch_float(var.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T alpha = scalar<T>(k.inputs[1], "alpha");
    T* w = var.data<T>();
    const T* g = delta.data<T>();
    for (std::int64_t i = 0; i < var.size(); ++i) w[i] -= alpha * g[i];
  });
  k.outputs.push_back(var);
}

void compute_momentum(KernelContext& k) {
  const Tensor& grad = k.inputs[3];
  Tensor& var = owned_state(k, 0, grad);
  Tensor& accum = owned_state(k, 1, grad);
  bool nesterov = k.node.attr_or<bool>("use_nesterov", false);
  dispatch_float(var.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T lr = scalar<T>(k.inputs[2], "lr"), mom = scalar<T>(k.inputs[4], "momentum");
    T* w = var.data<T>();
    T* a = accum.data<T>();
    const T* g = grad.data<T>();
    for (std::int64_t i = 0; i < var.size(); ++i) {
      a[i] = a[i] * mom + g[i];
      w[i] -= nesterov ? g[i] * lr + a[i] * mom * lr : lr * a[i];
    }
  });
  k.outputs.push_back(var);
}

void compute_adam(KernelContext& k) {
  const Tensor& grad = k.inputs[9];
  Tensor& var = owned_state(k, 0, grad);
  Tensor& m = owned_state(k, 1, grad);
  Tensor& v = owned_state(k, 2, grad);
  bool nesterov = k.node.attr_or<bool>("use_nesterov", false);
  dispatch_float(var.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T b1p = scalar<T>(k.inputs[3], "beta1_power"), b2p = scalar<T>(k.inputs[4], "beta2_power");
    T lr = scalar<T>(k.inputs[5], "lr"), b1 = scalar<T>(k.inputs[6], "beta1"), b2 = scalar<T>(k.inputs[7], "beta2");
    T eps = scalar<T>(k.inputs[8], "epsilon");
    T alpha = lr * std::sqrt(T(1) - b2p) / (T(1) - b1p);
    T* w = var.data<T>();
    T* pm = m.data<T>();
    T* pv = v.data<T>();
    const T* g = grad.data<T>();
    for (std::int64_t i = 0; i < var.size(); ++i) {
      pm[i] += (g[i] - pm[i]) * (T(1) - b1);
      pv[i] += (g[i] * g[i] - pv[i]) * (T(1) - b2);
      T step = nesterov ? (pm[i] * b1 + (T(1) - b1) * g[i]) : pm[i];
      w[i] -= step * alpha / (std::sqrt(pv[i]) + eps);
    }
  });
  k.outputs.push_back(var);
}

void compute_adagrad(KernelContext& k) {
  const Tensor& grad = k.inputs[3];
  Tensor& var = owned_state(k, 0, grad);
  Tensor& accum = owned_state(k, 1, grad);
  dispatch_float(var.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T lr = scalar<T>(k.inputs[2], "lr");
    T* w = var.data<T>();
    T* a = accum.data<T>();
    const T* g = grad.data<T>();
    for (std::int64_t i = 0; i < var.size(); ++i) {
      a[i] += g[i] * g[i];
      w[i] -= lr * g[i] / std::sqrt(a[i]);
    }
  });
  k.outputs.push_back(var);
}

// RMSProp; the centered form (ApplyCenteredRMSProp) also tracks the gradient's mean (mg,
// input 1) and divides by an estimate of its variance instead of its second moment.
template <bool kCentered>
void compute_rmsprop(KernelContext& k) {
  constexpr int o = kCentered ? 1 : 0;  // inputs after var shift by one for mg
  const Tensor& grad = k.inputs[7 + o];
  Tensor& var = owned_state(k, 0, grad);
  Tensor* mg = kCentered ? &owned_state(k, 1, grad) : nullptr;
  Tensor& ms = owned_state(k, 1 + o, grad);
  Tensor& mom = owned_state(k, 2 + o, grad);
  dispatch_float(var.dtype(), k.node.type, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T lr = scalar<T>(k.inputs[3 + o], "lr"), rho = scalar<T>(k.inputs[4 + o], "rho");
    T momentum = scalar<T>(k.inputs[5 + o], "momentum"), eps = scalar<T>(k.inputs[6 + o], "epsilon");
    T* w = var.data<T>();
    T* a = kCentered ? mg->data<T>() : nullptr;
    T* s = ms.data<T>();
    T* mo = mom.data<T>();
    const T* g = grad.data<T>();
    for (std::int64_t i = 0; i < var.size(); ++i) {
      s[i] += (g[i] * g[i] - s[i]) * (T(1) - rho);
      T denom = s[i];
      if constexpr (kCentered) {
        a[i] += (g[i] - a[i]) * (T(1) - rho);
        denom -= a[i] * a[i];
      }
      mo[i] = mo[i] * momentum + lr * g[i] / std::sqrt(denom + eps);
      w[i] -= mo[i];
    }
  });
  k.outputs.push_back(var);
}

}  // namespace

void register_training_ops() {
  register_op({"ApplyGradientDescent", 3, 3, true, 1, false, infer_apply, compute_gd});
  register_op({"ApplyMomentum", 5, 5, true, 2, false, infer_apply, compute_momentum});
  register_op({"ApplyAdam", 10, 10, true, 3, false, infer_apply, compute_adam});
  register_op({"ApplyAdagrad", 4, 4, true, 2, false, infer_apply, compute_adagrad});
  register_op({"ApplyRMSProp", 8, 8, true, 3, false, infer_apply, compute_rmsprop<false>});
  register_op({"ApplyCenteredRMSProp", 9, 9, true, 4, false, infer_apply, compute_rmsprop<true>});
}

}  // namespace tfn
