#include <catch2/catch.hpp>

#include <cmath>

#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

namespace {
std::vector<float> values(const Tensor& t) { return std::vector<float>(t.data<float>(), t.data<float>() + t.size()); }
}  // namespace

TEST_CASE("unary math and activations") {
  auto g = std::make_shared<Graph>();
  int x = constant(*g, "x", floats({4}, {-2, -0.5f, 0, 3}));
  Session s(g);
  CHECK(values(run1(s, op(*g, "Relu", {{x, 0}}))) == std::vector<float>{0, 0, 0, 3});
  CHECK(values(run1(s, op(*g, "Square", {{x, 0}}))) == std::vector<float>{4, 0.25f, 0, 9});
  CHECK(values(run1(s, op(*g, "Abs", {{x, 0}}))) == std::vector<float>{2, 0.5f, 0, 3});
  CHECK(values(run1(s, op(*g, "Sign", {{x, 0}}))) == std::vector<float>{-1, -1, 0, 1});
  Tensor sig = run1(s, op(*g, "Sigmoid", {{x, 0}}));
  CHECK(sig.data<float>()[0] == Approx(1 / (1 + std::exp(2.0))));
  CHECK(run1(s, op(*g, "Tanh", {{x, 0}})).data<float>()[3] == Approx(std::tanh(3.0)));
  CHECK(run1(s, op(*g, "Exp", {{x, 0}})).data<float>()[2] == 1.0f);
  CHECK(std::isnan(run1(s, op(*g, "Log", {{x, 0}})).data<float>()[0]));
  // A large negative input does not overflow the sigmoid.
  int big = constant(*g, "big", floats({1}, {-1000}));
  CHECK(run1(s, op(*g, "Sigmoid", {{big, 0}})).data<float>()[0] == 0.0f);
}

TEST_CASE("comparisons broadcast to bool") {
  auto g = std::make_shared<Graph>();
  int a = constant(*g, "a", floats({2, 2}, {1, 2, 3, 4}));
  int b = constant(*g, "b", floats({2}, {2, 2}));
  Session s(g);
  Tensor gt = run1(s, op(*g, "Greater", {{a, 0}, {b, 0}}));
  CHECK(gt.dtype() == DType::kBool);
  CHECK(gt.data<bool>()[0] == false);
  CHECK(gt.data<bool>()[2] == true);
  CHECK(run1(s, op(*g, "Equal", {{a, 0}, {b, 0}})).data<bool>()[1] == true);
}

TEST_CASE("softmax, log-softmax and cross-entropy are stable and consistent") {
  auto g = std::make_shared<Graph>();
  int logits = constant(*g, "logits", floats({2, 3}, {1000, 1001, 1002, -1, 0, 1}));
  int labels = constant(*g, "labels", floats({2, 3}, {0, 0, 1, 1, 0, 0}));
  Session s(g);
  Tensor sm = run1(s, op(*g, "Softmax", {{logits, 0}}));
  CHECK(sm.data<float>()[2] == Approx(std::exp(2.0) / (1 + std::exp(1.0) + std::exp(2.0))));
  Tensor lsm = run1(s, op(*g, "LogSoftmax", {{logits, 0}}));
  CHECK(lsm.data<float>()[3] == Approx(std::log(std::exp(-1.0) / (std::exp(-1.0) + 1 + std::exp(1.0)))));
  int xent = op(*g, "SoftmaxCrossEntropyWithLogits", {{logits, 0}, {labels, 0}});
  auto out = s.run({{xent, 0}, {xent, 1}}, {}, {});
  CHECK(out[0].shape() == Dims{2});
  CHECK(out[0].data<float>()[0] == Approx(-lsm.data<float>()[2]).epsilon(1e-4));
  CHECK(out[1].data<float>()[0] == Approx(sm.data<float>()[0]).epsilon(1e-4));
  CHECK(out[1].data<float>()[3] == Approx(sm.data<float>()[3] - 1));
}

