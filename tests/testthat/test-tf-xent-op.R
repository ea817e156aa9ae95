# Port of TensorFlow 1.15's kernel_tests/xent_op_test.py. TensorFlow's tests call the
# raw op (gen_nn_ops), which returns the loss and the backprop; tfnative exposes the
# wrapper, so the backprop is read as the gradient of the summed loss.

.np_xent <- function(features, labels, axis = -1) {
  d <- dim(features)
  if (axis < 0) axis <- length(d) + axis
  probs <- .np_softmax_axis(features, axis)
  keep <- setdiff(seq_along(d), axis + 1)
  l <- -apply(labels * log(probs + 1e-20), keep, sum)
  list(loss = array(l, d[keep]), backprop = probs - labels)
}

.np_softmax_axis <- function(x, axis) {
  d <- dim(x)
  keep <- setdiff(seq_along(d), axis + 1)
  out <- apply(x, keep, function(v) exp(v - max(v)) / sum(exp(v - max(v))))
  aperm(array(out, c(d[axis + 1], d[keep])), order(c(axis + 1, keep)))
}

.test_xent <- function(features, labels, dtype, placeholders = FALSE) {
  sess <- tf$Session()
  on.exit(sess$close())
  want <- .np_xent(features, labels)
  if (placeholders) {
    f <- tf$placeholder(dtype)
    l <- tf$placeholder(dtype)
    feed <- dict(f = features, l = labels)
  } else {
    f <- tf$constant(features, dtype = dtype)
    l <- tf$constant(labels, dtype = dtype)
    feed <- NULL
  }
  loss <- tf$nn$softmax_cross_entropy_with_logits(labels = l, logits = f)
  backprop <- tf$gradients(tf$reduce_sum(loss), f)[[1]]
  out <- sess$run(list(loss, backprop), feed_dict = feed)
  tol <- if (dtype$name == "float32") 1e-6 else 1e-12
  expect_equal(out[[1]], want$loss, tolerance = tol)
  expect_equal(out[[2]], want$backprop, tolerance = tol)
}

.f <- matrix(c(1, 1, 1, 1, 1, 2, 3, 4), 2, byrow = TRUE)
.l <- matrix(c(0, 0, 0, 1, 0, 0.5, 0.5, 0), 2, byrow = TRUE)

test_that("xent_op_test: testSingleClass", {
  fresh_graph()
  sess <- tf$Session()
  f <- tf$constant(matrix(c(1, -1, 0), 3, 1))
  l <- tf$constant(matrix(c(-1, 0, 1), 3, 1))
  loss <- tf$nn$softmax_cross_entropy_with_logits(labels = l, logits = f)
  out <- sess$run(list(loss, tf$gradients(tf$reduce_sum(loss), f)[[1]]))
  expect_equal(out[[1]], array(c(0, 0, 0)))
  expect_equal(out[[2]], matrix(c(2, 1, 0), 3, 1))
})

test_that("xent_op_test: testRankTooLarge", {
  fresh_graph()
  # The raw op wants matrices; the wrapper (tfnative's entry point) takes any rank,
  # as TensorFlow's wrapper does: rank 3 gives the loss per row.
  sess <- tf$Session()
  f <- np_array(c(1, 1, 1, 1, 1, 2, 3, 4), c(2, 1, 4))
  l <- np_array(c(0, 0, 0, 1, 0, 0.5, 0.5, 0), c(2, 1, 4))
  loss <- sess$run(tf$nn$softmax_cross_entropy_with_logits(labels = l, logits = f))
  expect_equal(loss, .np_xent(f, l)$loss, tolerance = 1e-6)
})

test_that("xent_op_test: testShapeMismatch", {
  fresh_graph()
  expect_tf_error(tf$nn$softmax_cross_entropy_with_logits(labels = matrix(c(0, 1, 1, 0, 0, 0), 2),
                                                          logits = matrix(c(0, 2, 1, 3), 2)), "value")
})

test_that("xent_op_test: testFloat", {
  fresh_graph()
  .test_xent(.f, .l, tf$float32)
})

test_that("xent_op_test: testDouble", {
  fresh_graph()
  .test_xent(.f, .l, tf$float64)
  .test_xent(.f, .l, tf$float64, placeholders = TRUE)
})

.gl <- matrix(c(0, 0, 1, 0, 1, 0, 0, 0, 0, 0.5, 0, 0.5), 3, byrow = TRUE)
.gf <- matrix(c(0.1, 0.2, 0.3, 0.4, 0.1, 0.4, 0.9, 1.6, 0.1, 0.8, 2.7, 6.4), 3, byrow = TRUE)

