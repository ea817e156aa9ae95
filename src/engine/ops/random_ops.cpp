// Random ops, counter-based (Philox) and split across threads with results
// that do not depend on the split.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wignored-attributes"  // Eigen 3.3 packet types, as in math_ops.cpp
#endif
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

#include "../op_registry.h"
#include "shape_util.h"
#include "../philox.h"
#include "../session.h"

namespace tfn {

namespace {

void infer_random(InferContext& c) {
  DType t = c.node.attr<DType>("dtype");
  bool ints_ok = c.node.type == "RandomUniform";
  if (!(dtype_is_floating(t) || (ints_ok && dtype_is_integer(t))))
    fail(Code::kTypeError, std::string("Invalid dtype ") + dtype_name(t) + " for " + c.node.type);
  PartialShape shape = c.num_inputs() > 0 ? shape_from_input(c, 0, "shape") : PartialShape::of(c.node.attr<Dims>("shape"));
  if (shape.fully_defined()) checked_num_elements(shape.dims);
  c.set_output(t, shape);
}

// The op's generator for this run: its seeds, advanced past what earlier runs drew.
Philox generator_for(KernelContext& k, std::uint64_t blocks_this_run) {
  std::uint64_t seed = static_cast<std::uint64_t>(k.node.attr<std::int64_t>("seed"));
  std::uint64_t seed2 = static_cast<std::uint64_t>(k.node.attr<std::int64_t>("seed2"));
  if (seed == 0 && seed2 == 0) {
    // Unseeded: different in every session, as in TensorFlow.
    seed = k.session.session_entropy();
    seed2 = static_cast<std::uint64_t>(k.node.id) * 0x9E3779B97F4A7C15ull + 1;
  }
  Philox gen(seed, seed2);
  std::uint64_t& used = k.session.random_counter(k.node.id);
  gen.skip(used);
  used += blocks_this_run;
  return gen;
}

// Runs body(begin_block, end_block, generator at begin_block) over [0, blocks) on up to 2+ threads.
template <typename Body>
void parallel_blocks(const Philox& gen, std::uint64_t blocks, Body body) {
  unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  std::uint64_t min_per_thread = 1 << 16;
  unsigned n_threads = static_cast<unsigned>(std::min<std::uint64_t>(hw, std::max<std::uint64_t>(1, blocks / min_per_thread)));
  if (n_threads <= 1) { body(0, blocks, gen); return; }
  std::vector<std::thread> threads;
  std::uint64_t per = (blocks + n_threads - 1) / n_threads;
  for (unsigned t = 0; t < n_threads; ++t) {
    std::uint64_t b = t * per, e = std::min(blocks, b + per);
    if (b >= e) break;
    Philox g = gen;
    g.skip(b);
    threads.emplace_back([=]() mutable { body(b, e, g); });
  }
  for (auto& th : threads) th.join();
}

// Float normals for Philox blocks [b, e) (4 outputs each), Box-Muller done with
// Eigen's vectorized log/sqrt/sin/cos on batches of uniforms.
void normal_batch_float(Philox g, std::uint64_t b, std::uint64_t e, std::uint64_t n, float m, float s, float* p) {
  constexpr std::uint64_t kBatch = 1024;  // blocks per batch: 2048 Box-Muller pairs
  using Arr = Eigen::Array<float, Eigen::Dynamic, 1>;
  Arr u1(2 * kBatch), u2(2 * kBatch), r(2 * kBatch), v(2 * kBatch), z0(2 * kBatch), z1(2 * kBatch);
  for (std::uint64_t start = b; start < e; start += kBatch) {
    std::uint64_t nb = std::min(kBatch, e - start);
    // Whole arrays every time (a multiple of the SIMD width): each value then comes from the
    // same vector code wherever the batch or thread boundaries fall.
    if (nb < kBatch) {
      u1.setConstant(0.5f);
      u2.setConstant(0.5f);
    }
    for (std::uint64_t j = 0; j < nb; ++j) {
      Philox::Block x = g.next();
      u1[2 * j] = uint32_to_float(x[0]);
      u2[2 * j] = uint32_to_float(x[1]);
      u1[2 * j + 1] = uint32_to_float(x[2]);
      u2[2 * j + 1] = uint32_to_float(x[3]);
    }
    r = (u1.max(1.0e-7f).log() * -2.0f).sqrt();
    v = u2 * 6.2831853071795864f;
    z0 = v.sin() * r;
    z1 = v.cos() * r;
    std::uint64_t base = start * 4;
    std::uint64_t lim = std::min<std::uint64_t>(4 * nb, n - base);
    for (std::uint64_t q = 0; 2 * q < lim; ++q) {
      p[base + 2 * q] = m + s * z0[static_cast<Eigen::Index>(q)];
      if (2 * q + 1 < lim) p[base + 2 * q + 1] = m + s * z1[static_cast<Eigen::Index>(q)];
    }
  }
}

template <typename T>
void normal_fill(KernelContext& k, Tensor& out) {
  double mean = k.node.attr<double>("mean"), stddev = k.node.attr<double>("stddev");
  std::uint64_t n = static_cast<std::uint64_t>(out.size());
  constexpr std::uint64_t per_block = std::is_same_v<T, float> ? 4 : 2;
  std::uint64_t blocks = (n + per_block - 1) / per_block;
  Philox gen = generator_for(k, blocks);
  T* p = out.data<T>();
  T m = static_cast<T>(mean), s = static_cast<T>(stddev);
  if constexpr (std::is_same_v<T, float>) {
    parallel_blocks(gen, blocks, [=](std::uint64_t b, std::uint64_t e, Philox g) { normal_batch_float(g, b, e, n, m, s, p); });
    return;
  }
  parallel_blocks(gen, blocks, [=](std::uint64_t b, std::uint64_t e, Philox g) {
    T z[4];
    for (std::uint64_t blk = b; blk < e; ++blk) {
      Philox::Block x = g.next();
      if constexpr (std::is_same_v<T, float>) {
        box_muller<float>(uint32_to_float(x[0]), uint32_to_float(x[1]), &z[0], &z[1]);
        box_muller<float>(uint32_to_float(x[2]), uint32_to_float(x[3]), &z[2], &z[3]);
      } else {
        box_muller<double>(uint64_to_double(x[0], x[1]), uint64_to_double(x[2], x[3]), &z[0], &z[1]);
      }
      std::uint64_t base = blk * per_block;
      std::uint64_t lim = std::min<std::uint64_t>(per_block, n - base);
      for (std::uint64_t j = 0; j < lim; ++j) p[base + j] = m + s * z[j];
    }
  });
}

// Truncated normal: values beyond two standard deviations are drawn again.
// Each group of 64 outputs has its own substream, so threads need no coordination.
template <typename T>
void truncated_fill(KernelContext& k, Tensor& out) {
  double mean = k.node.attr<double>("mean"), stddev = k.node.attr<double>("stddev");
  std::uint64_t n = static_cast<std::uint64_t>(out.size());
  constexpr std::uint64_t group = 64;
  std::uint64_t groups = (n + group - 1) / group;
  Philox gen = generator_for(k, 1);
  T* p = out.data<T>();
  T m = static_cast<T>(mean), s = static_cast<T>(stddev);
  parallel_blocks(gen, groups, [=](std::uint64_t b, std::uint64_t e, Philox) {
    for (std::uint64_t gi = b; gi < e; ++gi) {
      Philox g = gen;
      g.substream(gi + 1);
      std::uint64_t base = gi * group, lim = std::min(group, n - base), j = 0;
      while (j < lim) {
        Philox::Block x = g.next();
        T z[2];
        if constexpr (std::is_same_v<T, float>)
          box_muller<float>(uint32_to_float(x[0]), uint32_to_float(x[1]), &z[0], &z[1]);
        else
          box_muller<double>(uint64_to_double(x[0], x[1]), uint64_to_double(x[2], x[3]), &z[0], &z[1]);
        for (int q = 0; q < 2 && j < lim; ++q)
          if (std::abs(z[q]) < T(2)) p[base + j++] = m + s * z[q];
      }
    }
  });
}

template <typename T>
void uniform_fill(KernelContext& k, Tensor& out) {
  double lo = k.node.attr<double>("minval"), hi = k.node.attr<double>("maxval");
  std::uint64_t n = static_cast<std::uint64_t>(out.size());
  constexpr bool is_double = std::is_same_v<T, double>;
  constexpr bool is_int64 = std::is_same_v<T, std::int64_t>;
  // float64 and int64 values take two 32-bit draws each, the others one.
  constexpr std::uint64_t per_block = (is_double || is_int64) ? 2 : 4;
  // Integer bounds (checked to fit and to satisfy lo < hi before this runs); the range is
  // computed in unsigned 64-bit arithmetic, so the widest int64 range does not overflow.
  std::int64_t ilo = 0;
  std::uint64_t range = 1;
  if constexpr (std::is_integral_v<T>) {
    ilo = static_cast<std::int64_t>(lo);
    range = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi)) - static_cast<std::uint64_t>(ilo);
  }
  std::uint64_t blocks = (n + per_block - 1) / per_block;
  Philox gen = generator_for(k, blocks);
  T* p = out.data<T>();
  parallel_blocks(gen, blocks, [=](std::uint64_t b, std::uint64_t e, Philox g) {
    for (std::uint64_t blk = b; blk < e; ++blk) {
      Philox::Block x = g.next();
      std::uint64_t base = blk * per_block;
      std::uint64_t lim = std::min<std::uint64_t>(per_block, n - base);
      for (std::uint64_t j = 0; j < lim; ++j) {
        if constexpr (is_double) {
          p[base + j] = lo + (hi - lo) * uint64_to_double(x[2 * j], x[2 * j + 1]);
        } else if constexpr (std::is_same_v<T, float>) {
          p[base + j] = static_cast<float>(lo) + static_cast<float>(hi - lo) * uint32_to_float(x[j]);
        } else if constexpr (is_int64) {
          // Integers in [lo, hi): TensorFlow's modulo reduction of a 64-bit draw.
          std::uint64_t draw = (static_cast<std::uint64_t>(x[2 * j]) << 32) | x[2 * j + 1];
          p[base + j] = static_cast<T>(static_cast<std::uint64_t>(ilo) + draw % range);
        } else {
          // Integers in [lo, hi): TensorFlow's modulo reduction of a 32-bit draw.
          p[base + j] = static_cast<T>(ilo + static_cast<std::int64_t>(x[j] % range));
        }
      }
    }
  });
}

