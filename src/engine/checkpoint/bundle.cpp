#include "bundle.h"

#include <fcntl.h>
#include <sys/stat.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include <cerrno>
#include <algorithm>
#include <cstring>
#include <random>

#include "../errors.h"
#include "coding.h"
#include "crc32c.h"
#include "table.h"

namespace tfn {

namespace {

[[noreturn]] void io_error(const std::string& op, const std::string& path) {
  int err = errno;
  Code code = err == ENOENT ? Code::kNotFound : err == EACCES ? Code::kPermissionDenied : Code::kUnknown;
  fail(code, op + " " + path + ": " + std::strerror(err));
}

// Opens an existing regular file for reading. A FIFO, device or folder is refused before any
// read, and the open itself does not block (a FIFO without a writer would block fopen forever).
// *size gets the file's size at open time, the most a reader of the file should take.
std::FILE* open_regular(const std::string& path, std::uint64_t* size) {
#ifdef _WIN32
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) io_error("Failed to open", path);
  if (!(st.st_mode & S_IFREG)) fail(Code::kFailedPrecondition, "Not a regular file: " + path);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) io_error("Failed to open", path);
#else
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) io_error("Failed to open", path);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(Code::kFailedPrecondition, "Not a regular file: " + path);
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::FILE* f = ::fdopen(fd, "rb");
  if (!f) {
    int err = errno;
    ::close(fd);
    errno = err;
    io_error("Failed to open", path);
  }
#endif
  if (size) *size = static_cast<std::uint64_t>(st.st_size);
  return f;
}

std::string temp_suffix() {
  std::random_device rd;
  char buf[32];
  std::snprintf(buf, sizeof buf, ".tempstate%08x%08x", rd(), rd());
  return buf;
}

struct File {
  std::FILE* f = nullptr;
  ~File() {
    if (f) std::fclose(f);
  }
};

// Protobuf wire helpers for the two small messages we hand-encode.
void put_tag(std::string* s, int field, int wire) { coding::put_varint64(s, static_cast<std::uint64_t>(field << 3 | wire)); }

void skip_field(coding::Reader& in, int wire) {
  switch (wire) {
    case 0: in.varint64(); break;
    case 1: in.bytes(8); break;
    case 2: in.bytes(static_cast<std::size_t>(in.varint64())); break;
    case 5: in.bytes(4); break;
    default: in.corrupt("unknown protobuf wire type");
  }
}

std::string encode_shape(const Dims& dims) {
  std::string s;
  for (auto d : dims) {
    std::string dim;
    if (d != 0) {
      put_tag(&dim, 1, 0);
      coding::put_varint64(&dim, static_cast<std::uint64_t>(d));
    }
    put_tag(&s, 2, 2);
    coding::put_varint64(&s, dim.size());
    s += dim;
  }
  return s;
}

Dims decode_shape(const char* p, std::size_t n) {
  coding::Reader in(p, n, "checkpoint index (tensor shape)");
  Dims dims;
  while (!in.done()) {
    std::uint64_t tag = in.varint64();
    int field = static_cast<int>(tag >> 3), wire = static_cast<int>(tag & 7);
    if (field == 2 && wire == 2) {
      std::size_t len = static_cast<std::size_t>(in.varint64());
      coding::Reader dr(in.bytes(len), len, "checkpoint index (tensor dimension)");
      std::int64_t size = 0;
      while (!dr.done()) {
        std::uint64_t t = dr.varint64();
        if ((t >> 3) == 1 && (t & 7) == 0) size = static_cast<std::int64_t>(dr.varint64());
        else skip_field(dr, static_cast<int>(t & 7));
      }
      if (size < 0) in.corrupt("negative dimension");
      dims.push_back(size);
    } else if (field == 3 && wire == 0) {
      if (in.varint64()) in.corrupt("tensor of unknown rank");
    } else {
      skip_field(in, wire);
    }
  }
  return dims;
}

