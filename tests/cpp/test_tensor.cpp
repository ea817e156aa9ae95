#include <catch2/catch.hpp>

#include "convert.h"
#include "tensor.h"

using namespace tfn;

TEST_CASE("shapes print as TensorFlow prints them") {
  CHECK(PartialShape::of({784, 200}).python_string() == "(784, 200)");
  CHECK(PartialShape::of({200}).python_string() == "(200,)");
  CHECK(PartialShape::of({}).python_string() == "()");
  CHECK(PartialShape::of({-1, 3}).python_string() == "(?, 3)");
  CHECK(PartialShape::unknown().python_string() == "<unknown>");
  CHECK(dims_debug_string({6}) == "[6]");
}

TEST_CASE("partial shapes are compatible with matching concrete shapes only") {
  PartialShape s = PartialShape::of({-1, 3});
  CHECK(s.compatible_with(Dims{5, 3}));
  CHECK_FALSE(s.compatible_with(Dims{5, 4}));
  CHECK_FALSE(s.compatible_with(Dims{3}));
  CHECK(PartialShape::unknown().compatible_with(Dims{1, 2, 3}));
}

TEST_CASE("tensors share storage until copied") {
  Tensor a = filled_tensor(DType::kFloat, {2, 2}, 1.5);
  CHECK(a.sole_owner());
  Tensor b = a;
  CHECK_FALSE(a.sole_owner());
  Tensor c = a.deep_copy();
  c.data<float>()[0] = 7;
  CHECK(a.data<float>()[0] == 1.5f);
  CHECK(b.reshaped({4}).shape() == Dims{4});
  CHECK_THROWS_AS(a.reshaped({3}), Error);
}

TEST_CASE("negative dimensions are rejected") {
  CHECK_THROWS_AS(Tensor(DType::kFloat, {-1}), Error);
}

TEST_CASE("dtype names and sizes") {
  CHECK(std::string(dtype_name(DType::kFloat)) == "float32");
  CHECK(dtype_from_name("float64") == DType::kDouble);
  CHECK(dtype_size(DType::kInt64) == 8);
  CHECK_THROWS_AS(dtype_from_name("float17"), Error);
  CHECK_THROWS_AS(dtype_from_enum(4), Error);
}

TEST_CASE("row-major to column-major keeps index [i, j] in place") {
  // Tensor [[1,2,3],[4,5,6]] row-major; R matrix column-major is 1,4,2,5,3,6.
  float src[6] = {1, 2, 3, 4, 5, 6};
  double dst[6];
  rowmajor_to_colmajor(src, dst, {2, 3});
  double want[6] = {1, 4, 2, 5, 3, 6};
  for (int i = 0; i < 6; ++i) CHECK(dst[i] == want[i]);
  float back[6];
  colmajor_to_rowmajor(dst, back, {2, 3});
  for (int i = 0; i < 6; ++i) CHECK(back[i] == src[i]);
}

TEST_CASE("axis reversal for rank 3 and larger blocked arrays round-trips") {
  Dims d = {3, 70, 45};
  std::int64_t n = num_elements(d);
  std::vector<std::int64_t> src(n), col(n), back(n);
  for (std::int64_t i = 0; i < n; ++i) src[i] = i;
  rowmajor_to_colmajor(src.data(), col.data(), d);
  // Element (i, j, k): row-major i*70*45 + j*45 + k, column-major i + 3*j + 3*70*k.
  for (std::int64_t i = 0; i < 3; ++i)
    for (std::int64_t j = 0; j < 70; ++j)
      for (std::int64_t k = 0; k < 45; ++k) REQUIRE(col[i + 3 * j + 210 * k] == i * 3150 + j * 45 + k);
  colmajor_to_rowmajor(col.data(), back.data(), d);
  CHECK(back == src);
}

TEST_CASE("large conversions split across threads give the same result") {
  Dims d = {2100, 2000};
  std::int64_t n = num_elements(d);
  std::vector<float> src(n);
  for (std::int64_t i = 0; i < n; ++i) src[i] = static_cast<float>(i % 9973);
  std::vector<double> col(n);
  rowmajor_to_colmajor(src.data(), col.data(), d);
  for (std::int64_t i = 0; i < 2100; i += 97)
    for (std::int64_t j = 0; j < 2000; j += 89) REQUIRE(col[i + 2100 * j] == src[i * 2000 + j]);
}
