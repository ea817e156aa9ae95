// Dense tensors (row-major, shared immutable-by-convention buffers) and shapes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dtype.h"

namespace tfn {

using Dims = std::vector<int64_t>;

std::int64_t num_elements(const Dims& dims);
// The element count, or InvalidArgument when it overflows (or a dimension is negative).
std::int64_t checked_num_elements(const Dims& dims);
// "[784,200]" as TensorFlow's runtime messages print shapes.
std::string dims_debug_string(const Dims& dims);

// A static shape: unknown rank, or a rank with dimensions where -1 is unknown.
struct PartialShape {
  bool known_rank = false;
  Dims dims;

  static PartialShape unknown() { return PartialShape(); }
  static PartialShape of(Dims d) {
    PartialShape s;
    s.known_rank = true;
    s.dims = std::move(d);
    return s;
  }
  bool fully_defined() const;
  bool compatible_with(const Dims& concrete) const;
  bool compatible_with(const PartialShape& other) const;
  std::string python_string() const;  // "(784, 200)", "(200,)", "()", "(?, 3)", "<unknown>"
  std::string list_string() const;    // "[784,200]", "[?,3]", "?"
};

// Aligned, uninitialized storage for plain dtypes.
class Buffer {
 public:
  explicit Buffer(std::size_t bytes);
  ~Buffer();
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  void* data() { return data_; }
  const void* data() const { return data_; }
  std::size_t size() const { return bytes_; }

 private:
  void* data_;
  std::size_t bytes_;
};

class Tensor {
 public:
  Tensor() = default;
  // Allocates storage for the shape; plain elements are left uninitialized.
  Tensor(DType dtype, Dims shape);

  bool valid() const { return dtype_ != DType::kInvalid; }
  DType dtype() const { return dtype_; }
  const Dims& shape() const { return shape_; }
  int rank() const { return static_cast<int>(shape_.size()); }
  std::int64_t size() const { return num_elements(shape_); }
  std::size_t bytes() const { return buf_ ? buf_->size() : 0; }

  template <typename T> T* data() { return static_cast<T*>(buf_->data()); }
  template <typename T> const T* data() const { return static_cast<const T*>(buf_->data()); }
  void* raw() { return buf_ ? buf_->data() : nullptr; }
  const void* raw() const { return buf_ ? buf_->data() : nullptr; }
  std::vector<std::string>& strings() { return *strs_; }
  const std::vector<std::string>& strings() const { return *strs_; }

  // True when no other Tensor shares this storage, so it may be changed in place.
  bool sole_owner() const;
  Tensor deep_copy() const;
  // Same storage, new shape of equal element count.
  Tensor reshaped(Dims shape) const;

 private:
  DType dtype_ = DType::kInvalid;
  Dims shape_;
  std::shared_ptr<Buffer> buf_;
  std::shared_ptr<std::vector<std::string>> strs_;
};

Tensor scalar_tensor(DType dtype, double value);
Tensor filled_tensor(DType dtype, const Dims& shape, double value);

// Calls f(T*) with the element type of a plain dtype.
template <typename F>
void dispatch_numeric(DType t, F&& f);

}  // namespace tfn

#include "tensor_dispatch.h"
