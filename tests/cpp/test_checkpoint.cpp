#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "checkpoint/bundle.h"
#include "checkpoint/crc32c.h"
#include "checkpoint/snappy.h"
#include "checkpoint/table.h"
#include "checkpoint/variables_io.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

namespace {

std::string fixture(const std::string& rel) { return std::string(TFN_FIXTURES_DIR) + "/" + rel; }
bool have_fixtures() { return file_exists(fixture("serving_half_plus_two_export_v2/export.index")); }

std::string tmp_prefix(const std::string& name) {
  static int counter = 0;
  char buf[256];
  std::snprintf(buf, sizeof buf, "/tmp/tfn_ckpt_test_%d_%d_%s", static_cast<int>(std::random_device()() % 100000), counter++, name.c_str());
  return buf;
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
}

void cleanup(const std::string& prefix) {
  std::remove(bundle::index_filename(prefix).c_str());
  std::remove(bundle::data_filename(prefix, 0, 1).c_str());
}

}  // namespace

TEST_CASE("crc32c matches the standard check value and TensorFlow's masked values") {
  CHECK(crc32c::value("123456789", 9) == 0xE3069283u);
  float f = 0.5f;
  CHECK(crc32c::mask(crc32c::value(&f, 4)) == 0x1f273806u);
  f = 2.0f;
  CHECK(crc32c::mask(crc32c::value(&f, 4)) == 0x4f78fd10u);
  f = 0.0f;
  CHECK(crc32c::mask(crc32c::value(&f, 4)) == 0x3a117ba6u);
  CHECK(crc32c::unmask(crc32c::mask(0x12345678u)) == 0x12345678u);
  // Extending in pieces equals one pass, on lengths that exercise every code path.
  std::string big(100003, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7 + 3);
  std::uint32_t whole = crc32c::value(big.data(), big.size());
  std::uint32_t parts = crc32c::extend(crc32c::value(big.data(), 12345), big.data() + 12345, big.size() - 12345);
  CHECK(whole == parts);
}

TEST_CASE("short separators and successors follow LevelDB") {
  CHECK(table::short_successor("Variable_1") == "W");
  CHECK(table::short_successor("w") == "x");
  CHECK(table::short_successor(std::string("\xff\xff", 2)) == std::string("\xff\xff", 2));
  CHECK(table::shortest_separator("abcd", "abzz") == "abd");
  CHECK(table::shortest_separator("abc", "abcd") == "abc");
  CHECK(table::shortest_separator("ab1", "ab2") == "ab1");
}

TEST_CASE("snappy: literals, overlapping copies and malformed input") {
  // "abcabcabcabc": literal "abc" then copy offset 3 length 9 (1-byte offset form).
  std::string c;
  c.push_back(12);                    // uncompressed length
  c.push_back(static_cast<char>(2 << 2));  // literal, length 3
  c += "abc";
  c.push_back(static_cast<char>(((9 - 4) << 2) | 1));  // copy, len 9, offset high bits 0
  c.push_back(3);
  CHECK(snappy::uncompress(c.data(), c.size()) == "abcabcabcabc");
  std::string bad = c;
  bad[c.size() - 1] = 9;  // offset beyond output
  CHECK_THROWS_AS(snappy::uncompress(bad.data(), bad.size()), Error);
  CHECK_THROWS_AS(snappy::uncompress(c.data(), 3), Error);
}

TEST_CASE("two float scalars reproduce TensorFlow's Saver output byte for byte") {
  if (!have_fixtures()) { WARN("fixtures absent: skipped"); return; }
  std::string prefix = tmp_prefix("half_plus_two");
  {
    bundle::Writer w(prefix);
    w.add("Variable", floats({}, {0.5f}));
    w.add("Variable_1", floats({}, {2.0f}));
    w.finish();
  }
  CHECK(read_file(bundle::index_filename(prefix)) == read_file(fixture("serving_half_plus_two_export_v2/export.index")));
  CHECK(read_file(bundle::data_filename(prefix, 0, 1)) ==
        read_file(fixture("serving_half_plus_two_export_v2/export.data-00000-of-00001")));
  cleanup(prefix);
}

