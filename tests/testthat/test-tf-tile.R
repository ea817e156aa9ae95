# Port of TensorFlow 1.15's kernel_tests/shape_ops_test.py, class TileTest.
# numpy's np.tile(x, m) is x indexed by rep(seq_len(d), m) along each axis.

.shape_of <- function(t) as.numeric(unlist(t$get_shape()$as_list()))

.np_tile <- function(x, multiples) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  idx <- Map(function(n, m) rep(seq_len(n), m), d, multiples)
  out <- do.call(`[`, c(list(x), idx, list(drop = FALSE)))
  if (length(d) == 1L) out <- array(out, length(out))
  out
}

test_that("shape_ops_test: TileTest.testScalar", {
  fresh_graph()
  sess <- tf$Session()
  a <- tf$constant(7, shape = integer(0), dtype = tf$float32)
  tiled <- tf$tile(a, integer(0))
  result <- sess$run(tiled)
  expect_identical(result, 7)  # a scalar: a plain length-1 vector
  expect_null(dim(result))
  expect_identical(.shape_of(tiled), numeric(0))
  expect_identical(tiled$get_shape()$ndims, 0L)
})

test_that("shape_ops_test: TileTest.testSimple", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(1)
  # multiples may be int32 or int64
  for (dt in list(tf$int32, tf$int64)) {
    inp <- matrix(runif(4), 4, 1)
    a <- tf$constant(inp, dtype = tf$float32)
    tiled <- tf$tile(a, tf$constant(c(1, 4), dtype = dt))
    result <- sess$run(tiled)
    expect_identical(dim(result), c(4L, 4L))
    expect_identical(.shape_of(tiled), c(4, 4))
    expect_equal(result, .np_tile(inp, c(1, 4)), tolerance = 1e-7)
  }
})

test_that("shape_ops_test: TileTest.testIdentityTileAndGrad", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(2)
  inp <- matrix(runif(4), 4, 1)
  a <- tf$constant(inp, dtype = tf$float32)
  tiled <- tf$tile(a, c(1, 1))
  result <- sess$run(tiled)
  expect_identical(dim(result), c(4L, 1L))
  expect_identical(.shape_of(tiled), c(4, 1))
  expect_equal(result, inp, tolerance = 1e-7)
})

test_that("shape_ops_test: TileTest.testEmpty", {
  fresh_graph()
  sess <- tf$Session()
  a <- tf$constant(matrix(runif(6), 2, 3), dtype = tf$float32)
  tiled <- tf$tile(a, c(5, 0))
  result <- sess$run(tiled)
  expect_identical(dim(result), c(10L, 0L))
  expect_identical(.shape_of(tiled), c(10, 0))
})

test_that("shape_ops_test: TileTest.testTypes", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(3)
  # tfnative's dtypes; TensorFlow also tests complex64/128, uint8, int8, int16 (not in tfnative).
  u <- runif(4)
  cases <- list(
    list(tf$bool, matrix(u > 0.5, 4, 1)),
    list(tf$float32, matrix(u, 4, 1)),
    list(tf$float64, matrix(u, 4, 1)),
    list(tf$int32, matrix(as.integer(u * 100), 4, 1)),
    list(tf$int64, matrix(as.integer(u * 100), 4, 1)),
    list(tf$string, matrix(c("a", "bb", "", "ccc"), 4, 1))
  )
  for (case in cases) {
    inp <- case[[2]]
    a <- tf$constant(inp, shape = c(4, 1), dtype = case[[1]])
    tiled <- tf$tile(a, c(1, 4))
    result <- sess$run(tiled)
    expect_identical(tiled$dtype$name, case[[1]]$name)
    expect_identical(dim(result), c(4L, 4L))
    expect_identical(.shape_of(tiled), c(4, 4))
    want <- .np_tile(inp, c(1, 4))
    if (case[[1]]$name == "float32") expect_equal(result, want, tolerance = 1e-7)
    else expect_equal(result, want)
  }
})

test_that("shape_ops_test: TileTest.testInvalidDim", {
  fresh_graph()
  a <- tf$constant(matrix(runif(4), 4, 1), shape = c(4, 1), dtype = tf$float32)
  # Wrong length of multiples.
  expect_tf_error(tf$tile(a, c(1, 4, 2)), "value", "Shape must be rank 2 but is rank 3")
  # Wrong rank for multiples.
  expect_tf_error(tf$tile(a, matrix(c(2, 3, 3, 4), 2, byrow = TRUE)), "value", "Shape must be rank 1 but is rank 2")
  expect_tf_error(tf$tile(a, tf$constant(matrix(c(2L, 3L, 3L, 4L), 2))), "value", "Shape must be rank 1 but is rank 2")
})

.run_and_verify_tile <- function(sess, rank, max_dim, max_mult) {
  input_shape <- sample.int(max_dim, rank, replace = TRUE)
  inp <- array(runif(prod(input_shape)), input_shape)
  a <- tf$constant(inp, shape = input_shape, dtype = tf$float32)
  multiples <- sample.int(max_mult, rank, replace = TRUE)
  tiled <- tf$tile(a, multiples)
  result <- sess$run(tiled)
  expect_identical(dim(result), as.integer(multiples * input_shape))
  expect_equal(result, .np_tile(inp, multiples), tolerance = 1e-7)
  expect_identical(.shape_of(tiled), as.numeric(dim(result)))
}

