# Port of TensorFlow 1.15's kernel_tests/argmax_op_test.py (argmax; argmin is an
# op tfnative does not have). numpy's argmax: the first position of the maximum.

.np_argmax <- function(x, axis) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  x <- array(x, d)
  if (axis < 0) axis <- length(d) + axis
  keep <- setdiff(seq_along(d), axis + 1)
  if (!length(keep)) return(which.max(x) - 1)
  array(apply(x, keep, which.max) - 1, d[keep])
}

.test_arg <- function(sess, x, axis, dtype) {
  want <- .np_argmax(x, axis)
  ans <- tf$argmax(tf$constant(x, dtype = dtype), axis = axis)
  expect_identical(ans$dtype$name, "int64")  # the default output type
  out <- sess$run(ans)
  expect_identical(out, want)
  expect_identical(static_dim(ans), if (is.null(dim(want))) integer(0) else dim(want))
}

.test_basic <- function(sess, dtype) {
  x <- as.numeric(as.logical(0:199))
  x <- array(sample(x))
  .test_arg(sess, x, 0, dtype)
}

.test_tie_breaking <- function(sess, dtype) {
  x <- array(rep(0, 200))
  .test_arg(sess, x, 0, dtype)
}

.test_dim <- function(sess, dtype) {
  shp <- c(3, 2, 4, 5, 6, 3, 7)
  x <- array(sample(seq_len(prod(shp)) - 1), shp)
  for (axis in -7:6) .test_arg(sess, x, axis, dtype)
}

.test_type <- function(dtype) {
  fresh_graph()
  sess <- tf$Session()
  set.seed(41)
  .test_basic(sess, dtype)
  .test_tie_breaking(sess, dtype)
  .test_dim(sess, dtype)
}

test_that("argmax_op_test: testFloat", {
  .test_type(tf$float32)
})

test_that("argmax_op_test: testFloatInt32Output", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(42)
  x <- array(100 * rnorm(200))
  ans <- tf$argmax(tf$constant(x), axis = 0L, output_type = tf$int32)
  out <- sess$run(ans)
  expect_type(out, "integer")
  expect_identical(ans$dtype$name, "int32")
  expect_identical(out, as.integer(which.max(x) - 1))
})

test_that("argmax_op_test: testDouble", {
  .test_type(tf$float64)
})

test_that("argmax_op_test: testInt32", {
  .test_type(tf$int32)
})

test_that("argmax_op_test: testInt64", {
  .test_type(tf$int64)
})

test_that("argmax_op_test: testEmpty", {
  fresh_graph()
  sess <- tf$Session()
  expect_tf_error(sess$run(tf$argmax(numeric(0), 0L)), "invalid_argument", "Reduction axis 0 is empty in shape [0]")
})

test_that("argmax_op_test: testDefaultAxis", {
  fresh_graph()
  sess <- tf$Session()
  expect_identical(sess$run(tf$argmax(array(1))), 0)
})

test_that("argmax_op_test: testOutputEmpty", {
  fresh_graph()
  sess <- tf$Session()
  ret <- sess$run(tf$argmax(tf$zeros(c(1, 0, 2)), axis = -1L))
  expect_identical(dim(ret), c(1L, 0L))
})
