# Port of TensorFlow 1.15's kernel_tests/constant_op_test.py (graph mode).
# numpy references are re-expressed with base R arrays; 0-based shapes as in TensorFlow.

# Row-major [2, 3, 5] array holding -15..14, as numpy's arange(-15, 15).reshape([2, 3, 5]).
.arange_235 <- function() aperm(array(-15:14, c(5, 3, 2)))

.roundtrip <- function(x, dtype = NULL) {
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$convert_to_tensor(x, dtype = dtype))
}

test_that("constant_op_test: testFloat", {
  fresh_graph()
  x <- .arange_235() + 0
  expect_equal(.roundtrip(x), x)
  set.seed(1)
  r <- array(rnorm(30), c(2, 3, 5))
  expect_equal(.roundtrip(r), r, tolerance = 1e-6)
  e <- array(numeric(0), c(2, 0, 5))
  expect_identical(dim(.roundtrip(e)), c(2L, 0L, 5L))
})

test_that("constant_op_test: testDouble", {
  fresh_graph()
  x <- .arange_235() + 0
  expect_identical(.roundtrip(x, tf$float64), x)
  set.seed(2)
  r <- array(rnorm(30), c(2, 3, 5))
  expect_identical(.roundtrip(r, tf$float64), r)
  expect_identical(dim(.roundtrip(array(numeric(0), c(2, 0, 5)), tf$float64)), c(2L, 0L, 5L))
})

test_that("constant_op_test: testInt32", {
  fresh_graph()
  x <- .arange_235()
  expect_identical(.roundtrip(x), x)
  set.seed(3)
  r <- array(as.integer(100 * rnorm(30)), c(2, 3, 5))
  expect_identical(.roundtrip(r), r)
  e <- .roundtrip(array(integer(0), c(2, 0, 5)))
  expect_identical(dim(e), c(2L, 0L, 5L))
  expect_type(e, "integer")
})

test_that("constant_op_test: testInt64", {
  fresh_graph()
  x <- .arange_235()
  # int64 comes back as R doubles (the contract), with the same values.
  expect_identical(.roundtrip(x, tf$int64), x + 0)
  set.seed(4)
  r <- array(trunc(100 * rnorm(30)), c(2, 3, 5))
  expect_identical(.roundtrip(r, tf$int64), r)
  expect_identical(dim(.roundtrip(array(numeric(0), c(2, 0, 5)), tf$int64)), c(2L, 0L, 5L))
})

test_that("constant_op_test: testString", {
  fresh_graph()
  x <- array(as.character(.arange_235()), c(2, 3, 5))
  expect_identical(.roundtrip(x), x)
  expect_identical(dim(.roundtrip(array(character(0), c(2, 0, 5)))), c(2L, 0L, 5L))
})

test_that("constant_op_test: testExplicitShapeNumPy", {
  fresh_graph()
  c1 <- tf$constant(.arange_235() + 0, shape = c(2, 3, 5))
  expect_identical(c1$get_shape()$as_list(), list(2, 3, 5))
})

test_that("constant_op_test: testImplicitShapeNumPy", {
  fresh_graph()
  c1 <- tf$constant(.arange_235() + 0)
  expect_identical(c1$get_shape()$as_list(), list(2, 3, 5))
})

test_that("constant_op_test: testExplicitShapeList", {
  fresh_graph()
  expect_identical(tf$constant(1:7, shape = 7L)$get_shape()$as_list(), list(7))
})

test_that("constant_op_test: testImplicitShapeList", {
  fresh_graph()
  expect_identical(tf$constant(1:7)$get_shape()$as_list(), list(7))
})

test_that("constant_op_test: testExplicitShapeNumber", {
  fresh_graph()
  expect_identical(tf$constant(1L, shape = 1L)$get_shape()$as_list(), list(1))
})

test_that("constant_op_test: testImplicitShapeNumber", {
  fresh_graph()
  expect_identical(tf$constant(1L)$get_shape()$as_list(), list())
})

test_that("constant_op_test: testShapeInconsistent", {
  fresh_graph()
  c1 <- tf$constant(1:7, shape = 10L)
  expect_identical(c1$get_shape()$as_list(), list(10))
  # The missing values repeat the last one, as TensorFlow 1.x's constant does.
  sess <- tf$Session()
  expect_identical(sess$run(c1), array(c(1:7, 7L, 7L, 7L)))
})