TEST_CASE("every TF1 float fixture is reproduced byte for byte from its own values") {
  if (!have_fixtures()) { WARN("fixtures absent: skipped"); return; }
  for (const char* dir : {"serving_saved_model_counter", "serving_saved_model_half_plus_three",
                          "serving_saved_model_half_plus_two_mkl", "tfrust_regression_model_2017",
                          "tfrust_regression_savedmodel_2018"}) {
    std::string src = fixture(std::string(dir) + "/variables");
    bundle::Reader r(src);
    std::string prefix = tmp_prefix(dir);
    {
      bundle::Writer w(prefix);
      for (const auto& kv : r.entries()) w.add(kv.first, r.read(kv.first));
      w.finish();
    }
    INFO(dir);
    CHECK(read_file(bundle::index_filename(prefix)) == read_file(bundle::index_filename(src)));
    CHECK(read_file(bundle::data_filename(prefix, 0, 1)) == read_file(bundle::data_filename(src, 0, 1)));
    cleanup(prefix);
  }
}

TEST_CASE("fixtures read with the values their README gives") {
  if (!have_fixtures()) { WARN("fixtures absent: skipped"); return; }
  bundle::Reader a(fixture("serving_half_plus_two_export_v2/export"));
  CHECK(a.read("Variable").data<float>()[0] == 0.5f);
  CHECK(a.read("Variable_1").data<float>()[0] == 2.0f);
  bundle::Reader b(fixture("tfrust_regression_model_2017/variables"));
  CHECK(b.read("w").data<float>()[0] == Approx(-0.8578622f));
  CHECK(b.read("w").shape() == Dims{1});
  // Snappy-compressed index block.
  bundle::Reader c(fixture("serving_saved_model_half_plus_two_cpu/variables"));
  CHECK(c.read("c2").data<float>()[0] == 3.0f);
  CHECK(c.read("a2").data<float>()[0] == 0.5f);
  bundle::Reader m(fixture("serving_saved_model_half_plus_two_mkl/variables"));
  bool rank4 = false;
  for (const auto& kv : m.entries())
    if (kv.second.shape == Dims{1, 1, 1, 1}) rank4 = true;
  CHECK(rank4);
  // TF2 files: strings, int64, unsorted data; each reads and checks.
  for (const char* dir : {"serving_saved_model_half_plus_two_tf2_cpu", "serving_tf_text_regression",
                          "tfrust_regression_savedmodel_tf25", "tfrust_keras_single_input"}) {
    bundle::Reader r(fixture(std::string(dir) + "/variables"));
    INFO(dir);
    CHECK(r.entries().size() > 0);
    for (const auto& kv : r.entries()) CHECK_NOTHROW(r.read(kv.first));
  }
  bundle::Reader k(fixture("tfrust_keras_single_input/variables"));
  CHECK(k.entries().size() == 28);
}

