#include "shape_util.h"

#include <algorithm>
#include <memory>

#include "../session.h"

namespace tfn {

PartialShape broadcast_static(const InferContext& c, const PartialShape& a, const PartialShape& b) {
  if (!a.known_rank || !b.known_rank) return PartialShape::unknown();
  std::size_t r = std::max(a.dims.size(), b.dims.size());
  Dims out(r);
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t da = i < r - a.dims.size() ? 1 : a.dims[i - (r - a.dims.size())];
    std::int64_t db = i < r - b.dims.size() ? 1 : b.dims[i - (r - b.dims.size())];
    if (da == 1) out[i] = db;
    else if (db == 1) out[i] = da;
    else if (da < 0) out[i] = db;
    else if (db < 0) out[i] = da;
    else if (da == db) out[i] = da;
    else
      c.value_error("Dimensions must be equal, but are " + std::to_string(da) + " and " + std::to_string(db));
  }
  return PartialShape::of(out);
}

Dims broadcast_dims(const Dims& a, const Dims& b) {
  std::size_t r = std::max(a.size(), b.size());
  Dims out(r);
  for (std::size_t i = 0; i < r; ++i) {
    std::int64_t da = i < r - a.size() ? 1 : a[i - (r - a.size())];
    std::int64_t db = i < r - b.size() ? 1 : b[i - (r - b.size())];
    if (da == db || db == 1) out[i] = da;
    else if (da == 1) out[i] = db;
    else
      fail(Code::kInvalidArgument, "Incompatible shapes: " + dims_debug_string(a) + " vs. " + dims_debug_string(b));
  }
  return out;
}

DType require_same_input_dtypes(const InferContext& c, const char* const* arg_names) {
  DType t = c.input_dtype(0);
  for (int i = 1; i < c.num_inputs(); ++i) {
    DType ti = c.input_dtype(i);
    if (ti != t)
      fail(Code::kTypeError, std::string("Input '") + arg_names[i] + "' of '" + c.node.type + "' Op has type " +
                                 dtype_name(ti) + " that does not match type " + dtype_name(t) + " of argument '" +
                                 arg_names[0] + "'.");
  }
  return t;
}

}  // namespace tfn

namespace tfn {

Dims int_values(const Tensor& t, const std::string& what) {
  require(t.rank() <= 1, Code::kInvalidArgument,
          what + " must be a scalar or a vector, got shape " + dims_debug_string(t.shape()));
  Dims out(static_cast<std::size_t>(t.size()));
  if (t.dtype() == DType::kInt32) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = t.data<std::int32_t>()[i];
  } else if (t.dtype() == DType::kInt64) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = t.data<std::int64_t>()[i];
  } else {
    fail(Code::kInvalidArgument, what + " must be int32 or int64, not " + dtype_name(t.dtype()));
  }
  return out;
}

namespace {

// Ops whose value depends on their inputs alone (no state, randomness or side effect), so a
// small subgraph of them over constants can be evaluated while a graph is being built.
bool pure_op(const std::string& type) {
  static const char* const kPure[] = {
      "Const", "Identity", "Add", "Sub", "Mul", "RealDiv", "FloorDiv", "FloorMod", "TruncateDiv",
      "TruncateMod", "Maximum", "Minimum", "Neg", "Abs", "Sign", "Square", "Cast", "Pack", "Reshape",
      "ExpandDims", "Fill", "Range", "Slice", "Tile", "Sum", "Mean", "ZerosLike", "OnesLike"};
  for (const char* t : kPure)
    if (type == t) return true;
  return false;
}

// True when `node` and everything it depends on (at most `budget` ops) are pure, with no
// control inputs, and its output `index` is small with a fully known shape.
bool foldable(const Graph& g, const Endpoint& e, int budget) {
  const PartialShape& s = g.node(e.node).out_shapes[e.index];
  if (!s.fully_defined() || num_elements(s.dims) > 1024) return false;
  std::vector<int> stack{e.node};
  std::vector<int> seen;  // at most `budget` ids: a linear search beats sizing anything by the graph
  while (!stack.empty()) {
    int id = stack.back();
    stack.pop_back();
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    if (--budget < 0) return false;
    const Node& n = g.node(id);
    if (!pure_op(n.type) || !n.control_inputs.empty()) return false;
    for (const Endpoint& in : n.inputs) stack.push_back(in.node);
  }
  return true;
}

}  // namespace

