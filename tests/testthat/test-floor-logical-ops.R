# FloorMod / FloorDiv (R's %% and %/%) and the logical ops (&, |, !, xor).

test_that("%% and %/% round toward minus infinity, like R's own operators", {
  fresh_graph()
  x <- c(7L, -7L, 7L, -7L, 0L)
  y <- c(3L, 3L, -3L, -3L, 5L)
  xf <- c(7.5, -7.5, 7.5, -7.5, 0)
  yf <- c(2, 2, -2, -2, 3)
  tx <- tf$constant(x)
  ty <- tf$constant(y)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(tx %% ty), array(x %% y))
  expect_identical(sess$run(tx %/% ty), array(x %/% y))
  expect_equal(sess$run(tf$constant(xf, dtype = tf$float64) %% yf), array(xf %% yf))
  expect_equal(sess$run(tf$floordiv(tf$constant(xf, dtype = tf$float64), yf)), array(xf %/% yf))
  expect_match((tx %% 2L)$op$name, "^mod_[0-9]+$")
  expect_match((tx %/% 2L)$op$name, "^floordiv_[0-9]+$")
  expect_equal(tf$floormod(tx, 2L)$op$type, "FloorMod")
  # Broadcasting, and int64.
  m <- tf$constant(matrix(1:6, 2), dtype = tf$int64)
  # [[1, 3, 5], [2, 4, 6]] with its columns taken modulo 4, 5 and 6.
  expect_equal(sess$run(m %% tf$constant(c(4, 5, 6), dtype = tf$int64)), matrix(c(1, 2, 3, 4, 5, 0), 2))
  expect_tf_error(sess$run(tx %% 0L), "invalid_argument", "Integer division by zero")
  expect_tf_error(tf$constant(TRUE) %% TRUE, "type")
})

test_that("FloorMod has TensorFlow's gradient (1 for x, -floor(x / y) for y)", {
  grad_check(function(x) x %% tf$constant(c(0.7, -0.9, 1.3), dtype = tf$float64), c(2.3, 1.05, -3.3))
  fresh_graph()
  x <- tf$constant(c(5, -5), dtype = tf$float64)
  y <- tf$constant(c(3, 3), dtype = tf$float64)
  g <- tf$gradients(tf$reduce_sum(x %% y), list(x, y))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_equal(sess$run(g), list(array(c(1, 1)), array(c(-1, 2))))
  expect_null(tf$gradients(tf$reduce_sum(x %/% y), x)[[1]])
})

test_that("&, |, ! and xor() build LogicalAnd, LogicalOr, LogicalNot", {
  fresh_graph()
  a <- tf$constant(c(TRUE, TRUE, FALSE, FALSE))
  b <- c(TRUE, FALSE, TRUE, FALSE)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(a & b), array(c(TRUE, FALSE, FALSE, FALSE)))
  expect_identical(sess$run(a | b), array(c(TRUE, TRUE, TRUE, FALSE)))
  expect_identical(sess$run(!a), array(c(FALSE, FALSE, TRUE, TRUE)))
  expect_identical(sess$run(xor(a, b)), array(xor(c(TRUE, TRUE, FALSE, FALSE), b)))
  expect_identical(sess$run(tf$logical_xor(a, b)), array(xor(c(TRUE, TRUE, FALSE, FALSE), b)))
  expect_match((a & b)$op$name, "^and(_[0-9]+)?$")
  expect_match((a | b)$op$name, "^or(_[0-9]+)?$")
  expect_equal((!a)$op$type, "LogicalNot")
  expect_identical(sess$run(tf$logical_and(tf$constant(matrix(TRUE, 2, 2)), c(TRUE, FALSE))),
                   matrix(c(TRUE, TRUE, FALSE, FALSE), 2))
  expect_tf_error(tf$logical_and(tf$constant(1), tf$constant(2)), "type", "does not match expected type of bool")
  expect_tf_error(!tf$constant(1L), "type")
})

test_that("== and != compare elementwise", {
  fresh_graph()
  x <- tf$constant(c(1, 2, 3))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(x == 2), array(c(FALSE, TRUE, FALSE)))
  expect_identical(sess$run(x != 2), array(c(TRUE, FALSE, TRUE)))
})

test_that("the lowest integer modulo or divided by -1 neither traps nor crashes", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  a <- tf$constant(-2^63, dtype = tf$int64)
  b <- tf$constant(-1, dtype = tf$int64)
  expect_identical(sess$run(a %% b), 0)
  expect_identical(sess$run(a %/% b), -2^63)  # wraps, as two's complement negation does
  a32 <- tf$constant(-2147483647L) - 1L
  expect_identical(sess$run(a32 %% -1L), 0L)
  expect_identical(sess$run(tf$constant(7L) %/% -1L), -7L)
})

test_that("integer division by zero is InvalidArgument for all four division ops", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  for (dt in list(tf$int32, tf$int64)) {
    x <- tf$constant(c(7, -7), dtype = dt)
    y <- tf$constant(c(2, 0), dtype = dt)
    for (f in list(tf$floordiv, tf$floormod, tf$truncatediv, tf$truncatemod)) {
      expect_tf_error(sess$run(f(x, y)), "invalid_argument", "Integer division by zero")
    }
  }
})

test_that("float floor division and modulo follow TensorFlow's kernels on zeros, NaN and Inf", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  for (dt in list(tf$float32, tf$float64)) {
    # FloorDiv is floor(x / y); FloorMod is fmod(x, y), moved by y when its sign differs from y's.
    x <- tf$constant(c(5, -5, 0, NaN, Inf, -Inf, 5, 5, 7.5), dtype = dt)
    y <- tf$constant(c(0, 0, 0, 2, 2, 2, Inf, -Inf, -2), dtype = dt)
    expect_identical(sess$run(x %/% y), array(c(Inf, -Inf, NaN, NaN, Inf, -Inf, 0, 0, -4)))
    expect_identical(sess$run(x %% y), array(c(NaN, NaN, NaN, NaN, NaN, NaN, 5, -Inf, -0.5)))
    # The truncating remainder keeps the dividend's sign.
    expect_identical(sess$run(tf$truncatemod(x, y)), array(c(NaN, NaN, NaN, NaN, NaN, NaN, 5, 5, 1.5)))
  }
  # TensorFlow's CPU has no float kernel for TruncateDiv: the graph builds, the run fails.
  z <- tf$truncatediv(tf$constant(7.5), tf$constant(2))
  expect_tf_error(sess$run(z), "invalid_argument", "No OpKernel was registered to support Op 'TruncateDiv'")
  expect_identical(sess$run(tf$truncatediv(tf$constant(c(-7L, 7L)), c(2L, -2L))), array(c(-3L, -3L)))
  expect_identical(sess$run(tf$truncatemod(tf$constant(c(-7L, 7L)), c(2L, -2L))), array(c(-1L, 1L)))
  one <- tf$constant(1)
  expect_tf_error(tf$gradients(tf$truncatemod(one, 2), one), "lookup", "No gradient defined for operation")
})

test_that("an empty integer division result needs no nonzero divisor", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  e <- tf$zeros(shape(0L), dtype = tf$int32)
  expect_identical(sess$run(e %% 0L), array(integer(0)))
  expect_identical(sess$run(tf$truncatemod(e, 0L)), array(integer(0)))
})
