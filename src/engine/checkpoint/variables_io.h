// Saving and restoring a session's variables as one checkpoint.
#pragma once
#include <string>
#include <vector>

#include "../session.h"

namespace tfn {

// Writes the variables' current values under `keys` (sorted order, as tf.train.Saver does).
void save_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                    const std::vector<int>& variables);
// Checks every key, dtype, shape and checksum before assigning anything:
// on error no variable changes.
void restore_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables);

}  // namespace tfn
