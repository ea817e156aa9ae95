#include <catch2/catch.hpp>

#include <cmath>

#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

namespace {
AttrMap random_attrs(Dims dims, std::int64_t seed, std::int64_t seed2, DType t = DType::kFloat) {
  AttrMap a;
  a["shape"] = dims;
  a["dtype"] = t;
  a["mean"] = 0.0;
  a["stddev"] = 1.0;
  a["seed"] = seed;
  a["seed2"] = seed2;
  return a;
}
}  // namespace

TEST_CASE("variables live in the session and need initialization") {
  auto g = std::make_shared<Graph>();
  int v = variable(*g, "v", DType::kFloat, {2});
  int c = constant(*g, "c", floats({2}, {1, 2}));
  int assign = op(*g, "Assign", {{v, 0}, {c, 0}});
  Session s1(g), s2(g);
  try {
    run1(s1, v);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kFailedPrecondition);
    CHECK(std::string(e.what()) == "Attempting to use uninitialized value v");
  }
  s1.run({}, {assign}, {});
  Tensor x = run1(s1, v);
  CHECK(x.data<float>()[1] == 2.0f);
  CHECK_THROWS_AS(run1(s2, v), Error);  // independent state
}

TEST_CASE("assign_add changes the variable without touching shared constants") {
  auto g = std::make_shared<Graph>();
  int v = variable(*g, "v", DType::kFloat, {2});
  int c = constant(*g, "c", floats({2}, {1, 2}));
  int assign = op(*g, "Assign", {{v, 0}, {c, 0}});
  int add = op(*g, "AssignAdd", {{v, 0}, {c, 0}});
  Session s(g);
  s.run({}, {assign}, {});
  Tensor held = run1(s, v);  // a fetched value shares storage
  s.run({}, {add}, {});
  CHECK(run1(s, v).data<float>()[1] == 4.0f);
  CHECK(held.data<float>()[1] == 2.0f);
  CHECK(run1(s, c).data<float>()[1] == 2.0f);
}

