# Port of TensorFlow 1.15's kernel_tests/softmax_op_test.py.

# numpy reference: softmax (or log-softmax) of x along a 0-based axis.
.np_softmax <- function(x, axis = -1, log = FALSE) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  x <- array(x, d)
  if (axis < 0) axis <- length(d) + axis
  keep <- setdiff(seq_along(d), axis + 1)
  f <- function(v) {
    e <- exp(v - max(v))
    s <- e / sum(e)
    if (log) log(s) else s
  }
  if (!length(keep)) return(array(f(x), d))
  out <- apply(x, keep, f)  # the softmax axis comes first
  aperm(array(out, c(d[axis + 1], d[keep])), order(c(axis + 1, keep)))
}

.test_softmax <- function(x, dtype, axis = -1, log = FALSE) {
  sess <- tf$Session()
  on.exit(sess$close())
  want <- .np_softmax(x, axis, log)
  fn <- if (log) tf$nn$log_softmax else tf$nn$softmax
  # An arbitrary op name: the op type, not the name, must pick the function.
  t <- fn(tf$constant(x, dtype = dtype), axis = axis, name = "arbitrary")
  out <- sess$run(t)
  tol <- if (dtype$name == "float32") 1e-6 else 1e-12
  expect_equal(as.vector(out), as.vector(want), tolerance = tol)
  expect_identical(static_dim(t), dim(want))
  if (!log) {
    r <- length(dim(want))
    keep <- setdiff(seq_len(r), (if (axis < 0) r + axis else axis) + 1)
    sums <- if (length(keep)) apply(array(out, dim(want)), keep, sum) else sum(out)
    expect_equal(as.vector(sums), rep(1, length(sums)), tolerance = tol)
  }
}

.test_overflow <- function(dtype) {
  sess <- tf$Session()
  on.exit(sess$close())
  mx <- if (dtype$name == "float32") 3.4028234663852886e38 else .Machine$double.xmax
  x <- matrix(c(1, 1, 1, 1, mx, 1, 2, 3), 2, byrow = TRUE)
  out <- sess$run(tf$nn$log_softmax(tf$constant(x, dtype = dtype)))
  expect_equal(out, matrix(c(rep(-1.386294, 4), 0, -mx, -mx, -mx), 2, byrow = TRUE), tolerance = 1e-5)
}

.features <- matrix(c(1, 1, 1, 1, 1, 2, 3, 4), 2, byrow = TRUE)
.features3 <- np_array(c(1, 1, 1, 1, 1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9, 5, 4, 3, 2, 1, 2, 3, 4), c(3, 2, 4))

test_that("softmax_op_test: testFloat", {
  fresh_graph()
  .test_softmax(.features, tf$float32)
  .test_softmax(.features, tf$float32, log = TRUE)
  .test_overflow(tf$float32)
})

test_that("softmax_op_test: testDouble", {
  fresh_graph()
  .test_softmax(.features, tf$float64)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: test1DTensorAsInput", {
  fresh_graph()
  .test_softmax(array(c(3, 2, 3, 9)), tf$float64)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: test1DTensorAsInputNoReshape", {
  fresh_graph()
  .test_softmax(array(c(3, 2, 3, 9)), tf$float64)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: test3DTensorAsInput", {
  fresh_graph()
  .test_softmax(.features3, tf$float32)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: test3DTensorAsInputNoReshape", {
  fresh_graph()
  .test_softmax(.features3, tf$float32)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: testAlongFirstDimension", {
  fresh_graph()
  .test_softmax(.features3, tf$float32, axis = 0)
  .test_softmax(.features3, tf$float32, axis = 0, log = TRUE)
  .test_overflow(tf$float64)
})

test_that("softmax_op_test: testAlongSecondDimension", {
  fresh_graph()
  .test_softmax(.features3, tf$float32, axis = 1)
  .test_softmax(.features3, tf$float32, axis = 1, log = TRUE)
  .test_overflow(tf$float64)
  # Gradients along a middle axis, against finite differences.
  grad_check(function(t) tf$nn$softmax(t, axis = 1L), .features3, eps = 1e-6, tol = 1e-6)
  grad_check(function(t) tf$nn$log_softmax(t, axis = 0L), .features3, eps = 1e-6, tol = 1e-6)
})

test_that("softmax_op_test: testShapeInference", {
  fresh_graph()
  expect_identical(tf$nn$softmax(.features3)$get_shape()$as_list(), list(3, 2, 4))
})

test_that("softmax_op_test: testEmptyInput", {
  fresh_graph()
  sess <- tf$Session()
  x <- tf$placeholder(tf$float32, shape = shape(0L, 3L))
  # The placeholder is not fed: InvalidArgument, as in TensorFlow's test.
  expect_tf_error(sess$run(tf$nn$softmax(x, axis = 0L)), "invalid_argument")
  # Fed with an empty value, softmax gives an empty result.
  expect_identical(dim(sess$run(tf$nn$softmax(x, axis = 0L), feed_dict = dict(x = matrix(0, 0, 3)))), c(0L, 3L))
})

test_that("softmax_op_test: testInvalidAxis", {
  fresh_graph()
  ones <- tf$ones(c(2, 3))
  expect_tf_error(tf$nn$softmax(ones, axis = 2L), "invalid_argument", "Dimension (2) must be in the range [-2, 2)")
})

test_that("softmax_op_test: testLargeDims", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(31)
  for (d in c(129, 256)) {
    ones <- matrix(runif(d * d), d, d)
    x <- tf$placeholder(tf$float32)
    y <- tf$nn$softmax(x)
    expect_equal(sess$run(y, feed_dict = dict(x = ones)), .np_softmax(ones), tolerance = 1e-6)
  }
})

test_that("softmax_op_test: testDimTooLarge", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  # The axis is a tensor, so the error comes when the graph runs.
  dim <- tf$placeholder_with_default(100L, shape = shape())
  expect_tf_error(sess$run(tf$nn$softmax(c(1, 2, 3, 4), axis = dim)), "invalid_argument",
                  "Dimension (100) must be in the range [-1, 1)")
  # A fed axis in range works, and matches the attribute form.
  x <- tf$constant(matrix(c(1, 2, 3, 4, 5, 7), 2))
  expect_equal(sess$run(tf$nn$softmax(x, axis = dim), feed_dict = dict(dim = 0L)), sess$run(tf$nn$softmax(x, axis = 0L)))
  expect_equal(sess$run(tf$nn$log_softmax(x, axis = dim), feed_dict = dict(dim = -1L)), sess$run(tf$nn$log_softmax(x)))
})

test_that("softmax with a tensor axis has the gradient of the attribute form", {
  grad_check(function(x) tf$nn$softmax(x, axis = tf$constant(0L)), matrix(c(0.1, -0.4, 1.2, 0.3, 0.8, -1), 2))
  grad_check(function(x) tf$nn$log_softmax(x, axis = tf$constant(1L)), matrix(c(0.1, -0.4, 1.2, 0.3, 0.8, -1), 2))
})