// Size check that guards against overflow of element count * element size.
bool fits(const Dims& shape, std::uint64_t elem, std::uint64_t bytes) {
  std::uint64_t n = 1;
  for (auto d : shape) {
    if (d != 0 && n > UINT64_MAX / static_cast<std::uint64_t>(d)) return false;
    n *= static_cast<std::uint64_t>(d);
  }
  if (elem && n > UINT64_MAX / elem) return false;
  return n * elem == bytes;
}

}  // namespace

namespace bundle {

std::string data_filename(const std::string& prefix, int shard, int num_shards) {
  char buf[64];
  std::snprintf(buf, sizeof buf, ".data-%05d-of-%05d", shard, num_shards);
  return prefix + buf;
}

std::string index_filename(const std::string& prefix) { return prefix + ".index"; }

std::string tf_type_string(int dtype, bool dt_prefix) {
  static const std::map<int, std::pair<const char*, const char*>> names = {
      {1, {"float", "DT_FLOAT"}},     {2, {"double", "DT_DOUBLE"}},    {3, {"int32", "DT_INT32"}},
      {4, {"uint8", "DT_UINT8"}},     {5, {"int16", "DT_INT16"}},      {6, {"int8", "DT_INT8"}},
      {7, {"string", "DT_STRING"}},   {8, {"complex64", "DT_COMPLEX64"}}, {9, {"int64", "DT_INT64"}},
      {10, {"bool", "DT_BOOL"}},      {14, {"bfloat16", "DT_BFLOAT16"}}, {17, {"uint16", "DT_UINT16"}},
      {18, {"complex128", "DT_COMPLEX128"}}, {19, {"half", "DT_HALF"}}, {20, {"resource", "DT_RESOURCE"}},
      {21, {"variant", "DT_VARIANT"}}, {22, {"uint32", "DT_UINT32"}}, {23, {"uint64", "DT_UINT64"}}};
  auto it = names.find(dtype);
  if (it == names.end()) return dt_prefix ? "DT_INVALID" : "unknown dtype " + std::to_string(dtype);
  return dt_prefix ? it->second.second : it->second.first;
}

std::string encode_entry(const Entry& e) {
  std::string s;
  if (e.dtype) { put_tag(&s, 1, 0); coding::put_varint64(&s, static_cast<std::uint64_t>(e.dtype)); }
  std::string shape = encode_shape(e.shape);
  put_tag(&s, 2, 2);
  coding::put_varint64(&s, shape.size());
  s += shape;
  if (e.shard_id) { put_tag(&s, 3, 0); coding::put_varint64(&s, static_cast<std::uint64_t>(e.shard_id)); }
  if (e.offset) { put_tag(&s, 4, 0); coding::put_varint64(&s, e.offset); }
  if (e.size) { put_tag(&s, 5, 0); coding::put_varint64(&s, e.size); }
  if (e.masked_crc) { put_tag(&s, 6, 5); coding::put_fixed32(&s, e.masked_crc); }
  return s;
}

Entry decode_entry(const std::string& bytes, const std::string& key) {
  std::string what = "checkpoint index entry for " + key;
  coding::Reader in(bytes.data(), bytes.size(), what.c_str());
  Entry e;
  while (!in.done()) {
    std::uint64_t tag = in.varint64();
    int field = static_cast<int>(tag >> 3), wire = static_cast<int>(tag & 7);
    if (field == 1 && wire == 0) e.dtype = static_cast<int>(in.varint64());
    else if (field == 2 && wire == 2) {
      std::size_t len = static_cast<std::size_t>(in.varint64());
      e.shape = decode_shape(in.bytes(len), len);
    } else if (field == 3 && wire == 0) e.shard_id = static_cast<int>(in.varint64());
    else if (field == 4 && wire == 0) e.offset = in.varint64();
    else if (field == 5 && wire == 0) e.size = in.varint64();
    else if (field == 6 && wire == 5) e.masked_crc = in.fixed32();
    else if (field == 7 && wire == 2) { e.sliced = true; skip_field(in, wire); }
    else skip_field(in, wire);
  }
  return e;
}

Reader::Reader(const std::string& prefix) : prefix_(prefix) {
  std::string index = read_file(index_filename(prefix));
  bool header_seen = false;
  table::read_table(index, "checkpoint index " + index_filename(prefix), [&](const std::string& key, const std::string& value) {
    if (key.empty()) {
      coding::Reader in(value.data(), value.size(), "checkpoint header");
      int endianness = 0;
      std::int64_t min_consumer = 0;
      while (!in.done()) {
        std::uint64_t tag = in.varint64();
        int field = static_cast<int>(tag >> 3), wire = static_cast<int>(tag & 7);
        if (field == 1 && wire == 0) num_shards_ = static_cast<int>(in.varint64());
        else if (field == 2 && wire == 0) endianness = static_cast<int>(in.varint64());
        else if (field == 3 && wire == 2) {
          std::size_t len = static_cast<std::size_t>(in.varint64());
          coding::Reader vr(in.bytes(len), len, "checkpoint version");
          while (!vr.done()) {
            std::uint64_t t = vr.varint64();
            if ((t >> 3) == 2 && (t & 7) == 0) min_consumer = static_cast<std::int64_t>(vr.varint64());
            else skip_field(vr, static_cast<int>(t & 7));
          }
        } else skip_field(in, wire);
      }
      if (endianness != 0) fail(Code::kUnimplemented, "Checkpoint " + prefix + " was written on a big-endian machine; only little-endian checkpoints are supported");
      if (min_consumer > 1) fail(Code::kInvalidArgument, "Checkpoint " + prefix + " needs a newer reader (min_consumer " + std::to_string(min_consumer) + ")");
      if (num_shards_ < 1 || num_shards_ > 1000000) fail(Code::kDataLoss, "Corrupted checkpoint header: bad shard count");
      header_seen = true;
      return;
    }
    Entry e = decode_entry(value, key);
    if (e.shard_id < 0 || e.shard_id >= num_shards_) fail(Code::kDataLoss, "Corrupted checkpoint index: entry " + key + " names a shard that does not exist");
    entries_[key] = e;
  });
  if (!header_seen) fail(Code::kDataLoss, "Corrupted checkpoint index " + index_filename(prefix) + ": no header entry");
  files_.assign(static_cast<std::size_t>(num_shards_), nullptr);
}

Reader::~Reader() {
  for (auto* f : files_)
    if (f) std::fclose(f);
}

const Entry& Reader::entry(const std::string& key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) fail(Code::kNotFound, "Key " + key + " not found in checkpoint");
  return it->second;
}

