// Variables and the ops that read or change their per-session state.
#include <limits>

#include "../op_registry.h"
#include "../session.h"
#include "shape_util.h"

namespace tfn {

namespace {

const char* const kRefValue[] = {"ref", "value"};

void infer_variable(InferContext& c) {
  DType t = c.node.attr<DType>("dtype");
  require(t != DType::kInvalid, Code::kTypeError, "Variable needs a dtype");
  c.set_output(t, c.node.attr<PartialShape>("shape"));
}
void compute_variable(KernelContext&) {}  // never scheduled: consumers read the state directly

// Static shape check with TensorFlow's Merge wording.
void check_same_static_shape(const InferContext& c, const PartialShape& a, const PartialShape& b) {
  if (!a.known_rank || !b.known_rank) return;
  std::string tail = ". Shapes are " + a.list_string() + " and " + b.list_string() + ".";
  std::string inputs = " with input shapes: " + a.list_string() + ", " + b.list_string() + ".";
  if (a.dims.size() != b.dims.size())
    fail(Code::kValueError, "Shapes must be equal rank, but are " + std::to_string(a.dims.size()) + " and " +
                                std::to_string(b.dims.size()) + " for '" + c.node.name + "' (op: '" + c.node.type + "')" + inputs);
  for (std::size_t i = 0; i < a.dims.size(); ++i)
    if (a.dims[i] >= 0 && b.dims[i] >= 0 && a.dims[i] != b.dims[i])
      fail(Code::kValueError, "Dimension " + std::to_string(i) + " in both shapes must be equal, but are " +
                                  std::to_string(a.dims[i]) + " and " + std::to_string(b.dims[i]) + tail + " for '" +
                                  c.node.name + "' (op: '" + c.node.type + "')" + inputs);
}

void infer_assign(InferContext& c) {
  DType t = require_same_input_dtypes(c, kRefValue);
  bool validate = c.node.attr_or<bool>("validate_shape", true);
  if (c.node.type != "Assign") {
    validate = true;
    if (!dtype_is_numeric(t))
      fail(Code::kTypeError, std::string("Value passed to parameter 'ref' has DataType ") + dtype_name(t) +
                                 " not in list of allowed values for '" + c.node.type + "'");
  }
  if (validate) {
    check_same_static_shape(c, c.input_shape(0), c.input_shape(1));
    c.set_output(t, c.input_shape(0).known_rank ? c.input_shape(0) : c.input_shape(1));
  } else {
    c.set_output(t, c.input_shape(1));
  }
}

void compute_assign(KernelContext& k) {
  int var = k.ref_vars[0];
  const Tensor& value = k.inputs[1];
  if (k.node.attr_or<bool>("validate_shape", true)) {
    const Node& vn = k.session.graph()->node(var);
    const PartialShape& declared = vn.out_shapes[0];
    const Tensor* current = k.session.variable(var);
    const Dims* lhs = current ? &current->shape() : (declared.fully_defined() ? &declared.dims : nullptr);
    if (lhs && *lhs != value.shape())
      fail(Code::kInvalidArgument, "Assign requires shapes of both tensors to match. lhs shape= " +
                                       dims_debug_string(*lhs) + " rhs shape= " + dims_debug_string(value.shape()));
  }
  k.session.set_variable(var, value);
  k.outputs.push_back(value);
}

template <bool kAdd>
void compute_assign_update(KernelContext& k) {
  int var = k.ref_vars[0];
  const Tensor& delta = k.inputs[1];
  const Tensor& cur = k.session.read_variable(var);
  if (cur.shape() != delta.shape())
    fail(Code::kInvalidArgument, "Cannot update variable with shape " + dims_debug_string(cur.shape()) +
                                     " using a Tensor with shape " + dims_debug_string(delta.shape()) +
                                     ", shapes must be equal.");
  // Update in place only when nothing else (a fetched value, a constant) shares the storage.
  Tensor* state = k.session.mutable_variable(var);
  if (!state->sole_owner()) *state = state->deep_copy();
  std::int64_t n = state->size();
  dispatch_numeric(state->dtype(), [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    if constexpr (!std::is_same_v<T, bool>) {
      T* p = state->data<T>();
      const T* d = delta.data<T>();
      for (std::int64_t i = 0; i < n; ++i) p[i] = kAdd ? p[i] + d[i] : p[i] - d[i];
    }
  });
  k.outputs.push_back(*state);
}

void infer_is_initialized(InferContext& c) { c.set_output(DType::kBool, PartialShape::of({})); }
void compute_is_initialized(KernelContext& k) {
  Tensor out(DType::kBool, {});
  *out.data<bool>() = k.session.variable(k.ref_vars[0]) != nullptr;
  k.outputs.push_back(std::move(out));
}

// The variable's value when initialized, else its initial value (TensorFlow 1.15's cond form).
void infer_initialized_value(InferContext& c) {
  const char* const names[] = {"ref", "initial_value"};
  DType t = require_same_input_dtypes(c, names);
  c.set_output(t, c.input_shape(1));
}
void compute_initialized_value(KernelContext& k) {
  const Tensor* v = k.session.variable(k.ref_vars[0]);
  k.outputs.push_back(v ? *v : k.inputs[1]);
}

// CountUpTo: returns the variable's value, then adds one; refuses to pass `limit`.
void infer_count_up_to(InferContext& c) {
  DType t = c.input_dtype(0);
  if (t != DType::kInt32 && t != DType::kInt64)
    fail(Code::kTypeError, std::string("Value passed to parameter 'ref' has DataType ") + dtype_name(t) +
                               " not in list of allowed values: int32, int64");
  const PartialShape& s = c.input_shape(0);
  if (s.known_rank && !s.dims.empty())
    c.value_error("Shape must be rank 0 but is rank " + std::to_string(s.dims.size()));
  c.set_output(t, PartialShape::of({}));
}
void compute_count_up_to(KernelContext& k) {
  int var = k.ref_vars[0];
  const Tensor& cur = k.session.read_variable(var);
  if (!cur.shape().empty())
    fail(Code::kInvalidArgument, "input is not a scalar: " + dims_debug_string(cur.shape()));
  // From R the limit arrives as a double (whole, checked there); an int64 attribute works too.
  std::int64_t limit = k.node.attr_or<std::int64_t>("limit", 0);
  if (const double* d = std::get_if<double>(&k.node.attrs.at("limit"))) limit = static_cast<std::int64_t>(*d);
  Tensor* state = k.session.mutable_variable(var);
  if (!state->sole_owner()) *state = state->deep_copy();
  Tensor before(state->dtype(), {});
  auto step = [&](auto* p, auto* out) {
    using V = std::remove_pointer_t<decltype(p)>;
    // A limit beyond the dtype's range stops at its largest value instead of wrapping.
    if (static_cast<std::int64_t>(*p) >= limit || *p == std::numeric_limits<V>::max())
      fail(Code::kOutOfRange, "Reached limit of " + std::to_string(limit));
    *out = *p;
    *p += 1;
  };
  if (state->dtype() == DType::kInt32)
    step(state->data<std::int32_t>(), before.data<std::int32_t>());
  else
    step(state->data<std::int64_t>(), before.data<std::int64_t>());
  k.outputs.push_back(std::move(before));
}

// The rank of each variable, read by value so an uninitialized one fails the run
// (assert_variables_initialized): a scalar for one variable, else a vector.
void infer_variable_ranks(InferContext& c) {
  c.set_output(DType::kInt32, c.num_inputs() == 1 ? PartialShape::of({}) : PartialShape::of({c.num_inputs()}));
}
void compute_variable_ranks(KernelContext& k) {
  auto n = static_cast<std::int64_t>(k.inputs.size());
  Tensor out(DType::kInt32, n == 1 ? Dims{} : Dims{n});
  for (std::int64_t i = 0; i < n; ++i) out.data<std::int32_t>()[i] = static_cast<std::int32_t>(k.inputs[i].shape().size());
  k.outputs.push_back(std::move(out));
}

void infer_report(InferContext& c) { c.set_output(DType::kString, PartialShape::of({-1})); }
void compute_report(KernelContext& k) {
  std::vector<std::string> names;
  for (int var : k.ref_vars)
    if (var >= 0 && !k.session.variable(var)) names.push_back(k.session.graph()->node(var).name);
  Tensor out(DType::kString, {static_cast<std::int64_t>(names.size())});
  out.strings() = std::move(names);
  k.outputs.push_back(std::move(out));
}

}  // namespace

void register_state_ops() {
  register_op({"VariableV2", 0, 0, false, 0, true, infer_variable, compute_variable});
  register_op({"Assign", 2, 2, true, 1, false, infer_assign, compute_assign});
  register_op({"AssignAdd", 2, 2, true, 1, false, infer_assign, compute_assign_update<true>});
  register_op({"AssignSub", 2, 2, true, 1, false, infer_assign, compute_assign_update<false>});
  register_op({"IsVariableInitialized", 1, 1, true, 1, false, infer_is_initialized, compute_is_initialized});
  register_op({"InitializedValue", 2, 2, true, 1, false, infer_initialized_value, compute_initialized_value});
  register_op({"CountUpTo", 1, 1, true, 1, false, infer_count_up_to, compute_count_up_to});
  register_op({"VariableRanks", 1, -1, false, 0, false, infer_variable_ranks, compute_variable_ranks});
  register_op({"ReportUninitializedVariables", 0, -1, true, -1, false, infer_report, compute_report});
}

}  // namespace tfn
