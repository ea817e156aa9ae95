#include "session.h"

#include <algorithm>
#include <random>

#include "device.h"
#include "op_registry.h"

namespace tfn {

namespace {

// Where a step finds one input.
struct InputSource {
  enum Kind { kSlot, kVariableRead, kVariableRef } kind;
  int slot_or_var;
};

struct Step {
  int node;
  int first_slot;  // outputs go to first_slot, first_slot + 1, ...
  std::vector<InputSource> inputs;
};

}  // namespace

struct Plan {
  std::vector<Step> steps;
  int num_slots = 0;
  std::vector<int> feed_slots;          // slot of each feed, in feed order
  std::vector<InputSource> fetch_sources;
};

Session::Session(std::shared_ptr<Graph> graph) : graph_(std::move(graph)) {
  std::random_device rd;
  entropy_ = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

Session::~Session() = default;

void Session::check_placement(const std::vector<int>& nodes) {
  std::vector<char> seen(graph_->num_nodes(), 0);
  for (int id : nodes) {
    if (seen[id]) continue;
    seen[id] = 1;
    const Node& n = graph_->node(id);
    if (!n.device.empty() && !placeable_on_local_cpu(DeviceSpec::parse(n.device)) && !allow_soft_placement_)
      fail(Code::kInvalidArgument, "Cannot assign a device for operation " + n.name + ": Operation was explicitly assigned to " +
                                       n.device + " but available devices are [ " + kLocalCpu +
                                       " ]. Make sure the device specification refers to a valid device.");
    if (log_device_placement_) {
      if (logged_.size() < static_cast<std::size_t>(graph_->num_nodes())) logged_.resize(graph_->num_nodes(), 0);
      if (!logged_[id]) placement_log_.push_back(n.name + ": (" + n.type + "): " + kLocalCpu);
      logged_[id] = 1;
    }
  }
}

std::vector<std::string> Session::take_placement_log() {
  std::vector<std::string> out;
  out.swap(placement_log_);
  return out;
}

void Session::close() {
  closed_ = true;
  variables_.clear();
  plans_.clear();
  random_counters_.clear();
}

const Tensor* Session::variable(int node) const {
  auto it = variables_.find(node);
  return it == variables_.end() ? nullptr : &it->second;
}

const Tensor& Session::read_variable(int node) const {
  const Tensor* t = variable(node);
  if (!t) fail(Code::kFailedPrecondition, "Attempting to use uninitialized value " + graph_->node(node).name);
  return *t;
}

Tensor* Session::mutable_variable(int node) {
  auto it = variables_.find(node);
  return it == variables_.end() ? nullptr : &it->second;
}

void Session::set_variable(int node, Tensor value) { variables_[node] = std::move(value); }

std::shared_ptr<const Plan> Session::plan_for(const std::vector<Endpoint>& fetches, const std::vector<int>& targets,
                                              const std::vector<Feed>& feeds) {
  std::vector<std::int64_t> key;
  key.reserve(2 * fetches.size() + targets.size() + 2 * feeds.size() + 3);
  key.push_back(static_cast<std::int64_t>(fetches.size()));
  for (auto& f : fetches) { key.push_back(f.node); key.push_back(f.index); }
  key.push_back(static_cast<std::int64_t>(targets.size()));
  for (int t : targets) key.push_back(t);
  key.push_back(static_cast<std::int64_t>(feeds.size()));
  for (auto& f : feeds) { key.push_back(f.endpoint.node); key.push_back(f.endpoint.index); }
  auto found = plans_.find(key);
  if (found != plans_.end()) return found->second;

  const Graph& g = *graph_;
  auto plan = std::make_shared<Plan>();
  std::map<Endpoint, int> fed;
  for (auto& f : feeds) {
    require(f.endpoint.node >= 0 && f.endpoint.node < g.num_nodes(), Code::kInvalidArgument, "Feed is not in this graph");
    auto ins = fed.emplace(f.endpoint, plan->num_slots);
    require(ins.second, Code::kValueError, "The same tensor is fed twice: " + g.node(f.endpoint.node).name + ":" + std::to_string(f.endpoint.index));
    plan->feed_slots.push_back(plan->num_slots++);
  }

  // Iterative depth-first post-order over data and control inputs: a valid execution order.
  std::vector<int> first_slot(g.num_nodes(), -1);
  std::vector<char> state(g.num_nodes(), 0);  // 0 new, 1 open, 2 done
  auto visit = [&](int root) {
    std::vector<std::pair<int, std::size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [id, next] = stack.back();
      const Node& n = g.node(id);
      if (next == 0) {
        if (state[id] == 2) { stack.pop_back(); continue; }
        require(state[id] != 1, Code::kInvalidArgument, "Graph has a cycle at " + n.name);
        state[id] = 1;
      }
      std::size_t n_data = n.inputs.size();
      std::size_t total = n_data + n.control_inputs.size();
      bool pushed = false;
      while (next < total) {
        std::size_t k = next++;
        int dep;
        if (k < n_data) {
          const Endpoint& e = n.inputs[k];
          if (fed.count(e) || g.node(e.node).def->is_variable) continue;  // no need to run
          dep = e.node;
        } else {
          dep = n.control_inputs[k - n_data];
          // A fed placeholder satisfies control dependencies on it, as TensorFlow rewrites them to the feed.
          if (g.node(dep).type == "Placeholder" && fed.count(Endpoint{dep, 0})) continue;
        }
        if (state[dep] == 2) continue;
        stack.emplace_back(dep, 0);
        pushed = true;
        break;
      }
      if (pushed) continue;
      state[id] = 2;
      Step step;
      step.node = id;
      step.first_slot = plan->num_slots;
      first_slot[id] = plan->num_slots;
      plan->num_slots += static_cast<int>(n.out_dtypes.size());
      plan->steps.push_back(std::move(step));
      stack.pop_back();
    }
  };
  auto source_of = [&](const Endpoint& e, bool as_ref) -> InputSource {
    auto f = fed.find(e);
    if (f != fed.end() && !as_ref) return {InputSource::kSlot, f->second};
    if (g.node(e.node).def->is_variable)
      return {as_ref ? InputSource::kVariableRef : InputSource::kVariableRead, e.node};
    return {InputSource::kSlot, first_slot[e.node] + e.index};
  };

  for (auto& f : fetches) {
    require(f.node >= 0 && f.node < g.num_nodes(), Code::kInvalidArgument, "Fetch is not in this graph");
    require(f.index >= 0 && f.index < static_cast<int>(g.node(f.node).out_dtypes.size()), Code::kInvalidArgument,
            "Fetch output does not exist");
    if (!fed.count(f) && !g.node(f.node).def->is_variable) visit(f.node);
  }
  for (int t : targets) {
    require(t >= 0 && t < g.num_nodes(), Code::kInvalidArgument, "Target is not in this graph");
    if (!g.node(t).def->is_variable) visit(t);
  }
  for (auto& step : plan->steps) {
    const Node& n = g.node(step.node);
    for (std::size_t i = 0; i < n.inputs.size(); ++i)
      step.inputs.push_back(source_of(n.inputs[i], n.def->input_is_ref(static_cast<int>(i))));
  }
  for (auto& f : fetches) plan->fetch_sources.push_back(source_of(f, false));
  // Placement: only what this run touches must be placeable (checked once per plan).
  std::vector<int> touched;
  for (const auto& step : plan->steps) {
    touched.push_back(step.node);
    for (const auto& in : step.inputs)
      if (in.kind != InputSource::kSlot) touched.push_back(in.slot_or_var);
  }
  for (const auto& s : plan->fetch_sources)
    if (s.kind != InputSource::kSlot) touched.push_back(s.slot_or_var);
  check_placement(touched);
  plans_.emplace(std::move(key), plan);
  return plan;
}

std::vector<Tensor> Session::run(const std::vector<Endpoint>& fetches, const std::vector<int>& targets,
                                 const std::vector<Feed>& feeds) {
  require(!closed_, Code::kRuntimeError, "Attempted to use a closed Session.");
  const Graph& g = *graph_;
  for (auto& f : feeds) {
    require(f.endpoint.node >= 0 && f.endpoint.node < g.num_nodes(), Code::kInvalidArgument, "Feed is not in this graph");
    const Node& n = g.node(f.endpoint.node);
    require(f.endpoint.index >= 0 && f.endpoint.index < static_cast<int>(n.out_dtypes.size()), Code::kInvalidArgument,
            "Feed output does not exist");
    const PartialShape& ps = n.out_shapes[f.endpoint.index];
    std::string tname = n.name + ":" + std::to_string(f.endpoint.index);
    if (!ps.compatible_with(f.value.shape()))
      fail(Code::kValueError, "Cannot feed value of shape " + PartialShape::of(f.value.shape()).python_string() +
                                  " for Tensor '" + tname + "', which has shape '" + ps.python_string() + "'");
    require(f.value.dtype() == n.out_dtypes[f.endpoint.index], Code::kInvalidArgument,
            std::string("Cannot feed a value of dtype ") + dtype_name(f.value.dtype()) + " for Tensor '" + tname +
                "' of dtype " + dtype_name(n.out_dtypes[f.endpoint.index]));
  }
  std::shared_ptr<const Plan> plan = plan_for(fetches, targets, feeds);
  std::vector<Tensor> slots(plan->num_slots);
  for (std::size_t i = 0; i < feeds.size(); ++i) slots[plan->feed_slots[i]] = feeds[i].value;

  for (const Step& step : plan->steps) {
    const Node& n = g.node(step.node);
    KernelContext ctx{n, *this, {}, {}, {}};
    ctx.inputs.resize(step.inputs.size());
    ctx.ref_vars.assign(step.inputs.size(), -1);
    for (std::size_t i = 0; i < step.inputs.size(); ++i) {
      const InputSource& s = step.inputs[i];
      switch (s.kind) {
        case InputSource::kSlot: ctx.inputs[i] = slots[s.slot_or_var]; break;
        case InputSource::kVariableRead: ctx.inputs[i] = read_variable(s.slot_or_var); break;
        case InputSource::kVariableRef: ctx.ref_vars[i] = s.slot_or_var; break;
      }
    }
    n.def->compute(ctx);
    for (std::size_t k = 0; k < ctx.outputs.size() && k < n.out_dtypes.size(); ++k)
      slots[step.first_slot + k] = std::move(ctx.outputs[k]);
  }
  std::vector<Tensor> out;
  out.reserve(fetches.size());
  for (const InputSource& s : plan->fetch_sources) {
    if (s.kind == InputSource::kVariableRead)
      out.push_back(read_variable(s.slot_or_var));
    else
      out.push_back(slots[s.slot_or_var]);
  }
  return out;
}

}  // namespace tfn
