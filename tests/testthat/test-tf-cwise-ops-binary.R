# Port of TensorFlow 1.15's kernel_tests/cwise_ops_binary_test.py for the binary
# ops tfnative has (add, subtract, multiply, truediv, floordiv, mod, pow, comparisons)
# and R's operators on tensors. numpy references: R arithmetic with numpy broadcasting
# (helper-numpy.R); R's %/% and %% round toward minus infinity as numpy's // and %.
# atan2, igamma, zeta and polygamma are ops tfnative does not have; those parts of
# each method are not ported.

.tf_ops <- list(
  add = list(np = `+`, fns = list(tf$add, function(x, y) x + y)),
  sub = list(np = `-`, fns = list(tf$subtract, function(x, y) x - y)),
  mul = list(np = `*`, fns = list(tf$multiply, function(x, y) x * y)),
  div = list(np = `/`, fns = list(tf$truediv, function(x, y) x / y)),
  pow = list(np = `^`, fns = list(tf$pow)),
  # Floor division has no gradient: TensorFlow checks none for it.
  floordiv = list(np = `%/%`, fns = list(tf$floordiv, function(x, y) x %/% y), grad = FALSE),
  mod = list(np = `%%`, fns = list(tf$mod, function(x, y) x %% y))
)

# Result dtype in R terms: integers stay integers except under true division.
.np_result <- function(np_func, x, y, int_out) {
  r <- np_binary(np_func, x, y)
  if (int_out) storage.mode(r) <- "integer"
  r
}

.compare_cpu <- function(sess, x, y, np_func, tf_func, dtype, also_variables = FALSE, tol = 1e-6) {
  int32 <- dtype$name == "int32"
  want <- np_binary(np_func, x, y)
  inx <- tf$convert_to_tensor(x, dtype = dtype)
  iny <- tf$convert_to_tensor(y, dtype = dtype)
  out <- tf_func(inx, iny)
  results <- list(sess$run(out), sess$run(tf_func(x, iny)), sess$run(tf_func(inx, y)))
  if (also_variables) {
    var_x <- tf$Variable(x, dtype = dtype)
    var_y <- tf$Variable(y, dtype = dtype)
    sess$run(tf$variables_initializer(list(var_x, var_y)))
    results <- c(results, list(sess$run(tf_func(x, var_y)), sess$run(tf_func(var_x, y))))
  }
  for (r in results) {
    if (is.character(want) || is.logical(want)) {
      expect_identical(r, want)
    } else {
      expect_equal(as.vector(r), as.vector(want), tolerance = tol)
      expect_identical(dim(r), dim(want))
    }
  }
  # assertShapeEqual: the static shape is the result's shape.
  expect_identical(static_dim(out), if (is.null(dim(want))) integer(0) else dim(want))
}

.compare_gradients <- function(x, y, tf_func) {
  # TensorFlow scales the output by 1.1 and checks d/dx and d/dy with finite differences.
  grad_check(function(t) tf_func(t, tf$constant(y, dtype = tf$float64)) * 1.1, x, eps = 1e-6, tol = 1e-5)
  grad_check(function(t) tf_func(tf$constant(x, dtype = tf$float64), t) * 1.1, y, eps = 1e-6, tol = 1e-5)
}

.compare_both <- function(sess, x, y, op, dtype, also_variables = FALSE) {
  for (f in op$fns) .compare_cpu(sess, x, y, op$np, f, dtype, also_variables, tol = if (dtype$name == "float32") 1e-6 else 1e-12)
}

.basic_floats <- function(dtype) {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(np_linspace(-5, 20, 15), c(1, 3, 5))
  y <- np_array(np_linspace(20, -5, 15), c(1, 3, 5))
  if (dtype$name == "float32") {
    x <- .f32_values(x)
    y <- .f32_values(y)
  }
  .compare_both(sess, x, y, .tf_ops$add, dtype, also_variables = dtype$name == "float32")
  .compare_both(sess, x, y, .tf_ops$sub, dtype)
  .compare_both(sess, x, y, .tf_ops$mul, dtype)
  .compare_both(sess, x, y + 0.1, .tf_ops$div, dtype)
  .compare_both(sess, x, y + 0.1, .tf_ops$floordiv, dtype)
  for (f in list(tf$add, tf$subtract, tf$multiply)) .compare_gradients(x, y, f)
  .compare_gradients(x, y + 0.1, tf$truediv)
}