std::FILE* Reader::shard(int id) {
  if (!files_[id]) {
    std::string path = data_filename(prefix_, id, num_shards_);
    files_[id] = open_regular(path, nullptr);
  }
  return files_[id];
}

DType Reader::plain_dtype(const std::string& key, const Entry& e) {
  if (e.sliced) fail(Code::kUnimplemented, "Tensor " + key + " is saved in slices (a partitioned variable); reading slices is not supported");
  DType t;
  try {
    t = dtype_from_enum(e.dtype);
  } catch (const Error&) {
    fail(Code::kUnimplemented, "Tensor " + key + " has dtype " + tf_type_string(e.dtype) + ", which tfnative cannot hold");
  }
  if (t != DType::kString && !fits(e.shape, dtype_size(t), e.size))
    fail(Code::kDataLoss, "Corrupted checkpoint index: size of tensor " + key + " does not match its shape");
  return t;
}

std::FILE* Reader::seek_to(const std::string& key, const Entry& e) {
  std::FILE* f = shard(e.shard_id);
  if (std::fseek(f, static_cast<long>(e.offset), SEEK_SET) != 0)
    fail(Code::kDataLoss, "Checkpoint data file " + data_filename(prefix_, e.shard_id, num_shards_) + " is truncated (tensor " + key + ")");
  return f;
}