test_that("xent_op_test: testGradient", {
  grad_check(function(t) tf$nn$softmax_cross_entropy_with_logits(labels = tf$constant(.gl, dtype = tf$float64), logits = t),
             .gf, eps = 1e-6, tol = 5e-8)
})

test_that("xent_op_test: testGradientLabelWithV2", {
  grad_check(function(t) tf$nn$softmax_cross_entropy_with_logits_v2(labels = t, logits = tf$constant(.gf, dtype = tf$float64)),
             .gl, eps = 1e-6, tol = 5e-8)
})

test_that("xent_op_test: testSecondGradient", {
  l <- c(0, 0, 1 / 3, 0, 1 / 3, 0, 0, 0, 0, 0.5 / 3, 0, 0.5 / 3)
  f <- c(0.1, 0.2, 0.3, 0.4, 0.1, 0.4, 0.9, 1.6, 0.1, 0.8, 2.7, 6.4)
  # The Hessian of the summed loss (the gradient of its gradient), against finite differences.
  grad_check(function(t) {
    x <- tf$nn$softmax_cross_entropy_with_logits(labels = tf$constant(l, dtype = tf$float64), logits = t)
    tf$gradients(tf$reduce_sum(x), t)[[1]]
  }, f, eps = 1e-6, tol = 5e-8)
  # And through the fused op on a matrix.
  grad_check(function(t) {
    x <- tf$nn$softmax_cross_entropy_with_logits(labels = tf$constant(.gl, dtype = tf$float64), logits = t)
    tf$gradients(tf$reduce_sum(x), t)[[1]]
  }, .gf, eps = 1e-6, tol = 5e-8)
})

test_that("xent_op_test: testWrapper", {
  fresh_graph()
  sess <- tf$Session()
  features <- np_array(c(1, 1, 1, 1, 1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8, 9, 5, 4, 3, 2, 1, 2, 3, 4), c(3, 2, 4))
  labels <- np_array(c(0, 0, 0, 1, 0, 1, 0, 0, 0, 0.5, 0.5, 0, 0.5, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0), c(3, 2, 4))
  for (d in c(0, 1, -1)) {
    loss <- sess$run(tf$nn$softmax_cross_entropy_with_logits(labels = labels, logits = features, dim = d))
    expect_equal(loss, .np_xent(features, labels, d)$loss, tolerance = 1e-6)
  }
})

test_that("xent_op_test: testZeroDimension", {
  fresh_graph()
  sess <- tf$Session()
  features <- array(0, c(0, 2, 4))
  labels <- array(0, c(0, 2, 4))
  loss <- sess$run(tf$nn$softmax_cross_entropy_with_logits(labels = labels, logits = features))
  expect_identical(dim(loss), c(0L, 2L))
})

test_that("xent of logits whose rank is known only when run takes the classes on the last axis", {
  fresh_graph()
  logits <- tf$placeholder(tf$float64)
  labels <- tf$placeholder(tf$float64)
  loss <- tf$nn$softmax_cross_entropy_with_logits_v2(labels = labels, logits = logits)
  expect_null(loss$shape$ndims)
  grad <- tf$gradients(tf$reduce_sum(loss), logits)[[1]]
  set.seed(3)
  x <- array(rnorm(24), c(2, 3, 4))
  y <- array(runif(24), c(2, 3, 4))
  y <- y / as.vector(apply(y, c(1, 2), sum))  # each [i, j, ] row sums to 1
  sess <- tf$Session()
  on.exit(sess$close())
  out <- sess$run(list(loss, grad), feed_dict = dict(logits = x, labels = y))
  lse <- apply(x, c(1, 2), function(r) log(sum(exp(r))))
  expect_equal(out[[1]], apply(y * (as.vector(lse) - x), c(1, 2), sum), tolerance = 1e-10)
  soft <- exp(x - as.vector(lse))
  expect_equal(out[[2]], soft - y, tolerance = 1e-10)
  # A rank-2 value fed the same way gives the fused op's result.
  m <- matrix(c(1, 2, 3, 4, 6, 5), 2)
  lab <- matrix(c(0, 1, 1, 0, 0, 0), 2)
  expect_equal(sess$run(loss, feed_dict = dict(logits = m, labels = lab)),
               sess$run(tf$nn$softmax_cross_entropy_with_logits_v2(labels = lab, logits = tf$constant(m, dtype = tf$float64))))
})