TEST_CASE("runtime assign shape mismatch is InvalidArgument with TensorFlow's text") {
  auto g = std::make_shared<Graph>();
  int v = variable(*g, "v", DType::kFloat, {6});
  AttrMap ph;
  ph["dtype"] = DType::kFloat;
  ph["shape"] = PartialShape::of({-1});
  int p = g->add_node("Placeholder", "p", {}, {}, ph);
  int assign = op(*g, "Assign", {{v, 0}, {p, 0}});
  Session s(g);
  try {
    s.run({}, {assign}, {{{p, 0}, floats({2}, {1, 2})}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
    CHECK(std::string(e.what()) == "Assign requires shapes of both tensors to match. lhs shape= [6] rhs shape= [2]");
  }
}

TEST_CASE("feeds are checked against the placeholder's shape") {
  auto g = std::make_shared<Graph>();
  AttrMap ph;
  ph["dtype"] = DType::kFloat;
  ph["shape"] = PartialShape::of({2});
  int x = g->add_node("Placeholder", "x", {}, {}, ph);
  int two = constant(*g, "two", floats({}, {2}));
  int y = op(*g, "Mul", {{x, 0}, {two, 0}});
  Session s(g);
  Tensor out = s.run({{y, 0}}, {}, {{{x, 0}, floats({2}, {1, 3})}})[0];
  CHECK(out.data<float>()[1] == 6.0f);
  try {
    s.run({{y, 0}}, {}, {{{x, 0}, floats({3}, {1, 2, 3})}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
    CHECK(std::string(e.what()) == "Cannot feed value of shape (3,) for Tensor 'x:0', which has shape '(2,)'");
  }
  try {
    run1(s, y);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
    CHECK(std::string(e.what()).find("You must feed a value for placeholder tensor 'x'") == 0);
  }
}

TEST_CASE("each op runs once per run: one random draw feeds two consumers") {
  auto g = std::make_shared<Graph>();
  int r = g->add_node("RandomNormal", "r", {}, {}, random_attrs({1000}, 0, 0));
  int a = op(*g, "Identity", {{r, 0}});
  int b = op(*g, "Identity", {{r, 0}});
  Session s(g);
  auto out = s.run({{a, 0}, {b, 0}}, {}, {});
  for (int i = 0; i < 1000; ++i) REQUIRE(out[0].data<float>()[i] == out[1].data<float>()[i]);
  // A second run draws new numbers.
  Tensor again = run1(s, a);
  CHECK(again.data<float>()[0] != out[0].data<float>()[0]);
  CHECK(s.cached_plans() == 2);
}

TEST_CASE("seeded random ops repeat across sessions and are normal") {
  auto g = std::make_shared<Graph>();
  int r = g->add_node("RandomNormal", "r", {}, {}, random_attrs({200000}, 1, 2));
  Session s1(g), s2(g);
  Tensor a = run1(s1, r), b = run1(s2, r);
  double sum = 0, sq = 0;
  for (int i = 0; i < 200000; ++i) {
    REQUIRE(a.data<float>()[i] == b.data<float>()[i]);
    sum += a.data<float>()[i];
    sq += a.data<float>()[i] * a.data<float>()[i];
  }
  double mean = sum / 200000, sd = std::sqrt(sq / 200000 - mean * mean);
  CHECK(std::abs(mean) < 0.01);
  CHECK(std::abs(sd - 1) < 0.01);
}

TEST_CASE("the threaded random fill equals the single-threaded one") {
  auto g = std::make_shared<Graph>();
  // 2^20 values: split across threads; 10 values: one thread. Same stream prefix.
  int big = g->add_node("RandomNormal", "big", {}, {}, random_attrs({1 << 20}, 5, 6));
  int small = g->add_node("RandomNormal", "small", {}, {}, random_attrs({10}, 5, 6));
  Session s(g);
  Tensor a = run1(s, big), b = run1(s, small);
  for (int i = 0; i < 10; ++i) CHECK(a.data<float>()[i] == b.data<float>()[i]);
}

TEST_CASE("truncated normal stays within two standard deviations") {
  auto g = std::make_shared<Graph>();
  AttrMap a = random_attrs({100000}, 3, 4, DType::kDouble);
  a["stddev"] = 0.5;
  int r = g->add_node("TruncatedNormal", "t", {}, {}, a);
  Session s(g);
  Tensor t = run1(s, r);
  for (int i = 0; i < 100000; ++i) REQUIRE(std::abs(t.data<double>()[i]) < 1.0);
}

TEST_CASE("uniform integers fall from minval up to maxval") {
  auto g = std::make_shared<Graph>();
  AttrMap a;
  a["shape"] = Dims{5000};
  a["dtype"] = DType::kInt32;
  a["minval"] = -3.0;
  a["maxval"] = 4.0;
  a["seed"] = std::int64_t(1);
  a["seed2"] = std::int64_t(1);
  int r = g->add_node("RandomUniform", "u", {}, {}, a);
  Session s(g);
  Tensor t = run1(s, r);
  int lo = 100, hi = -100;
  for (int i = 0; i < 5000; ++i) { lo = std::min(lo, t.data<std::int32_t>()[i]); hi = std::max(hi, t.data<std::int32_t>()[i]); }
  CHECK(lo == -3);
  CHECK(hi == 3);
}

TEST_CASE("a closed session refuses to run") {
  auto g = std::make_shared<Graph>();
  int c = constant(*g, "c", floats({}, {1}));
  Session s(g);
  s.close();
  try {
    run1(s, c);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kRuntimeError);
    CHECK(std::string(e.what()) == "Attempted to use a closed Session.");
  }
}

TEST_CASE("initialized_value falls back to the initial value") {
  auto g = std::make_shared<Graph>();
  int v = variable(*g, "v", DType::kFloat, {1});
  int c = constant(*g, "c", floats({1}, {5}));
  int iv = op(*g, "InitializedValue", {{v, 0}, {c, 0}});
  int set = op(*g, "Assign", {{v, 0}, {op(*g, "Const", {}, {{"dtype", DType::kFloat}, {"value", floats({1}, {9})}}), 0}});
  int init = op(*g, "IsVariableInitialized", {{v, 0}});
  int report = g->add_node("ReportUninitializedVariables", "report", {{v, 0}}, {}, {});
  Session s(g);
  CHECK(run1(s, iv).data<float>()[0] == 5.0f);
  CHECK(run1(s, init).data<bool>()[0] == false);
  CHECK(run1(s, report).strings() == std::vector<std::string>{"v"});
  s.run({}, {set}, {});
  CHECK(run1(s, iv).data<float>()[0] == 9.0f);
  CHECK(run1(s, init).data<bool>()[0] == true);
  CHECK(run1(s, report).size() == 0);
}

TEST_CASE("long chains run without deep recursion") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "one", floats({}, {1}));
  int acc = x;
  for (int i = 0; i < 20000; ++i) acc = op(*g, "Add", {{acc, 0}, {x, 0}});
  Session s(g);
  CHECK(run1(s, acc).data<float>()[0] == 20001.0f);
}

TEST_CASE("CountUpTo returns the old value and stops at its limit") {
  auto g = std::make_shared<Graph>();
  int v = variable(*g, "v", DType::kInt32, {});
  tfn::Tensor zero(DType::kInt32, {});
  zero.data<std::int32_t>()[0] = 0;
  int init = op(*g, "Assign", {{v, 0}, {constant(*g, "zero", zero), 0}});
  int count = op(*g, "CountUpTo", {{v, 0}}, {{"limit", std::int64_t(2)}});
  Session s(g);
  s.run({}, {init}, {});
  CHECK(run1(s, count).data<std::int32_t>()[0] == 0);
  CHECK(run1(s, count).data<std::int32_t>()[0] == 1);
  try {
    run1(s, count);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kOutOfRange);
    CHECK(std::string(e.what()) == "Reached limit of 2");
  }
  CHECK(run1(s, v).data<std::int32_t>()[0] == 2);
}

TEST_CASE("VariableRanks reads each variable, failing on an uninitialized one") {
  auto g = std::make_shared<Graph>();
  int a = variable(*g, "a", DType::kFloat, {2});
  int b = variable(*g, "b", DType::kFloat, {});
  int ranks = op(*g, "VariableRanks", {{a, 0}, {b, 0}});
  int set_a = op(*g, "Assign", {{a, 0}, {constant(*g, "ca", floats({2}, {1, 2})), 0}});
  int set_b = op(*g, "Assign", {{b, 0}, {constant(*g, "cb", floats({}, {3})), 0}});
  Session s(g);
  s.run({}, {set_a}, {});
  try {
    run1(s, ranks);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kFailedPrecondition);
    CHECK(std::string(e.what()) == "Attempting to use uninitialized value b");
  }
  s.run({}, {set_b}, {});
  Tensor r = run1(s, ranks);
  CHECK(r.shape() == tfn::Dims{2});
  CHECK(r.data<std::int32_t>()[0] == 1);
  CHECK(r.data<std::int32_t>()[1] == 0);
}
