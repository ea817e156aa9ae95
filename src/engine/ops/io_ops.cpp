// Checkpoint ops as TensorFlow's Saver puts them in the graph: SaveV2, RestoreV2,
// MergeV2Checkpoints, and the small string ops that name a sharded save's files.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>

#include "../checkpoint/bundle.h"
#include "../op_registry.h"
#include "../session.h"
#include "shape_util.h"

namespace tfn {

namespace {

const std::string& scalar_string(const Tensor& t, const char* what) {
  require(t.dtype() == DType::kString && t.rank() == 0, Code::kInvalidArgument,
          std::string(what) + " must be a scalar string, got a " + dtype_name(t.dtype()) + " tensor of shape " +
              dims_debug_string(t.shape()));
  return t.strings()[0];
}

const std::vector<std::string>& string_vector(const Tensor& t, const char* what, std::size_t n) {
  require(t.dtype() == DType::kString && t.rank() == 1 && static_cast<std::size_t>(t.size()) == n,
          Code::kInvalidArgument,
          std::string(what) + " must be a string vector of length " + std::to_string(n) + ", got shape " +
              dims_debug_string(t.shape()));
  return t.strings();
}

void require_string_input(const InferContext& c, int i, const char* arg) {
  if (c.input_dtype(i) != DType::kString)
    fail(Code::kTypeError, std::string("Input '") + arg + "' of '" + c.node.type + "' Op has type " +
                               dtype_name(c.input_dtype(i)) + " that does not match expected type of string.");
}

// Partitioned variables are saved as slices; tfnative has none, so every spec must be empty.
void require_whole_tensors(const std::vector<std::string>& specs) {
  for (const auto& s : specs)
    require(s.empty(), Code::kUnimplemented, "Saving or restoring slices of tensors (\"" + s + "\") is not supported");
}

// As TensorFlow's bundle writer: the prefix's own folder is created if missing (one level).
void make_parent_folder(const std::string& prefix) {
  std::size_t slash = prefix.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return;
  std::string dir = prefix.substr(0, slash);
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) return;
#ifdef _WIN32
  int rc = ::mkdir(dir.c_str());
#else
  int rc = ::mkdir(dir.c_str(), 0777);
#endif
  if (rc != 0 && errno != EEXIST)
    fail(errno == ENOENT ? Code::kNotFound : Code::kUnknown, "Failed to create a directory: " + dir + "; " + std::strerror(errno));
}

// PlaceholderWithDefault(input; dtype, shape): its input unless the tensor is fed.
void infer_placeholder_with_default(InferContext& c) {
  const PartialShape& want = c.node.attr<PartialShape>("shape");
  if (!want.compatible_with(c.input_shape(0)))
    c.value_error("The default value of shape " + c.input_shape(0).python_string() + " is not compatible with shape " +
                  want.python_string());
  c.set_output(c.input_dtype(0), want);
}
void compute_identity(KernelContext& k) { k.outputs.push_back(k.inputs[0]); }

// SaveV2(prefix, tensor_names, shape_and_slices, tensors...)
void infer_save(InferContext& c) {
  require_string_input(c, 0, "prefix");
  require_string_input(c, 1, "tensor_names");
  require_string_input(c, 2, "shape_and_slices");
}
void compute_save(KernelContext& k) {
  std::size_t n = k.inputs.size() - 3;
  const std::string& prefix = scalar_string(k.inputs[0], "prefix");
  const auto& names = string_vector(k.inputs[1], "tensor_names", n);
  require_whole_tensors(string_vector(k.inputs[2], "shape_and_slices", n));
  make_parent_folder(prefix);
  bundle::Writer w(prefix);
  for (std::size_t i = 0; i < n; ++i) w.add(names[i], k.inputs[3 + i]);
  w.finish();
}

// RestoreV2(prefix, tensor_names, shape_and_slices; dtypes) -> one tensor per name.
void infer_restore(InferContext& c) {
  require_string_input(c, 0, "prefix");
  require_string_input(c, 1, "tensor_names");
  require_string_input(c, 2, "shape_and_slices");
  for (auto t : c.node.attr<Dims>("dtypes")) c.set_output(dtype_from_enum(static_cast<int>(t)), PartialShape::unknown());
}
void compute_restore(KernelContext& k) {
  const Dims& dtypes = k.node.attr<Dims>("dtypes");
  std::size_t n = dtypes.size();
  const std::string& prefix = scalar_string(k.inputs[0], "prefix");
  const auto& names = string_vector(k.inputs[1], "tensor_names", n);
  require_whole_tensors(string_vector(k.inputs[2], "shape_and_slices", n));
  bundle::Reader r(prefix);
  for (std::size_t i = 0; i < n; ++i) {
    DType want = dtype_from_enum(static_cast<int>(dtypes[i]));
    DType have = r.checked_dtype(names[i]);  // NotFound for a missing key
    if (have != want)
      fail(Code::kInvalidArgument, std::string("Expected to restore a tensor of type ") + dtype_name(want) +
                                       ", got a tensor of type " + dtype_name(have) + " instead: tensor_name = " + names[i]);
    k.outputs.push_back(r.read(names[i]));
  }
}

// MergeV2Checkpoints(checkpoint_prefixes, destination_prefix; delete_old_dirs)
void infer_merge(InferContext& c) {
  require_string_input(c, 0, "checkpoint_prefixes");
  require_string_input(c, 1, "destination_prefix");
}
void compute_merge(KernelContext& k) {
  const Tensor& src = k.inputs[0];
  require(src.dtype() == DType::kString && src.rank() == 1, Code::kInvalidArgument,
          "checkpoint_prefixes must be a string vector");
  const std::string& dest = scalar_string(k.inputs[1], "destination_prefix");
  bundle::merge(src.strings(), dest, k.node.attr_or<bool>("delete_old_dirs", true));
}

// ShardedFilename(basename, shard, num_shards) -> "<basename>-0000K-of-0000N"
void infer_scalar_string(InferContext& c) { c.set_output(DType::kString, PartialShape::of({})); }
std::int64_t scalar_int(const Tensor& t, const char* what) {
  Dims v = int_values(t, what);
  require(t.rank() == 0, Code::kInvalidArgument, std::string(what) + " must be a scalar");
  return v[0];
}
void compute_sharded_filename(KernelContext& k) {
  const std::string& base = scalar_string(k.inputs[0], "basename");
  std::int64_t shard = scalar_int(k.inputs[1], "shard"), num = scalar_int(k.inputs[2], "num_shards");
  require(num >= 1 && shard >= 0 && shard < num, Code::kInvalidArgument, "Shard " + std::to_string(shard) +
                                                                             " is not in [0, " + std::to_string(num) + ")");
  char buf[48];
  std::snprintf(buf, sizeof buf, "-%05lld-of-%05lld", static_cast<long long>(shard), static_cast<long long>(num));
  k.outputs.push_back(Tensor(DType::kString, {}));
  k.outputs[0].strings()[0] = base + buf;
}

// StringJoin(inputs...; separator) of scalar strings.
void compute_string_join(KernelContext& k) {
  std::string out, sep = k.node.attr_or<std::string>("separator", "");
  for (std::size_t i = 0; i < k.inputs.size(); ++i) {
    if (i) out += sep;
    out += scalar_string(k.inputs[i], "StringJoin input");
  }
  k.outputs.push_back(Tensor(DType::kString, {}));
  k.outputs[0].strings()[0] = out;
}

// Pack(values...; axis): tensors of one shape stacked along a new axis, in [-(rank+1), rank].
std::int64_t pack_axis(std::int64_t axis, std::size_t rank, const std::function<void(const std::string&)>& error) {
  std::int64_t n = static_cast<std::int64_t>(rank) + 1;
  if (axis < -n || axis >= n)
    error("axis = " + std::to_string(axis) + " not in [" + std::to_string(-n) + ", " + std::to_string(n) + ")");
  return axis < 0 ? axis + n : axis;
}

void infer_pack(InferContext& c) {
  DType t = c.input_dtype(0);
  PartialShape s = c.input_shape(0);
  for (int i = 1; i < c.num_inputs(); ++i) {
    if (c.input_dtype(i) != t)
      fail(Code::kTypeError, "Pack needs inputs of one dtype; got " + std::string(dtype_name(t)) + " and " +
                                 dtype_name(c.input_dtype(i)));
    if (!s.compatible_with(c.input_shape(i)))
      c.value_error("Shapes " + s.python_string() + " and " + c.input_shape(i).python_string() + " are incompatible");
    // The merged shape: a dimension known in any input is known.
    if (!s.known_rank) s = c.input_shape(i);
    else if (c.input_shape(i).known_rank)
      for (std::size_t j = 0; j < s.dims.size(); ++j)
        if (s.dims[j] < 0) s.dims[j] = c.input_shape(i).dims[j];
  }
  std::int64_t axis = c.node.attr_or<std::int64_t>("axis", 0);
  if (!s.known_rank) { c.set_output(t, PartialShape::unknown()); return; }
  axis = pack_axis(axis, s.dims.size(), [&](const std::string& m) { c.value_error(m); });
  Dims d = s.dims;
  d.insert(d.begin() + axis, c.num_inputs());
  c.set_output(t, PartialShape::of(d));
}
void compute_pack(KernelContext& k) {
  const Tensor& first = k.inputs[0];
  std::int64_t axis = pack_axis(k.node.attr_or<std::int64_t>("axis", 0), first.shape().size(),
                                [](const std::string& m) { fail(Code::kInvalidArgument, m); });
  Dims d = first.shape();
  d.insert(d.begin() + axis, static_cast<std::int64_t>(k.inputs.size()));
  Tensor out(first.dtype(), d);
  // Each input is `outer` blocks of `inner` elements; block o of input i lands at (o * n + i) * inner.
  std::int64_t outer = 1, inner = 1;
  for (std::int64_t j = 0; j < static_cast<std::int64_t>(first.shape().size()); ++j)
    (j < axis ? outer : inner) *= first.shape()[j];
  std::int64_t n = static_cast<std::int64_t>(k.inputs.size());
  std::size_t es = first.dtype() == DType::kString ? 0 : dtype_size(first.dtype());
  for (std::int64_t i = 0; i < n; ++i) {
    const Tensor& x = k.inputs[i];
    require(x.shape() == first.shape(), Code::kInvalidArgument,
            "Shapes of all inputs must match: values[0].shape = " + dims_debug_string(first.shape()) + " != values[" +
                std::to_string(i) + "].shape = " + dims_debug_string(x.shape()));
    for (std::int64_t o = 0; o < outer && inner > 0; ++o) {
      std::int64_t from = o * inner, to = (o * n + i) * inner;
      if (x.dtype() == DType::kString) {
        for (std::int64_t j = 0; j < inner; ++j) out.strings()[to + j] = x.strings()[from + j];
      } else {
        std::memcpy(static_cast<char*>(out.raw()) + to * es, static_cast<const char*>(x.raw()) + from * es,
                    static_cast<std::size_t>(inner) * es);
      }
    }
  }
  k.outputs.push_back(std::move(out));
}

void infer_none(InferContext&) {}

}  // namespace

void register_io_ops() {
  register_op({"PlaceholderWithDefault", 1, 1, false, 0, false, infer_placeholder_with_default, compute_identity});
  register_op({"SaveV2", 4, -1, false, 0, false, infer_save, compute_save});
  register_op({"RestoreV2", 3, 3, false, 0, false, infer_restore, compute_restore});
  register_op({"MergeV2Checkpoints", 2, 2, false, 0, false, infer_merge, compute_merge});
  register_op({"ShardedFilename", 3, 3, false, 0, false, infer_scalar_string, compute_sharded_filename});
  register_op({"StringJoin", 1, -1, false, 0, false, infer_scalar_string, compute_string_join});
  register_op({"Pack", 1, -1, false, 0, false, infer_pack, compute_pack});
}

}  // namespace tfn