# float32 inputs: the values a float32 tensor holds.
.f32_values <- function(x) {
  r <- readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x))
  dim(r) <- dim(x)
  r
}

test_that("cwise_ops_binary_test: testFloatBasic", {
  .basic_floats(tf$float32)
})

test_that("cwise_ops_binary_test: testFloatDifferentShapes", {
  fresh_graph()
  sess <- tf$Session()
  inx <- tf$convert_to_tensor(matrix(c(1, 2, 3, 4), 2, byrow = TRUE))
  iny <- tf$convert_to_tensor(matrix(c(1, 2), 2, 1))
  s <- tf$reduce_sum(inx * iny)
  g <- sess$run(tf$gradients(s, list(inx, iny)))
  # gx is y broadcast; gy is x summed along its rows.
  expect_identical(g[[1]], matrix(c(1, 1, 2, 2), 2, byrow = TRUE))
  expect_identical(g[[2]], matrix(c(3, 7), 2, 1))
})

test_that("cwise_ops_binary_test: testFloatVariableOverload", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(1:4, 2, byrow = TRUE)
  y <- matrix(1:2, 2, 1)
  var_x <- tf$Variable(x)
  var_y <- tf$Variable(y)
  sess$run(list(var_x$initializer, var_y$initializer))
  want <- np_binary(`*`, x, y)
  expect_identical(sess$run(var_x * y), want)
  expect_identical(sess$run(x * var_y), want)
})

test_that("cwise_ops_binary_test: testDoubleBasic", {
  .basic_floats(tf$float64)
})

test_that("cwise_ops_binary_test: testInt32Basic", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(seq(1L, 11L, by = 2L), c(1, 3, 2))
  y <- np_array(1:6, c(1, 3, 2))
  for (op in .tf_ops[c("add", "sub", "mul", "floordiv", "mod")]) {
    for (f in op$fns) {
      out <- sess$run(f(x, tf$constant(y)))
      expect_type(out, "integer")
      expect_identical(out, np_binary(op$np, x, y))
    }
  }
  # floordiv and mod also with the R array on either side.
  for (op in .tf_ops[c("floordiv", "mod")]) for (f in op$fns) .compare_cpu(sess, x, y, op$np, f, tf$int32)
  # True division of integers gives float64.
  for (f in .tf_ops$div$fns) {
    t <- f(tf$constant(x), tf$constant(y))
    expect_identical(t$dtype$name, "float64")
    expect_equal(sess$run(t), x / y)
  }
})

test_that("cwise_ops_binary_test: testInt64Basic", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(seq(2^40, 11 * 2^40, by = 2 * 2^40), c(1, 3, 2))
  y <- np_array(1:6 + 0, c(1, 3, 2))
  for (op in .tf_ops[c("sub", "mul", "floordiv", "mod")]) {
    for (f in op$fns) expect_identical(sess$run(f(tf$constant(x, dtype = tf$int64), tf$constant(y, dtype = tf$int64))), op$np(x, y))
  }
  for (op in .tf_ops[c("floordiv", "mod")]) for (f in op$fns) .compare_cpu(sess, x, y, op$np, f, tf$int64)
  for (f in .tf_ops$div$fns) {
    t <- f(tf$constant(x, dtype = tf$int64), tf$constant(y, dtype = tf$int64))
    expect_identical(t$dtype$name, "float64")
    expect_equal(sess$run(t), x / y)
  }
})

test_that("cwise_ops_binary_test: testStringComparison", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(c("abc", "bh", "c", ""), 2, byrow = TRUE)
  y <- matrix(c("abc", "bh", "def", "hi"), 2, byrow = TRUE)
  values <- sess$run(list(tf$equal(x, y), tf$not_equal(x, y)))
  expect_identical(values[[1]], matrix(c(TRUE, TRUE, FALSE, FALSE), 2, byrow = TRUE))
  expect_identical(values[[2]], matrix(c(FALSE, FALSE, TRUE, TRUE), 2, byrow = TRUE))
})

