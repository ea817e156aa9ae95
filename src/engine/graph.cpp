#include "graph.h"

#include <algorithm>
#include <cctype>

#include "device.h"
#include "op_registry.h"

namespace tfn {

namespace {
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

bool valid_node_name(const std::string& name) {
  // TensorFlow: [A-Za-z0-9.][A-Za-z0-9_.\-/>]*
  if (name.empty()) return false;
  auto first_ok = [](unsigned char c) { return std::isalnum(c) || c == '.'; };
  auto rest_ok = [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '/' || c == '>';
  };
  if (!first_ok(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin() + 1, name.end(), [&](char c) { return rest_ok(static_cast<unsigned char>(c)); });
}

std::string Graph::unique_name(const std::string& name, bool mark_as_used) {
  std::string key = lower(name);
  auto it = names_in_use_.find(key);
  int i = it == names_in_use_.end() ? 0 : it->second;
  if (mark_as_used) names_in_use_[key] = i + 1;
  if (i == 0) return name;
  std::string base_key = key;
  std::string candidate;
  while (true) {
    candidate = base_key + "_" + std::to_string(i);
    if (names_in_use_.find(candidate) == names_in_use_.end()) break;
    ++i;
  }
  if (mark_as_used) names_in_use_[candidate] = 1;
  return name + "_" + std::to_string(i);
}

void InferContext::value_error(const std::string& msg) const {
  // TensorFlow's shape-inference context: the node, then the shapes of its inputs.
  std::string shapes;
  for (int i = 0; i < num_inputs(); ++i) shapes += (i ? ", " : "") + input_shape(i).list_string();
  fail(Code::kValueError, msg + " for '" + node.name + "' (op: '" + node.type + "') with input shapes: " + shapes + ".");
}

int Graph::add_node(const std::string& type, const std::string& name, std::vector<Endpoint> inputs,
                    std::vector<int> control_inputs, AttrMap attrs, std::string device) {
  const OpDef& def = lookup_op(type);
  require(valid_node_name(name), Code::kValueError, "'" + name + "' is not a valid node name");
  require(by_name_.find(name) == by_name_.end(), Code::kValueError,
          "Duplicate node name in graph: '" + name + "'");
  int n_in = static_cast<int>(inputs.size());
  require(n_in >= def.min_inputs && (def.max_inputs < 0 || n_in <= def.max_inputs), Code::kValueError,
          "Op " + type + " takes " + std::to_string(def.min_inputs) + " inputs, got " + std::to_string(n_in));
  for (int i = 0; i < n_in; ++i) {
    const Endpoint& e = inputs[i];
    require(e.node >= 0 && e.node < num_nodes(), Code::kValueError, "Input " + std::to_string(i) + " of " + name + " is not in this graph");
    const Node& src = *nodes_[e.node];
    require(e.index >= 0 && e.index < static_cast<int>(src.out_dtypes.size()), Code::kValueError,
            "Output " + std::to_string(e.index) + " of " + src.name + " does not exist");
    if (def.input_is_ref(i))
      require(src.def->is_variable, Code::kTypeError,
              "'" + type + "' Op requires that input " + std::to_string(i) + " be a mutable tensor (e.g. a tf.Variable)");
  }
  for (int c : control_inputs)
    require(c >= 0 && c < num_nodes(), Code::kValueError, "Control input of " + name + " is not in this graph");

  auto node = std::make_unique<Node>();
  node->id = num_nodes();
  node->name = name;
  node->type = type;
  node->device = canonical_device(device);
  node->inputs = std::move(inputs);
  node->control_inputs = std::move(control_inputs);
  node->attrs = std::move(attrs);
  node->def = &def;
  InferContext ic{*this, *node};
  def.infer(ic);
  // Names are claimed only once the node is valid.
  names_in_use_.emplace(lower(name), 1);
  by_name_.emplace(name, node->id);
  nodes_.push_back(std::move(node));
  return nodes_.back()->id;
}

const Node& Graph::node(int id) const {
  require(id >= 0 && id < num_nodes(), Code::kInvalidArgument, "No node with id " + std::to_string(id));
  return *nodes_[id];
}

Node& Graph::mutable_node(int id) {
  require(id >= 0 && id < num_nodes(), Code::kInvalidArgument, "No node with id " + std::to_string(id));
  return *nodes_[id];
}

void Graph::set_device(int id, const std::string& device) { mutable_node(id).device = canonical_device(device); }

void Graph::set_output_shape(int id, int index, const PartialShape& shape) {
  Node& n = mutable_node(id);
  require(index >= 0 && index < static_cast<int>(n.out_shapes.size()), Code::kValueError,
          "Operation " + n.name + " has no output " + std::to_string(index));
  PartialShape& have = n.out_shapes[index];
  if (!shape.known_rank) return;
  if (!have.known_rank) {
    have = shape;
    return;
  }
  require(have.dims.size() == shape.dims.size(), Code::kValueError,
          "Shapes must be equal rank, but are " + std::to_string(have.dims.size()) + " and " +
              std::to_string(shape.dims.size()));
  for (std::size_t i = 0; i < have.dims.size(); ++i)
    require(have.dims[i] < 0 || shape.dims[i] < 0 || have.dims[i] == shape.dims[i], Code::kValueError,
            "Dimension " + std::to_string(i) + " in both shapes must be equal, but are " +
                std::to_string(have.dims[i]) + " and " + std::to_string(shape.dims[i]) + ". Shapes are " +
                have.list_string() + " and " + shape.list_string() + ".");
  for (std::size_t i = 0; i < have.dims.size(); ++i)
    if (have.dims[i] < 0) have.dims[i] = shape.dims[i];
}

int Graph::find_node(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? -1 : it->second;
}

}  // namespace tfn