const Tensor* constant_input(const InferContext& c, int i) {
  if (i >= c.num_inputs()) return nullptr;
  const Node& n = c.input_node(i);
  if (n.type == "Const") return &n.attr<Tensor>("value");
  // As TensorFlow's shape inference, evaluate a small constant subgraph (e.g. constant(1) + 0).
  const Endpoint& e = c.node.inputs[i];
  if (!foldable(c.graph, e, 64)) return nullptr;
  try {
    // A session on the graph being built, not owning it (the aliasing constructor, empty owner).
    std::shared_ptr<Graph> view(std::shared_ptr<Graph>(), const_cast<Graph*>(&c.graph));
    Session s(view);
    c.folded.push_back(std::make_unique<Tensor>(s.run({e}, {}, {})[0]));
    return c.folded.back().get();
  } catch (const std::exception&) {
    return nullptr;  // left to run time, where the same error is reported
  }
}

void require_int_input(const InferContext& c, int i, const char* arg) {
  DType t = c.input_dtype(i);
  if (t != DType::kInt32 && t != DType::kInt64)
    fail(Code::kTypeError, std::string("Value passed to parameter '") + arg + "' has DataType " + dtype_name(t) +
                               " not in list of allowed values: int32, int64");
}

IntVector int_vector_input(const InferContext& c, int i, const char* arg, bool allow_scalar) {
  require_int_input(c, i, arg);
  const PartialShape& s = c.input_shape(i);
  if (s.known_rank && (allow_scalar ? s.dims.size() > 1 : s.dims.size() != 1))
    c.value_error("Shape must be rank 1 but is rank " + std::to_string(s.dims.size()));
  IntVector v;
  if (const Tensor* t = constant_input(c, i)) {
    v.values = int_values(*t, arg);
    v.length = static_cast<std::int64_t>(v.values.size());
    v.known.assign(v.values.size(), true);
    return v;
  }
  const Node& n = c.input_node(i);
  if (n.type == "Pack") {
    for (const Endpoint& e : n.inputs) {
      const Node& in = c.graph.node(e.node);
      const Tensor* t = in.type == "Const" ? &in.attr<Tensor>("value") : nullptr;
      bool k = t && t->rank() == 0;
      v.values.push_back(k ? int_values(*t, arg)[0] : -1);
      v.known.push_back(k);
    }
    v.length = static_cast<std::int64_t>(v.values.size());
    return v;
  }
  if (s.known_rank && s.dims.size() == 1 && s.dims[0] >= 0) {
    v.length = s.dims[0];
    v.values.assign(static_cast<std::size_t>(v.length), -1);
    v.known.assign(static_cast<std::size_t>(v.length), false);
  }
  return v;
}

PartialShape shape_from_input(const InferContext& c, int i, const char* arg) {
  IntVector v = int_vector_input(c, i, arg, /*allow_scalar=*/true);
  if (v.length < 0) return PartialShape::unknown();
  if (v.all_known()) {  // a constant shape: every dimension must be valid
    for (auto e : v.values)
      if (e < 0) c.value_error("Dimension " + std::to_string(e) + " must be >= 0");
    checked_num_elements(v.values);
    return PartialShape::of(v.values);
  }
  // Partly known: the constant entries are dimensions, -1 (or a run-time value) unknown.
  for (auto e : v.values)
    if (e < -1) c.value_error("Dimension " + std::to_string(e) + " must be >= 0");
  return PartialShape::of(v.values);
}

Dims shape_operand(const KernelContext& k, int i) {
  if (static_cast<int>(k.inputs.size()) <= i) return k.node.attr<Dims>("shape");
  Dims d = int_values(k.inputs[i], "shape");
  for (auto e : d) require(e >= 0, Code::kInvalidArgument, "Dimension " + std::to_string(e) + " must be >= 0");
  checked_num_elements(d);
  return d;
}

}  // namespace tfn
