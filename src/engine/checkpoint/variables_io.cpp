#include "variables_io.h"

#include <algorithm>
#include <numeric>

#include "bundle.h"

namespace tfn {

namespace {
void check_lengths(const std::vector<std::string>& keys, const std::vector<int>& variables) {
  require(keys.size() == variables.size(), Code::kInvalidArgument, "keys and variables differ in length");
}
}  // namespace

void save_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                    const std::vector<int>& variables, const std::vector<int>& shards, int num_shards) {
  require(!s.closed(), Code::kRuntimeError, "Attempted to use a closed Session.");
  check_lengths(keys, variables);
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  // Read every value first: an uninitialized variable fails before any file is created.
  std::vector<Tensor> values;
  values.reserve(keys.size());
  for (std::size_t i : order) values.push_back(s.read_variable(variables[i]));
  require(shards.empty() || shards.size() == keys.size(), Code::kInvalidArgument, "one shard per key is needed");
  bundle::Writer w(prefix, num_shards);
  for (std::size_t k = 0; k < order.size(); ++k) w.add(keys[order[k]], values[k], shards.empty() ? 0 : shards[order[k]]);
  w.finish();
}

void restore_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables) {
  require(!s.closed(), Code::kRuntimeError, "Attempted to use a closed Session.");
  check_lengths(keys, variables);
  bundle::Reader r(prefix);
  const Graph& g = *s.graph();
  // Metadata first, for every variable, so a bad key or shape fails before any data is read.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bundle::Entry& e = r.entry(keys[i]);
    const Node& var = g.node(variables[i]);
    DType want = var.out_dtypes[0];
    if (e.dtype != static_cast<int>(want))
      fail(Code::kInvalidArgument, "tensor_name = " + keys[i] + "; expected dtype " + bundle::tf_type_string(static_cast<int>(want)) +
                                       " does not equal original dtype " + bundle::tf_type_string(e.dtype));
    const PartialShape& ps = var.out_shapes[0];
    if (!ps.compatible_with(e.shape))
      fail(Code::kInvalidArgument, "Assign requires shapes of both tensors to match. lhs shape= " + ps.list_string() +
                                       " rhs shape= " + dims_debug_string(e.shape));
  }
  // Every checksum is verified by streaming, without holding the data: after this,
  // only a file changed during the restore could still fail.
  for (const auto& k : keys) r.verify(k);
  // Read each value into the variable's own storage when nothing else shares it
  // (peak memory: the variables plus a small buffer), else into new storage.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    Tensor* cur = s.mutable_variable(variables[i]);
    const bundle::Entry& e = r.entry(keys[i]);
    if (cur && cur->sole_owner() && cur->dtype() != DType::kString && static_cast<int>(cur->dtype()) == e.dtype &&
        cur->shape() == e.shape) {
      r.read_into(keys[i], *cur);
    } else {
      s.set_variable(variables[i], r.read(keys[i]));
    }
  }
}

}  // namespace tfn
