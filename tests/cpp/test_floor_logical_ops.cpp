#include <catch2/catch.hpp>

#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

namespace {

Tensor ints(const Dims& dims, std::vector<std::int32_t> values) {
  Tensor t(DType::kInt32, dims);
  for (std::size_t i = 0; i < values.size(); ++i) t.data<std::int32_t>()[i] = values[i];
  return t;
}

Tensor bools(const Dims& dims, std::vector<bool> values) {
  Tensor t(DType::kBool, dims);
  for (std::size_t i = 0; i < values.size(); ++i) t.data<bool>()[i] = values[i];
  return t;
}

}  // namespace

TEST_CASE("FloorMod and FloorDiv round toward minus infinity") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "x", ints({4}, {7, -7, 7, -7}));
  int y = constant(*g, "y", ints({4}, {3, 3, -3, -3}));
  Session s(g);
  Tensor m = run1(s, op(*g, "FloorMod", {{x, 0}, {y, 0}}));
  CHECK(std::vector<std::int32_t>(m.data<std::int32_t>(), m.data<std::int32_t>() + 4) ==
        std::vector<std::int32_t>{1, 2, -2, -1});
  Tensor d = run1(s, op(*g, "FloorDiv", {{x, 0}, {y, 0}}));
  CHECK(std::vector<std::int32_t>(d.data<std::int32_t>(), d.data<std::int32_t>() + 4) ==
        std::vector<std::int32_t>{2, -3, -3, 2});
  int xf = constant(*g, "xf", floats({2}, {7.5f, -7.5f}));
  int yf = constant(*g, "yf", floats({1}, {2.0f}));
  Tensor mf = run1(s, op(*g, "FloorMod", {{xf, 0}, {yf, 0}}));
  CHECK(mf.data<float>()[0] == 1.5f);
  CHECK(mf.data<float>()[1] == 0.5f);
  int zero = constant(*g, "zero", ints({}, {0}));
  int bad = op(*g, "FloorMod", {{x, 0}, {zero, 0}});
  try {
    run1(s, bad);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
  }
}

TEST_CASE("LogicalAnd, LogicalOr and LogicalNot broadcast over bools") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", bools({2, 2}, {true, true, false, false}));
  int b = constant(*g, "b", bools({2}, {true, false}));
  Session s(g);
  Tensor t = run1(s, op(*g, "LogicalAnd", {{a, 0}, {b, 0}}));
  CHECK(t.shape() == Dims{2, 2});
  CHECK(t.data<bool>()[0]);
  CHECK_FALSE(t.data<bool>()[1]);
  Tensor o = run1(s, op(*g, "LogicalOr", {{a, 0}, {b, 0}}));
  CHECK(o.data<bool>()[2]);
  CHECK_FALSE(o.data<bool>()[3]);
  Tensor n = run1(s, op(*g, "LogicalNot", {{b, 0}}));
  CHECK_FALSE(n.data<bool>()[0]);
  CHECK(n.data<bool>()[1]);
  int f = constant(*g, "f", floats({1}, {1}));
  try {
    op(*g, "LogicalNot", {{f, 0}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kTypeError);
  }
}

TEST_CASE("TruncateMod and TruncateDiv round toward zero (TruncateDiv has no float kernel)") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "x", ints({4}, {7, -7, 7, -7}));
  int y = constant(*g, "y", ints({4}, {3, 3, -3, -3}));
  Session s(g);
  Tensor m = run1(s, op(*g, "TruncateMod", {{x, 0}, {y, 0}}));
  CHECK(std::vector<std::int32_t>(m.data<std::int32_t>(), m.data<std::int32_t>() + 4) ==
        std::vector<std::int32_t>{1, -1, 1, -1});
  Tensor d = run1(s, op(*g, "TruncateDiv", {{x, 0}, {y, 0}}));
  CHECK(std::vector<std::int32_t>(d.data<std::int32_t>(), d.data<std::int32_t>() + 4) ==
        std::vector<std::int32_t>{2, -2, -2, 2});
  int xf = constant(*g, "xf", floats({2}, {7.5f, -7.5f}));
  int yf = constant(*g, "yf", floats({1}, {2.0f}));
  Tensor mf = run1(s, op(*g, "TruncateMod", {{xf, 0}, {yf, 0}}));
  CHECK(mf.data<float>()[0] == 1.5f);
  CHECK(mf.data<float>()[1] == -1.5f);
  int df = op(*g, "TruncateDiv", {{xf, 0}, {yf, 0}});
  try {
    run1(s, df);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
  }
  int zero = constant(*g, "zero", ints({}, {0}));
  try {
    run1(s, op(*g, "TruncateDiv", {{x, 0}, {zero, 0}}));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
  }
}