test_that("constant_op_test: testShapeWrong", {
  fresh_graph()
  expect_tf_error(tf$constant(1:7, shape = 5L), "value", "Too many elements provided. Needed at most 5, but received 7")
  # verify_shape = TRUE: the value's own shape must be the one asked for.
  expect_tf_error(tf$constant(1:7, shape = 5L, verify_shape = TRUE), "type", "Expected Tensor's shape: (5,), got (7,).")
  expect_identical(tf$constant(1:5, shape = 5L, verify_shape = TRUE)$get_shape()$as_list(), list(5))
})

test_that("constant_op_test: testAsTensorForTensorInput", {
  fresh_graph()
  t <- tf$constant(10)
  x <- tf$convert_to_tensor(t)
  expect_identical(x$name, t$name)
  expect_identical(x$op$name, t$op$name)
})

test_that("constant_op_test: testAsTensorForNonTensorInput", {
  fresh_graph()
  expect_s3_class(tf$convert_to_tensor(10), "tf_tensor")
})

test_that("constant_op_test: testIdTensor", {
  fresh_graph()
  x <- tf$constant(2, shape = 6L, name = "input")
  id <- tf$identity(x, name = "id")
  expect_s3_class(id$op$inputs[[1]], "tf_tensor")
  expect_identical(id$op$name, "id")
  expect_identical(id$op$type, "Identity")
  expect_identical(id$op$inputs[[1]]$name, "input:0")
  expect_identical(id$dtype$name, "float32")
})

.zeros_checked <- function(shape, ones = FALSE) {
  ret <- if (ones) tf$ones(shape) else tf$zeros(shape)
  expect_identical(ret$get_shape()$as_list(), as.list(as.numeric(unlist(shape))))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(ret)
}

test_that("constant_op_test: ZerosTest.testConst", {
  fresh_graph()
  expect_identical(.zeros_checked(c(2, 3)), matrix(0, 2, 3))
})

test_that("constant_op_test: ZerosTest.testScalar", {
  fresh_graph()
  expect_identical(.zeros_checked(list()), 0)
  expect_identical(.zeros_checked(integer(0)), 0)
})

test_that("constant_op_test: ZerosTest.testDtype", {
  fresh_graph()
  sess <- tf$Session()
  d <- tf$fill(c(2, 3), 12, name = "fill")
  expect_identical(d$get_shape()$as_list(), list(2, 3))
  z <- tf$zeros(c(2, 3))
  expect_identical(z$dtype$name, "float32")
  expect_identical(sess$run(z), matrix(0, 2, 3))
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64, tf$bool)) {
    z <- tf$zeros(c(2, 3), dtype = dt)
    expect_identical(z$dtype$name, dt$name)
    expect_identical(z$get_shape()$as_list(), list(2, 3))
    v <- sess$run(z)
    expect_identical(dim(v), c(2L, 3L))
    expect_true(all(v == 0))
  }
})

.like_check <- function(fn, dt, want) {
  d <- tf$constant(matrix(1, 2, 3), dtype = dt)
  z <- fn(d)
  expect_identical(z$dtype$name, dt$name)
  expect_identical(z$get_shape()$as_list(), list(2, 3))
  sess <- tf$Session()
  on.exit(sess$close())
  v <- sess$run(z)
  expect_identical(dim(v), c(2L, 3L))
  expect_true(all(v == want))
}

test_that("constant_op_test: testZerosLikeCPU", {
  fresh_graph()
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) .like_check(tf$zeros_like, dt, 0)
})

test_that("constant_op_test: testZerosLikePartialShape", {
  fresh_graph()
  d <- tf$placeholder(tf$float32, shape = shape(NULL, 4L, NULL))
  z <- tf$zeros_like(d)
  expect_identical(z$get_shape()$as_list(), d$get_shape()$as_list())
})

test_that("constant_op_test: testZerosLikeDtype", {
  fresh_graph()
  sess <- tf$Session()
  x <- matrix(0:14 + 0, 3, 5, byrow = TRUE)
  for (in_type in list(tf$float32, tf$float64)) {
    for (out_type in list(tf$float32, tf$float64, tf$int32)) {
      y <- tf$zeros_like(tf$constant(x, dtype = in_type), dtype = out_type)
      expect_identical(y$dtype$name, out_type$name)
      v <- sess$run(y)
      expect_identical(dim(v), c(3L, 5L))
      expect_true(all(v == 0))
    }
  }
})