namespace {
[[noreturn]] void truncated(const std::string& path, const std::string& key) {
  fail(Code::kDataLoss, "Checkpoint data file " + path + " is truncated (tensor " + key + ")");
}
void check_crc(std::uint32_t crc, const Entry& e, const std::string& key) {
  if (crc32c::mask(crc) != e.masked_crc)
    fail(Code::kDataLoss, "Checksum does not match: stored " + std::to_string(e.masked_crc) +
                              " vs. calculated on the restored bytes " + std::to_string(crc32c::mask(crc)) + " (tensor " + key + ")");
}
void check_bools(const Tensor& t, const std::string& key) {
  // Only 0 and 1 are valid bools; anything else would be undefined behaviour later.
  const auto* b = static_cast<const unsigned char*>(t.raw());
  for (std::size_t i = 0; i < t.bytes(); ++i)
    if (b[i] > 1) fail(Code::kDataLoss, "Corrupted bool tensor " + key);
}
}  // namespace

void Reader::verify(const std::string& key) {
  const Entry& e = entry(key);
  DType t = plain_dtype(key, e);
  if (t == DType::kString) { read(key); return; }
  std::FILE* f = seek_to(key, e);
  std::vector<char> buf(std::min<std::uint64_t>(e.size, 4u << 20));
  std::uint32_t crc = 0;
  for (std::uint64_t left = e.size; left > 0;) {
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size()));
    if (std::fread(buf.data(), 1, n, f) != n) truncated(data_filename(prefix_, e.shard_id, num_shards_), key);
    crc = crc32c::extend(crc, buf.data(), n);
    left -= n;
  }
  check_crc(crc, e, key);
}

void Reader::read_into(const std::string& key, Tensor& dst) {
  const Entry& e = entry(key);
  DType t = plain_dtype(key, e);
  if (t != dst.dtype() || t == DType::kString || e.shape != dst.shape() || e.size != dst.bytes())
    fail(Code::kInternal, "read_into needs a plain tensor of the checkpoint's dtype and shape");
  std::FILE* f = seek_to(key, e);
  if (e.size && std::fread(dst.raw(), 1, static_cast<std::size_t>(e.size), f) != e.size)
    truncated(data_filename(prefix_, e.shard_id, num_shards_), key);
  check_crc(crc32c::value(dst.raw(), static_cast<std::size_t>(e.size)), e, key);
  if (t == DType::kBool) check_bools(dst, key);
}

void Reader::read_range(const std::string& key, std::uint64_t from, void* dst, std::size_t n) {
  const Entry& e = entry(key);
  require(from + n <= e.size, Code::kInternal, "read_range past the end of tensor " + key);
  std::FILE* f = shard(e.shard_id);
  if (std::fseek(f, static_cast<long>(e.offset + from), SEEK_SET) != 0 || (n && std::fread(dst, 1, n, f) != n))
    truncated(data_filename(prefix_, e.shard_id, num_shards_), key);
}

