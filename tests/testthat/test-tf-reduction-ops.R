# Port of TensorFlow 1.15's kernel_tests/reduction_ops_test.py (reduce_sum and
# reduce_mean, the reductions tfnative has). numpy's references are computed
# with apply() over R arrays whose dim is the tensor's shape.

# numpy's arange(prod(shape)).reshape(shape): the values in row-major order.
.incremental <- function(shape, int = FALSE) {
  x <- aperm(array(seq_len(prod(shape)) - 1L, rev(shape)), rev(seq_along(shape)))
  if (int) x else x + 0
}

# numpy's sum/mean over `axes` (0-based, negative from the end; NULL for all).
.np_reduce <- function(x, axes, keepdims, mean = FALSE) {
  d <- dim(x)
  r <- length(d)
  axes <- if (is.null(axes)) seq_len(r) - 1 else unique(as.numeric(unlist(axes)) %% r)
  keep <- setdiff(seq_len(r), axes + 1)
  count <- prod(d[axes + 1])
  f <- function(v) {
    s <- sum(v)
    if (!mean) return(s)
    if (is.integer(x)) as.integer(s %/% count) else s / count
  }
  res <- if (length(keep)) array(apply(x, keep, f), d[keep]) else f(x)
  if (keepdims) {
    dd <- d
    dd[axes + 1] <- 1
    res <- array(res, dd)
  }
  if (is.integer(x)) storage.mode(res) <- "integer"
  res
}

.tf_reduce <- function(x, axes, keepdims, mean = FALSE, dtype = NULL) {
  t <- if (inherits(x, "tf_tensor_like")) x else tf$constant(x, dtype = dtype)
  if (mean) tf$reduce_mean(t, axis = axes, keepdims = keepdims) else tf$reduce_sum(t, axis = axes, keepdims = keepdims)
}

.compare <- function(sess, x, axes, keepdims, mean = FALSE, dtype = NULL, feed = NULL, tol = 1e-6) {
  want <- .np_reduce(x, axes, keepdims, mean)
  y <- .tf_reduce(if (is.null(feed)) x else feed$tensor, axes, keepdims, mean, dtype)
  got <- if (is.null(feed)) sess$run(y) else sess$run(y, feed_dict = stats::setNames(list(feed$value), feed$tensor$name))
  expect_equal(got, want, tolerance = tol)
  # The static shape is the shape of the result (assertShapeEqual).
  want_shape <- if (is.null(dim(want))) list() else as.list(as.numeric(dim(want)))
  if (is.null(feed)) expect_identical(y$get_shape()$as_list(), want_shape)
}

# Axes as a list (TensorFlow's [1, 2]); a one-element list is also tried as a
# scalar axis; each with keepdims FALSE and TRUE.
.compare_all <- function(sess, x, axes, ...) {
  if (length(axes) == 1L) {
    .compare(sess, x, axes + 0, FALSE, ...)
    .compare(sess, x, axes + 0, TRUE, ...)
  }
  if (length(axes)) axes <- as.list(axes)
  .compare(sess, x, axes, FALSE, ...)
  .compare(sess, x, axes, TRUE, ...)
}

.powerset <- function(n) {
  out <- list(integer(0))
  for (k in seq_len(n)) out <- c(out, lapply(utils::combn(n, k, simplify = FALSE), function(v) v - 1L))
  if (n == 1L) out <- list(integer(0), 0L)
  out
}

.compare_all_axes <- function(sess, x, ...) {
  .compare_all(sess, x, NULL, ...)
  for (axes in .powerset(length(dim(x)))) .compare_all(sess, x, axes, ...)
}

test_that("reduction_ops_test: ReductionUnknownShape.testBasic", {
  fresh_graph()
  for (f in list(tf$reduce_sum, tf$reduce_mean)) {
    x <- tf$placeholder(tf$float32, shape = NULL)
    expect_identical(f(x)$get_shape()$as_list(), list())
  }
})

