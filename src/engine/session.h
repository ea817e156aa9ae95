// A session: variable state for one graph, and an executor with cached plans.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "graph.h"
#include "tensor.h"

namespace tfn {

struct Plan;

struct Feed {
  Endpoint endpoint;
  Tensor value;
};

class Session {
 public:
  explicit Session(std::shared_ptr<Graph> graph);
  ~Session();

  // Runs the ops needed for `fetches` and `targets`, each at most once, and
  // returns the fetched values in order.
  std::vector<Tensor> run(const std::vector<Endpoint>& fetches, const std::vector<int>& targets,
                          const std::vector<Feed>& feeds);
  void close();
  // ConfigProto's placement options.
  void configure(bool allow_soft_placement, bool log_device_placement) {
    allow_soft_placement_ = allow_soft_placement;
    log_device_placement_ = log_device_placement;
  }
  // "name: (Type): device" lines for ops placed since the last call (log_device_placement).
  std::vector<std::string> take_placement_log();
  bool closed() const { return closed_; }
  const std::shared_ptr<Graph>& graph() const { return graph_; }

  // Variable state (kernels use these).
  const Tensor* variable(int node) const;  // null when uninitialized
  const Tensor& read_variable(int node) const;  // FailedPrecondition when uninitialized
  void set_variable(int node, Tensor value);
  Tensor* mutable_variable(int node);

  // Per-node random stream position, so each run of a seeded op draws new numbers.
  std::uint64_t& random_counter(int node) { return random_counters_[node]; }
  std::uint64_t session_entropy() const { return entropy_; }
  std::size_t cached_plans() const { return plans_.size(); }

 private:
  std::shared_ptr<const Plan> plan_for(const std::vector<Endpoint>& fetches, const std::vector<int>& targets,
                                       const std::vector<Feed>& feeds);
  std::shared_ptr<Graph> graph_;
  std::unordered_map<int, Tensor> variables_;
  std::unordered_map<int, std::uint64_t> random_counters_;
  std::map<std::vector<std::int64_t>, std::shared_ptr<const Plan>> plans_;
  void check_placement(const std::vector<int>& nodes);
  std::uint64_t entropy_;
  bool closed_ = false;
  bool allow_soft_placement_ = false;
  bool log_device_placement_ = false;
  std::vector<std::string> placement_log_;
  std::vector<char> logged_;  // nodes already reported by log_device_placement
};

}  // namespace tfn