TEST_CASE("bias_add, its gradient, argmax, expand_dims") {
  auto g = std::make_shared<Graph>();
  int v = constant(*g, "v", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  int b = constant(*g, "b", floats({3}, {10, 20, 30}));
  Session s(g);
  CHECK(values(run1(s, op(*g, "BiasAdd", {{v, 0}, {b, 0}}))) == std::vector<float>{11, 22, 33, 14, 25, 36});
  CHECK(values(run1(s, op(*g, "BiasAddGrad", {{v, 0}}))) == std::vector<float>{5, 7, 9});
  Tensor am = run1(s, op(*g, "ArgMax", {{v, 0}}, {{"axis", std::int64_t(0)}, {"output_type", DType::kInt64}}));
  CHECK(am.shape() == Dims{3});
  CHECK(am.data<std::int64_t>()[2] == 1);
  CHECK(run1(s, op(*g, "ExpandDims", {{b, 0}}, {{"axis", std::int64_t(-1)}})).shape() == Dims{3, 1});
  CHECK_THROWS_AS(op(*g, "BiasAdd", {{b, 0}, {b, 0}}), Error);
}

TEST_CASE("gradient helpers: SumToShapeOf, ReductionGrad, ReshapeLike, ReluGrad") {
  auto g = std::make_shared<Graph>();
  int grad = constant(*g, "grad", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  int row = constant(*g, "row", floats({3}, {0, 0, 0}));
  int col = constant(*g, "col", floats({2, 1}, {0, 0}));
  int scalar = constant(*g, "scalar", floats({}, {0}));
  Session s(g);
  CHECK(values(run1(s, op(*g, "SumToShapeOf", {{grad, 0}, {row, 0}}))) == std::vector<float>{5, 7, 9});
  CHECK(values(run1(s, op(*g, "SumToShapeOf", {{grad, 0}, {col, 0}}))) == std::vector<float>{6, 15});
  CHECK(values(run1(s, op(*g, "SumToShapeOf", {{grad, 0}, {scalar, 0}}))) == std::vector<float>{21});
  // The gradient of a mean over axis 1 of a [2,3] input: each row's value / 3, broadcast.
  int rg = op(*g, "ReductionGrad", {{col, 0}, {grad, 0}},
              {{"axes", Dims{1}}, {"reduce_all", false}, {"keep_dims", true}, {"mean", true}});
  int two = constant(*g, "two", floats({2, 1}, {3, 6}));
  int rg2 = op(*g, "ReductionGrad", {{two, 0}, {grad, 0}},
               {{"axes", Dims{1}}, {"reduce_all", false}, {"keep_dims", true}, {"mean", true}});
  CHECK(run1(s, rg).shape() == Dims{2, 3});
  CHECK(values(run1(s, rg2)) == std::vector<float>{1, 1, 1, 2, 2, 2});
  CHECK(run1(s, op(*g, "ReshapeLike", {{grad, 0}, {op(*g, "Reshape", {{grad, 0}}, {{"shape", Dims{3, 2}}}), 0}})).shape() == Dims{3, 2});
  int x = constant(*g, "xr", floats({2, 3}, {-1, 1, -1, 1, -1, 1}));
  CHECK(values(run1(s, op(*g, "ReluGrad", {{grad, 0}, {x, 0}}))) == std::vector<float>{0, 2, 0, 4, 0, 6});
}

TEST_CASE("Apply ops update variables in place and refuse uninitialized slots") {
  auto g = std::make_shared<Graph>();
  int w = variable(*g, "w", DType::kFloat, {2});
  int m = variable(*g, "w/Momentum", DType::kFloat, {2});
  int init_w = op(*g, "Assign", {{w, 0}, {constant(*g, "w0", floats({2}, {1, 2})), 0}});
  int grad = constant(*g, "g", floats({2}, {0.5f, -1}));
  int lr = constant(*g, "lr", floats({}, {0.1f}));
  int mom = constant(*g, "mom", floats({}, {0.9f}));
  int gd = op(*g, "ApplyGradientDescent", {{w, 0}, {lr, 0}, {grad, 0}});
  int apply_m = op(*g, "ApplyMomentum", {{w, 0}, {m, 0}, {lr, 0}, {grad, 0}, {mom, 0}});
  Session s(g);
  s.run({}, {init_w}, {});
  Tensor out = run1(s, gd);
  CHECK(out.data<float>()[0] == Approx(0.95f));
  CHECK(out.data<float>()[1] == Approx(2.1f));
  try {
    s.run({}, {apply_m}, {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kFailedPrecondition);
    CHECK(std::string(e.what()) == "Attempting to use uninitialized value w/Momentum");
  }
  CHECK_THROWS_AS(op(*g, "ApplyGradientDescent", {{w, 0}, {lr, 0}, {constant(*g, "g3", floats({3}, {1, 2, 3})), 0}}), Error);
}

TEST_CASE("ApplyCenteredRMSProp follows TensorFlow's centered update") {
  auto g = std::make_shared<Graph>();
  int w = variable(*g, "w", DType::kFloat, {1});
  int mg = variable(*g, "w/RMSProp_1", DType::kFloat, {1});
  int ms = variable(*g, "w/RMSProp", DType::kFloat, {1});
  int mom = variable(*g, "w/RMSProp_2", DType::kFloat, {1});
  int init_w = op(*g, "Assign", {{w, 0}, {constant(*g, "w0", floats({1}, {1})), 0}});
  int init_mg = op(*g, "Assign", {{mg, 0}, {constant(*g, "mg0", floats({1}, {0})), 0}});
  int init_ms = op(*g, "Assign", {{ms, 0}, {constant(*g, "ms0", floats({1}, {1})), 0}});
  int init_mom = op(*g, "Assign", {{mom, 0}, {constant(*g, "mom0", floats({1}, {0})), 0}});
  auto scalar = [&](const char* name, float v) { return constant(*g, name, floats({}, {v})); };
  int apply = op(*g, "ApplyCenteredRMSProp",
                 {{w, 0}, {mg, 0}, {ms, 0}, {mom, 0}, {scalar("lr", 0.5f), 0}, {scalar("rho", 0.9f), 0},
                  {scalar("momentum", 0.0f), 0}, {scalar("eps", 1e-3f), 0}, {constant(*g, "g", floats({1}, {0.1f})), 0}});
  Session s(g);
  s.run({}, {init_w, init_mg, init_ms, init_mom}, {});
  // ms = 0.901, mg = 0.01, w = 1 - 0.5 * 0.1 / sqrt(0.901 - 0.0001 + 0.001)
  Tensor out = run1(s, apply);
  CHECK(out.data<float>()[0] == Approx(1 - 0.05 / std::sqrt(0.9019)));
}
