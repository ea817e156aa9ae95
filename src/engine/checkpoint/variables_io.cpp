#include "variables_io.h"

#include <algorithm>
#include <numeric>

#include "crc32c.h"

namespace tfn {

namespace {
void check_lengths(const std::vector<std::string>& keys, const std::vector<int>& variables) {
  require(keys.size() == variables.size(), Code::kInvalidArgument, "keys and variables differ in length");
}
}  // namespace

SaveJob::SaveJob(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                 const std::vector<int>& variables, const std::vector<int>& shards, int num_shards) {
  require(!s.closed(), Code::kRuntimeError, "Attempted to use a closed Session.");
  check_lengths(keys, variables);
  require(shards.empty() || shards.size() == keys.size(), Code::kInvalidArgument, "one shard per key is needed");
  std::vector<std::size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  // Read every value first: an uninitialized variable fails before any file is created.
  for (std::size_t i : order) {
    keys_.push_back(keys[i]);
    values_.push_back(s.read_variable(variables[i]));
    shards_.push_back(shards.empty() ? 0 : shards[i]);
    total_ += values_.back().bytes();
  }
  writer_ = std::make_unique<bundle::Writer>(prefix, num_shards);
}

bool SaveJob::step(std::uint64_t budget) {
  while (next_ < keys_.size() && budget > 0) {
    if (!in_tensor_) {
      writer_->begin(keys_[next_], values_[next_], shards_[next_]);
      in_tensor_ = true;
    }
    std::uint64_t left = values_[next_].dtype() == DType::kString ? 0 : values_[next_].bytes();
    std::uint64_t chunk = std::min(budget, left);
    bool complete = writer_->write_some(chunk);
    done_ += chunk;
    budget -= std::min(budget, chunk);
    if (!complete) return false;
    values_[next_] = Tensor();  // the writer is done with it
    in_tensor_ = false;
    ++next_;
  }
  if (next_ < keys_.size()) return false;
  writer_->finish();
  done_ = total_;
  return true;
}

RestoreJob::RestoreJob(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables)
    : session_(s), reader_(prefix), keys_(keys), variables_(variables) {
  require(!s.closed(), Code::kRuntimeError, "Attempted to use a closed Session.");
  check_lengths(keys, variables);
  const Graph& g = *s.graph();
  // Metadata first, for every variable, so a bad key or shape fails before any data is read.
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const bundle::Entry& e = reader_.entry(keys[i]);
    const Node& var = g.node(variables[i]);
    DType want = var.out_dtypes[0];
    if (e.dtype != static_cast<int>(want))
      fail(Code::kInvalidArgument, "tensor_name = " + keys[i] + "; expected dtype " + bundle::tf_type_string(static_cast<int>(want)) +
                                       " does not equal original dtype " + bundle::tf_type_string(e.dtype));
    const PartialShape& ps = var.out_shapes[0];
    if (!ps.compatible_with(e.shape))
      fail(Code::kInvalidArgument, "Assign requires shapes of both tensors to match. lhs shape= " + ps.list_string() +
                                       " rhs shape= " + dims_debug_string(e.shape));
    reader_.checked_dtype(keys[i]);
    total_ += e.size;
  }
}

bool RestoreJob::step(std::uint64_t budget) {
  if (phase_ == 0 && verify_step(budget)) {
    phase_ = 1;
    next_ = 0;
    return false;
  }
  if (phase_ == 1 && read_step(budget)) phase_ = 2;
  return phase_ == 2;
}

// Streams each tensor through its checksum with a small buffer (no whole-tensor copy).
bool RestoreJob::verify_step(std::uint64_t budget) {
  while (next_ < keys_.size() && budget > 0) {
    const std::string& key = keys_[next_];
    const bundle::Entry& e = reader_.entry(key);
    DType t = reader_.checked_dtype(key);
    if (t == DType::kString) {
      reader_.verify(key);
      done_ += e.size;
      ++next_;
      continue;
    }
    if (buf_.empty()) buf_.resize(4u << 20);
    while (pos_ < e.size && budget > 0) {
      std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>({e.size - pos_, buf_.size(), budget}));
      reader_.read_range(key, pos_, buf_.data(), n);
      crc_ = crc32c::extend(crc_, buf_.data(), n);
      if (t == DType::kBool)  // only 0 and 1 are bools; anything else is refused before any assignment
        for (std::size_t i = 0; i < n; ++i)
          if (static_cast<unsigned char>(buf_[i]) > 1) fail(Code::kDataLoss, "Corrupted bool tensor " + key);
      pos_ += n;
      done_ += n;
      budget -= n;
    }
    if (pos_ < e.size) return false;
    if (crc32c::mask(crc_) != e.masked_crc)
      fail(Code::kDataLoss, "Checksum does not match: stored " + std::to_string(e.masked_crc) + " vs. calculated on the restored bytes " +
                                std::to_string(crc32c::mask(crc_)) + " (tensor " + key + ")");
    pos_ = 0;
    crc_ = 0;
    ++next_;
  }
  if (next_ < keys_.size()) return false;
  std::vector<char>().swap(buf_);
  return true;
}

// Reads each value into the variable's own storage when nothing else shares it
// (peak memory: the variables plus a small buffer), else into new storage.
bool RestoreJob::read_step(std::uint64_t budget) {
  while (next_ < keys_.size() && budget > 0) {
    const std::string& key = keys_[next_];
    const bundle::Entry& e = reader_.entry(key);
    int var = variables_[next_];
    DType t = reader_.checked_dtype(key);
    if (t == DType::kString) {
      session_.set_variable(var, reader_.read(key));
      done_ += e.size;
      ++next_;
      continue;
    }
    if (pos_ == 0 && !target_.valid()) {
      Tensor* cur = session_.mutable_variable(var);
      in_place_ = cur && cur->sole_owner() && cur->dtype() == t && cur->shape() == e.shape;
      target_ = in_place_ ? *cur : Tensor(t, e.shape);
    }
    while (pos_ < e.size && budget > 0) {
      std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(e.size - pos_, budget));
      char* dst = static_cast<char*>(target_.raw()) + pos_;
      reader_.read_range(key, pos_, dst, n);
      crc_ = crc32c::extend(crc_, dst, n);
      pos_ += n;
      done_ += n;
      budget -= n;
    }
    if (pos_ < e.size) return false;
    // Verified above; a mismatch now means the file changed during the restore.
    if (crc32c::mask(crc_) != e.masked_crc) fail(Code::kDataLoss, "Checkpoint data changed during the restore (tensor " + key + ")");
    if (t == DType::kBool) {
      const auto* b = static_cast<const unsigned char*>(target_.raw());
      for (std::size_t i = 0; i < target_.bytes(); ++i)
        if (b[i] > 1) fail(Code::kDataLoss, "Corrupted bool tensor " + key);
    }
    if (!in_place_) session_.set_variable(var, std::move(target_));
    target_ = Tensor();
    pos_ = 0;
    crc_ = 0;
    ++next_;
  }
  return next_ >= keys_.size();
}

void save_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                    const std::vector<int>& variables, const std::vector<int>& shards, int num_shards) {
  SaveJob job(s, prefix, keys, variables, shards, num_shards);
  while (!job.step(UINT64_MAX)) {
  }
}

void restore_variables(Session& s, const std::string& prefix, const std::vector<std::string>& keys,
                       const std::vector<int>& variables) {
  RestoreJob job(s, prefix, keys, variables);
  while (!job.step(UINT64_MAX)) {
  }
}

}  // namespace tfn
