#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>

#include "checkpoint/bundle.h"
#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

namespace {

Tensor strings(const Dims& dims, std::vector<std::string> values) {
  Tensor t(DType::kString, dims);
  for (std::size_t i = 0; i < values.size(); ++i) t.strings()[i] = values[i];
  return t;
}

Tensor ints(const Dims& dims, std::vector<std::int32_t> values) {
  Tensor t(DType::kInt32, dims);
  for (std::size_t i = 0; i < values.size(); ++i) t.data<std::int32_t>()[i] = values[i];
  return t;
}

std::string temp_prefix(const std::string& name) {
  std::random_device rd;
  return std::string(P_tmpdir) + "/tfn_io_" + std::to_string(rd()) + "_" + name;
}

void remove_checkpoint(const std::string& prefix, int shards = 1) {
  std::remove(bundle::index_filename(prefix).c_str());
  for (int i = 0; i < shards; ++i) std::remove(bundle::data_filename(prefix, i, shards).c_str());
}

}  // namespace

TEST_CASE("SaveV2 then RestoreV2 round-trips tensors through a checkpoint") {
  auto g = std::make_shared<Graph>();
  std::string prefix = temp_prefix("roundtrip");
  int path = constant(*g, "path", strings({}, {prefix}));
  int names = constant(*g, "names", strings({2}, {"a", "b"}));
  int slices = constant(*g, "slices", strings({2}, {"", ""}));
  int a = constant(*g, "a", floats({2, 2}, {1, 2, 3, 4}));
  int b = constant(*g, "b", ints({3}, {7, 8, 9}));
  int save = op(*g, "SaveV2", {{path, 0}, {names, 0}, {slices, 0}, {a, 0}, {b, 0}});
  AttrMap ra;
  ra["dtypes"] = Dims{static_cast<std::int64_t>(DType::kFloat), static_cast<std::int64_t>(DType::kInt32)};
  int restore = op(*g, "RestoreV2", {{path, 0}, {names, 0}, {slices, 0}}, ra);
  CHECK(g->node(restore).out_dtypes == std::vector<DType>{DType::kFloat, DType::kInt32});
  Session s(g);
  s.run({}, {save}, {});
  std::vector<Tensor> out = s.run({{restore, 0}, {restore, 1}}, {}, {});
  CHECK(out[0].shape() == Dims{2, 2});
  CHECK(out[0].data<float>()[3] == 4.0f);
  CHECK(out[1].data<std::int32_t>()[2] == 9);

  // A wrong dtype and a missing key are errors with TensorFlow's codes.
  AttrMap wrong;
  wrong["dtypes"] = Dims{static_cast<std::int64_t>(DType::kDouble), static_cast<std::int64_t>(DType::kInt32)};
  int bad = op(*g, "RestoreV2", {{path, 0}, {names, 0}, {slices, 0}}, wrong);
  try {
    s.run({{bad, 0}}, {}, {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
  }
  int missing_names = constant(*g, "missing", strings({1}, {"zzz"}));
  int one_slice = constant(*g, "one_slice", strings({1}, {""}));
  AttrMap one;
  one["dtypes"] = Dims{static_cast<std::int64_t>(DType::kFloat)};
  int miss = op(*g, "RestoreV2", {{path, 0}, {missing_names, 0}, {one_slice, 0}}, one);
  try {
    s.run({{miss, 0}}, {}, {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kNotFound);
  }
  remove_checkpoint(prefix);
}

TEST_CASE("MergeV2Checkpoints makes the shards of one checkpoint") {
  std::string p0 = temp_prefix("part0"), p1 = temp_prefix("part1"), dest = temp_prefix("merged");
  {
    bundle::Writer w(p0);
    w.add("x", floats({2}, {1, 2}));
    w.finish();
  }
  {
    bundle::Writer w(p1);
    w.add("y", floats({1}, {3}));
    w.finish();
  }
  auto g = std::make_shared<Graph>();
  int srcs = constant(*g, "srcs", strings({2}, {p0, p1}));
  int dst = constant(*g, "dst", strings({}, {dest}));
  int merge = op(*g, "MergeV2Checkpoints", {{srcs, 0}, {dst, 0}});
  Session s(g);
  s.run({}, {merge}, {});
  bundle::Reader r(dest);
  CHECK(r.num_shards() == 2);
  CHECK(r.entry("x").shard_id == 0);
  CHECK(r.entry("y").shard_id == 1);
  CHECK(r.read("y").data<float>()[0] == 3.0f);
  std::FILE* gone = std::fopen(bundle::index_filename(p0).c_str(), "rb");
  CHECK(gone == nullptr);
  if (gone) std::fclose(gone);
  remove_checkpoint(dest, 2);
}

TEST_CASE("ShardedFilename, StringJoin and Pack") {
  auto g = std::make_shared<Graph>();
  int base = constant(*g, "base", strings({}, {"/tmp/m"}));
  int suffix = constant(*g, "suffix", strings({}, {"_temp/part"}));
  AttrMap sep;
  sep["separator"] = std::string("");
  int join = op(*g, "StringJoin", {{base, 0}, {suffix, 0}}, sep);
  int shard = constant(*g, "shard", ints({}, {1}));
  int num = constant(*g, "num", ints({}, {3}));
  int name = op(*g, "ShardedFilename", {{join, 0}, {shard, 0}, {num, 0}});
  int pack = op(*g, "Pack", {{base, 0}, {name, 0}});
  CHECK(g->node(pack).out_shapes[0].dims == Dims{2});
  Session s(g);
  Tensor p = run1(s, pack);
  CHECK(p.strings()[0] == "/tmp/m");
  CHECK(p.strings()[1] == "/tmp/m_temp/part-00001-of-00003");
}

TEST_CASE("Pack stacks along any axis in [-(rank+1), rank]") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 3}, {0, 1, 2, 3, 4, 5}));
  int b = constant(*g, "b", floats({2, 3}, {10, 11, 12, 13, 14, 15}));
  AttrMap ax1, axm1, ax3;
  ax1["axis"] = std::int64_t(1);
  axm1["axis"] = std::int64_t(-1);
  ax3["axis"] = std::int64_t(3);
  int p1 = op(*g, "Pack", {{a, 0}, {b, 0}}, ax1);
  int pm1 = op(*g, "Pack", {{a, 0}, {b, 0}}, axm1);
  CHECK(g->node(p1).out_shapes[0].dims == Dims{2, 2, 3});
  CHECK(g->node(pm1).out_shapes[0].dims == Dims{2, 3, 2});
  Session s(g);
  Tensor t1 = run1(s, p1);
  CHECK(std::vector<float>(t1.data<float>(), t1.data<float>() + 12) ==
        std::vector<float>{0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15});
  Tensor tm1 = run1(s, pm1);
  CHECK(std::vector<float>(tm1.data<float>(), tm1.data<float>() + 12) ==
        std::vector<float>{0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15});
  try {
    op(*g, "Pack", {{a, 0}, {b, 0}}, ax3);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
  }
}

