#include <catch2/catch.hpp>

#include "graph.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

TEST_CASE("unique names follow TensorFlow: _1, _2, case-insensitive") {
  Graph g;
  CHECK(g.unique_name("Variable") == "Variable");
  CHECK(g.unique_name("Variable") == "Variable_1");
  CHECK(g.unique_name("Variable") == "Variable_2");
  CHECK(g.unique_name("foo") == "foo");
  CHECK(g.unique_name("Foo") == "Foo_1");
  CHECK(g.unique_name("bar", false) == "bar");
  CHECK(g.unique_name("bar") == "bar");
  // An explicit "a_1" taken first pushes the second "a" further.
  CHECK(g.unique_name("a_1") == "a_1");
  CHECK(g.unique_name("a") == "a");
  CHECK(g.unique_name("a") == "a_2");
}

TEST_CASE("nodes record names, types and inferred outputs") {
  Graph g;
  int c = constant(g, "c", floats({2}, {1, 2}));
  const Node& n = g.node(c);
  CHECK(n.name == "c");
  CHECK(n.type == "Const");
  CHECK(n.out_dtypes[0] == DType::kFloat);
  CHECK(n.out_shapes[0].dims == Dims{2});
  CHECK(g.find_node("c") == c);
  CHECK(g.find_node("nope") == -1);
}

TEST_CASE("bad graphs are refused with TensorFlow's error kinds") {
  Graph g;
  int a = constant(g, "a", floats({2}, {1, 2}));
  int b = constant(g, "b", floats({3}, {1, 2, 3}));
  try {
    op(g, "Add", {{a, 0}, {b, 0}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
    CHECK(std::string(e.what()).find("Dimensions must be equal, but are 2 and 3") != std::string::npos);
  }
  CHECK_THROWS_AS(g.add_node("NoSuchOp", "x", {}, {}, {}), Error);
  CHECK_THROWS_AS(g.add_node("NoOp", "bad name!", {}, {}, {}), Error);
  CHECK_THROWS_AS(g.add_node("NoOp", "a", {}, {}, {}), Error);  // duplicate
  CHECK_THROWS_AS(op(g, "Identity", {{a, 1}}), Error);          // no such output
  CHECK_THROWS_AS(op(g, "Assign", {{a, 0}, {b, 0}}), Error);    // ref input must be a variable
}

TEST_CASE("static assign checks use TensorFlow's wording") {
  Graph g;
  int v = variable(g, "v", DType::kFloat, {2});
  int c = constant(g, "c", floats({3}, {1, 2, 3}));
  try {
    op(g, "Assign", {{v, 0}, {c, 0}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
    CHECK(std::string(e.what()).rfind("Dimension 0 in both shapes must be equal, but are 2 and 3", 0) == 0);
  }
}

TEST_CASE("matmul and reductions infer shapes") {
  Graph g;
  int a = constant(g, "a", floats({2, 3}, {1, 2, 3, 4, 5, 6}));
  int b = constant(g, "b", floats({3, 1}, {1, 1, 1}));
  int m = op(g, "MatMul", {{a, 0}, {b, 0}});
  CHECK(g.node(m).out_shapes[0].dims == Dims{2, 1});
  AttrMap r;
  r["axes"] = Dims{0};
  r["keep_dims"] = true;
  int s = op(g, "Sum", {{a, 0}}, r);
  CHECK(g.node(s).out_shapes[0].dims == Dims{1, 3});
  CHECK_THROWS_AS(op(g, "MatMul", {{a, 0}, {a, 0}}), Error);
}

TEST_CASE("set_output_shape merges into the static shape, as Tensor.set_shape") {
  Graph g;
  tfn::AttrMap a;
  a["dtype"] = DType::kFloat;
  a["shape"] = PartialShape::unknown();
  int p = g.add_node("Placeholder", "p", {}, {}, a);
  g.set_output_shape(p, 0, PartialShape::of({-1, 3}));
  CHECK(g.node(p).out_shapes[0].list_string() == "[?,3]");
  g.set_output_shape(p, 0, PartialShape::of({2, -1}));
  CHECK(g.node(p).out_shapes[0].list_string() == "[2,3]");
  int i = op(g, "Identity", {{p, 0}});
  CHECK(g.node(i).out_shapes[0].list_string() == "[2,3]");
  try {
    g.set_output_shape(p, 0, PartialShape::of({2, 4}));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kValueError);
    CHECK(std::string(e.what()) == "Dimension 1 in both shapes must be equal, but are 3 and 4. Shapes are [2,3] and [2,4].");
  }
  CHECK_THROWS_AS(g.set_output_shape(p, 0, PartialShape::of({2})), Error);
  CHECK_THROWS_AS(g.set_output_shape(p, 1, PartialShape::of({2, 3})), Error);
}