TEST_CASE("all dtypes, ranks 0 to 8, empty tensors and slashes round-trip") {
  std::string prefix = tmp_prefix("roundtrip");
  std::vector<std::pair<std::string, Tensor>> in;
  in.push_back({"a/scalar", floats({}, {1.25f})});
  Tensor d(DType::kDouble, {2, 3});
  for (int i = 0; i < 6; ++i) d.data<double>()[i] = i / 3.0;
  in.push_back({"b/double", d});
  Tensor i32(DType::kInt32, {4});
  for (int i = 0; i < 4; ++i) i32.data<std::int32_t>()[i] = -i;
  in.push_back({"c/int32", i32});
  Tensor i64(DType::kInt64, {1, 1, 2});
  i64.data<std::int64_t>()[0] = 1ll << 40;
  i64.data<std::int64_t>()[1] = -5;
  in.push_back({"d/int64", i64});
  Tensor b(DType::kBool, {3});
  b.data<bool>()[0] = true; b.data<bool>()[1] = false; b.data<bool>()[2] = true;
  in.push_back({"e/bool", b});
  Tensor s(DType::kString, {2, 2});
  s.strings() = {"", "hello", std::string("a\0b", 3), std::string(300, 'x')};
  in.push_back({"f/string", s});
  in.push_back({"g/empty", Tensor(DType::kFloat, {0, 3})});
  Tensor r8(DType::kFloat, {1, 2, 1, 2, 1, 2, 1, 2});
  for (int i = 0; i < 16; ++i) r8.data<float>()[i] = static_cast<float>(i);
  in.push_back({"h/rank8", r8});
  {
    bundle::Writer w(prefix);
    for (auto& kv : in) w.add(kv.first, kv.second);
    w.finish();
  }
  bundle::Reader r(prefix);
  for (auto& kv : in) {
    Tensor t = r.read(kv.first);
    INFO(kv.first);
    CHECK(t.dtype() == kv.second.dtype());
    CHECK(t.shape() == kv.second.shape());
    if (t.dtype() == DType::kString) CHECK(t.strings() == kv.second.strings());
    else CHECK(std::string(static_cast<const char*>(t.raw()), t.bytes()) ==
               std::string(static_cast<const char*>(kv.second.raw()), kv.second.bytes()));
  }
  CHECK_THROWS_WITH(r.read("zzz"), "Key zzz not found in checkpoint");
  cleanup(prefix);
}

TEST_CASE("indexes over 256 KiB span several data blocks") {
  std::string prefix = tmp_prefix("many");
  const int n = 12000;  // long keys: well over 262144 bytes of entries
  {
    bundle::Writer w(prefix);
    for (int i = 0; i < n; ++i) {
      char key[64];
      std::snprintf(key, sizeof key, "layer_%05d/some/long/variable/name", i);
      w.add(key, floats({1}, {static_cast<float>(i)}));
    }
    w.finish();
  }
  std::string index = read_file(bundle::index_filename(prefix));
  CHECK(index.size() > 262144);
  bundle::Reader r(prefix);
  CHECK(r.entries().size() == static_cast<std::size_t>(n));
  CHECK(r.read("layer_11999/some/long/variable/name").data<float>()[0] == 11999.0f);
  CHECK(r.read("layer_00000/some/long/variable/name").data<float>()[0] == 0.0f);
  cleanup(prefix);
}

TEST_CASE("a failed writer leaves no files behind, and never replaces a good checkpoint") {
  std::string prefix = tmp_prefix("keep");
  {
    bundle::Writer w(prefix);
    w.add("v", floats({}, {1}));
    w.finish();
  }
  std::string before = read_file(bundle::index_filename(prefix));
  {
    bundle::Writer w(prefix);
    w.add("v", floats({}, {2}));
    CHECK_THROWS(w.add("v", floats({}, {3})));  // duplicate key
    // destroyed without finish()
  }
  CHECK(read_file(bundle::index_filename(prefix)) == before);
  bundle::Reader r(prefix);
  CHECK(r.read("v").data<float>()[0] == 1.0f);
  cleanup(prefix);
}

