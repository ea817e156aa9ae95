# Port of TensorFlow 1.15's kernel_tests/reshape_op_test.py. numpy's row-major
# reshape is re-expressed with aperm() on R arrays whose dim is the tensor's shape.

.row_major <- function(x) if (length(dim(x)) > 1L) as.vector(aperm(x)) else as.vector(x)

.np_reshape <- function(x, shape) {
  v <- .row_major(x)
  if (any(shape == -1)) shape[shape == -1] <- if (prod(shape[shape != -1]) == 0) 0 else length(v) / prod(shape[shape != -1])
  if (length(shape) == 1L) return(array(v, shape))
  aperm(array(v, rev(shape)), rev(seq_along(shape)))
}

.test_reshape <- function(x, y, dtype = NULL) {
  sess <- tf$Session()
  on.exit(sess$close())
  want <- .np_reshape(x, y)
  t <- tf$reshape(tf$constant(x, dtype = dtype), y)
  out <- sess$run(t)
  expect_identical(t$get_shape()$as_list(), as.list(as.numeric(dim(out))))
  expect_identical(dim(out), dim(want))
  expect_equal(as.vector(out), as.vector(want))
}

# numpy's arange(1., 7.).reshape([1, 6]).
.one_by_six <- function() matrix(1:6, 1, 6)

test_that("reshape_op_test: testBoolBasic", {
  fresh_graph()
  .test_reshape(.one_by_six() > 3, c(2, 3))
})

test_that("reshape_op_test: testFloatBasic", {
  fresh_graph()
  .test_reshape(.one_by_six() + 0, c(2, 3))
})

test_that("reshape_op_test: testDoubleBasic", {
  fresh_graph()
  .test_reshape(.one_by_six() + 0, c(2, 3), dtype = tf$float64)
})

test_that("reshape_op_test: testInt32Basic", {
  fresh_graph()
  .test_reshape(.one_by_six(), c(2, 3))
})

test_that("reshape_op_test: testFloatReshapeThreeDimensions", {
  fresh_graph()
  .test_reshape(matrix(1:27 + 0, 1, 27), c(3, 3, 3))
})

test_that("reshape_op_test: testFloatUnspecifiedDimOnly", {
  fresh_graph()
  .test_reshape(array(1:6 + 0), -1)
})

test_that("reshape_op_test: testFloatUnspecifiedDimBegin", {
  fresh_graph()
  .test_reshape(array(1:6 + 0), c(-1, 2))
})

test_that("reshape_op_test: testFloatUnspecifiedDimEnd", {
  fresh_graph()
  .test_reshape(array(1:6 + 0), c(3, -1))
})

test_that("reshape_op_test: testZeroDimBasic", {
  fresh_graph()
  .test_reshape(matrix(0, 0, 6), c(0, 2, 3))
})

test_that("reshape_op_test: testZeroDimReshapeR1", {
  fresh_graph()
  .test_reshape(matrix(0, 0, 6), -1)
})

test_that("reshape_op_test: testZeroDimReshapeR3", {
  fresh_graph()
  sess <- tf$Session()
  # [0, 6] to [-1, 2, 3]: the -1 is 0.
  t <- tf$reshape(matrix(0, 0, 6), c(-1, 2, 3))
  expect_identical(t$get_shape()$as_list(), list(0, 2, 3))
  expect_identical(dim(sess$run(t)), c(0L, 2L, 3L))
})

test_that("reshape_op_test: testFloatReshapeGradThreeDimensions", {
  x <- aperm(array(1:24 + 0, c(4, 3, 2)))
  grad_check(function(t) tf$reshape(t, c(1, 8, 3)), x, eps = 1e-3, tol = 1e-6)
})

test_that("reshape_op_test: testFloatEmpty", {
  fresh_graph()
  x <- array(numeric(0), c(0, 0, 0, 0))
  for (y in list(c(1, 2, 3, 0), c(1, 0, 0, 4), c(0, 0, 0, 0), c(1, 2, 0), c(0, 0, 0))) .test_reshape(x, y)
  sess <- tf$Session()
  t <- tf$reshape(x, c(1, -1, 5))
  expect_identical(t$get_shape()$as_list(), list(1, 0, 5))
  expect_identical(dim(sess$run(t)), c(1L, 0L, 5L))
})

test_that("reshape_op_test: testZeroDimWithUnspecifiedDim", {
  fresh_graph()
  sess <- tf$Session()
  y <- tf$reshape(matrix(0, 0, 6), c(0, -1, 3))
  expect_identical(dim(sess$run(y)), c(0L, 2L, 3L))
})

test_that("reshape_op_test: testErrors", {
  fresh_graph()
  y <- tf$constant(0, shape = c(23, 29, 31))
  expect_tf_error(tf$reshape(y, c(17, -1)), "value", "must be evenly divisible by 17")
  z <- tf$constant(0, shape = c(32, 128))
  expect_tf_error(tf$reshape(z, 4095), "value", "Cannot reshape a tensor with 4096 elements")
})

test_that("reshape_op_test: testPartialShapes", {
  fresh_graph()
  x <- tf$placeholder(tf$float32)
  # Unknown input shape, partial new shape.
  y <- tf$reshape(x, c(1, 1, -1, 1))
  expect_identical(y$get_shape()$as_list(), list(1, 1, NA_real_, 1))
  # Run-time checks of the same reshape.
  sess <- tf$Session()
  expect_identical(dim(sess$run(y, feed_dict = dict(x = array(0, 6)))), c(1L, 1L, 6L, 1L))
  y2 <- tf$reshape(x, c(4, -1))
  expect_tf_error(sess$run(y2, feed_dict = dict(x = array(0, 6))), "invalid_argument",
                  "Input to reshape is a tensor with 6 values, but the requested shape requires a multiple of 4")
  y3 <- tf$reshape(x, c(4, 2))
  expect_tf_error(sess$run(y3, feed_dict = dict(x = array(0, 6))), "invalid_argument",
                  "Input to reshape is a tensor with 6 values, but the requested shape has 8")
})

test_that("reshape_op_test: testTensorShape", {
  fresh_graph()
  x <- tf$zeros(c(1, 100))
  expect_identical(tf$reshape(x, list(100L, 1L))$get_shape()$as_list(), list(100, 1))
  expect_identical(tf$reshape(x, shape(100L, 1L))$get_shape()$as_list(), list(100, 1))
})

test_that("reshape_op_test: testInt64Shape", {
  fresh_graph()
  x <- tf$zeros(c(50000, 50000), dtype = tf$bool)
  # Dimensions beyond int32, in the static shape.
  expect_identical(tf$reshape(x, 50000^2)$get_shape()$as_list(), list(50000^2))
  expect_identical(tf$reshape(x, c(1, 50000^2))$get_shape()$as_list(), list(1, 50000^2))
})
