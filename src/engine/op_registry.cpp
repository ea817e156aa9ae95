#include "op_registry.h"

#include <mutex>
#include <unordered_map>

namespace tfn {

namespace {
std::unordered_map<std::string, OpDef>& registry() {
  static std::unordered_map<std::string, OpDef> ops;
  return ops;
}

void register_all() {
  register_array_ops();
  register_math_ops();
  register_random_ops();
  register_state_ops();
  register_nn_ops();
  register_training_ops();
  register_io_ops();
  register_floor_logical_ops();
}
}  // namespace

void register_op(OpDef def) {
  std::string type = def.type;
  registry()[type] = std::move(def);
}

const OpDef& lookup_op(const std::string& type) {
  static std::once_flag once;
  std::call_once(once, register_all);
  auto it = registry().find(type);
  require(it != registry().end(), Code::kNotFound, "Op type not registered '" + type + "'");
  return it->second;
}

}  // namespace tfn