test_that("cwise_ops_binary_test: testString", {
  fresh_graph()
  sess <- tf$Session()
  cells <- function(p, n, m) matrix(sprintf("%s_%d_%d", p, rep(0:(n - 1), each = m), rep(0:(m - 1), n)), n, m, byrow = TRUE)
  x <- cells("x", 3, 3)
  y <- cells("y", 3, 3)
  z <- matrix(c("z_0", "z_1", "z_2"), 1)
  w <- "w"
  add <- list(np = paste0, fns = list(function(a, b) a + b))
  .compare_both(sess, x, y, add, tf$string)
  .compare_both(sess, x, z, add, tf$string)
  .compare_both(sess, x, w, add, tf$string)
  .compare_both(sess, z, w, add, tf$string)
})

# _compareBCast: x = 1 + linspace(0, 5) in shape xs, y likewise in ys, for each
# dtype; gradients (float64) for all but floor division.
.bcast_case <- function(sess, xs, ys, dtype, op) {
  x <- np_array(1 + np_linspace(0, 5, prod(xs)), xs)
  y <- np_array(1 + np_linspace(0, 5, prod(ys)), ys)
  if (dtype$is_integer) {
    x <- trunc(x)
    y <- trunc(y)
  } else if (dtype$name == "float32") {
    x <- .f32_values(x)
    y <- .f32_values(y)
  }
  tol <- if (dtype$name == "float32") 1e-6 else 1e-12
  for (f in op$fns) .compare_cpu(sess, x, y, op$np, f, dtype, tol = tol)
}

.bcast_groups <- list(A = c("add"), B = c("sub", "pow"), C = c("mul"), D = c("div", "floordiv"))
.bcast_shapes <- list(
  list(c(1, 3, 2), 1), list(c(1, 3, 2), 2), list(c(1, 3, 2), c(3, 2)), list(c(1, 3, 2), c(3, 1)),
  list(c(1, 3, 2), c(1, 3, 2)), list(c(1, 3, 2), c(2, 3, 1)), list(c(1, 3, 2), c(2, 1, 1)),
  list(c(1, 3, 2), c(1, 3, 1)), list(c(2, 1, 5), c(2, 3, 1)), list(c(2, 0, 5), c(2, 0, 1)),
  list(c(2, 3, 0), c(2, 3, 1)), list(c(1, 3, 2), c(1, 3, 2)), list(c(1, 1, 1, 1, 3, 2), c(1, 3, 2)),
  list(c(1, 3, 2, 1, 1), 1), list(c(2, 3, 1, 1, 5), 1), list(c(10, 3, 1, 2), c(3, 1, 2))
)

for (i in seq_along(.bcast_shapes)) for (grp in names(.bcast_groups)) local({
  shapes <- .bcast_shapes[[i]]
  ops <- .tf_ops[.bcast_groups[[grp]]]
  test_that(sprintf("cwise_ops_binary_test: testBCast_%d%s", i - 1L, grp), {
    fresh_graph()
    sess <- tf$Session()
    for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) {
      for (op in ops) {
        .bcast_case(sess, shapes[[1]], shapes[[2]], dt, op)
        .bcast_case(sess, shapes[[2]], shapes[[1]], dt, op)
      }
    }
    for (op in ops) {
      for (order in list(shapes, rev(shapes))) {
        x <- np_array(1 + np_linspace(0, 5, prod(order[[1]])), order[[1]])
        y <- np_array(1 + np_linspace(0, 5, prod(order[[2]])), order[[2]])
        if (length(x) && length(y) && !isFALSE(op$grad)) .compare_gradients(x, y, op$fns[[1]])
      }
    }
  })
})

test_that("cwise_ops_binary_test: testMismatchedDimensions", {
  fresh_graph()
  fns <- list(tf$add, tf$subtract, tf$multiply, tf$divide, tf$truediv,
              function(x, y) x + y, function(x, y) x - y, function(x, y) x * y, function(x, y) x / y,
              function(x, y) x %/% y)
  for (f in fns) {
    expect_tf_error(f(tf$convert_to_tensor(c(10, 20, 30)), tf$convert_to_tensor(matrix(c(40, 60, 50, 70), 2))),
                    "value", "Dimensions must")
  }
})

