#include "tensor.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "errors.h"

namespace tfn {

std::int64_t num_elements(const Dims& dims) {
  std::int64_t n = 1;
  for (auto d : dims) n *= d;
  return n;
}

std::int64_t checked_num_elements(const Dims& dims) {
  // 2^62 elements is beyond any machine; staying below it keeps byte counts in range too.
  constexpr std::int64_t kMax = std::int64_t(1) << 62;
  std::int64_t n = 1;
  for (auto d : dims) {
    if (d < 0) fail(Code::kInvalidArgument, "Dimension " + std::to_string(d) + " must be >= 0");
    if (d != 0 && n > kMax / d)
      fail(Code::kInvalidArgument, "Encountered overflow when multiplying the dimensions of shape " + dims_debug_string(dims));
    n *= d;
  }
  return n;
}

std::string dims_debug_string(const Dims& dims) {
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(dims[i]);
  }
  return s + "]";
}

bool PartialShape::fully_defined() const {
  if (!known_rank) return false;
  for (auto d : dims)
    if (d < 0) return false;
  return true;
}

bool PartialShape::compatible_with(const Dims& concrete) const {
  if (!known_rank) return true;
  if (dims.size() != concrete.size()) return false;
  for (std::size_t i = 0; i < dims.size(); ++i)
    if (dims[i] >= 0 && dims[i] != concrete[i]) return false;
  return true;
}

bool PartialShape::compatible_with(const PartialShape& other) const {
  if (!known_rank || !other.known_rank) return true;
  if (dims.size() != other.dims.size()) return false;
  for (std::size_t i = 0; i < dims.size(); ++i)
    if (dims[i] >= 0 && other.dims[i] >= 0 && dims[i] != other.dims[i]) return false;
  return true;
}

std::string PartialShape::python_string() const {
  if (!known_rank) return "<unknown>";
  std::string s = "(";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i) s += ", ";
    s += dims[i] < 0 ? "?" : std::to_string(dims[i]);
  }
  if (dims.size() == 1) s += ",";
  return s + ")";
}

std::string PartialShape::list_string() const {
  if (!known_rank) return "?";
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i) s += ",";
    s += dims[i] < 0 ? "?" : std::to_string(dims[i]);
  }
  return s + "]";
}

Buffer::Buffer(std::size_t bytes) : data_(nullptr), bytes_(bytes) {
  // 64-byte alignment suits every SIMD width; never zero-sized so data() is valid.
  std::size_t rounded = ((bytes + 63) / 64) * 64;
  if (rounded == 0) rounded = 64;
  data_ = std::aligned_alloc(64, rounded);
  if (!data_) fail(Code::kResourceExhausted, "OOM when allocating tensor of " + std::to_string(bytes) + " bytes");
}

Buffer::~Buffer() { std::free(data_); }

Tensor::Tensor(DType dtype, Dims shape) : dtype_(dtype), shape_(std::move(shape)) {
  std::int64_t n = checked_num_elements(shape_);
  if (dtype == DType::kString) {
    strs_ = std::make_shared<std::vector<std::string>>(static_cast<std::size_t>(n));
  } else {
    std::size_t es = dtype_size(dtype);
    require(es > 0, Code::kInvalidArgument, "Cannot allocate a tensor of dtype invalid");
    // Element counts are below 2^62, but their bytes may still not fit a size_t (or memory).
    constexpr std::size_t kMaxBytes = (std::size_t(1) << 62);
    if (static_cast<std::uint64_t>(n) > kMaxBytes / es)
      fail(Code::kResourceExhausted, "OOM when allocating tensor with shape " + dims_debug_string(shape_) + " of " +
                                         dtype_name(dtype) + ": its size in bytes overflows");
    buf_ = std::make_shared<Buffer>(static_cast<std::size_t>(n) * es);
  }
}

bool Tensor::sole_owner() const {
  if (strs_) return strs_.use_count() == 1;
  return buf_ && buf_.use_count() == 1;
}

Tensor Tensor::deep_copy() const {
  Tensor t(dtype_, shape_);
  if (dtype_ == DType::kString)
    *t.strs_ = *strs_;
  else if (bytes())
    std::memcpy(t.raw(), raw(), bytes());
  return t;
}

Tensor Tensor::reshaped(Dims shape) const {
  require(num_elements(shape) == size(), Code::kInvalidArgument,
          "Cannot reshape a tensor with " + std::to_string(size()) + " elements to shape " +
              dims_debug_string(shape) + " (" + std::to_string(num_elements(shape)) + " elements)");
  Tensor t = *this;
  t.shape_ = std::move(shape);
  return t;
}

Tensor filled_tensor(DType dtype, const Dims& shape, double value) {
  Tensor t(dtype, shape);
  std::int64_t n = t.size();
  dispatch_numeric(dtype, [&](auto* tag) {
    using T = std::remove_pointer_t<decltype(tag)>;
    T* p = t.data<T>();
    T v = static_cast<T>(value);
    for (std::int64_t i = 0; i < n; ++i) p[i] = v;
  });
  return t;
}

Tensor scalar_tensor(DType dtype, double value) { return filled_tensor(dtype, {}, value); }

}  // namespace tfn
