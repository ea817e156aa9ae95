# TensorFlow 1.15 tensorflow/python/ops/nn_xent_test.py, SigmoidCrossEntropyWithLogitsTest,
# ported to tf$nn$sigmoid_cross_entropy_with_logits (graph mode).

xent_x <- c(-100, -2, -2, 0, 2, 2, 2, 100)
xent_z <- c(0, 0, 1, 0, 0, 1, 0.5, 1)

# The reference loss: cross entropy of the clipped sigmoid, in row-major order of `sizes`.
xent_reference <- function(x = xent_x, z = xent_z, sizes = length(x)) {
  p <- pmin(pmax(1 / (1 + exp(-x)), 1e-4), 1 - 1e-4)
  np_array(-z * log(p) - (1 - z) * log(1 - p), sizes)
}

xent_inputs <- function(dtype = tf$float64, sizes = length(xent_x)) {
  list(logits = tf$constant(xent_x, shape = sizes, dtype = dtype, name = "logits"),
       targets = tf$constant(xent_z, shape = sizes, dtype = dtype, name = "targets"))
}

test_that("nn_xent_test: testConstructionNamed", {
  fresh_graph()
  i <- xent_inputs()
  loss <- tf$nn$sigmoid_cross_entropy_with_logits(labels = i$targets, logits = i$logits, name = "mylogistic")
  expect_equal(loss$op$name, "mylogistic")
})

test_that("nn_xent_test: testLogisticOutput", {
  fresh_graph()
  # float16 is not a tfnative dtype: float32 only.
  i <- xent_inputs(dtype = tf$float32)
  loss <- tf$nn$sigmoid_cross_entropy_with_logits(labels = i$targets, logits = i$logits)
  sess <- tf$Session()
  on.exit(sess$close())
  out <- sess$run(loss)
  expect_equal(dim(out), 8L)
  expect_lt(max(abs(out - xent_reference())), 0.002)
})

test_that("nn_xent_test: testLogisticOutputMultiDim", {
  fresh_graph()
  i <- xent_inputs(dtype = tf$float32, sizes = c(2, 2, 2))
  loss <- tf$nn$sigmoid_cross_entropy_with_logits(labels = i$targets, logits = i$logits)
  sess <- tf$Session()
  on.exit(sess$close())
  out <- sess$run(loss)
  expect_equal(dim(out), c(2L, 2L, 2L))
  expect_lt(max(abs(out - xent_reference(sizes = c(2, 2, 2)))), 0.002)
})

test_that("nn_xent_test: testGradient", {
  fresh_graph()
  sizes <- c(4, 2)
  i <- xent_inputs(sizes = sizes)
  loss <- tf$nn$sigmoid_cross_entropy_with_logits(labels = i$targets, logits = i$logits)
  sess <- tf$Session()
  on.exit(sess$close())
  # Each loss depends on its own logit only: the Jacobian is diagonal, d loss / d x = sigmoid(x) - z.
  g <- sess$run(tf$gradients(loss, i$logits)[[1]])
  expect_lt(max(abs(g - np_array(1 / (1 + exp(-xent_x)) - xent_z, sizes))), 1e-7)
  # And against finite differences (the logits include 0, where the stable form switches branch).
  z <- np_array(xent_z, sizes)
  grad_check(function(x) tf$nn$sigmoid_cross_entropy_with_logits(labels = tf$constant(z, dtype = tf$float64), logits = x),
             np_array(xent_x, sizes), tol = 1e-7)
})

test_that("nn_xent_test: testGradientAtZero", {
  fresh_graph()
  logits <- tf$constant(c(0, 0), dtype = tf$float64)
  targets <- tf$constant(c(0, 1), dtype = tf$float64)
  loss <- tf$nn$sigmoid_cross_entropy_with_logits(labels = targets, logits = logits)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_equal(sess$run(tf$gradients(loss, logits)[[1]]), array(c(0.5, -0.5)))
})

test_that("nn_xent_test: testShapeError", {
  fresh_graph()
  expect_tf_error(tf$nn$sigmoid_cross_entropy_with_logits(labels = c(1, 2, 3), logits = matrix(c(2, 1), 1)),
                  "value", "must have the same shape")
})