TEST_CASE("session save and restore are all-or-nothing") {
  auto g = std::make_shared<Graph>();
  int v1 = variable(*g, "v1", DType::kFloat, {2});
  int v2 = variable(*g, "v2", DType::kFloat, {3});
  int c1 = constant(*g, "c1", floats({2}, {1, 2}));
  int c2 = constant(*g, "c2", floats({3}, {3, 4, 5}));
  int a1 = op(*g, "Assign", {{v1, 0}, {c1, 0}});
  int a2 = op(*g, "Assign", {{v2, 0}, {c2, 0}});
  Session s(g);
  std::string prefix = tmp_prefix("session");
  CHECK_THROWS_WITH(save_variables(s, prefix, {"v1"}, {v1}), "Attempting to use uninitialized value v1");
  CHECK_FALSE(file_exists(bundle::index_filename(prefix)));
  s.run({}, {a1, a2}, {});
  save_variables(s, prefix, {"v1", "v2"}, {v1, v2});
  Session fresh(g);
  restore_variables(fresh, prefix, {"v1", "v2"}, {v1, v2});
  CHECK(run1(fresh, v2).data<float>()[2] == 5.0f);
  // Restoring over values the session owns alone reads into their storage in place.
  const float* before = fresh.variable(v2)->data<float>();
  fresh.mutable_variable(v2)->data<float>()[2] = -1.0f;
  restore_variables(fresh, prefix, {"v2"}, {v2});
  CHECK(fresh.variable(v2)->data<float>() == before);
  CHECK(run1(fresh, v2).data<float>()[2] == 5.0f);
  Session other(g);
  // v2 read into v1's slot: a shape mismatch, and nothing is assigned.
  try {
    restore_variables(other, prefix, {"v1", "v2"}, {v1, v1});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
    CHECK(std::string(e.what()) == "Assign requires shapes of both tensors to match. lhs shape= [2] rhs shape= [3]");
  }
  CHECK(other.variable(v1) == nullptr);
  try {
    restore_variables(other, prefix, {"v1", "v3"}, {v1, v2});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kNotFound);
    CHECK(std::string(e.what()) == "Key v3 not found in checkpoint");
  }
  CHECK(other.variable(v1) == nullptr);
  cleanup(prefix);
}

TEST_CASE("checkpoint state files: format, escapes, TF2 fields") {
  CheckpointState s;
  s.model_checkpoint_path = "/tmp/model.ckpt-2";
  s.all_model_checkpoint_paths = {"/tmp/model.ckpt-1", "/tmp/model.ckpt-2"};
  std::string text = format_checkpoint_state(s);
  CHECK(text == "model_checkpoint_path: \"/tmp/model.ckpt-2\"\nall_model_checkpoint_paths: \"/tmp/model.ckpt-1\"\n"
                "all_model_checkpoint_paths: \"/tmp/model.ckpt-2\"\n");
  CheckpointState back = parse_checkpoint_state(text + "all_model_checkpoint_timestamps: 1.5\nlast_preserved_timestamp: 2.5\n", "x");
  CHECK(back.all_model_checkpoint_paths.size() == 2);
  CHECK(back.last_preserved_timestamp == 2.5);
  CheckpointState q;
  q.model_checkpoint_path = "a\"b\\c\n\xc3\xa9";
  CHECK(parse_checkpoint_state(format_checkpoint_state(q), "x").model_checkpoint_path == q.model_checkpoint_path);
  CHECK_THROWS_AS(parse_checkpoint_state("model_checkpoint_path /x\n", "x"), Error);
  if (have_fixtures()) {
    CheckpointState v1 = parse_checkpoint_state(read_file(fixture("v1_serving_bad_half_plus_two/checkpoint")), "c");
    CHECK(!v1.model_checkpoint_path.empty());
  }
}

TEST_CASE("V1 checkpoints and non-checkpoints fail cleanly") {
  if (!have_fixtures()) { WARN("fixtures absent: skipped"); return; }
  // A V1 file is a table but has no .index beside it.
  CHECK_THROWS_AS(bundle::Reader(fixture("v1_serving_session_bundle_half_plus_two/export-00000-of-00001")), Error);
  std::string prefix = tmp_prefix("junk");
  write_bytes(bundle::index_filename(prefix), "this is not a table at all, not even close to it, no.");
  try {
    bundle::Reader r(prefix);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kDataLoss);
  }
  std::remove(bundle::index_filename(prefix).c_str());
}

