// Saving and restoring a session's variables as one checkpoint.
#pragma once
#include <string>
#include <vector>

#include "../session.h"

namespace tfn {

// Writes the variables' current values under `keys` (sorted order, as tf.train.Saver does).
// With `shards` (one shard id per key, ids below num_shards), one data file per shard.
void save_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                    const std::vector<int>& variables, const std::vector<int>& shards = {}, int num_shards = 1);
// Checks every key, dtype, shape and checksum before assigning anything:
// on error no variable changes.
void restore_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables);

}  // namespace tfn
