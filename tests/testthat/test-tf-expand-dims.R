# TensorFlow 1.15 tensorflow/python/kernel_tests/shape_ops_test.py, the expand_dims methods of
# ShapeOpsTest, ported to tf$expand_dims (graph mode).

# numpy's expand_dims of an R array (dim = the tensor's shape) at a 0-based axis.
np_expand_dims <- function(x, axis) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  if (axis < 0) axis <- axis + length(d) + 1
  array(x, append(d, 1L, after = axis))
}

# Checks tf$expand_dims's value and static shape against numpy's.
compare_expand_dims <- function(x, axis) {
  tensor <- tf$expand_dims(x, axis)
  sess <- tf$Session()
  on.exit(sess$close())
  want <- np_expand_dims(x, axis)
  expect_equal(static_dim(tensor), dim(want))
  expect_identical(sess$run(tensor), want)
}

expand_cases <- list(
  list(2, c(0, 1, -1)), list(c(2, 3), c(0, 1, 2, -1, -2)), list(c(2, 3, 5), c(0, 1, 2, 3, -1, -2, -3, -4))
)

test_that("shape_ops_test: testExpandDims", {
  fresh_graph()
  for (case in expand_cases) for (axis in case[[2]]) compare_expand_dims(array(0, case[[1]]), axis)
})

test_that("shape_ops_test: testExpandDimsBool", {
  fresh_graph()
  set.seed(11)
  for (case in expand_cases) {
    for (axis in case[[2]]) compare_expand_dims(array(sample(c(FALSE, TRUE), prod(case[[1]]), TRUE), case[[1]]), axis)
  }
})

test_that("shape_ops_test: testExpandDimsErrors", {
  fresh_graph()
  expect_tf_error(tf$expand_dims(array(0, c(2, 3, 5)), -5), "value", "dim -5 not in the interval [-4, 3].")
  expect_tf_error(tf$expand_dims(c(FALSE, TRUE, TRUE), -5), "value", "not in the interval [-2, 1].")
  expect_tf_error(tf$expand_dims(array(0, c(2, 3, 5)), 4), "value", "dim 4 not in the interval [-4, 3].")
  expect_tf_error(tf$expand_dims(c(FALSE, TRUE, TRUE), 4), "value", "not in the interval")
})

test_that("shape_ops_test: testExpandDimsGradient", {
  fresh_graph()
  set.seed(3)
  inp <- array(runif(8), c(4, 2))
  grad_check(function(x) tf$expand_dims(x, 1L), inp, tol = 1e-3)
  fresh_graph()
  x <- tf$constant(inp, dtype = tf$float32)
  y <- tf$expand_dims(x, 1L)
  expect_equal(static_dim(y), c(4L, 1L, 2L))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_equal(sess$run(tf$gradients(y, x)[[1]]), matrix(1, 4, 2))
})

test_that("shape_ops_test: testExpandDimsScalar", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  inp <- tf$constant(7L)
  expect_identical(sess$run(tf$expand_dims(inp, 0L)), array(7L))
  expect_identical(sess$run(tf$expand_dims(inp, -1L)), array(7L))
  inp <- tf$constant(TRUE)
  expect_identical(sess$run(tf$expand_dims(inp, 0L)), array(TRUE))
  expect_identical(sess$run(tf$expand_dims(inp, -1L)), array(TRUE))
})

test_that("shape_ops_test: testExpandDimsDimType", {
  fresh_graph()
  for (dtype in list(tf$int32, tf$int64)) {
    x <- array(0, 2)
    tensor <- tf$expand_dims(x, tf$constant(0L, dtype = dtype))
    sess <- tf$Session()
    expect_equal(static_dim(tensor), c(1L, 2L))
    expect_identical(sess$run(tensor), matrix(0, 1, 2))
    sess$close()
  }
})

# Not TensorFlow methods: an axis known only at run time (unknown static shape, checked by the
# kernel with TensorFlow's wording), a non-integer axis tensor, both axis and dim, no axis.
test_that("expand_dims: axis as a fed tensor, and argument errors", {
  fresh_graph()
  a <- tf$placeholder(tf$int32)
  y <- tf$expand_dims(matrix(1:6, 2, 3), a)
  expect_null(y$get_shape()$ndims)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(y, feed_dict = dict(a = -1L)), array(1:6, c(2, 3, 1)))
  expect_tf_error(sess$run(y, feed_dict = dict(a = 3L)), "invalid_argument",
                  "Tried to expand dim index 3 for tensor with 2 dimensions.")
  expect_tf_error(sess$run(y, feed_dict = dict(a = c(0L, 1L))), "invalid_argument", "'dim' must be a tensor with a single value")
  expect_tf_error(tf$expand_dims(1, tf$constant(0)), "type", "not in list of allowed values: int32, int64")
  expect_tf_error(tf$expand_dims(1, 0L, dim = 0L), "value", "Cannot specify both 'axis' and 'dim'")
  expect_tf_error(tf$expand_dims(1), "value", "Must specify an axis argument to tf.expand_dims()")
})
