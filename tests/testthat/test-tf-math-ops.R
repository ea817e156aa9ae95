# Port of TensorFlow 1.15's ops/math_ops_test.py, its ModTest and DivAndModTest
# classes (the floor and truncating division/modulo ops). numpy references in R:
# %% and %/% round toward minus infinity as numpy's % and //; numpy's fmod is
# x - trunc(x / y) * y (exact for the values used here).

.fmod <- function(x, y) x - trunc(x / y) * y

# DivAndModTest's data: numerators in a column, divisors in a row (broadcast to a grid).
.int_test_data <- function() list(nums = matrix(-10:9, 20, 1), divs = matrix(seq(-3L, 3L, by = 2L), 1, 4))
.float_test_data <- function() {
  list(nums = matrix(seq(-10, 9.75, by = 0.25), 80, 1), divs = matrix(seq(-3, -0.25, by = 0.25), 1, 12))
}

test_that("math_ops_test: ModTest.testFloat", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  x <- c(0.5, 0.7, 0.3)
  for (dt in list(tf$float32, tf$float64)) {
    # A scalar and a vector divisor.
    for (denom in list(x[1], rep(x[1], 3))) {
      got <- sess$run(tf$mod(tf$constant(x, dtype = dt), denom))
      expect_equal(got, array(.fmod(x, denom)), tolerance = 1e-2)
    }
  }
})

test_that("math_ops_test: ModTest.testFixed", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  x <- c(5, 10, 23)
  for (dt in list(tf$int32, tf$int64)) {
    for (denom in list(x[1], x)) {
      got <- sess$run(tf$mod(tf$constant(x, dtype = dt), denom))
      expect_equal(as.numeric(got), x %% denom)
    }
  }
})

test_that("math_ops_test: DivAndModTest.testFloorModInt", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .int_test_data()
  want <- np_binary(`%%`, d$nums, d$divs)
  expect_identical(sess$run(tf$floormod(d$nums, d$divs)), want)
  # numpy's arange is int64.
  got <- sess$run(tf$floormod(tf$constant(d$nums, dtype = tf$int64), tf$constant(d$divs, dtype = tf$int64)))
  expect_identical(got, want + 0)
})

test_that("math_ops_test: DivAndModTest.testFloorModFloat", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .float_test_data()
  got <- sess$run(tf$floormod(tf$constant(d$nums, dtype = tf$float64), d$divs))
  expect_identical(got, np_binary(`%%`, d$nums, d$divs))
})

test_that("math_ops_test: DivAndModTest.testTruncateModInt", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .int_test_data()
  want <- np_binary(.fmod, d$nums, d$divs)
  storage.mode(want) <- "integer"
  expect_identical(sess$run(tf$truncatemod(d$nums, d$divs)), want)
})

test_that("math_ops_test: DivAndModTest.testTruncateModFloat", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .float_test_data()
  got <- sess$run(tf$truncatemod(tf$constant(d$nums, dtype = tf$float64), d$divs))
  expect_identical(got, np_binary(.fmod, d$nums, d$divs))
})

test_that("math_ops_test: DivAndModTest.testDivideInt", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .int_test_data()
  expect_identical(sess$run(tf$floor_div(d$nums, d$divs)), np_binary(`%/%`, d$nums, d$divs))
})

test_that("math_ops_test: DivAndModTest.testDivideName", {
  fresh_graph()
  op <- tf$divide(tf$constant(3L), tf$constant(4L), name = "my_cool_divide")
  expect_identical(op$name, "my_cool_divide:0")
})

test_that("math_ops_test: DivAndModTest.testRealDiv", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .float_test_data()
  got <- sess$run(tf$realdiv(tf$constant(d$nums, dtype = tf$float64), d$divs))
  expect_identical(got, np_binary(`/`, d$nums, d$divs))
})

test_that("math_ops_test: DivAndModTest.testFloorDivGrad", {
  fresh_graph()
  a <- tf$Variable(2)
  b <- tf$Variable(4)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_identical(sess$run(tf$gradients(tf$divide(a, b), list(a, b))), list(0.25, -0.125))
  expect_identical(sess$run(tf$gradients(tf$div(a, b), list(a, b))), list(0.25, -0.125))
  # Floor division has no gradient: both are None.
  expect_identical(tf$gradients(tf$floordiv(a, b), list(a, b)), list(NULL, NULL))
})

test_that("math_ops_test: DivAndModTest.testConsistent", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- .int_test_data()
  nums <- d$nums
  divs <- d$divs
  tf_result <- sess$run(tf$floor_div(nums, divs) * divs + tf$floormod(nums, divs))
  tf_nums <- tf$constant(nums)
  tf_divs <- tf$constant(divs)
  tf2_result <- sess$run(tf_nums %/% tf_divs * tf_divs + tf_nums %% tf_divs)
  np_result <- np_binary(`%/%`, nums, divs) * np_expand(divs, c(20, 4)) + np_binary(`%%`, nums, divs)
  # Consistent with numpy, and the two spellings agree.
  expect_identical(tf_result, np_result)
  expect_identical(tf_result, tf2_result)
  # The truncating forms give the numerator back too.
  tf3_result <- sess$run(tf$truncatediv(nums, divs) * divs + tf$truncatemod(nums, divs))
  expanded_nums <- matrix(nums, 20, 4)
  expect_identical(tf3_result, expanded_nums)
  expect_identical(tf_result, expanded_nums)
})
