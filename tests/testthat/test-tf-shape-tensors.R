# Ported TensorFlow 1.15 kernel tests (constant_op, reduction_ops, random_ops,
# reshape_op) whose shape, axis or fill value is given as a tensor, or that check
# how those arguments are validated.

# --- constant_op_test ------------------------------------------------------------

test_that("constant_op_test: ZerosTest.testScalar (shape tensor)", {
  fresh_graph()
  sess <- tf$Session()
  # An empty int32 shape tensor makes a scalar.
  expect_identical(sess$run(tf$zeros(tf$constant(integer(0), dtype = tf$int32))), 0)
})

test_that("constant_op_test: OnesTest.testScalar (shape tensor)", {
  fresh_graph()
  sess <- tf$Session()
  expect_identical(sess$run(tf$ones(tf$constant(integer(0), dtype = tf$int32))), 1)
})

test_that("constant_op_test: ZerosTest.testDynamicSizes", {
  fresh_graph()
  sess <- tf$Session()
  d <- tf$fill(c(2, 3), 12, name = "fill")
  # TensorFlow passes tf.shape(d); a constant shape tensor stands in for it.
  z <- tf$zeros(tf$constant(c(2L, 3L)))
  expect_identical(sess$run(z), matrix(0, 2, 3))
  expect_identical(static_dim(d), c(2L, 3L))
  expect_identical(static_dim(z), c(2L, 3L))  # constant shapes are folded into the static shape
})

test_that("constant_op_test: OnesTest.testDynamicSizes", {
  fresh_graph()
  sess <- tf$Session()
  z <- tf$ones(tf$constant(c(2L, 3L)))
  expect_identical(sess$run(z), matrix(1, 2, 3))
  expect_identical(static_dim(z), c(2L, 3L))
})

test_that("constant_op_test: ZerosTest.testDtype / OnesTest.testDtype (shape tensor)", {
  fresh_graph()
  sess <- tf$Session()
  s <- tf$constant(c(2L, 3L))
  expect_identical(tf$zeros(s)$dtype$name, "float32")
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64, tf$bool)) {
    z <- tf$zeros(s, dtype = dt)
    o <- tf$ones(s, dtype = dt)
    expect_identical(z$dtype$name, dt$name)
    expect_identical(static_dim(z), c(2L, 3L))
    expect_true(all(sess$run(z) == 0))
    expect_true(all(sess$run(o) == 1))
  }
})

test_that("constant_op_test: OnesTest.testAutoPack", {
  fresh_graph()
  sess <- tf$Session()
  h <- tf$placeholder(tf$int32, shape = list())
  w <- tf$placeholder(tf$int32, shape = list())
  z <- tf$ones(list(h, w))  # a list mixing tensors is packed into a shape tensor
  expect_identical(sess$run(z, feed_dict = dict(h = 4L, w = 16L)), matrix(1, 4, 16))
})

test_that("constant_op_test: FillTest.testFillNegative (fed dims)", {
  fresh_graph()
  sess <- tf$Session()
  dims <- tf$placeholder(tf$int32)
  fill_t <- tf$fill(dims, 3)
  for (s in list(-1L, c(2L, -1L), c(-1L, 2L))) {
    expect_tf_error(sess$run(fill_t, feed_dict = dict(dims = array(s))), "invalid_argument")
  }
})

test_that("constant_op_test: FillTest.testShapeFunctionEdgeCases", {
  fresh_graph()
  # Non-vector dims: ValueError "Shape must be rank 1 but is rank 2".
  expect_tf_error(tf$fill(matrix(0:3, 2, byrow = TRUE), 1), "value", "Shape must be rank 1 but is rank 2")
  # Non-scalar value: ValueError "Shape must be rank 0 but is rank 1".
  expect_tf_error(tf$fill(c(3, 2), c(1, 2)), "value", "Shape must be rank 0 but is rank 1")
  # Partial dimension information.
  f <- tf$fill(tf$placeholder(tf$int32, shape = shape(4L)), 3)
  expect_identical(f$get_shape()$as_list(), list(NA_real_, NA_real_, NA_real_, NA_real_))
  f <- tf$fill(list(tf$placeholder(tf$int32, shape = list()), 17L), 1)
  expect_identical(f$get_shape()$as_list(), list(NA_real_, 17))
})

test_that("constant_op_test: FillTest.testGradient (value tensor)", {
  fresh_graph()
  sess <- tf$Session()
  in_v <- tf$constant(5)
  out <- tf$fill(c(3, 2), in_v)  # fill's value may be a tensor; its gradient is the sum
  expect_identical(sess$run(tf$gradients(tf$reduce_sum(out), in_v)[[1]]), 6)
})

test_that("constant_op_test: FillTest.testFillString", {
  fresh_graph()
  sess <- tf$Session()
  expect_identical(sess$run(tf$fill(c(2, 3), "yolo", name = "fill")), matrix("yolo", 2, 3))
})