test_that("shape_ops_test: TileTest.testRandom", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(4)
  # Low rank (5): dims and multiples in [1, 3], as TensorFlow.
  for (i in 1:5) .run_and_verify_tile(sess, 5, 3, 3)
  # High rank (10): in [1, 2] here, to keep the output under a million elements.
  for (i in 1:5) .run_and_verify_tile(sess, 10, 2, 2)
})

.check_simple_reduction <- function(multiples_dtype) {
  fresh_graph()
  sess <- tf$Session()
  inp <- matrix(runif(4), 4, 1)
  a <- tf$constant(inp, shape = c(4, 1), dtype = tf$float32)
  tiled <- tf$tile(a, tf$constant(c(1, 4), dtype = multiples_dtype))
  grad_inp <- matrix(runif(16), 4, 4)
  grad <- tf$gradients(list(tiled), list(a), list(tf$constant(grad_inp, dtype = tf$float32)))[[1]]
  expect_identical(.shape_of(grad), c(4, 1))
  expect_equal(sess$run(grad), matrix(rowSums(grad_inp), 4, 1), tolerance = 1e-3)
}

test_that("shape_ops_test: TileTest.testGradientSimpleReduction (int32 multiples)", {
  set.seed(5)
  .check_simple_reduction(tf$int32)
})

test_that("shape_ops_test: TileTest.testGradientSimpleReduction (int64 multiples)", {
  set.seed(6)
  .check_simple_reduction(tf$int64)
})

test_that("shape_ops_test: TileTest.testGradientStridedReduction", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(7)
  inp <- matrix(runif(8), 4, 2)
  a <- tf$constant(inp, shape = c(4, 2), dtype = tf$float32)
  tiled <- tf$tile(a, c(1, 2))
  grad_inp <- matrix(runif(16), 4, 4)
  grad <- tf$gradients(list(tiled), list(a), list(tf$constant(grad_inp, dtype = tf$float32)))[[1]]
  expect_identical(.shape_of(grad), c(4, 2))
  expected <- cbind(grad_inp[, 1] + grad_inp[, 3], grad_inp[, 2] + grad_inp[, 4])
  expect_true(all(abs(expected - sess$run(grad)) < 1e-3))
})

test_that("shape_ops_test: TileTest.testGradientRandomScalar", {
  fresh_graph()
  # A scalar tiled by empty multiples is itself: its gradient is 1 (checked against finite differences).
  x <- tf$placeholder(tf$float64, shape = integer(0), name = "x")
  y <- tf$tile(x, integer(0))
  g <- tf$gradients(y, x)[[1]]
  sess <- tf$Session()
  x0 <- runif(1)
  eps <- 1e-6
  numeric <- (sess$run(y, feed_dict = dict(x = x0 + eps)) - sess$run(y, feed_dict = dict(x = x0 - eps))) / (2 * eps)
  expect_equal(sess$run(g, feed_dict = dict(x = x0)), numeric, tolerance = 1e-6)
  expect_equal(numeric, 1, tolerance = 1e-6)
})

test_that("shape_ops_test: TileTest.testGradientRandom", {
  set.seed(8)
  check <- function(input_shape, multiples) {
    grad_check(function(x) tf$tile(x, multiples), array(runif(prod(input_shape)), input_shape))
  }
  check(c(2, 2, 1, 1, 3), c(1, 1, 1, 1, 1))
  check(c(2, 2, 1, 1, 3), c(1, 2, 1, 3, 1))
  check(c(2, 3, 1, 1, 3), c(3, 1, 1, 2, 2))
  check(c(2, 1, 3, 3, 2), c(1, 3, 3, 1, 2))
})

test_that("shape_ops_test: TileTest.testGradientStridedReductionGC", {
  set.seed(9)
  grad_check(function(x) tf$tile(x, c(1, 2)), matrix(runif(8), 4, 2))
})

test_that("shape_ops_test: TileTest.testShapeFunctionEdgeCases", {
  fresh_graph()
  # Unknown multiples shape.
  inp <- tf$constant(0, shape = c(4, 4, 4, 4))
  tiled <- tf$tile(inp, tf$placeholder(tf$int32))
  expect_identical(.shape_of(tiled), rep(NA_real_, 4))

  # Unknown input shape.
  inp <- tf$placeholder(tf$float32)
  tiled <- tf$tile(inp, c(2, 2, 2, 2))
  expect_identical(.shape_of(tiled), rep(NA_real_, 4))

  # Unknown input and multiples shape.
  inp <- tf$placeholder(tf$float32)
  tiled <- tf$tile(inp, tf$placeholder(tf$int32))
  expect_null(tiled$get_shape()$ndims)

  # Known input and partially known multiples.
  inp <- tf$constant(0, shape = c(1, 1))
  tiled <- tf$tile(inp, list(tf$placeholder(tf$int32), 7))
  expect_identical(.shape_of(tiled), c(NA, 7))

  # Mismatched input rank and multiples length.
  inp <- tf$placeholder(tf$float32, shape = list(NULL, NULL))
  expect_tf_error(tf$tile(inp, tf$placeholder(tf$int32, shape = 3L)), "value", "Shape must be rank 2 but is rank 3")
})
