# Port of TensorFlow 1.15's kernel_tests/bias_op_test.py (its methods live in
# bias_op_base.py's BiasAddTestBase). float16 and GPU variants do not apply.

.np_bias <- function(inputs, bias) np_binary(`+`, inputs, array(bias))

# NHWC <-> NCHW, on R arrays whose dim is the tensor's shape; at least rank 3.
.at_least_3d <- function(x) {
  d <- dim(x)
  if (length(d) < 3L) array(x, c(rep(1, 3 - length(d)), d)) else x
}
.nhwc_to_nchw <- function(x) {
  x <- .at_least_3d(x)
  r <- length(dim(x))
  aperm(x, c(1, r, 2:(r - 1)))
}
.nchw_to_nhwc <- function(x) {
  r <- length(dim(x))
  aperm(x, c(1, 3:r, 2))
}

.test_bias <- function(sess, inputs, bias, dtype) {
  want <- .np_bias(inputs, bias)
  out <- sess$run(tf$nn$bias_add(tf$constant(inputs, dtype = dtype), tf$constant(array(bias), dtype = dtype)))
  if (dtype$is_integer) {
    expect_identical(as.numeric(out), as.numeric(want))
    if (dtype$name == "int32") expect_type(out, "integer")
  } else {
    expect_equal(out, want, tolerance = 1e-6)
  }
  expect_identical(dim(out), dim(want))
}

.test_bias_nchw <- function(sess, inputs, bias, dtype) {
  want <- .at_least_3d(.np_bias(inputs, bias))
  out <- sess$run(tf$nn$bias_add(tf$constant(.nhwc_to_nchw(inputs), dtype = dtype), tf$constant(array(bias), dtype = dtype),
                                 data_format = "NCHW"))
  out <- .nchw_to_nhwc(out)
  expect_equal(as.vector(out), as.vector(want), tolerance = 1e-6)
  expect_identical(dim(out), dim(want))
}

.test_all <- function(inputs, bias, dtype) {
  sess <- tf$Session()
  on.exit(sess$close())
  .test_bias(sess, inputs, bias, dtype)
  .test_bias_nchw(sess, inputs, bias, dtype)
}

test_that("bias_op_test: testInputDims", {
  fresh_graph()
  expect_tf_error(tf$nn$bias_add(c(1, 2), 1), "value")
})

test_that("bias_op_test: testBiasVec", {
  fresh_graph()
  expect_tf_error(tf$nn$bias_add(tf$reshape(c(1, 2), c(1, 2)), tf$reshape(c(1, 2), c(1, 2))), "value")
})

test_that("bias_op_test: testBiasInputsMatch", {
  fresh_graph()
  expect_tf_error(tf$nn$bias_add(tf$reshape(c(1, 2), c(1, 2)), tf$reshape(1, 1L)), "value")
})

test_that("bias_op_test: testIntTypes", {
  fresh_graph()
  for (dt in list(tf$int32, tf$int64)) .test_all(matrix(c(10, 20, 30, 40, 50, 60), 2, byrow = TRUE), c(1, 2, 3), dt)
})

test_that("bias_op_test: testFloatTypes", {
  fresh_graph()
  set.seed(51)
  for (dt in list(tf$float32, tf$float64)) .test_all(array(runif(36), c(4, 3, 3)), runif(3), dt)
})

test_that("bias_op_test: test4DFloatTypes", {
  fresh_graph()
  set.seed(52)
  for (dt in list(tf$float32, tf$float64)) {
    .test_all(array(runif(72), c(4, 3, 2, 3)), runif(3), dt)
    .test_all(array(runif(2048 * 64), c(2048, 4, 4, 4)), runif(4), dt)
    .test_all(array(runif(2048 * 64), c(4, 4, 4, 2048)), runif(2048), dt)
  }
})

test_that("bias_op_test: test5DFloatTypes", {
  fresh_graph()
  set.seed(53)
  for (dt in list(tf$float32, tf$float64)) .test_all(array(runif(288), c(4, 3, 2, 3, 4)), runif(4), dt)
})

# The functions are linear, so wide finite differences are exact up to rounding.
# Jacobians (float64) of bias_add with respect to the input and the bias, and of
# BiasAddGrad (the bias gradient) with respect to the incoming gradient.
.test_gradient <- function(np_input, bias, data_format) {
  x <- if (data_format == "NCHW") .nhwc_to_nchw(np_input) else np_input
  b <- array(bias)
  bias_add <- function(v, w) tf$nn$bias_add(v, w, data_format = data_format)
  grad_check(function(t) bias_add(t, tf$constant(b, dtype = tf$float64)), x, eps = 1e-2, tol = 1e-8)
  grad_check(function(t) bias_add(tf$constant(x, dtype = tf$float64), t), b, eps = 1e-2, tol = 1e-8)
  grad_check(function(t) {
    y <- bias_add(tf$constant(x, dtype = tf$float64), tf$constant(b, dtype = tf$float64))
    tf$gradients(y, tf$get_default_graph()$get_tensor_by_name(y$op$inputs[[2]]$name), grad_ys = t)[[1]]
  }, x, eps = 1e-2, tol = 1e-8)
}

test_that("bias_op_test: testGradientTensor2D", {
  .test_gradient(np_array(c(1, 2, 3, 4, 5, 6), c(3, 2)), c(1.3, 2.4), "NHWC")
})

test_that("bias_op_test: testGradientTensor3D", {
  for (fmt in c("NHWC", "NCHW")) .test_gradient(np_array(c(1, 2, 3, 4, 5, 6), c(1, 3, 2)), c(1.3, 2.4), fmt)
})

test_that("bias_op_test: testGradientTensor4D", {
  .test_gradient(np_array(1:48 + 0, c(2, 3, 4, 2)), c(1.3, 2.4), "NHWC")
  .test_gradient(np_array(1:512 + 0, c(64, 2, 2, 2)), c(1.3, 2.4), "NHWC")
  set.seed(54)
  .test_gradient(np_array(1:512 + 0, c(2, 2, 2, 64)), runif(64), "NHWC")
})

test_that("bias_op_test: testGradientTensor5D", {
  for (fmt in c("NHWC", "NCHW")) .test_gradient(np_array(1:48 + 0, c(1, 2, 3, 4, 2)), c(1.3, 2.4), fmt)
})

test_that("bias_op_test: testEmpty", {
  fresh_graph()
  set.seed(7)
  for (s in list(c(0, 0), c(2, 0), c(0, 2), c(4, 3, 0), c(4, 0, 3), c(0, 4, 3))) {
    .test_all(array(rnorm(prod(s)), s), rnorm(s[length(s)]), tf$float64)
  }
})

test_that("bias_op_test: testEmptyGradient", {
  set.seed(8)
  for (s in list(c(0, 0), c(2, 0), c(0, 2))) .test_gradient(array(rnorm(prod(s)), s), rnorm(s[length(s)]), "NHWC")
  for (fmt in c("NHWC", "NCHW")) {
    for (s in list(c(4, 3, 0), c(4, 0, 3), c(0, 4, 3))) .test_gradient(array(rnorm(prod(s)), s), rnorm(s[length(s)]), fmt)
  }
})
