// The graph: nodes (operations) with typed outputs, unique names and attributes.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "errors.h"
#include "tensor.h"

namespace tfn {

struct OpDef;

struct Endpoint {
  int node = -1;
  int index = 0;
  bool operator<(const Endpoint& o) const { return node != o.node ? node < o.node : index < o.index; }
  bool operator==(const Endpoint& o) const { return node == o.node && index == o.index; }
};

using AttrValue = std::variant<std::monostate, std::int64_t, double, bool, std::string, DType,
                               PartialShape, Tensor, std::vector<std::string>, Dims>;
using AttrMap = std::map<std::string, AttrValue>;

struct Node {
  int id = -1;
  std::string name;
  std::string type;
  std::string device;
  std::vector<Endpoint> inputs;
  std::vector<int> control_inputs;
  AttrMap attrs;
  std::vector<DType> out_dtypes;
  std::vector<PartialShape> out_shapes;
  const OpDef* def = nullptr;

  bool has_attr(const std::string& key) const { return attrs.count(key) > 0; }
  template <typename T>
  const T& attr(const std::string& key) const {
    auto it = attrs.find(key);
    require(it != attrs.end(), Code::kInvalidArgument,
            "NodeDef missing attr '" + key + "' from Op<name=" + type + ">; NodeDef: " + name);
    const T* v = std::get_if<T>(&it->second);
    require(v != nullptr, Code::kInvalidArgument,
            "Attr '" + key + "' of node " + name + " has the wrong type");
    return *v;
  }
  template <typename T>
  T attr_or(const std::string& key, T fallback) const {
    auto it = attrs.find(key);
    if (it == attrs.end()) return fallback;
    const T* v = std::get_if<T>(&it->second);
    return v ? *v : fallback;
  }
};

class Graph {
 public:
  Graph() = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  // TensorFlow's unique_name: "Variable", then "Variable_1", ...; case-insensitive.
  std::string unique_name(const std::string& name, bool mark_as_used = true);
  // Validates inputs, infers output types and shapes, and appends the node.
  // `name` must already be unique (see unique_name).
  int add_node(const std::string& type, const std::string& name, std::vector<Endpoint> inputs,
               std::vector<int> control_inputs, AttrMap attrs, std::string device = "");

  int num_nodes() const { return static_cast<int>(nodes_.size()); }
  const Node& node(int id) const;
  Node& mutable_node(int id);
  int find_node(const std::string& name) const;  // -1 if absent
  // Sets a node's device (canonical form); ValueError for a malformed name.
  void set_device(int id, const std::string& device);
  // Tensor.set_shape: merges `shape` into an output's static shape (nodes made later
  // see the result); ValueError, in TensorFlow's Merge wording, when they conflict.
  void set_output_shape(int id, int index, const PartialShape& shape);
  std::int64_t version() const { return static_cast<std::int64_t>(nodes_.size()); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::unordered_map<std::string, int> by_name_;
  std::unordered_map<std::string, int> names_in_use_;
};

bool valid_node_name(const std::string& name);

}  // namespace tfn
