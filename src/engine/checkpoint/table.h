// LevelDB's sorted string table, as TensorFlow's .index files use it:
// data blocks (restart interval 16), an empty metaindex block, an index
// block (restart interval 1) and a 48-byte footer.
#pragma once
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tfn {
namespace table {

struct BlockHandle {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  void encode_to(std::string* dst) const;
};

class BlockBuilder {
 public:
  explicit BlockBuilder(int restart_interval) : interval_(restart_interval) { restarts_.push_back(0); }
  void add(const std::string& key, const std::string& value);
  std::string finish();  // contents with restart array; the builder is then reset
  std::size_t size_estimate() const { return buffer_.size() + restarts_.size() * 4 + 4; }
  bool empty() const { return buffer_.empty(); }

 private:
  int interval_;
  std::string buffer_;
  std::vector<std::uint32_t> restarts_;
  int counter_ = 0;
  std::string last_key_;
};

// Builds the whole table in memory (index files are small: one entry per tensor).
class TableBuilder {
 public:
  static constexpr std::size_t kBlockSize = 262144;
  void add(const std::string& key, const std::string& value);  // keys in strictly increasing order
  std::string finish();

 private:
  void flush();
  BlockHandle write_block(BlockBuilder* block);
  std::string out_;
  BlockBuilder data_{16};
  BlockBuilder index_{1};
  std::string last_key_;
  bool pending_index_ = false;
  BlockHandle pending_handle_;
  std::uint64_t count_ = 0;
};

// Reads every entry of a table held in memory, checking block checksums.
// Calls visit(key, value) in table order.
void read_table(const std::string& contents, const std::string& what,
                const std::function<void(const std::string&, const std::string&)>& visit);

std::string shortest_separator(const std::string& start, const std::string& limit);
std::string short_successor(const std::string& key);

}  // namespace table
}  // namespace tfn
