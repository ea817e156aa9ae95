#include "table.h"

#include <algorithm>

#include "../errors.h"
#include "coding.h"
#include "crc32c.h"
#include "snappy.h"

namespace tfn {
namespace table {

namespace {
constexpr std::uint64_t kMagic = 0xdb4775248b80fb57ull;
constexpr std::size_t kFooterSize = 48;
constexpr std::size_t kTrailerSize = 5;
}  // namespace

void BlockHandle::encode_to(std::string* dst) const {
  coding::put_varint64(dst, offset);
  coding::put_varint64(dst, size);
}

void BlockBuilder::add(const std::string& key, const std::string& value) {
  std::size_t shared = 0;
  if (counter_ < interval_) {
    std::size_t lim = std::min(last_key_.size(), key.size());
    while (shared < lim && last_key_[shared] == key[shared]) ++shared;
  } else {
    restarts_.push_back(static_cast<std::uint32_t>(buffer_.size()));
    counter_ = 0;
  }
  coding::put_varint64(&buffer_, shared);
  coding::put_varint64(&buffer_, key.size() - shared);
  coding::put_varint64(&buffer_, value.size());
  buffer_.append(key, shared, std::string::npos);
  buffer_.append(value);
  last_key_ = key;
  ++counter_;
}

std::string BlockBuilder::finish() {
  std::string out = std::move(buffer_);
  for (auto r : restarts_) coding::put_fixed32(&out, r);
  coding::put_fixed32(&out, static_cast<std::uint32_t>(restarts_.size()));
  buffer_.clear();
  restarts_.assign(1, 0);
  counter_ = 0;
  last_key_.clear();
  return out;
}

std::string shortest_separator(const std::string& start, const std::string& limit) {
  std::size_t min_len = std::min(start.size(), limit.size());
  std::size_t i = 0;
  while (i < min_len && start[i] == limit[i]) ++i;
  if (i >= min_len) return start;  // one is a prefix of the other
  unsigned char b = static_cast<unsigned char>(start[i]);
  if (b < 0xff && b + 1 < static_cast<unsigned char>(limit[i])) {
    std::string s = start.substr(0, i + 1);
    s[i] = static_cast<char>(b + 1);
    return s;
  }
  return start;
}

std::string short_successor(const std::string& key) {
  for (std::size_t i = 0; i < key.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(key[i]);
    if (b != 0xff) {
      std::string s = key.substr(0, i + 1);
      s[i] = static_cast<char>(b + 1);
      return s;
    }
  }
  return key;
}

BlockHandle TableBuilder::write_block(BlockBuilder* block) {
  std::string raw = block->finish();
  BlockHandle h{out_.size(), raw.size()};
  out_ += raw;
  char type = 0;  // uncompressed
  std::uint32_t crc = crc32c::extend(crc32c::value(raw.data(), raw.size()), &type, 1);
  out_.push_back(type);
  coding::put_fixed32(&out_, crc32c::mask(crc));
  return h;
}

void TableBuilder::flush() {
  if (data_.empty()) return;
  pending_handle_ = write_block(&data_);
  pending_index_ = true;
}

void TableBuilder::add(const std::string& key, const std::string& value) {
  if (count_ > 0 && !(last_key_ < key)) fail(Code::kInternal, "table keys must be added in increasing order");
  if (pending_index_) {
    std::string handle;
    pending_handle_.encode_to(&handle);
    index_.add(shortest_separator(last_key_, key), handle);
    pending_index_ = false;
  }
  data_.add(key, value);
  last_key_ = key;
  ++count_;
  if (data_.size_estimate() >= kBlockSize) flush();
}

std::string TableBuilder::finish() {
  flush();
  BlockBuilder meta(16);
  BlockHandle meta_handle = write_block(&meta);
  if (pending_index_) {
    std::string handle;
    pending_handle_.encode_to(&handle);
    index_.add(short_successor(last_key_), handle);
    pending_index_ = false;
  }
  BlockHandle index_handle = write_block(&index_);
  std::string footer;
  meta_handle.encode_to(&footer);
  index_handle.encode_to(&footer);
  footer.resize(40, '\0');
  coding::put_fixed32(&footer, static_cast<std::uint32_t>(kMagic & 0xffffffffu));
  coding::put_fixed32(&footer, static_cast<std::uint32_t>(kMagic >> 32));
  out_ += footer;
  return std::move(out_);
}

namespace {

// The verified, decompressed contents of the block at `h`.
std::string read_block(const std::string& file, const BlockHandle& h, const std::string& what) {
  if (h.offset > file.size() || h.size > file.size() - h.offset || file.size() - h.offset - h.size < kTrailerSize)
    fail(Code::kDataLoss, "Corrupted " + what + ": block handle out of range (truncated file?)");
  const char* p = file.data() + h.offset;
  std::size_t n = static_cast<std::size_t>(h.size);
  char type = p[n];
  std::uint32_t stored = crc32c::unmask(coding::get_fixed32(p + n + 1));
  std::uint32_t actual = crc32c::extend(crc32c::value(p, n), &type, 1);
  if (stored != actual) fail(Code::kDataLoss, "Corrupted " + what + ": block checksum mismatch");
  if (type == 0) return std::string(p, n);
  if (type == 1) return snappy::uncompress(p, n);
  fail(Code::kDataLoss, "Corrupted " + what + ": unknown block compression type " + std::to_string(static_cast<int>(type)));
}

void for_each_entry(const std::string& block, const std::string& what,
                    const std::function<void(const std::string&, const std::string&)>& visit) {
  if (block.size() < 4) fail(Code::kDataLoss, "Corrupted " + what + ": block too short");
  std::uint32_t n_restarts = coding::get_fixed32(block.data() + block.size() - 4);
  if (n_restarts == 0 || n_restarts > (block.size() - 4) / 4)
    fail(Code::kDataLoss, "Corrupted " + what + ": bad restart count");
  std::size_t limit = block.size() - 4 - 4 * static_cast<std::size_t>(n_restarts);
  coding::Reader in(block.data(), limit, what.c_str());
  std::string key;
  while (!in.done()) {
    std::uint32_t shared = in.varint32(), unshared = in.varint32(), vlen = in.varint32();
    if (shared > key.size()) in.corrupt("bad key prefix");
    const char* k = in.bytes(unshared);
    key.resize(shared);
    key.append(k, unshared);
    const char* v = in.bytes(vlen);
    visit(key, std::string(v, vlen));
  }
}

BlockHandle decode_handle(coding::Reader& in) {
  BlockHandle h;
  h.offset = in.varint64();
  h.size = in.varint64();
  return h;
}

}  // namespace

void read_table(const std::string& file, const std::string& what,
                const std::function<void(const std::string&, const std::string&)>& visit) {
  if (file.size() < kFooterSize) fail(Code::kDataLoss, "Corrupted " + what + ": file too short to be a table (truncated?)");
  const char* footer = file.data() + file.size() - kFooterSize;
  if (coding::get_fixed64(footer + 40) != kMagic)
    fail(Code::kDataLoss, "Corrupted " + what + ": not an sstable (bad magic number)");
  coding::Reader fr(footer, 40, what.c_str());
  decode_handle(fr);  // metaindex: nothing TensorFlow needs
  BlockHandle index = decode_handle(fr);
  std::string index_block = read_block(file, index, what);
  std::string last_key;
  bool first = true;
  for_each_entry(index_block, what, [&](const std::string&, const std::string& handle_bytes) {
    coding::Reader hr(handle_bytes.data(), handle_bytes.size(), what.c_str());
    BlockHandle h = decode_handle(hr);
    std::string data = read_block(file, h, what);
    for_each_entry(data, what, [&](const std::string& k, const std::string& v) {
      if (!first && !(last_key < k)) fail(Code::kDataLoss, "Corrupted " + what + ": keys out of order");
      first = false;
      last_key = k;
      visit(k, v);
    });
  });
}

}  // namespace table
}  // namespace tfn
