# Port of TensorFlow 1.15's kernel_tests/cast_op_test.py. numpy's astype() is
# re-expressed in R: float32 rounding through writeBin(size = 4), integer casts
# truncating toward zero.

.f32 <- function(x) {
  r <- readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x))
  if (!is.null(dim(x))) dim(r) <- dim(x)
  r
}

.astype <- function(x, to) {
  switch(to,
    float32 = .f32(x),
    float64 = x + 0,
    int32 = , int64 = trunc(x),
    bool = x != 0
  )
}

.type_names <- c("float32", "float64", "int32", "int64")

.cast_test <- function(sess, x, from, to) {
  val <- .astype(x, from)
  out <- sess$run(tf$cast(tf$constant(val, dtype = from), to, name = "cast"))
  want <- .astype(val, to)
  expect_identical(dim(out), if (is.null(dim(want))) length(want) else dim(want))
  if (to == "int32") expect_type(out, "integer")
  expect_identical(as.numeric(out), as.numeric(want))
}

.test_all <- function(x) {
  sess <- tf$Session()
  on.exit(sess$close())
  for (from in .type_names) for (to in .type_names) .cast_test(sess, x, from, to)
  # bool to float32 and int32; int32 to int32.
  b <- x != 0
  expect_identical(as.vector(sess$run(tf$cast(tf$constant(b), tf$float32))), as.numeric(as.vector(b)))
  expect_identical(as.vector(sess$run(tf$cast(tf$constant(b), tf$int32))), as.integer(as.vector(b)))
  expect_identical(as.vector(sess$run(tf$cast(tf$constant(trunc(x), dtype = tf$int32), tf$int32))), as.integer(trunc(as.vector(x))))
}

test_that("cast_op_test: testBasic", {
  fresh_graph()
  .test_all(matrix(-10:9 + 0, 2, 10, byrow = TRUE))
  .test_all(array(seq(-10, 10, length.out = 17)))
})

test_that("cast_op_test: testSmallValues", {
  fresh_graph()
  f4_res <- 1e-6
  f8_res <- 1e-15
  .test_all(array(c(0, -1, 1, -f4_res, f4_res, f8_res, -f8_res)))
})

test_that("cast_op_test: testRandom", {
  fresh_graph()
  set.seed(7)
  .test_all(array(rnorm(210, 0, 10), c(2, 3, 5, 7)))
  .test_all(array(rnorm(210, 0, 1e6), c(2, 3, 5, 7)))
})

.cast1 <- function(x, from, to) {
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$cast(tf$constant(x, dtype = from), to))
}

test_that("cast_op_test: testIntToFloatBoundary", {
  fresh_graph()
  i4 <- c(-2147483648, 2147483647)
  expect_identical(.cast1(i4[1], tf$int32, tf$float32), i4[1])
  expect_identical(.cast1(i4[2], tf$int32, tf$float32), 2147483648)  # float32 rounds it up
  expect_identical(.cast1(i4, tf$int32, tf$float64), array(i4))
  # int64's extremes: -2^63 is an R double; 2^63 - 1 is not, so the largest int64 R can hold stands in.
  i8 <- c(-2^63, 2^63 - 1024)
  expect_identical(.cast1(i8, tf$int64, tf$float32), array(c(-2^63, 2^63)))
  expect_identical(.cast1(i8, tf$int64, tf$float64), array(i8))
})

test_that("cast_op_test: testInfNan", {
  fresh_graph()
  for (dt in list(tf$float32, tf$float64)) {
    expect_identical(.cast1(Inf, tf$float64, dt), Inf)
    expect_identical(.cast1(-Inf, tf$float64, dt), -Inf)
    expect_true(is.nan(.cast1(NaN, tf$float64, dt)))
  }
  # TensorFlow's CPU cast gives the smallest integer; int32's is R's NA_integer_.
  for (x in c(Inf, -Inf, NaN)) {
    expect_identical(.cast1(x, tf$float64, tf$int32), NA_integer_)
    expect_identical(.cast1(x, tf$float64, tf$int64), -2^63)
  }
})

test_that("cast_op_test: testNotImplemented", {
  fresh_graph()
  expect_tf_error(.cast1(0:9, tf$int64, tf$string), "unimplemented", "Cast int64 to string is not supported")
})

test_that("cast_op_test: testCastToTypeOfVariable", {
  fresh_graph()
  sess <- tf$Session()
  x <- tf$Variable(5, dtype = tf$float32)
  y <- tf$Variable(TRUE, dtype = tf$bool)
  cast <- tf$cast(y, x$dtype)
  sess$run(tf$global_variables_initializer())
  expect_identical(sess$run(cast), 1)
})

test_that("cast_op_test: testGradients", {
  fresh_graph()
  sess <- tf$Session()
  for (src in list(tf$float32, tf$float64)) for (dst in list(tf$float32, tf$float64)) {
    x <- tf$constant(1, dtype = src)
    y <- tf$cast(tf$identity(x), dst)
    g <- tf$gradients(y, x)[[1]]
    expect_identical(g$dtype$name, src$name)
    expect_identical(sess$run(g), 1)
  }
})