TEST_CASE("randomized corruption of real and generated checkpoints never crashes") {
  std::vector<std::string> sources;
  std::string gen = tmp_prefix("fuzzsrc");
  {
    bundle::Writer w(gen);
    Tensor s(DType::kString, {3});
    s.strings() = {"alpha", "", "gamma"};
    w.add("s", s);
    w.add("x", floats({2, 2}, {1, 2, 3, 4}));
    Tensor i(DType::kInt64, {2});
    i.data<std::int64_t>()[0] = 7; i.data<std::int64_t>()[1] = 8;
    w.add("y/int", i);
    w.finish();
  }
  sources.push_back(gen);
  if (have_fixtures())
    for (const char* p : {"serving_half_plus_two_export_v2/export", "serving_saved_model_half_plus_two_cpu/variables",
                          "serving_saved_model_half_plus_two_tf2_cpu/variables", "tfrust_keras_single_input/variables"})
      sources.push_back(fixture(p));
  std::mt19937 rng(1234);
  std::string work = tmp_prefix("fuzz");
  int cases = 0, errors = 0;
  for (const auto& src : sources) {
    std::string index = read_file(bundle::index_filename(src));
    std::string data = read_file(bundle::data_filename(src, 0, 1));
    for (int iter = 0; iter < 700; ++iter) {
      std::string idx = index, dat = data;
      std::string& target = (iter % 3 == 0) ? dat : idx;
      int kind = static_cast<int>(rng() % 3);
      if (kind == 0 && !target.empty()) {
        int flips = 1 + static_cast<int>(rng() % 4);
        for (int f = 0; f < flips; ++f) target[rng() % target.size()] ^= static_cast<char>(1 << (rng() % 8));
      } else if (kind == 1) {
        target.resize(target.empty() ? 0 : rng() % target.size());
      } else {
        for (int e = 0, m = 1 + static_cast<int>(rng() % 64); e < m; ++e) target.push_back(static_cast<char>(rng()));
      }
      write_bytes(bundle::index_filename(work), idx);
      write_bytes(bundle::data_filename(work, 0, 1), dat);
      ++cases;
      try {
        bundle::Reader r(work);
        for (const auto& kv : r.entries()) r.read(kv.first);
      } catch (const Error&) {
        ++errors;
      }
    }
  }
  cleanup(work);
  cleanup(gen);
  CHECK(cases >= 700);
  CHECK(errors > cases / 2);  // most corruptions are detected (some only touch unused bytes)
}

TEST_CASE("saving and restoring in small steps equals doing it at once") {
  auto g = std::make_shared<Graph>();
  int a = variable(*g, "a", DType::kFloat, {1000});
  int b = variable(*g, "b", DType::kDouble, {3});
  int s = variable(*g, "s", DType::kString, {2});
  Tensor av(DType::kFloat, {1000});
  for (int i = 0; i < 1000; ++i) av.data<float>()[i] = static_cast<float>(i) / 7;
  Tensor bv(DType::kDouble, {3});
  for (int i = 0; i < 3; ++i) bv.data<double>()[i] = i * 1.5;
  Tensor sv(DType::kString, {2});
  sv.strings() = {"x", "yz"};
  Session sess(g);
  sess.set_variable(a, av);
  sess.set_variable(b, bv);
  sess.set_variable(s, sv);
  std::string one = tmp_prefix("once"), many = tmp_prefix("steps");
  save_variables(sess, one, {"a", "b", "s"}, {a, b, s});
  SaveJob job(sess, many, {"a", "b", "s"}, {a, b, s});
  int steps = 0;
  double last = -1;
  while (!job.step(333)) {
    ++steps;
    CHECK(job.fraction() >= last);
    last = job.fraction();
  }
  CHECK(steps > 5);
  CHECK(read_file(bundle::index_filename(one)) == read_file(bundle::index_filename(many)));
  CHECK(read_file(bundle::data_filename(one, 0, 1)) == read_file(bundle::data_filename(many, 0, 1)));
  Session fresh(g);
  RestoreJob rj(fresh, many, {"a", "b", "s"}, {a, b, s});
  steps = 0;
  while (!rj.step(500)) {
    ++steps;
    if (steps < 5) CHECK(fresh.variable(a) == nullptr);  // nothing assigned while verifying
  }
  CHECK(steps > 5);
  CHECK(fresh.variable(a)->data<float>()[999] == av.data<float>()[999]);
  CHECK(fresh.variable(s)->strings() == sv.strings());
  cleanup(one);
  cleanup(many);
}