test_that("constant_op_test: OnesTest.testConst", {
  fresh_graph()
  expect_identical(.zeros_checked(c(2, 3), ones = TRUE), matrix(1, 2, 3))
})

test_that("constant_op_test: OnesTest.testScalar", {
  fresh_graph()
  expect_identical(.zeros_checked(list(), ones = TRUE), 1)
  expect_identical(.zeros_checked(integer(0), ones = TRUE), 1)
})

test_that("constant_op_test: OnesTest.testDtype", {
  fresh_graph()
  sess <- tf$Session()
  z <- tf$ones(c(2, 3))
  expect_identical(z$dtype$name, "float32")
  expect_identical(sess$run(z), matrix(1, 2, 3))
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64, tf$bool)) {
    z <- tf$ones(c(2, 3), dtype = dt)
    expect_identical(z$dtype$name, dt$name)
    expect_identical(z$get_shape()$as_list(), list(2, 3))
    v <- sess$run(z)
    expect_identical(dim(v), c(2L, 3L))
    expect_true(all(v == 1))
  }
})

test_that("constant_op_test: testOnesLike", {
  fresh_graph()
  for (dt in list(tf$float32, tf$float64, tf$int32, tf$int64)) .like_check(tf$ones_like, dt, 1)
})

test_that("constant_op_test: testOnesLikePartialShape", {
  fresh_graph()
  d <- tf$placeholder(tf$float32, shape = shape(NULL, 4L, NULL))
  z <- tf$ones_like(d)
  expect_identical(z$get_shape()$as_list(), d$get_shape()$as_list())
})

.fill_compare <- function(dims, val, want, tol = 0) {
  sess <- tf$Session()
  on.exit(sess$close())
  out <- sess$run(tf$fill(dims, val, name = "fill"))
  expect_equal(out, want, tolerance = tol)
}

test_that("constant_op_test: testFillFloat", {
  fresh_graph()
  .fill_compare(c(2, 3), 3.1415, matrix(3.1415, 2, 3), tol = 1e-6)
})

test_that("constant_op_test: testFillDouble", {
  fresh_graph()
  # An R double fills float32 (the contract's default); its value survives to float32 precision.
  .fill_compare(c(2, 3), 3.1415, matrix(3.1415, 2, 3), tol = 1e-7)
})

test_that("constant_op_test: testFillInt32", {
  fresh_graph()
  .fill_compare(c(2, 3), 42L, matrix(42L, 2, 3))
})

test_that("constant_op_test: testFillNegative", {
  fresh_graph()
  # TensorFlow raises ValueError here; a negative dimension given by R is
  # InvalidArgument in tfnative (api-contract: Shapes).
  for (s in list(-1, c(2, -1), c(-1, 2))) {
    expect_tf_error(tf$fill(s, 7), "invalid_argument", "is not a valid dimension")
  }
})

test_that("constant_op_test: PlaceholderTest.testDtype", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, name = "p")
  p_identity <- tf$identity(p)
  set.seed(5)
  feed <- matrix(runif(100), 10, 10)
  expect_equal(sess$run(p_identity, feed_dict = dict(p = feed)), feed, tolerance = 1e-6)
  expect_tf_error(sess$run(p_identity), "invalid_argument", "must feed a value for placeholder tensor 'p' with dtype float")
})

test_that("constant_op_test: PlaceholderTest.testShape", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, shape = shape(10L, 10L), name = "p")
  p_identity <- tf$identity(p)
  set.seed(6)
  feed <- matrix(runif(100), 10, 10)
  expect_equal(sess$run(p_identity, feed_dict = dict(p = feed)), feed, tolerance = 1e-6)
  expect_tf_error(sess$run(p_identity), "invalid_argument",
                  "must feed a value for placeholder tensor 'p' with dtype float and shape [10,10]")
  expect_tf_error(sess$run(p_identity, feed_dict = dict(p = feed[1:5, 1:5])), "value", "Cannot feed value of shape")
})

test_that("constant_op_test: PlaceholderTest.testUnknownShape", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, shape = NULL, name = "p")
  p_identity <- tf$identity(p)
  for (d in list(c(10L, 10L), c(5L, 5L), c(5L, 5L, 5L))) {
    feed <- array(runif(prod(d)), d)
    expect_equal(sess$run(p_identity, feed_dict = dict(p = feed)), feed, tolerance = 1e-6)
  }
})

