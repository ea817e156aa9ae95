# Every differentiable op, checked against finite differences in float64.

m23 <- matrix(c(0.3, -1.2, 0.8, 1.5, -0.4, 0.9), 2)

test_that("arithmetic with broadcasting", {
  grad_check(function(x) x + tf$constant(c(1, 2, 3), dtype = tf$float64), m23)
  grad_check(function(x) tf$constant(c(1, 2, 3), dtype = tf$float64) - x, m23)
  grad_check(function(x) x * tf$constant(matrix(c(2, -1), 2, 1), dtype = tf$float64), m23)
  grad_check(function(x) x / tf$constant(c(2, 3, -4), dtype = tf$float64), m23)
  grad_check(function(x) tf$constant(c(2, 3, -4), dtype = tf$float64) / (x + 3), m23)
  grad_check(function(x) -x * x, m23)
  # A broadcast input's gradient is summed back to its shape.
  grad_check(function(x) tf$constant(m23, dtype = tf$float64) * x, c(0.5, -2, 1))
  grad_check(function(x) tf$constant(m23, dtype = tf$float64) + x, 0.7)
})

test_that("matmul with every transpose combination", {
  b <- tf_b <- matrix(c(1, -2, 0.5, 3, 0.2, -1), 3)
  for (ta in c(FALSE, TRUE)) for (tb in c(FALSE, TRUE)) {
    a0 <- if (ta) t(m23) else m23
    bb <- if (tb) t(b) else b
    grad_check(function(x) tf$matmul(x, tf$constant(bb, dtype = tf$float64), transpose_a = ta, transpose_b = tb), a0)
    grad_check(function(x) tf$matmul(tf$constant(a0, dtype = tf$float64), x, transpose_a = ta, transpose_b = tb), bb)
  }
})

test_that("reductions, reshape, cast, identity, expand_dims", {
  grad_check(function(x) tf$reduce_sum(x), m23)
  grad_check(function(x) tf$reduce_sum(x, axis = 0L), m23)
  grad_check(function(x) tf$reduce_mean(x, axis = 1L, keepdims = TRUE), m23)
  grad_check(function(x) tf$reduce_mean(x), m23)
  grad_check(function(x) tf$reduce_sum(x, axis = c(0L, 2L)), array(seq(0.1, 2.4, by = 0.1), c(2, 3, 4)))
  grad_check(function(x) tf$reshape(x, c(3L, 2L)) * tf$constant(matrix(1:6, 3), dtype = tf$float64), m23)
  grad_check(function(x) tf$cast(tf$cast(x, tf$float32), tf$float64) * 2, m23, eps = 1e-3, tol = 1e-3)
  grad_check(function(x) tf$identity(x) * x, m23)
  grad_check(function(x) tf$expand_dims(x, 0L) * 3, m23)
})

test_that("elementwise math", {
  pos <- matrix(c(0.3, 1.2, 0.8, 1.5, 0.4, 0.9), 2)
  grad_check(function(x) tf$square(x), m23)
  grad_check(function(x) tf$sqrt(x), pos)
  grad_check(function(x) tf$exp(x), m23)
  grad_check(function(x) tf$log(x), pos)
  grad_check(function(x) tf$abs(x), m23)
  grad_check(function(x) tf$maximum(x, 0.5), m23)
  grad_check(function(x) tf$maximum(tf$constant(0.5, dtype = tf$float64), x), m23)
  grad_check(function(x) tf$minimum(x, x * 0.5), m23)
  grad_check(function(x) tf$pow(x, 3), m23)
  grad_check(function(x) tf$pow(tf$constant(2, dtype = tf$float64), x), m23)
  grad_check(function(x) x^2 + x, m23)
})

test_that("activations, softmax and bias_add", {
  grad_check(function(x) tf$nn$relu(x), m23)
  grad_check(function(x) tf$nn$sigmoid(x), m23)
  grad_check(function(x) tf$sigmoid(x) * tf$tanh(x), m23)
  grad_check(function(x) tf$nn$softmax(x), m23)
  grad_check(function(x) tf$nn$log_softmax(x), m23)
  grad_check(function(x) tf$nn$bias_add(x, tf$constant(c(1, 2, 3), dtype = tf$float64)), m23)
  grad_check(function(x) tf$nn$bias_add(tf$constant(m23, dtype = tf$float64), x), c(0.1, 0.2, 0.3))
})

