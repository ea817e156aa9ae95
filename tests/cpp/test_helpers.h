// Small builders for engine tests.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "graph.h"
#include "session.h"

namespace tfn_test {

inline tfn::Tensor floats(const tfn::Dims& dims, std::vector<float> values) {
  tfn::Tensor t(tfn::DType::kFloat, dims);
  for (std::size_t i = 0; i < values.size(); ++i) t.data<float>()[i] = values[i];
  return t;
}

inline int constant(tfn::Graph& g, const std::string& name, tfn::Tensor value) {
  tfn::AttrMap a;
  a["dtype"] = value.dtype();
  a["value"] = value;
  return g.add_node("Const", g.unique_name(name), {}, {}, a);
}

inline int variable(tfn::Graph& g, const std::string& name, tfn::DType t, tfn::Dims dims) {
  tfn::AttrMap a;
  a["dtype"] = t;
  a["shape"] = tfn::PartialShape::of(dims);
  return g.add_node("VariableV2", g.unique_name(name), {}, {}, a);
}

inline int op(tfn::Graph& g, const std::string& type, std::vector<tfn::Endpoint> in, tfn::AttrMap a = {}) {
  return g.add_node(type, g.unique_name(type), std::move(in), {}, std::move(a));
}

inline tfn::Tensor run1(tfn::Session& s, int node, int index = 0) { return s.run({{node, index}}, {}, {})[0]; }

}  // namespace tfn_test