Tensor Reader::read(const std::string& key) {
  const Entry& e = entry(key);
  DType t = plain_dtype(key, e);
  std::string path = data_filename(prefix_, e.shard_id, num_shards_);
  if (t != DType::kString) {
    Tensor out(t, e.shape);
    read_into(key, out);
    return out;
  }
  std::FILE* f = seek_to(key, e);
  auto read_exact = [&](void* dst, std::size_t n) {
    if (n && std::fread(dst, 1, n, f) != n) truncated(path, key);
  };
  // Strings: varint64 lengths, masked crc of the lengths, then the bytes.
  std::uint64_t n = 1;
  for (auto d : e.shape) {
    if (d != 0 && n > e.size / static_cast<std::uint64_t>(d)) fail(Code::kDataLoss, "Corrupted checkpoint index: bad shape for string tensor " + key);
    n *= static_cast<std::uint64_t>(d);
  }
  if (e.size > (1ull << 40) || n > e.size) fail(Code::kDataLoss, "Corrupted checkpoint index: bad size for string tensor " + key);
  std::string raw(static_cast<std::size_t>(e.size), '\0');
  read_exact(&raw[0], raw.size());
  const std::string what = "string tensor " + key;  // the Reader keeps this pointer: it must outlive it
  coding::Reader in(raw.data(), raw.size(), what.c_str());
  std::vector<std::uint64_t> lens(static_cast<std::size_t>(n));
  std::uint32_t crc = 0;
  for (auto& len : lens) {
    len = in.varint64();
    if (len > 0xffffffffull) {
      std::string b;
      coding::put_fixed64(&b, len);
      crc = crc32c::extend(crc, b.data(), 8);
    } else {
      std::string b;
      coding::put_fixed32(&b, static_cast<std::uint32_t>(len));
      crc = crc32c::extend(crc, b.data(), 4);
    }
  }
  const char* mask_bytes = in.bytes(4);
  if (coding::get_fixed32(mask_bytes) != crc32c::mask(crc)) fail(Code::kDataLoss, "Checksum does not match for the lengths of string tensor " + key);
  crc = crc32c::extend(crc, mask_bytes, 4);
  Tensor out(DType::kString, e.shape);
  auto& s = out.strings();
  for (std::size_t i = 0; i < lens.size(); ++i) {
    const char* p = in.bytes(static_cast<std::size_t>(lens[i]));
    s[i].assign(p, static_cast<std::size_t>(lens[i]));
    crc = crc32c::extend(crc, p, s[i].size());
  }
  if (crc32c::mask(crc) != e.masked_crc) fail(Code::kDataLoss, "Checksum does not match for string tensor " + key);
  return out;
}

// The .index file's bytes: the header entry (shard count, version), then one entry per tensor.
std::string build_index(const std::map<std::string, Entry>& entries, int num_shards) {
  table::TableBuilder tb;
  std::string header;
  put_tag(&header, 1, 0);
  coding::put_varint64(&header, static_cast<std::uint64_t>(num_shards));
  put_tag(&header, 3, 2);             // version { producer: 1 }
  header += std::string("\x02\x08\x01", 3);
  tb.add("", header);
  for (const auto& kv : entries) tb.add(kv.first, encode_entry(kv.second));
  return tb.finish();
}

Writer::Writer(std::string prefix, int num_shards)
    : prefix_(std::move(prefix)), num_shards_(num_shards), data_(static_cast<std::size_t>(num_shards), nullptr),
      offset_(static_cast<std::size_t>(num_shards), 0) {
  require(num_shards >= 1 && num_shards <= 99999, Code::kInvalidArgument, "A checkpoint needs 1 to 99999 shards");
  std::string suffix = temp_suffix();
  index_tmp_ = index_filename(prefix_) + suffix;
  for (int i = 0; i < num_shards_; ++i) {
    data_tmp_.push_back(data_filename(prefix_, i, num_shards_) + suffix);
    data_[i] = std::fopen(data_tmp_[i].c_str(), "wb");
    if (!data_[i]) {
      // A constructor that throws gets no destructor: close and remove the files opened so far.
      int err = errno;
      for (int j = 0; j < i; ++j) {
        std::fclose(data_[j]);
        data_[j] = nullptr;
        std::remove(data_tmp_[j].c_str());
      }
      errno = err;
      io_error("Failed to create checkpoint file", data_tmp_[i]);
    }
  }
}

Writer::~Writer() {
  for (auto* f : data_)
    if (f) std::fclose(f);
  if (!finished_) {
    for (const auto& t : data_tmp_) std::remove(t.c_str());
    std::remove(index_tmp_.c_str());
  }
}