for (op in c("Sum", "Mean")) local({
  mean <- op == "Mean"

  test_that(sprintf("reduction_ops_test: %sReductionTest.testInfinity", op), {
    fresh_graph()
    sess <- tf$Session()
    for (dt in list(tf$float32, tf$float64)) {
      for (a in c(-Inf, Inf)) for (b in c(-Inf, Inf)) {
        .compare_all(sess, array(c(a, b)), NULL, mean = mean, dtype = dt)
      }
    }
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testInt32", op), {
    fresh_graph()
    sess <- tf$Session()
    for (rank in 1:5) .compare_all_axes(sess, .incremental(rep(2, rank), int = TRUE), mean = mean)
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testFloat32", op), {
    fresh_graph()
    sess <- tf$Session()
    for (rank in 1:5) .compare_all_axes(sess, .incremental(rep(2, rank)), mean = mean)
    if (!mean) {
      # Row and column sums of all-ones matrices of assorted sizes.
      set.seed(1618)
      for (i in 1:10) {
        sx <- as.integer(2^runif(1, 0, 15))
        sy <- as.integer(2^runif(1, 0, 15))
        if (sx * sy > 1e6) sy <- as.integer(1e6 / sx)
        arr <- matrix(1, sx, sy)
        got <- sess$run(list(.tf_reduce(arr, 1, FALSE), .tf_reduce(arr, 0, FALSE)))
        expect_equal(got[[1]], array(rowSums(arr)))
        expect_equal(got[[2]], array(colSums(arr)))
      }
      for (sx in c(1, 3, 16, 33)) for (sy in c(1, 3, 16, 33)) for (sz in c(1, 3, 16, 33)) {
        arr <- array(1, c(sx, sy, sz))
        got <- sess$run(list(.tf_reduce(arr, c(0, 2), FALSE), .tf_reduce(arr, 1, FALSE)))
        expect_equal(got[[1]], .np_reduce(arr, c(0, 2), FALSE))
        expect_equal(got[[2]], .np_reduce(arr, 1, FALSE))
      }
    }
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testFloat64", op), {
    fresh_graph()
    sess <- tf$Session()
    for (rank in 1:5) .compare_all_axes(sess, .incremental(rep(2, rank)), mean = mean, dtype = tf$float64, tol = 1e-12)
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testGradient", op), {
    x <- .incremental(c(2, 3, 4, 2))
    for (axes in list(NULL, integer(0), 0, 1, 2, c(1, 2), c(0, 1, 2, 3))) {
      grad_check(function(t) .tf_reduce(t, axes, FALSE, mean = mean), x, eps = 1e-3, tol = 1e-6)
    }
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testEmptyGradients", op), {
    fresh_graph()
    sess <- tf$Session()
    x <- tf$zeros(c(0, 3))
    y <- .tf_reduce(x, 1, FALSE, mean = mean)
    g <- sess$run(tf$gradients(y, x)[[1]])
    expect_identical(dim(g), c(0L, 3L))
  })

  test_that(sprintf("reduction_ops_test: %sReductionTest.testDegenerate", op), {
    fresh_graph()
    sess <- tf$Session()
    for (dt in list(tf$float32, tf$float64)) {
      y <- sess$run(.tf_reduce(tf$zeros(c(0, 9938), dtype = dt), 0, FALSE, mean = mean))
      expect_identical(dim(y), 9938L)
      if (mean) expect_true(all(is.nan(y))) else expect_identical(y, array(0, 9938))
    }
  })
})

test_that("reduction_ops_test: SumReductionTest.testInvalidIndex", {
  fresh_graph()
  x <- tf$convert_to_tensor(matrix(0:9 + 0, 2, 5, byrow = TRUE))
  for (axes in list(-3, 2, c(0, 2))) {
    expect_tf_error(tf$reduce_sum(x, axes), "value", "Invalid reduction dimension")
  }
})

test_that("reduction_ops_test: SumReductionTest.testPartialShapes", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(1618)
  axes <- c(1, 2)
  c_unknown <- tf$placeholder(tf$float32)
  s_unknown <- tf$reduce_sum(c_unknown, axes)
  expect_null(s_unknown$get_shape()$ndims)
  np_input <- array(rnorm(27), c(3, 3, 3))
  .compare_all(sess, np_input, axes, feed = list(tensor = c_unknown, value = np_input))
  # Known rank only (TensorFlow uses set_shape; a placeholder of shape (?, ?, ?) is the same).
  c_known_rank <- tf$placeholder(tf$float32, shape = shape(NULL, NULL, NULL))
  s_known_rank <- tf$reduce_sum(c_known_rank, axes, keepdims = TRUE)
  expect_identical(s_known_rank$get_shape()$ndims, 3L)
  .compare_all(sess, np_input, axes, feed = list(tensor = c_known_rank, value = np_input))
})

test_that("reduction_ops_test: SumReductionTest.testHighRank", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(42)
  for (i in 1:20) {
    rank <- sample(4:10, 1)
    axes <- which(sample(0:1, rank, replace = TRUE) == 1) - 1
    shp <- sample(1:3, rank, replace = TRUE)
    data <- array(sample(0:1023, prod(shp), replace = TRUE), shp)
    .compare_all(sess, data, axes)
  }
  for (rank in c(4, 7, 10)) {
    shp <- sample(1:3, rank, replace = TRUE)
    data <- array(sample(0:1023, prod(shp), replace = TRUE), shp)
    for (axes in list(integer(0), seq_len(rank) - 1, seq(0, rank - 1, by = 2), seq(1, rank - 1, by = 2))) {
      .compare_all(sess, data, axes)
    }
  }
})

test_that("reduction_ops_test: SumReductionTest.testExpand", {
  fresh_graph()
  sess <- tf$Session()
  .compare_all(sess, array(0, c(5, 0)), 1)
})
