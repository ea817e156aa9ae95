#include <catch2/catch.hpp>

#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

TEST_CASE("broadcasting arithmetic matches numpy rules") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  int row = constant(*g, "row", floats({3}, {10, 20, 30}));
  int col = constant(*g, "col", floats({2, 1}, {100, 200}));
  Session s(g);
  Tensor r = run1(s, op(*g, "Add", {{a, 0}, {row, 0}}));
  CHECK(std::vector<float>(r.data<float>(), r.data<float>() + 6) == std::vector<float>{11, 22, 33, 14, 25, 36});
  Tensor c = run1(s, op(*g, "Sub", {{a, 0}, {col, 0}}));
  CHECK(std::vector<float>(c.data<float>(), c.data<float>() + 6) == std::vector<float>{-99, -98, -97, -196, -195, -194});
  Tensor o = run1(s, op(*g, "Mul", {{col, 0}, {row, 0}}));  // outer product [2,1] x [3]
  CHECK(o.shape() == Dims{2, 3});
  CHECK(o.data<float>()[5] == 6000.0f);
  Tensor d = run1(s, op(*g, "RealDiv", {{a, 0}, {row, 0}}));
  CHECK(d.data<float>()[0] == Approx(0.1f));
  Tensor n = run1(s, op(*g, "Neg", {{a, 0}}));
  CHECK(n.data<float>()[2] == -3.0f);
}

TEST_CASE("mixed dtypes are a TypeError") {
  Graph g;
  int a = constant(g, "a", floats({1}, {1}));
  Tensor i(DType::kInt32, {1});
  i.data<std::int32_t>()[0] = 1;
  int b = constant(g, "b", i);
  try {
    op(g, "Add", {{a, 0}, {b, 0}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kTypeError);
    CHECK(std::string(e.what()) == "Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'.");
  }
}

TEST_CASE("matmul with and without transposes") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  int b = constant(*g, "b", floats({3, 2}, {1, 0, 0, 1, 1, 1}));
  Session s(g);
  Tensor c = run1(s, op(*g, "MatMul", {{a, 0}, {b, 0}}));
  CHECK(std::vector<float>(c.data<float>(), c.data<float>() + 4) == std::vector<float>{4, 5, 10, 11});
  Tensor t = run1(s, op(*g, "MatMul", {{a, 0}, {a, 0}}, {{"transpose_b", true}}));
  CHECK(t.shape() == Dims{2, 2});
  CHECK(t.data<float>()[1] == 32.0f);  // [1,2,3].[4,5,6]
}

TEST_CASE("reductions over axes, all, and with keep_dims") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  Session s(g);
  Tensor all = run1(s, op(*g, "Sum", {{a, 0}}, {{"reduce_all", true}, {"axes", Dims{}}}));
  CHECK(all.shape().empty());
  CHECK(all.data<float>()[0] == 21.0f);
  Tensor ax0 = run1(s, op(*g, "Sum", {{a, 0}}, {{"axes", Dims{0}}}));
  CHECK(std::vector<float>(ax0.data<float>(), ax0.data<float>() + 3) == std::vector<float>{5, 7, 9});
  Tensor ax1 = run1(s, op(*g, "Mean", {{a, 0}}, {{"axes", Dims{-1}}, {"keep_dims", true}}));
  CHECK(ax1.shape() == Dims{2, 1});
  CHECK(ax1.data<float>()[1] == 5.0f);
  CHECK_THROWS_AS(op(*g, "Sum", {{a, 0}}, {{"axes", Dims{2}}}), Error);
}

TEST_CASE("reshape, cast, range, linspace, fill") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 3}, {1.5, 2, 3, 4, 5, 6}));
  Session s(g);
  Tensor r = run1(s, op(*g, "Reshape", {{a, 0}}, {{"shape", Dims{3, -1}}}));
  CHECK(r.shape() == Dims{3, 2});
  CHECK_THROWS_AS(op(*g, "Reshape", {{a, 0}}, {{"shape", Dims{4}}}), Error);
  Tensor c = run1(s, op(*g, "Cast", {{a, 0}}, {{"DstT", DType::kInt32}}));
  CHECK(c.data<std::int32_t>()[0] == 1);
  Tensor rg = run1(s, op(*g, "Range", {}, {{"start", 1.0}, {"limit", 10.0}, {"delta", 3.0}, {"dtype", DType::kInt32}}));
  CHECK(rg.shape() == Dims{3});
  CHECK(rg.data<std::int32_t>()[2] == 7);
  Tensor ls = run1(s, op(*g, "LinSpace", {}, {{"start", 0.0}, {"stop", 1.0}, {"num", std::int64_t(5)}, {"dtype", DType::kFloat}}));
  CHECK(ls.data<float>()[4] == 1.0f);
  CHECK(ls.data<float>()[1] == 0.25f);
  Tensor f = run1(s, op(*g, "Fill", {}, {{"shape", Dims{2, 2}}, {"value", 3.0}, {"dtype", DType::kInt64}}));
  CHECK(f.data<std::int64_t>()[3] == 3);
  CHECK_THROWS_AS(op(*g, "Range", {}, {{"start", 1.0}, {"limit", 10.0}, {"delta", 0.0}, {"dtype", DType::kInt32}}), Error);
}