test_that("cwise_ops_binary_test: testZeroPowGrad", {
  fresh_graph()
  sess <- tf$Session()
  for (dt in list(tf$float32, tf$float64)) {
    x <- tf$constant(0, dtype = dt)
    y <- tf$constant(2, dtype = dt)
    z <- tf$pow(x, y)
    # d(0^y)/dy is 0 (TensorFlow takes log(x) as 0 where x <= 0): no NaN.
    expect_identical(sess$run(tf$gradients(z, y)[[1]]), 0)
  }
})

test_that("cwise_ops_binary_test: testPowNegativeExponent", {
  fresh_graph()
  sess <- tf$Session()
  for (dt in list(tf$int32, tf$int64)) {
    x <- tf$constant(c(5, 2), dtype = dt)
    for (y in list(tf$constant(c(-2, 3), dtype = dt), tf$constant(c(2, -3), dtype = dt), -3)) {
      expect_tf_error(sess$run(tf$pow(x, y)), "invalid_argument", "Integers to negative integer powers are not allowed")
    }
  }
})

test_that("cwise_ops_binary_test: ComparisonOpTest.testScalarCompareScalar", {
  fresh_graph()
  sess <- tf$Session()
  cmp <- list(list(tf$less, `<`), list(tf$less_equal, `<=`), list(tf$greater, `>`),
              list(tf$greater_equal, `>=`), list(tf$equal, `==`), list(tf$not_equal, `!=`))
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) {
    for (x in c(-1, 0, 1)) for (y in c(-1, 0, 1)) for (f in cmp) {
      out <- sess$run(f[[1]](tf$constant(array(x), dtype = dt), tf$constant(array(y), dtype = dt)))
      expect_identical(out[[1]], f[[2]](x, y))
    }
  }
})

.comparisons <- list(Less = list(tf$less, `<`), LessEqual = list(tf$less_equal, `<=`),
                     Greater = list(tf$greater, `>`), GreaterEqual = list(tf$greater_equal, `>=`),
                     Equal = list(tf$equal, `==`), NotEqual = list(tf$not_equal, `!=`))

.compare_cmp <- function(sess, x, y, f, dtype) {
  want <- np_binary(f[[2]], x, y)
  out <- sess$run(f[[1]](tf$constant(x, dtype = dtype), tf$constant(y, dtype = dtype)))
  expect_identical(out, want)
}

.cast_like <- function(x, dtype) if (dtype$is_integer) trunc(x) else if (dtype$name == "float32") .f32_values(x) else x

test_that("cwise_ops_binary_test: ComparisonOpTest.testTensorCompareTensor", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(np_linspace(-15, 15, 6), c(1, 3, 2))
  y <- np_array(np_linspace(20, -10, 6), c(1, 3, 2))
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) {
    for (f in .comparisons) .compare_cmp(sess, .cast_like(x, dt), .cast_like(y, dt), f, dt)
  }
})

for (nm in names(.comparisons)) local({
  f <- .comparisons[[nm]]
  test_that(sprintf("cwise_ops_binary_test: ComparisonOpTest.testBCast%s", nm), {
    fresh_graph()
    sess <- tf$Session()
    for (shapes in .bcast_shapes[1:11]) {
      for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) {
        x <- .cast_like(np_array(np_linspace(-15, 15, prod(shapes[[1]])), shapes[[1]]), dt)
        y <- .cast_like(np_array(np_linspace(20, -10, prod(shapes[[2]])), shapes[[2]]), dt)
        .compare_cmp(sess, x, y, f, dt)
        .compare_cmp(sess, y, x, f, dt)
      }
    }
  })
})

test_that("cwise_ops_binary_test: ComparisonOpTest.testShapeMismatch", {
  fresh_graph()
  x <- matrix(0:9, 2, byrow = TRUE)
  y <- matrix(0:9, 5, byrow = TRUE)
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) {
    for (f in .comparisons) {
      expect_tf_error(f[[1]](tf$constant(x, dtype = dt), tf$constant(y, dtype = dt)), "value", "Dimensions must be equal")
    }
  }
})
