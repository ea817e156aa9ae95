// Op definitions: static shape/type inference and the kernel that computes outputs.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "graph.h"
#include "tensor.h"

namespace tfn {

class Session;

struct InferContext {
  const Graph& graph;
  Node& node;
  DType input_dtype(int i) const { return graph.node(node.inputs[i].node).out_dtypes[node.inputs[i].index]; }
  const PartialShape& input_shape(int i) const {
    return graph.node(node.inputs[i].node).out_shapes[node.inputs[i].index];
  }
  const Node& input_node(int i) const { return graph.node(node.inputs[i].node); }
  int num_inputs() const { return static_cast<int>(node.inputs.size()); }
  void set_output(DType t, PartialShape s) {
    node.out_dtypes.push_back(t);
    node.out_shapes.push_back(std::move(s));
  }
  // TensorFlow's wording for graph-construction errors: "... for 'name' (op: 'Type')".
  [[noreturn]] void value_error(const std::string& msg) const;
  // Values of inputs computed while inferring (constant_input), kept for the inference's duration.
  mutable std::vector<std::unique_ptr<Tensor>> folded;
};

struct KernelContext {
  const Node& node;
  Session& session;
  std::vector<Tensor> inputs;   // values of non-ref inputs
  std::vector<int> ref_vars;    // variable node ids of ref inputs (by input position; -1 if not a ref)
  std::vector<Tensor> outputs;
};

struct OpDef {
  std::string type;
  int min_inputs = 0;
  int max_inputs = 0;            // -1: any number
  bool ref_inputs = false;       // inputs up to `num_ref_inputs` are variable references
  int num_ref_inputs = 0;        // -1: all inputs
  bool is_variable = false;      // its output is the variable's state, read when consumed
  void (*infer)(InferContext&) = nullptr;
  void (*compute)(KernelContext&) = nullptr;

  bool input_is_ref(int i) const { return num_ref_inputs < 0 || i < num_ref_inputs; }
};

const OpDef& lookup_op(const std::string& type);  // throws NotFound for unknown types

// Registration, one function per op family (explicit, so static linking keeps them).
void register_op(OpDef def);
void register_array_ops();
void register_math_ops();
void register_random_ops();
void register_state_ops();
void register_nn_ops();
void register_training_ops();
void register_io_ops();
void register_floor_logical_ops();

}  // namespace tfn