test_that("constant_op_test: PlaceholderTest.testScalarShape", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, shape = list(), name = "p")
  p_identity <- tf$identity(p)
  expect_identical(sess$run(p_identity, feed_dict = dict(p = 5)), 5)
})

test_that("constant_op_test: PlaceholderTest.testPartialShape", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, shape = shape(NULL, 3L), name = "p")
  p_identity <- tf$identity(p)
  feed <- matrix(runif(30), 10, 3)
  expect_equal(sess$run(p_identity, feed_dict = dict(p = feed)), feed, tolerance = 1e-6)
  expect_tf_error(sess$run(p_identity, feed_dict = dict(p = feed[1:5, 1:2])), "value", "Cannot feed value of shape")
})

test_that("constant_op_test: PlaceholderTest.testPartialShapeWhenNotFed", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$float32, shape = shape(NULL, 3L), name = "p")
  p_identity <- tf$identity(p)
  expect_tf_error(sess$run(p_identity), "invalid_argument",
                  "must feed a value for placeholder tensor 'p' with dtype float and shape [?,3]")
})

test_that("constant_op_test: PlaceholderTest.testControlDependency", {
  fresh_graph()
  sess <- tf$Session()
  p <- tf$placeholder(tf$int32, shape = list(), name = "p")
  with(tf$control_dependencies(list(p)), {
    c5 <- tf$constant(5L, tf$int32)
  })
  d <- tf$multiply(p, c5)
  expect_identical(sess$run(d, feed_dict = dict(p = 2L)), 10L)
})

test_that("constant_op_test: PlaceholderTest.testBadShape", {
  fresh_graph()
  # TensorFlow: ValueError; tfnative: InvalidArgument for a negative dimension (api-contract: Shapes).
  expect_tf_error(tf$placeholder(tf$float32, shape = c(-1, 10)), "invalid_argument", "is not a valid dimension")
})

test_that("constant_op_test: PlaceholderTest.testTensorStr", {
  fresh_graph()
  a <- tf$placeholder(tf$float32, name = "a")
  expect_identical(format(a), 'Tensor("a:0", dtype=float32)')
  b <- tf$placeholder(tf$int32, shape = shape(32L, 40L), name = "b")
  expect_identical(format(b), 'Tensor("b:0", shape=(32, 40), dtype=int32)')
})

test_that("constant_op_test: PlaceholderWithDefaultTest.testFullShape", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  p <- tf$placeholder_with_default(matrix(2L, 2, 2), shape = shape(2L, 2L))
  a <- tf$identity(p)
  expect_identical(sess$run(a), matrix(2L, 2, 2))
  expect_identical(sess$run(a, feed_dict = dict(p = matrix(3L, 2, 2))), matrix(3L, 2, 2))
  expect_tf_error(sess$run(a, feed_dict = dict(p = matrix(6L, 2, 3))), "value", "Cannot feed value of shape")
})

test_that("constant_op_test: PlaceholderWithDefaultTest.testPartialShape", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  p <- tf$placeholder_with_default(c(1L, 2L, 3L), shape = shape(NULL))
  a <- tf$identity(p)
  expect_identical(sess$run(a), array(c(1L, 2L, 3L)))
  expect_identical(sess$run(a, feed_dict = dict(p = c(3L, 37L))), array(c(3L, 37L)))
  expect_tf_error(sess$run(a, feed_dict = dict(p = matrix(2L, 2, 2))), "value", "Cannot feed value of shape")
})

test_that("constant_op_test: PlaceholderWithDefaultTest.testNoShape", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  p <- tf$placeholder_with_default(array(17L, 1L), shape = NULL)
  a <- tf$identity(p)
  expect_identical(sess$run(a), array(17L, 1L))
  expect_identical(sess$run(a, feed_dict = dict(p = c(3L, 37L))), array(c(3L, 37L)))
  expect_identical(sess$run(a, feed_dict = dict(p = matrix(3L, 2, 2))), matrix(3L, 2, 2))
})

test_that("constant_op_test: PlaceholderWithDefaultTest.testGradient", {
  # The result has no static shape; a reshape gives the checker the [5, 7] it needs.
  grad_check(function(x) tf$reshape(tf$placeholder_with_default(x, shape = NULL), c(5L, 7L)), matrix(rnorm(35), 5, 7))
})
