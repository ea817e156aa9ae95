# Port of TensorFlow 1.15's kernel_tests/cwise_ops_test.py, for what tfnative has:
# maximum/minimum, the logical ops and R's operators on a tensor and an R literal
# (Python's // % & | ^ ~ are R's %/% %% & | xor() !). Its
# ComparisonOpTest is ported in test-tf-cwise-ops-binary.R (the same methods).

.f32_values <- function(x) {
  r <- readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x))
  dim(r) <- dim(x)
  r
}
.as_type <- function(x, dtype) {
  switch(dtype$name, float32 = .f32_values(x), float64 = x, int32 = {
    r <- trunc(x)
    storage.mode(r) <- "integer"
    r
  }, int64 = trunc(x))
}

.compare_min_max <- function(x, y, dtype) {
  sess <- tf$Session()
  on.exit(sess$close())
  inx <- tf$convert_to_tensor(x, dtype = dtype)
  iny <- tf$convert_to_tensor(y, dtype = dtype)
  out <- sess$run(list(tf$minimum(inx, iny), tf$maximum(inx, iny)))
  want_min <- np_binary(pmin, x, y)
  want_max <- np_binary(pmax, x, y)
  if (dtype$name == "int32") {
    storage.mode(want_min) <- "integer"
    storage.mode(want_max) <- "integer"
  }
  expect_identical(out[[1]], want_min)
  expect_identical(out[[2]], want_max)
}

.types <- list(tf$float32, tf$float64, tf$int32, tf$int64)

test_that("cwise_ops_test: MinMaxOpTest.testBasic", {
  fresh_graph()
  set.seed(21)
  x <- array(runif(6) * 100, c(1, 3, 2))
  y <- array(runif(6) * 100, c(1, 3, 2))
  for (dt in .types) .compare_min_max(.as_type(x, dt), .as_type(y, dt), dt)
})

test_that("cwise_ops_test: MinMaxOpTest.testDifferentShapes", {
  fresh_graph()
  set.seed(22)
  x <- array(runif(6) * 100, c(1, 3, 2))
  y <- array(runif(2) * 100)
  for (dt in .types) .compare_min_max(.as_type(x, dt), .as_type(y, dt), dt)
})

test_that("cwise_ops_test: MinMaxOpTest.testScalar", {
  fresh_graph()
  set.seed(23)
  x <- array(runif(6) * 100, c(1, 3, 2))
  y <- runif(1) * 100
  for (dt in list(tf$float32, tf$int32)) .compare_min_max(.as_type(x, dt), .as_type(y, dt), dt)
})

test_that("cwise_ops_test: MinMaxOpTest.testGradients", {
  set.seed(24)
  x <- array(runif(6) * 100, c(1, 3, 2))
  # y differs from x by -1 or +1 everywhere, so no ties.
  y <- x + (sample(0:1, 6, replace = TRUE) - 0.5) * 2
  for (f in list(tf$maximum, tf$minimum)) {
    grad_check(function(t) f(t, tf$constant(y, dtype = tf$float64)), x, eps = 1e-6, tol = 1e-5)
    grad_check(function(t) f(tf$constant(x, dtype = tf$float64), t), y, eps = 1e-6, tol = 1e-5)
  }
})

# A tensor with an R literal on either side, as Python's __add__ / __radd__.
.compare_overload <- function(x, y, dtype, np_func, tf_func) {
  sess <- tf$Session()
  on.exit(sess$close())
  want <- np_func(x, y)
  left <- sess$run(tf_func(tf$convert_to_tensor(x, dtype = dtype), y))
  right <- sess$run(tf_func(x, tf$convert_to_tensor(y, dtype = dtype)))
  for (got in list(left, right)) {
    if (is.logical(want)) expect_identical(got, want) else expect_equal(as.numeric(got), as.numeric(want))
  }
}

test_that("cwise_ops_test: MathOpsOverloadTest.testOverload", {
  fresh_graph()
  ops <- list(list(`+`, function(a, b) a + b), list(`-`, function(a, b) a - b), list(`*`, function(a, b) a * b),
              list(`^`, function(a, b) a^b), list(`/`, function(a, b) a / b),
              list(`%/%`, function(a, b) a %/% b))
  for (dt in .types) for (op in ops) .compare_overload(10, 5, dt, op[[1]], op[[2]])
  # Mod, for the integer types.
  for (dt in list(tf$int32, tf$int64)) .compare_overload(10, 3, dt, `%%`, function(a, b) a %% b)
  # True division of integers is float64, as TensorFlow's __truediv__.
  expect_identical((tf$constant(10L) / 5L)$dtype$name, "float64")
})