void compute_random(KernelContext& k) {
  DType t = k.node.attr<DType>("dtype");
  Tensor out(t, shape_operand(k, 0));
  const std::string& type = k.node.type;
  if (type == "RandomNormal") {
    if (t == DType::kFloat) normal_fill<float>(k, out); else normal_fill<double>(k, out);
  } else if (type == "TruncatedNormal") {
    if (t == DType::kFloat) truncated_fill<float>(k, out); else truncated_fill<double>(k, out);
  } else {
    // As TensorFlow's kernel: an empty output needs no valid range, so the check comes after.
    if (dtype_is_integer(t) && out.size() > 0) {
      auto lo = static_cast<std::int64_t>(k.node.attr<double>("minval"));
      auto hi = static_cast<std::int64_t>(k.node.attr<double>("maxval"));
      require(lo < hi, Code::kInvalidArgument,
              "Need minval < maxval, got " + std::to_string(lo) + " >= " + std::to_string(hi));
    }
    switch (t) {
      case DType::kFloat: uniform_fill<float>(k, out); break;
      case DType::kDouble: uniform_fill<double>(k, out); break;
      case DType::kInt32: uniform_fill<std::int32_t>(k, out); break;
      default: uniform_fill<std::int64_t>(k, out); break;
    }
  }
  k.outputs.push_back(std::move(out));
}

}  // namespace

void register_random_ops() {
  register_op({"RandomNormal", 0, 1, false, 0, false, infer_random, compute_random});
  register_op({"TruncatedNormal", 0, 1, false, 0, false, infer_random, compute_random});
  register_op({"RandomUniform", 0, 1, false, 0, false, infer_random, compute_random});
}

}  // namespace tfn
