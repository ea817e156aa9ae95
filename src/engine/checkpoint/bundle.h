// TensorFlow's V2 checkpoint ("tensor bundle"): <prefix>.index (a table of
// BundleEntryProto keyed by tensor name) and <prefix>.data-0000K-of-0000N.
#pragma once
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../tensor.h"

namespace tfn {
namespace bundle {

struct Entry {
  int dtype = 0;            // TensorFlow DataType enum (may be one the engine cannot hold)
  Dims shape;
  int shard_id = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint32_t masked_crc = 0;
  bool sliced = false;      // a partitioned variable's slices
};

std::string data_filename(const std::string& prefix, int shard, int num_shards);
std::string index_filename(const std::string& prefix);
// TensorFlow's DataTypeString: "float", "double", "int32", ...; "DT_FLOAT" style with `dt_prefix`.
std::string tf_type_string(int dtype, bool dt_prefix = false);

class Reader {
 public:
  explicit Reader(const std::string& prefix);
  ~Reader();
  const std::map<std::string, Entry>& entries() const { return entries_; }
  bool contains(const std::string& key) const { return entries_.count(key) > 0; }
  const Entry& entry(const std::string& key) const;  // NotFound: "Key <key> not found in checkpoint"
  Tensor read(const std::string& key);                 // verifies size and checksum
  // Streams the tensor's bytes through the checksum with a small buffer (no whole-tensor copy).
  void verify(const std::string& key);
  // Reads a plain-dtype tensor into `dst` (same dtype and shape), verifying its checksum.
  void read_into(const std::string& key, Tensor& dst);
  // Bytes [from, from + n) of a plain tensor's data (no checksum: callers accumulate it).
  void read_range(const std::string& key, std::uint64_t from, void* dst, std::size_t n);
  // The dtype a tensor has in the engine; Unimplemented/DataLoss for what it cannot hold.
  DType checked_dtype(const std::string& key) { return plain_dtype(key, entry(key)); }
  int num_shards() const { return num_shards_; }
  const std::string& prefix() const { return prefix_; }

 private:
  std::FILE* shard(int id);
  DType plain_dtype(const std::string& key, const Entry& e);
  std::FILE* seek_to(const std::string& key, const Entry& e);
  std::string prefix_;
  int num_shards_ = 1;
  std::map<std::string, Entry> entries_;
  std::vector<std::FILE*> files_;
};

// Writes data to a temporary name first; finish() renames data, then index, into place.
// A writer destroyed before finish() removes its temporary files.
class Writer {
 public:
  // `num_shards` data files (one per device in a sharded save).
  explicit Writer(std::string prefix, int num_shards = 1);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  void add(const std::string& key, const Tensor& t, int shard = 0);
  // The same in steps, for progress reports: begin(), then write_some() until it returns true.
  void begin(const std::string& key, const Tensor& t, int shard = 0);
  bool write_some(std::uint64_t max_bytes);
  void finish();

 private:
  std::string prefix_;
  int num_shards_;
  std::vector<std::string> data_tmp_;
  std::string index_tmp_;
  std::vector<std::FILE*> data_;
  std::vector<std::uint64_t> offset_;
  std::map<std::string, Entry> entries_;
  bool finished_ = false;
  // The tensor being written by write_some().
  struct Pending {
    bool active = false;
    std::string key;
    Tensor tensor;
    Entry entry;
    std::uint64_t written = 0;
    std::uint32_t crc = 0;
  } pending_;
  void write_bytes(int shard, const void* p, std::size_t n);
  void complete_pending();
};

std::string encode_entry(const Entry& e);
std::string build_index(const std::map<std::string, Entry>& entries, int num_shards);
// TensorFlow's MergeV2Checkpoints: single-shard checkpoints `sources` become the shards of one
// checkpoint `dest` (their data files renamed, one index written); with `delete_old_dirs`, the
// sources' folders are removed when empty.
void merge(const std::vector<std::string>& sources, const std::string& dest, bool delete_old_dirs);
Entry decode_entry(const std::string& bytes, const std::string& key);

}  // namespace bundle

// The `checkpoint` state file.
struct CheckpointState {
  std::string model_checkpoint_path;
  std::vector<std::string> all_model_checkpoint_paths;
  std::vector<double> all_model_checkpoint_timestamps;
  double last_preserved_timestamp = 0;
};
std::string format_checkpoint_state(const CheckpointState& s);
CheckpointState parse_checkpoint_state(const std::string& text, const std::string& path);

// Whole-file helpers with TensorFlow's error codes.
std::string read_file(const std::string& path);
void write_file_atomically(const std::string& path, const std::string& contents);
bool file_exists(const std::string& path);

}  // namespace tfn
