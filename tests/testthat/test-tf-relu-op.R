# Port of TensorFlow 1.15's kernel_tests/relu_op_test.py (ReluTest; relu6,
# leaky_relu, elu, selu and crelu are ops tfnative does not have).

.np_relu <- function(x) pmax(x, 0)

.test_relu <- function(sess, x, dtype) {
  want <- .np_relu(x)
  t <- tf$nn$relu(tf$constant(x, dtype = dtype))
  got <- sess$run(t)
  expect_equal(as.vector(got), as.vector(want))
  expect_identical(dim(got), dim(want))
  expect_identical(static_dim(t), dim(want))
}

.grad_x <- matrix(c(-0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9), 2, byrow = TRUE)

test_that("relu_op_test: testNumbersCPU", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(c(-9, 7, -5, 3, -1, 1, -3, 5, -7, 9), 2, byrow = TRUE)
  for (dt in list(tf$int32, tf$int64, tf$float32, tf$float64)) .test_relu(sess, x, dt)
  expect_type(sess$run(tf$nn$relu(tf$constant(x, dtype = tf$int32))), "integer")
})

test_that("relu_op_test: testNoElement", {
  fresh_graph()
  sess <- tf$Session()
  .test_relu(sess, matrix(numeric(0), 2, 0), tf$float32)
})

test_that("relu_op_test: testGradientFloat32", {
  # Away from 0, where the derivative is not defined; the check runs in float64.
  grad_check(function(t) tf$nn$relu(t), .grad_x, eps = 1e-4, tol = 1e-4)
})

test_that("relu_op_test: testGradientFloat64", {
  grad_check(function(t) tf$nn$relu(t), .grad_x, eps = 1e-6, tol = 1e-10)
})

test_that("relu_op_test: testGradGradFloat64", {
  # The gradient of relu's gradient with respect to the features is zero away from 0.
  fresh_graph()
  sess <- tf$Session()
  x <- tf$constant(.grad_x, dtype = tf$float64)
  g <- tf$gradients(tf$nn$relu(x), x)[[1]]
  expect_identical(sess$run(g), (.grad_x > 0) + 0)
  gg <- tf$gradients(g, x)[[1]]
  expect_identical(sess$run(gg), matrix(0, 2, 5))
})

test_that("relu_op_test: testGradGradFloat32", {
  # d/dx of relu's gradient (zero away from 0), then a second derivative that flows
  # through ReluGrad's incoming gradient, both against finite differences.
  grad_check(function(t) tf$gradients(tf$nn$relu(t), t)[[1]], .grad_x, eps = 1e-4, tol = 1e-4)
  grad_check(function(t) {
    y <- tf$nn$relu(t)
    tf$gradients(y * t, t)[[1]]
  }, .grad_x, eps = 1e-6, tol = 1e-6)
})

test_that("relu_op_test: testGradientScalar", {
  fresh_graph()
  sess <- tf$Session()
  x <- tf$Variable(100)
  loss <- tf$nn$relu(x)^2
  train <- tf$train$GradientDescentOptimizer(learning_rate = 0.25)$minimize(loss)
  sess$run(tf$global_variables_initializer())
  sess$run(train)
  expect_equal(sess$run(x), 50)
})

test_that("relu_op_test: testGradientNoElement", {
  fresh_graph()
  sess <- tf$Session()
  x <- tf$constant(matrix(numeric(0), 2, 0))
  g <- tf$gradients(tf$nn$relu(x), x)[[1]]
  expect_identical(dim(sess$run(g)), c(2L, 0L))
})
