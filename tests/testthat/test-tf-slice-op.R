# Port of TensorFlow 1.15's kernel_tests/slice_op_test.py (class SliceTest), the
# tf$slice parts. Extraction with `x[...]` (TensorFlow's __getitem__, a StridedSlice)
# is not part of tfnative yet (issue 10): those methods and parts are listed as not
# applicable in CONFORMANCE. numpy's x[b:b+s] is R's x[(b+1):(b+s)].

.shape_of <- function(t) as.numeric(unlist(t$get_shape()$as_list()))

# numpy's x[begin:begin+size, ...] for an R array of any rank (begin 0-based).
.np_slice <- function(x, begin, size) {
  idx <- Map(function(b, s) if (s == 0) integer(0) else seq.int(b + 1, b + s), begin, size)
  out <- do.call(`[`, c(list(x), idx, list(drop = FALSE)))
  if (length(dim(x)) == 1L) out <- array(out, length(out))
  out
}

test_that("slice_op_test: testSlicingWithInt64Index", {
  fresh_graph()
  sess <- tf$Session()
  # begin and size as int64 vectors, slicing int32 and float32 vectors.
  b <- tf$constant(1, shape = 1L, dtype = tf$int64)
  s <- tf$constant(2, shape = 1L, dtype = tf$int64)
  a_int32 <- tf$constant(c(0L, 1L, 2L), dtype = tf$int32)
  expect_identical(sess$run(tf$slice(a_int32, b, s)), array(c(1L, 2L)))
  a_float32 <- tf$constant(c(0, 1, 2), dtype = tf$float32)
  expect_identical(sess$run(tf$slice(a_float32, b, s)), array(c(1, 2)))
})

test_that("slice_op_test: testSlicingInt64Tensor", {
  fresh_graph()
  sess <- tf$Session()
  a <- tf$constant(c(0, 1, 2), dtype = tf$int64)
  t <- tf$slice(a, 1L, 2L)
  expect_identical(t$dtype$name, "int64")
  expect_equal(as.vector(sess$run(t)), c(1, 2))
  expect_identical(.shape_of(t), 2)
})

test_that("slice_op_test: testSelectAll", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(1)
  for (rep in 1:3) {
    inp <- array(runif(256), c(4, 4, 4, 4))
    a <- tf$constant(inp, shape = c(4, 4, 4, 4), dtype = tf$float32)
    t <- tf$slice(a, c(0, 0, 0, 0), c(-1, -1, -1, -1))
    expect_equal(sess$run(t), inp, tolerance = 1e-6)
    expect_identical(.shape_of(t), c(4, 4, 4, 4))
  }
})

test_that("slice_op_test: testSliceMatrixDim0", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(2)
  check <- function(x, begin, size) {
    t <- tf$slice(tf$constant(x, dtype = tf$float32), c(begin, 0), c(size, ncol(x)))
    expect_equal(sess$run(t), x[(begin + 1):(begin + size), , drop = FALSE], tolerance = 1e-6)
  }
  x <- matrix(runif(32), 8, 4)
  check(x, 1, 2)
  check(x, 3, 3)
  y <- matrix(runif(56), 8, 7)  # rows of 7 floats: not aligned
  check(y, 1, 2)
  check(y, 3, 3)
})

test_that("slice_op_test: testSimple", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(3)
  inp <- matrix(runif(16), 4, 4)
  a <- tf$constant(inp, shape = c(4, 4), dtype = tf$float32)
  t <- tf$slice(a, c(0, 0), c(2, 2))
  val <- sess$run(t)
  expect_equal(val, inp[1:2, 1:2], tolerance = 1e-6)
  expect_identical(.shape_of(t), as.numeric(dim(val)))
})

