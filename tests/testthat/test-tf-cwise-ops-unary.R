# Port of TensorFlow 1.15's kernel_tests/cwise_ops_unary_test.py for the unary
# ops tfnative has: abs, negative, square, sqrt, exp, log, tanh, sigmoid, sign
# (also through R's abs() and unary minus). Ops tfnative does not have
# (reciprocal, rsqrt, expm1, log1p, trigonometric and hyperbolic functions other
# than tanh, lgamma, erf, erfc, bessel, log_sigmoid) and sparse inputs are not ported.

.sigmoid_np <- function(x) 1 / (1 + exp(-x))

.unary <- list(
  abs = list(np = abs, tf = tf$abs), abs_builtin = list(np = abs, tf = abs),
  negative = list(np = function(x) -x, tf = tf$negative), neg_operator = list(np = function(x) -x, tf = function(x) -x),
  square = list(np = function(x) x^2, tf = tf$square), sqrt = list(np = sqrt, tf = tf$sqrt),
  exp = list(np = exp, tf = tf$exp), log = list(np = log, tf = tf$log), tanh = list(np = tanh, tf = tf$tanh),
  sigmoid = list(np = .sigmoid_np, tf = tf$sigmoid), sign = list(np = sign, tf = tf$sign)
)

.f32_values <- function(x) {
  r <- readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x))
  dim(r) <- dim(x)
  r
}

# _compareCpu: floats are scaled by 1.1 after the op; values, static shape, gradient.
.compare_unary <- function(sess, x, op, dtype, grad = TRUE) {
  # grad_check() starts a new default graph: values are computed in a session of the current one.
  sess <- tf$Session()
  on.exit(sess$close())
  want <- op$np(x)
  inx <- tf$convert_to_tensor(x, dtype = dtype)
  floating <- dtype$is_floating
  y <- if (floating) 1.1 * op$tf(inx) else op$tf(inx)
  if (floating) want <- want * 1.1
  got <- sess$run(y)
  expect_identical(static_dim(y), dim(want))
  if (floating) {
    expect_equal(got, want, tolerance = if (dtype$name == "float32") 1e-6 else 1e-12)
  } else {
    if (dtype$name == "int32") storage.mode(want) <- "integer"
    expect_identical(got, want)
  }
  if (floating && grad && length(x)) {
    grad_check(function(t) 1.1 * op$tf(t), x + 0, eps = 1e-5, tol = 1e-5)
  }
}

.float_inputs <- function(dtype) {
  x <- np_array(-3:2 + 0, c(1, 3, 2))
  v <- list(x = x, y = x + 0.5, z = x + 15.5)
  if (dtype$name == "float32") v <- lapply(v, .f32_values)
  v
}

.float_basic <- function(dtype) {
  fresh_graph()
  sess <- tf$Session()
  v <- .float_inputs(dtype)
  for (nm in c("abs", "abs_builtin", "negative", "neg_operator", "square", "exp", "tanh", "sigmoid")) {
    .compare_unary(sess, v$x, .unary[[nm]], dtype)
  }
  .compare_unary(sess, v$z, .unary$sqrt, dtype)
  .compare_unary(sess, v$z, .unary$log, dtype)
  .compare_unary(sess, v$y, .unary$sign, dtype)
}

test_that("cwise_ops_unary_test: testFloatBasic", {
  .float_basic(tf$float32)
})

test_that("cwise_ops_unary_test: testFloatTanhEdge", {
  fresh_graph()
  sess <- tf$Session()
  .compare_unary(sess, array(40:45 + 0), .unary$tanh, tf$float32)
  .compare_unary(sess, array(-40:-35 + 0), .unary$tanh, tf$float32)
})

test_that("cwise_ops_unary_test: testFloatEmpty", {
  fresh_graph()
  sess <- tf$Session()
  x <- array(numeric(0), c(2, 0, 5))
  for (op in .unary) .compare_unary(sess, x, op, tf$float32)
})

test_that("cwise_ops_unary_test: testDoubleBasic", {
  .float_basic(tf$float64)
})

test_that("cwise_ops_unary_test: testInt32Basic", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(seq(-6L, 4L, by = 2L), c(1, 3, 2))
  for (nm in c("abs", "abs_builtin", "negative", "neg_operator", "square", "sign")) .compare_unary(sess, x, .unary[[nm]], tf$int32)
})

test_that("cwise_ops_unary_test: testInt64Basic", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(seq(-6 * 2^40, 4 * 2^40, by = 2 * 2^40), c(1, 3, 2))
  for (nm in c("abs", "abs_builtin", "negative", "neg_operator", "sign")) .compare_unary(sess, x, .unary[[nm]], tf$int64)
})

test_that("cwise_ops_unary_test: testInt64Square", {
  fresh_graph()
  sess <- tf$Session()
  x <- np_array(seq(-6 * 2^20, 4 * 2^20, by = 2 * 2^20), c(1, 3, 2))
  .compare_unary(sess, x, .unary$square, tf$int64)
})