void Writer::write_bytes(int shard, const void* p, std::size_t n) {
  if (n && std::fwrite(p, 1, n, data_[shard]) != n) io_error("Failed to write checkpoint file", data_tmp_[shard]);
}

void Writer::add(const std::string& key, const Tensor& t, int shard) {
  begin(key, t, shard);
  while (!write_some(UINT64_MAX)) {
  }
}

void Writer::begin(const std::string& key, const Tensor& t, int shard) {
  require(!pending_.active, Code::kInternal, "begin() while a tensor is still being written");
  require(shard >= 0 && shard < num_shards_, Code::kInvalidArgument, "No such checkpoint shard");
  if (key.empty()) fail(Code::kInvalidArgument, "Tensor names in a checkpoint cannot be empty");
  if (entries_.count(key)) fail(Code::kInvalidArgument, "Adding duplicate key: " + key);
  Pending& p = pending_;
  p = Pending();
  p.active = true;
  p.key = key;
  p.tensor = t;
  p.entry.dtype = static_cast<int>(t.dtype());
  p.entry.shape = t.shape();
  p.entry.shard_id = shard;
  p.entry.offset = offset_[shard];
  if (t.dtype() != DType::kString) {
    p.entry.size = t.bytes();
    return;
  }
  // Strings: lengths, their masked crc, then the bytes; written at once.
  std::string head;
  std::uint32_t crc = 0;
  for (const auto& s : t.strings()) {
    coding::put_varint64(&head, s.size());
    std::string b;
    if (s.size() > 0xffffffffull) coding::put_fixed64(&b, s.size());
    else coding::put_fixed32(&b, static_cast<std::uint32_t>(s.size()));
    crc = crc32c::extend(crc, b.data(), b.size());
  }
  std::string m;
  coding::put_fixed32(&m, crc32c::mask(crc));
  head += m;
  crc = crc32c::extend(crc, m.data(), 4);
  write_bytes(shard, head.data(), head.size());
  std::uint64_t total = head.size();
  for (const auto& s : t.strings()) {
    write_bytes(shard, s.data(), s.size());
    crc = crc32c::extend(crc, s.data(), s.size());
    total += s.size();
  }
  p.entry.size = total;
  p.crc = crc;
  p.written = total;
}

bool Writer::write_some(std::uint64_t max_bytes) {
  Pending& p = pending_;
  require(p.active, Code::kInternal, "write_some() without begin()");
  if (p.tensor.dtype() != DType::kString && p.written < p.entry.size) {
    std::uint64_t n = std::min<std::uint64_t>(max_bytes, p.entry.size - p.written);
    const char* src = static_cast<const char*>(p.tensor.raw()) + p.written;
    write_bytes(p.entry.shard_id, src, static_cast<std::size_t>(n));
    p.crc = crc32c::extend(p.crc, src, static_cast<std::size_t>(n));
    p.written += n;
  }
  if (p.written < p.entry.size) return false;
  complete_pending();
  return true;
}

void Writer::complete_pending() {
  Pending& p = pending_;
  p.entry.masked_crc = crc32c::mask(p.crc);
  offset_[p.entry.shard_id] += p.entry.size;
  entries_[p.key] = p.entry;
  p = Pending();
}