test_that("cwise_ops_test: MathOpsOverloadTest.testOverloadComparisons", {
  fresh_graph()
  ops <- list(list(`<`, function(a, b) a < b), list(`<=`, function(a, b) a <= b),
              list(`>`, function(a, b) a > b), list(`>=`, function(a, b) a >= b))
  for (dt in .types) for (op in ops) .compare_overload(10, 5, dt, op[[1]], op[[2]])
  # &, |, xor() and equal / not_equal on bools, scalars and vectors.
  logical <- list(list(`&`, function(a, b) a & b), list(`|`, function(a, b) a | b),
                  list(xor, function(a, b) xor(a, b)), list(`==`, tf$equal), list(`!=`, tf$not_equal))
  x <- c(TRUE, TRUE, FALSE, FALSE)
  y <- c(TRUE, FALSE, TRUE, FALSE)
  for (op in logical) {
    for (pair in list(c(TRUE, FALSE), c(TRUE, TRUE), c(FALSE, FALSE), c(FALSE, TRUE))) {
      .compare_overload(pair[1], pair[2], tf$bool, op[[1]], op[[2]])
    }
    .compare_overload(x, y, tf$bool, function(a, b) array(op[[1]](a, b)), op[[2]])
  }
  # ! (Python's ~) on a bool tensor.
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(!tf$convert_to_tensor(TRUE, dtype = tf$bool)), FALSE)
  expect_identical(sess$run(!tf$convert_to_tensor(FALSE, dtype = tf$bool)), TRUE)
  expect_identical(sess$run(!tf$convert_to_tensor(c(TRUE, FALSE), dtype = tf$bool)), array(c(FALSE, TRUE)))
})

# LogicalOpTest: the op's dtype is bool, its value and static shape are numpy's.
.compare_logical <- function(sess, x, y, np_func, tf_func) {
  want <- np_binary(np_func, x, y)
  out <- tf_func(tf$convert_to_tensor(x), tf$convert_to_tensor(y))
  expect_identical(out$dtype$name, "bool")
  expect_identical(sess$run(out), want)
  expect_identical(static_dim(out), dim(want))
}

.compare_not <- function(sess, x) {
  out <- tf$logical_not(tf$convert_to_tensor(x))
  expect_identical(out$dtype$name, "bool")
  expect_identical(sess$run(out), !x)
  expect_identical(static_dim(out), dim(x))
}

.logical_ops <- list(list(`&`, tf$logical_and), list(`|`, tf$logical_or), list(xor, tf$logical_xor))

.random_bools <- function(shape) np_array(sample(c(TRUE, FALSE), prod(shape), replace = TRUE), shape)

test_that("cwise_ops_test: LogicalOpTest.testScalar", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  data <- list(array(TRUE), array(FALSE))
  for (x in data) .compare_not(sess, x)
  for (x in data) for (y in data) for (op in .logical_ops) .compare_logical(sess, x, y, op[[1]], op[[2]])
})

test_that("cwise_ops_test: LogicalOpTest.testTensor", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  set.seed(31)
  x <- .random_bools(c(1, 3, 2))
  y <- .random_bools(c(1, 3, 2))
  .compare_not(sess, x)
  for (op in .logical_ops) .compare_logical(sess, x, y, op[[1]], op[[2]])
})

test_that("cwise_ops_test: LogicalOpTest.testBCast", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  set.seed(32)
  shapes <- list(
    list(c(1, 3, 2), 1), list(c(1, 3, 2), 2), list(c(1, 3, 2), c(3, 2)), list(c(1, 3, 2), c(3, 1)),
    list(c(1, 3, 2), c(1, 3, 2)), list(c(1, 3, 2), c(2, 3, 1)), list(c(1, 3, 2), c(2, 1, 1)),
    list(c(1, 3, 2), c(1, 3, 1)), list(c(2, 1, 5), c(2, 3, 1)), list(c(2, 0, 5), c(2, 0, 1)),
    list(c(2, 3, 0), c(2, 3, 1))
  )
  for (s in shapes) {
    x <- .random_bools(s[[1]])
    y <- .random_bools(s[[2]])
    for (op in .logical_ops) .compare_logical(sess, x, y, op[[1]], op[[2]])
  }
})

test_that("cwise_ops_test: LogicalOpTest.testShapeMismatch", {
  fresh_graph()
  set.seed(33)
  x <- .random_bools(c(1, 3, 2))
  y <- .random_bools(c(3, 2, 1))
  for (f in list(tf$logical_and, tf$logical_or, tf$logical_xor)) expect_tf_error(f(x, y), "value", "Dimensions must")
})

test_that("cwise_ops_test: IsFiniteInfNanTest.testSqrt", {
  fresh_graph()
  sess <- tf$Session()
  limits <- list(float32 = c(min = -3.4028234663852886e38, tiny = 1.1754943508222875e-38, max = 3.4028234663852886e38),
                 float64 = c(min = -.Machine$double.xmax, tiny = .Machine$double.xmin, max = .Machine$double.xmax))
  for (dt in list(tf$float32, tf$float64)) {
    fi <- limits[[dt$name]]
    for (size in c(1, 3, 4, 7, 8, 63, 64, 65)) {
      for (value in c(fi[["min"]], -2, -1, 0, fi[["tiny"]], 1, 2, 1000, fi[["max"]] / 100)) {
        y <- sess$run(tf$sqrt(tf$constant(array(value, size), dtype = dt)))
        if (value < 0) {
          expect_true(all(is.nan(y)))
        } else {
          v <- if (dt$name == "float32") .f32_values(array(value, size)) else array(value, size)
          expect_equal(y, sqrt(v), tolerance = if (dt$name == "float32") 1e-6 else 1e-12)
        }
      }
    }
  }
})
