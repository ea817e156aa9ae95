// Saving and restoring a session's variables as one checkpoint, at once or in
// steps (so a caller can report progress between steps).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "../session.h"
#include "bundle.h"

namespace tfn {

// Writes the variables' current values under `keys` (sorted, as tf.train.Saver does);
// with `shards` (one shard id per key, below num_shards), one data file per shard.
class SaveJob {
 public:
  SaveJob(Session& s, const std::string& prefix, const std::vector<std::string>& keys, const std::vector<int>& variables,
          const std::vector<int>& shards = {}, int num_shards = 1);
  // Writes up to `budget` bytes; true once everything is written and renamed into place.
  bool step(std::uint64_t budget);
  double fraction() const { return total_ ? static_cast<double>(done_) / static_cast<double>(total_) : 1.0; }

 private:
  std::vector<std::string> keys_;
  std::vector<Tensor> values_;
  std::vector<int> shards_;
  std::unique_ptr<bundle::Writer> writer_;
  std::size_t next_ = 0;
  bool in_tensor_ = false;
  std::uint64_t total_ = 0, done_ = 0;
};

// Checks every key, dtype and shape at construction, then every checksum (streamed),
// and only then reads values in: on error no variable has changed.
class RestoreJob {
 public:
  RestoreJob(Session& s, const std::string& prefix, const std::vector<std::string>& keys, const std::vector<int>& variables);
  bool step(std::uint64_t budget);
  double fraction() const { return total_ ? static_cast<double>(done_) / static_cast<double>(2 * total_) : 1.0; }
  // Once every checksum has passed, values are being read in: stopping now would
  // leave variables half-restored, so a cancelled job in this phase runs to the end.
  bool committed() const { return phase_ == 1; }

 private:
  bool verify_step(std::uint64_t budget);
  bool read_step(std::uint64_t budget);
  Session& session_;
  bundle::Reader reader_;
  std::vector<std::string> keys_;
  std::vector<int> variables_;
  int phase_ = 0;           // 0: verify checksums, 1: read values, 2: done
  std::size_t next_ = 0;    // tensor in progress
  std::uint64_t pos_ = 0;   // bytes of it done
  std::uint32_t crc_ = 0;
  Tensor target_;           // where the tensor in progress is read to
  bool in_place_ = false;
  std::vector<char> buf_;
  std::uint64_t total_ = 0, done_ = 0;
};

void save_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                    const std::vector<int>& variables, const std::vector<int>& shards = {}, int num_shards = 1);
void restore_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables);

}  // namespace tfn