void Writer::finish() {
  require(!pending_.active, Code::kInternal, "finish() while a tensor is still being written");
  for (int i = 0; i < num_shards_; ++i) {
    bool ok = std::fflush(data_[i]) == 0;
    ok = (std::fclose(data_[i]) == 0) && ok;
    data_[i] = nullptr;
    if (!ok) io_error("Failed to write checkpoint file", data_tmp_[i]);
  }
  std::string index = build_index(entries_, num_shards_);
  {
    File f;
    f.f = std::fopen(index_tmp_.c_str(), "wb");
    if (!f.f) io_error("Failed to create checkpoint file", index_tmp_);
    if (std::fwrite(index.data(), 1, index.size(), f.f) != index.size()) io_error("Failed to write checkpoint file", index_tmp_);
    if (std::fclose(f.f) != 0) { f.f = nullptr; io_error("Failed to close checkpoint file", index_tmp_); }
    f.f = nullptr;
  }
  for (int i = 0; i < num_shards_; ++i) {
    std::string data_final = data_filename(prefix_, i, num_shards_);
    if (std::rename(data_tmp_[i].c_str(), data_final.c_str()) != 0) io_error("Failed to rename checkpoint file to", data_final);
  }
  if (std::rename(index_tmp_.c_str(), index_filename(prefix_).c_str()) != 0) io_error("Failed to rename checkpoint file to", index_filename(prefix_));
  finished_ = true;
}

}  // namespace bundle

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG;  // no open: a FIFO would block
}

std::string read_file(const std::string& path) {
  File f;
  std::uint64_t size = 0;
  f.f = open_regular(path, &size);
  std::string out;
  char buf[1 << 16];
  std::size_t n;
  // No more than the size the file had when opened (a file still growing is read as it was).
  while (out.size() < size &&
         (n = std::fread(buf, 1, static_cast<std::size_t>(std::min<std::uint64_t>(sizeof buf, size - out.size())), f.f)) > 0)
    out.append(buf, n);
  if (std::ferror(f.f)) io_error("Failed to read", path);
  return out;
}

void write_file_atomically(const std::string& path, const std::string& contents) {
  std::string tmp = path + temp_suffix();
  {
    File f;
    f.f = std::fopen(tmp.c_str(), "wb");
    if (!f.f) io_error("Failed to create", tmp);
    bool ok = std::fwrite(contents.data(), 1, contents.size(), f.f) == contents.size();
    ok = (std::fclose(f.f) == 0) && ok;
    f.f = nullptr;
    if (!ok) {
      std::remove(tmp.c_str());
      io_error("Failed to write", tmp);
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    io_error("Failed to rename to", path);
  }
}

namespace bundle {

void merge(const std::vector<std::string>& sources, const std::string& dest, bool delete_old_dirs) {
  int n = static_cast<int>(sources.size());
  require(n >= 1 && n <= 99999, Code::kInvalidArgument, "MergeV2Checkpoints needs 1 to 99999 checkpoint prefixes");
  std::map<std::string, Entry> merged;
  for (int i = 0; i < n; ++i) {
    Reader r(sources[i]);
    require(r.num_shards() == 1, Code::kInvalidArgument,
            "MergeV2Checkpoints merges single-shard checkpoints; " + sources[i] + " has " + std::to_string(r.num_shards()));
    for (const auto& kv : r.entries()) {
      Entry e = kv.second;
      e.shard_id = i;
      if (!merged.emplace(kv.first, e).second)
        fail(Code::kInvalidArgument, "Duplicate tensor key " + kv.first + " in the checkpoints being merged");
    }
  }
  // Data files first, the index last: a reader finds either the old index or the whole new one.
  for (int i = 0; i < n; ++i) {
    std::string from = data_filename(sources[i], 0, 1), to = data_filename(dest, i, n);
    if (std::rename(from.c_str(), to.c_str()) != 0) io_error("Failed to rename checkpoint file to", to);
  }
  write_file_atomically(index_filename(dest), build_index(merged, n));
  for (const auto& s : sources) {
    std::remove(index_filename(s).c_str());
    if (delete_old_dirs) {
      // As TensorFlow: the sources' folder goes if it is now empty (remove() fails otherwise).
      std::size_t slash = s.find_last_of('/');
      std::string dir = slash == std::string::npos ? std::string() : s.substr(0, slash);
      std::string dest_dir = dest.substr(0, dest.find_last_of('/') == std::string::npos ? 0 : dest.find_last_of('/'));
      if (!dir.empty() && dir != dest_dir) std::remove(dir.c_str());
    }
  }
}

}  // namespace bundle
}  // namespace tfn