# --- reduction_ops_test -------------------------------------------------------------

test_that("reduction_ops_test: SumReductionTest.testAxesType / MeanReductionTest.testAxesType", {
  fresh_graph()
  sess <- tf$Session()
  for (dt in list(tf$int64, tf$int32)) {
    expect_identical(sess$run(tf$reduce_sum(c(0, 0), tf$constant(0L, dtype = dt))), 0)
    expect_identical(sess$run(tf$reduce_mean(c(0, 0), tf$constant(0L, dtype = dt))), 0)
  }
})

test_that("reduction_ops_test: SumReductionTest.testPartialShapes (unknown indices)", {
  fresh_graph()
  unknown_indices <- tf$placeholder(tf$int32)
  c1 <- tf$constant(matrix(c(10, 20), 2, 1))
  expect_null(tf$reduce_sum(c1, unknown_indices, keepdims = FALSE)$get_shape()$ndims)
  expect_identical(tf$reduce_sum(c1, unknown_indices, keepdims = TRUE)$get_shape()$ndims, 2L)
})

test_that("reduction_ops_test: SumReductionTest.testWrongShapeForReductionIndices", {
  fresh_graph()
  c_unknown <- tf$placeholder(tf$float32)
  # Axes given as a rank-2 value: ValueError "... must be at most rank 1 ...".
  expect_tf_error(tf$reduce_sum(c_unknown, matrix(c(1, 2), 2, 1)), "value", "must be at most rank 1")
})

test_that("reduction_ops_test: empty axis list reduces nothing (BaseReductionTest._compareAll with axes=[])", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(1:6 + 0, 2)
  # reduce_sum(x, []) is x: an empty axis list reduces nothing (NULL reduces every axis).
  expect_identical(sess$run(tf$reduce_sum(x, list())), x)
  expect_identical(sess$run(tf$reduce_mean(x, list())), x)
})

# --- random_ops_test --------------------------------------------------------------

for (fn_name in c("truncated_normal", "random_normal", "random_uniform")) local({
  fn <- tf[[fn_name]]
  test_that(sprintf("random_ops_test: RandomShapeTest (%s, shape tensors)", fn_name), {
    fresh_graph()
    rnd2 <- fn(tf$placeholder(tf$int32, shape = shape(3L)))
    expect_identical(rnd2$get_shape()$as_list(), list(NA_real_, NA_real_, NA_real_))
    rnd3 <- fn(tf$placeholder(tf$int32))
    expect_null(rnd3$get_shape()$ndims)
  })
})

test_that("random_ops_test: RandomUniformTest.testUniformIntsWithInvalidShape", {
  fresh_graph()
  for (dt in list(tf$int32, tf$int64)) {
    expect_tf_error(tf$random_uniform(c(1000), minval = c(1, 2), maxval = 3, dtype = dt), "value", "Shape must be rank 0 but is rank 1")
    expect_tf_error(tf$random_uniform(c(1000), minval = 1, maxval = c(2, 3), dtype = dt), "value", "Shape must be rank 0 but is rank 1")
  }
})

# --- reshape_op_test ----------------------------------------------------------------

test_that("reshape_op_test: _testReshape with an int64 shape tensor", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(1:6 + 0, 1, 6)
  for (y in list(c(2, 3), c(3, -1), c(-1, 2), -1)) {
    t <- tf$reshape(x, tf$constant(array(y), dtype = tf$int64))  # array(): -1 as a [1] vector
    out <- sess$run(t)
    want_dim <- if (length(y) == 1L) 6L else as.integer(ifelse(y == -1, 6 / prod(y[y != -1]), y))
    expect_identical(dim(out), want_dim)
    expect_identical(static_dim(t), want_dim)
    expect_equal(out, np_array(1:6 + 0, want_dim))  # row-major, as numpy's reshape
  }
})

test_that("reshape_op_test: testZeroDimWithUnspecifiedDim (int64 shape tensor)", {
  fresh_graph()
  sess <- tf$Session()
  y <- tf$reshape(matrix(0, 0, 6), tf$constant(c(0, -1, 3), dtype = tf$int64))
  expect_identical(dim(sess$run(y)), c(0L, 2L, 3L))
})

test_that("reshape_op_test: testPartialShapes (shape tensors)", {
  fresh_graph()
  x <- tf$placeholder(tf$float32)
  y <- tf$reshape(x, tf$placeholder(tf$int32))
  expect_null(y$get_shape()$ndims)
  y <- tf$reshape(x, tf$placeholder(tf$int32, shape = shape(3L)))
  expect_identical(y$get_shape()$as_list(), list(NA_real_, NA_real_, NA_real_))
  y <- tf$reshape(x, list(tf$placeholder(tf$int32), 37L))
  expect_identical(y$get_shape()$as_list(), list(NA_real_, 37))
})