test_that("slice_op_test: testRandom", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(4)
  for (rep in 1:5) {
    # Random dims of rank 6 (TensorFlow draws them in [0, 20); smaller here to stay quick), zeros included.
    input_shape <- sample(0:6, 6, replace = TRUE)
    inp <- array(runif(prod(input_shape)), input_shape)
    a <- tf$constant(inp, shape = input_shape, dtype = tf$float32)
    begin <- vapply(input_shape, function(d) if (d == 0) 0L else sample.int(d, 1) - 1L, 0L)
    size <- vapply(seq_len(6), function(i) sample.int(input_shape[i] - begin[i] + 1L, 1) - 1L, 0L)
    t <- tf$slice(a, begin, size)
    want <- .np_slice(inp, begin, size)
    val <- sess$run(t)
    expect_identical(dim(val), dim(want))
    expect_equal(as.vector(val), as.vector(want), tolerance = 1e-6)
    expect_identical(.shape_of(t), as.numeric(size))
  }
})

test_that("slice_op_test: testPartialShapeInference", {
  fresh_graph()
  z <- tf$zeros(c(1, 2, 3))
  expect_identical(.shape_of(z), c(1, 2, 3))
  m1 <- tf$slice(z, c(0, 0, 0), c(-1, -1, -1))
  expect_identical(.shape_of(m1), c(1, 2, 3))
  # The size's first entry is computed (an Add of constants): as TensorFlow, the small constant
  # subgraph is evaluated while building, so the static shape is known.
  m2 <- tf$slice(z, c(0, 0, 0), list(tf$constant(1L) + 0L, 2, -1))
  expect_identical(.shape_of(m2), c(1, 2, 3))
  m3 <- tf$slice(z, c(0, 0, 0), list(tf$constant(1L), 2, -1))
  expect_identical(.shape_of(m3), c(1, 2, 3))
  # A size fed when run stays unknown.
  m4 <- tf$slice(z, c(0, 0, 0), list(tf$placeholder(tf$int32, shape()), 2, -1))
  expect_identical(.shape_of(m4), c(NA, 2, NA))
})

# Gradient of a slice: the incoming gradient placed into zeros of the input's shape.
.check_slice_grad <- function(sess, input_shape, begin, size) {
  inp <- array(runif(prod(input_shape)), input_shape)
  a <- tf$constant(inp, dtype = tf$float32)
  t <- tf$slice(a, begin, size)
  grads <- array(runif(prod(size)), size)
  g <- tf$gradients(t, list(a), tf$constant(grads, dtype = tf$float32))[[1]]
  want <- array(0, input_shape)
  idx <- Map(function(b, s) seq.int(b + 1, b + s), begin, size)
  want <- do.call(`[<-`, c(list(want), idx, list(value = grads)))
  expect_equal(sess$run(g), want, tolerance = 1e-6)
}

test_that("slice_op_test: testGradientsAll", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(5)
  .check_slice_grad(sess, c(4, 4), c(1, 1), c(2, 2))   # the middle square
  .check_slice_grad(sess, c(4, 4), c(0, 0), c(2, 2))   # the upper left square
  .check_slice_grad(sess, c(4, 4), c(2, 1), c(1, 2))   # not square, from (2, 1)
  .check_slice_grad(sess, c(3, 3, 3), c(0, 1, 0), c(2, 1, 1))
  # A size of -1 (to the end).
  inp <- tf$constant(c(1, 2, 3), name = "in")
  out <- tf$slice(inp, 1L, -1L)
  expect_equal(sess$run(tf$gradients(out, inp)[[1]]), array(c(0, 1, 1)))
  # The same against finite differences, in float64.
  grad_check(function(x) tf$slice(x, c(1, 0), c(2, -1)), matrix(runif(12), 4, 3))
  grad_check(function(x) tf$slice(x, c(0, 1, 0), c(2, 1, 1)), array(runif(27), c(3, 3, 3)))
})

test_that("slice_op_test: testComputedShape", {
  fresh_graph()
  a <- tf$constant(matrix(1:6, 2, byrow = TRUE))
  begin <- tf$constant(0L)
  size <- tf$constant(1L)
  b <- tf$slice(a, list(begin, 0), list(size, 2))
  expect_identical(.shape_of(b), c(1, 2))
  begin <- tf$placeholder(tf$int32, shape = list())
  c <- tf$slice(a, list(begin, 0), c(-1, 2))
  expect_identical(.shape_of(c), c(NA, 2))
  # And at run time.
  sess <- tf$Session()
  expect_identical(sess$run(c, feed_dict = dict(begin = 1L)), matrix(4:5, 1, 2))
})