test_that("losses", {
  labels <- matrix(c(0.2, 0.3, 0.5, 0, 0.1, 0.9), 2, byrow = TRUE)
  grad_check(function(x) tf$nn$softmax_cross_entropy_with_logits_v2(labels = labels, logits = x), m23)
  grad_check(function(x) tf$nn$softmax_cross_entropy_with_logits_v2(labels = x, logits = tf$constant(m23, dtype = tf$float64)), labels)
  grad_check(function(x) tf$nn$sigmoid_cross_entropy_with_logits(labels = (m23 > 0) + 0, logits = x), m23)
  # As TensorFlow's, the loss is computed in float32: a wider step (exact for a quadratic) and tolerance.
  grad_check(function(x) tf$cast(tf$losses$mean_squared_error(labels = m23 * 2, predictions = x), tf$float64), m23,
             eps = 1e-2, tol = 1e-3)
})

test_that("loss values match their definitions", {
  tf$reset_default_graph()
  logits <- matrix(c(1, 2, 3, 1, 0, -1), 2, byrow = TRUE)
  labels <- matrix(c(0, 0, 1, 1, 0, 0), 2, byrow = TRUE)
  xent <- tf$nn$softmax_cross_entropy_with_logits_v2(labels = labels, logits = logits)
  sce <- tf$nn$sigmoid_cross_entropy_with_logits(labels = labels, logits = logits)
  mse <- tf$losses$mean_squared_error(labels, logits)
  sm <- tf$nn$softmax(logits)
  sess <- tf$Session()
  on.exit(sess$close())
  soft <- exp(logits) / rowSums(exp(logits))
  expect_equal(sess$run(sm), soft, tolerance = 1e-6)
  expect_equal(sess$run(xent), array(-rowSums(labels * log(soft))), tolerance = 1e-6)
  expect_equal(sess$run(sce), -(labels * log(plogis(logits)) + (1 - labels) * log(1 - plogis(logits))), tolerance = 1e-6)
  expect_equal(sess$run(mse), mean((logits - labels)^2), tolerance = 1e-6)
  expect_equal(sess$run(tf$argmax(logits, 1L)), array(c(2, 0)))
  expect_identical(sess$run(tf$equal(tf$argmax(logits, 1L), tf$argmax(labels, 1L))), array(c(TRUE, TRUE)))
  expect_identical(sess$run(tf$argmax(logits, 0L, output_type = tf$int32)), array(c(0L, 0L, 0L)))
})

test_that("tf$gradients: several xs, unconnected xs, stop_gradient, grad_ys, no-gradient ops", {
  tf$reset_default_graph()
  a <- tf$Variable(2, dtype = tf$float64, name = "a")
  b <- tf$Variable(3, dtype = tf$float64, name = "b")
  c0 <- tf$Variable(5, dtype = tf$float64, name = "c")
  y <- a * a * b + tf$stop_gradient(a * b)
  g <- tf$gradients(y, list(a, b, c0))
  expect_null(g[[3]])
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(g[1:2]), list(12, 4))
  expect_equal(sess$run(tf$gradients(y, a, grad_ys = 10)[[1]]), 120)
  expect_equal(sess$run(tf$gradients(list(a * 2, a * 3), a)[[1]]), 5)
  expect_null(tf$gradients(tf$cast(tf$argmax(a * c(1, 2), 0L), tf$float64), a)[[1]])
  expect_null(tf$gradients(tf$cast(a > 1, tf$float64), a)[[1]])
  expect_tf_error(tf$gradients(y, list("a")), "type")
  g2 <- tf$Graph()
  with(g2$as_default(), z <- tf$constant(1))
  expect_tf_error(tf$gradients(z, a), "value", "must be from the same graph")
})