TEST_CASE("Slice and Tile copy boxes of a tensor; shapes come from constant operands") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "x", floats({3, 4}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  int begin = constant(*g, "begin", ints({2}, {1, 1}));
  int size = constant(*g, "size", ints({2}, {2, -1}));
  int sl = op(*g, "Slice", {{x, 0}, {begin, 0}, {size, 0}});
  CHECK(g->node(sl).out_shapes[0].dims == Dims{2, 3});
  int mult = constant(*g, "mult", ints({2}, {2, 1}));
  int tl = op(*g, "Tile", {{x, 0}, {mult, 0}});
  CHECK(g->node(tl).out_shapes[0].dims == Dims{6, 4});
  Session s(g);
  Tensor a = run1(s, sl);
  CHECK(std::vector<float>(a.data<float>(), a.data<float>() + 6) == std::vector<float>{5, 6, 7, 9, 10, 11});
  Tensor t = run1(s, tl);
  CHECK(t.data<float>()[12] == 0.0f);
  CHECK(t.data<float>()[23] == 11.0f);
  int too_big = constant(*g, "too_big", ints({2}, {4, 1}));
  try {
    op(*g, "Slice", {{x, 0}, {begin, 0}, {too_big, 0}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
  }
}

TEST_CASE("shape inference evaluates small constant subgraphs, not fed or stateful ones") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "x", floats({6}, {1, 2, 3, 4, 5, 6}));
  int s = constant(*g, "s", ints({2}, {2, 3}));
  int one = constant(*g, "one", ints({}, {1}));
  int prod = op(*g, "Mul", {{s, 0}, {one, 0}});
  int r = op(*g, "Reshape", {{x, 0}, {prod, 0}});
  CHECK(g->node(r).out_shapes[0].dims == Dims{2, 3});
  AttrMap pa;
  pa["dtype"] = DType::kInt32;
  pa["shape"] = PartialShape::of({2});
  int p = g->add_node("Placeholder", g->unique_name("p"), {}, {}, pa);
  int fed = op(*g, "Mul", {{p, 0}, {one, 0}});
  int r2 = op(*g, "Reshape", {{x, 0}, {fed, 0}});
  CHECK(g->node(r2).out_shapes[0].dims == Dims{-1, -1});
}
