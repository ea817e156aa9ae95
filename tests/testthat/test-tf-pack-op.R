# Port of TensorFlow 1.15's kernel_tests/stack_op_test.py (the file that was
# pack_op_test.py before tf.pack became tf.stack): classes StackOpTest and
# AutomaticStackingTest. tf$parallel_stack and GPU variants are not applicable.

.shape_of <- function(t) as.numeric(unlist(t$get_shape()$as_list()))

# numpy's list(data): the sub-arrays of an R array along its first axis.
.unstack0 <- function(x) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  lapply(seq_len(d[1]), function(i) {
    v <- x[seq.int(i, length.out = prod(d[-1]), by = d[1])]
    if (length(d) == 1L) v else array(v, d[-1])
  })
}

# numpy's [np.squeeze(a, axis) for a in np.split(x, n, axis)]: the sub-arrays along axis j (0-based, negative from the end).
.split_squeeze <- function(x, j) {
  r <- length(dim(x))
  a <- if (j < 0) j + r + 1L else j + 1L
  perm <- c(a, seq_len(r)[-a])
  parts <- .unstack0(aperm(x, perm))
  # A part of rank 1 must stay an array, even of length 1.
  lapply(parts, function(p) if (r == 2L) array(p, length(p)) else p)
}

.random_of <- function(shape, dtype) {
  v <- rnorm(prod(shape))
  v <- switch(dtype, bool = v != 0 & v > -0.5, int32 = as.integer(v * 3), int64 = as.integer(v * 3), v)
  if (length(shape) == 1L) array(v, shape) else array(v, shape)
}

test_that("stack_op_test: StackOpTest.testSimple", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(7)
  for (shape in list(2, 3, c(2, 3), c(3, 2), c(4, 3, 2))) {
    for (dt in c("bool", "float32", "int32", "int64")) {
      data <- .random_of(shape, dt)
      # Each sub-array its own constant, stacked back into one tensor.
      xs <- lapply(.unstack0(data), function(p) tf$constant(p, dtype = tf[[dt]]))
      c <- tf$stack(xs)
      expect_identical(c$dtype$name, dt)
      out <- sess$run(c)
      if (dt == "float32") expect_equal(out, data, tolerance = 1e-6) else expect_equal(out, data)
      expect_identical(.shape_of(c), as.numeric(shape))
    }
  }
})

test_that("stack_op_test: StackOpTest.testConst", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(7)
  for (shape in list(2, 3, c(2, 3), c(3, 2), c(4, 3, 2))) {
    for (dt in c("bool", "float32", "int32", "int64")) {
      data <- .random_of(shape, dt)
      # A list of R values alone (numpy's array of them): a Const.
      c <- tf$stack(lapply(.unstack0(data), identity))
      expect_identical(c$op$type, "Const")
      out <- sess$run(c)
      if (dt == "bool" || dt == "float32") expect_equal(out, data, tolerance = 1e-6) else expect_equal(as.vector(out), as.vector(data))
      # An R array too (numpy's array itself).
      c2 <- tf$stack(data)
      expect_identical(c2$op$type, "Const")
      expect_equal(sess$run(c2), sess$run(c))
    }
  }
  # Shapes made by stacking R numbers are known while building.
  a <- tf$constant(c(1, 2, 3, 4, 5, 6))
  b <- tf$reshape(a, tf$stack(list(2L, 3L)))
  expect_identical(.shape_of(b), c(2, 3))
})

# Gradients against finite differences, one stacked input at a time (the others constants).
.check_stack_grads <- function(shape, axis) {
  data <- array(rnorm(prod(shape)), shape)
  parts <- .unstack0(data)
  for (i in seq_along(parts)) {
    grad_check(function(x) {
      # A scalar part reaches grad_check as a length-1 vector: reshaped back to a scalar.
      xi <- if (length(shape) == 1L) tf$reshape(x, integer(0)) else x
      xs <- lapply(seq_along(parts), function(k) if (k == i) xi else tf$constant(parts[[k]], dtype = tf$float64))
      tf$stack(xs, axis = axis)
    }, parts[[i]])
  }
}

test_that("stack_op_test: StackOpTest.testGradientsAxis0", {
  set.seed(7)
  for (shape in list(2, 3, c(2, 3), c(3, 2), c(4, 3, 2))) {
    .check_stack_grads(shape, 0L)
  }
})

test_that("stack_op_test: StackOpTest.testGradientsAxis1", {
  set.seed(7)
  for (shape in list(c(2, 3), c(3, 2), c(4, 3, 2))) {
    .check_stack_grads(shape, 1L)
    fresh_graph()
    xs <- lapply(.unstack0(array(rnorm(prod(shape)), shape)), function(p) tf$constant(p, dtype = tf$float64))
    out_shape <- append(shape[-1], shape[1], after = 1L)
    expect_identical(.shape_of(tf$stack(xs, axis = 1L)), as.numeric(out_shape))
  }
})

test_that("stack_op_test: StackOpTest.testZeroSizeCPU", {
  fresh_graph()
  sess <- tf$Session()
  # Stacking zero-size inputs does not crash.
  for (shape in list(0, c(3, 0), c(0, 3))) {
    x <- array(0L, c(2, shape))
    parts <- lapply(.unstack0(x), function(p) tf$constant(if (is.null(dim(p))) array(p, length(p)) else p, dtype = tf$int32))
    p <- sess$run(tf$stack(parts))
    expect_identical(dim(p), as.integer(c(2, shape)))
    expect_identical(as.vector(p), as.vector(x))
  }
})

test_that("stack_op_test: StackOpTest.testAxis0DefaultCPU", {
  fresh_graph()
  sess <- tf$Session()
  t <- list(tf$constant(c(1L, 2L, 3L)), tf$constant(c(4L, 5L, 6L)))
  expect_identical(sess$run(tf$stack(t)), matrix(1:6, 2, byrow = TRUE))
})

test_that("stack_op_test: StackOpTest.testAgainstNumpy", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(11)
  # Ranks 1 to 5, every axis (negative ones too).
  for (i in 1:5) {
    shape <- sample(i) + 1L
    expected <- array(runif(prod(shape)), shape)
    for (j in seq.int(-i, i - 1L)) {
      test_arrays <- .split_squeeze(expected, j)
      if (i == 1L) test_arrays <- lapply(test_arrays, as.vector)  # scalars
      actual <- tf$stack(lapply(test_arrays, function(a) tf$constant(a, dtype = tf$float64)), axis = j)
      expect_identical(.shape_of(actual), as.numeric(shape))
      out <- sess$run(actual)
      expect_equal(as.vector(out), as.vector(expected), tolerance = 1e-6)
      expect_identical(as.numeric(if (is.null(dim(out))) length(out) else dim(out)), as.numeric(shape))
    }
  }
})

test_that("stack_op_test: StackOpTest.testDimOutOfRange", {
  fresh_graph()
  t <- list(tf$constant(c(1L, 2L, 3L)), tf$constant(c(4L, 5L, 6L)))
  expect_tf_error(tf$stack(t, axis = 2L), "value", "axis = 2 not in [-2, 2)")
})

test_that("stack_op_test: StackOpTest.testDimOutOfNegativeRange", {
  fresh_graph()
  t <- list(tf$constant(c(1L, 2L, 3L)), tf$constant(c(4L, 5L, 6L)))
  expect_tf_error(tf$stack(t, axis = -3L), "value", "axis = -3 not in [-2, 2)")
})

test_that("stack_op_test: AutomaticStackingTest.testSimple", {
  fresh_graph()
  sess <- tf$Session()
  z3 <- matrix(0L, 3, 3)
  z3[2, 2] <- 1L
  expect_identical(sess$run(tf$convert_to_tensor(list(1L, tf$constant(0L), 2L))), array(c(1L, 0L, 2L)))
  expect_identical(sess$run(tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, tf$constant(1L), 0L), c(0L, 0L, 0L)))), z3)
  expect_identical(sess$run(tf$convert_to_tensor(list(c(0L, 0L, 0L), tf$constant(c(0L, 1L, 0L)), c(0L, 0L, 0L)))), z3)
  expect_identical(sess$run(tf$convert_to_tensor(list(tf$constant(c(0L, 0L, 0L)), tf$constant(c(0L, 1L, 0L)),
                                                      tf$constant(c(0L, 0L, 0L))))), z3)
  # Names as TensorFlow gives them: the Pack op is "packed", an inner list's is "packed_1/1".
  expect_identical(tf$convert_to_tensor(list(1L, tf$constant(0L)))$op$name, "packed_4")
  inner <- tf$convert_to_tensor(list(c(0L, 0L), list(0L, tf$constant(1L))))
  expect_identical(inner$op$inputs[[2]]$op$name, "packed_5/1")
})

test_that("stack_op_test: AutomaticStackingTest.testWithNDArray", {
  fresh_graph()
  sess <- tf$Session()
  result <- tf$convert_to_tensor(list(list(c(0, 0), tf$constant(c(1, 1))), matrix(c(2, 2, 3, 3), 2, byrow = TRUE)))
  want <- array(0, c(2, 2, 2))
  want[1, 2, ] <- 1
  want[2, 1, ] <- 2
  want[2, 2, ] <- 3
  expect_identical(sess$run(result), want)
})

test_that("stack_op_test: AutomaticStackingTest.testVariable", {
  fresh_graph()
  sess <- tf$Session()
  v <- tf$Variable(17L)
  result <- tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, v, 0L), c(0L, 0L, 0L)))
  sess$run(v$initializer)
  want <- matrix(0L, 3, 3)
  want[2, 2] <- 17L
  expect_identical(sess$run(result), want)
  sess$run(v$assign(38L))
  want[2, 2] <- 38L
  expect_identical(sess$run(result), want)
})

test_that("stack_op_test: AutomaticStackingTest.testDtype", {
  fresh_graph()
  z <- c(0, 0, 0)
  t_0 <- tf$convert_to_tensor(list(z, z, z))
  expect_identical(t_0$dtype$name, "float32")
  t_1 <- tf$convert_to_tensor(list(z, tf$constant(z, dtype = tf$float64), z))
  expect_identical(t_1$dtype$name, "float64")
  t_2 <- tf$convert_to_tensor(list(z, z, z), dtype = tf$float64)
  expect_identical(t_2$dtype$name, "float64")
  # An explicit dtype other than the tensors' casts them.
  t_3 <- tf$convert_to_tensor(list(z, tf$constant(z, dtype = tf$float64), z), dtype = tf$float32)
  expect_identical(t_3$dtype$name, "float32")
  t_4 <- tf$convert_to_tensor(list(tf$constant(z, dtype = tf$float64)), dtype = tf$float32)
  expect_identical(t_4$dtype$name, "float32")
  # Tensors of different dtypes with none asked for.
  expect_tf_error(tf$convert_to_tensor(list(tf$constant(z, dtype = tf$float32), tf$constant(z, dtype = tf$float64), z)),
                  "type", "Cannot convert a list containing a tensor of dtype float64 to float32")
})

test_that("stack_op_test: AutomaticStackingTest.testDtypeConversionWhenTensorDtypeMismatch", {
  fresh_graph()
  sess <- tf$Session()
  t_0 <- tf$convert_to_tensor(c(0, 0, 0))
  expect_identical(t_0$dtype$name, "float32")
  t_1 <- tf$convert_to_tensor(c(0L, 0L, 0L))
  expect_identical(t_1$dtype$name, "int32")
  t_2 <- tf$convert_to_tensor(list(t_0, t_0, t_1), dtype = tf$float64)
  expect_identical(t_2$dtype$name, "float64")
  expect_identical(sess$run(t_2), matrix(0, 3, 3))
})

test_that("stack_op_test: AutomaticStackingTest.testPlaceholder", {
  fresh_graph()
  sess <- tf$Session()
  want <- function(k) { m <- matrix(0L, 3, 3); m[2, 2] <- k; m }
  # A placeholder of known shape.
  ph_0 <- tf$placeholder(tf$int32, shape = list())
  result_0 <- tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, ph_0, 0L), c(0L, 0L, 0L)))
  expect_identical(sess$run(result_0, feed_dict = dict(ph_0 = 1L)), want(1L))
  expect_identical(sess$run(result_0, feed_dict = dict(ph_0 = 2L)), want(2L))
  # A placeholder of unknown shape.
  ph_1 <- tf$placeholder(tf$int32)
  result_1 <- tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, ph_1, 0L), c(0L, 0L, 0L)))
  expect_identical(sess$run(result_1, feed_dict = dict(ph_1 = 1L)), want(1L))
  expect_identical(sess$run(result_1, feed_dict = dict(ph_1 = 2L)), want(2L))
})

test_that("stack_op_test: AutomaticStackingTest.testShapeErrors", {
  fresh_graph()
  # Static shape error.
  ph_0 <- tf$placeholder(tf$int32, shape = 1L)
  expect_tf_error(tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, ph_0, 0L), c(0L, 0L, 0L))), "value", "are incompatible")
  # Dynamic shape error.
  ph_1 <- tf$placeholder(tf$int32)
  result_1 <- tf$convert_to_tensor(list(c(0L, 0L, 0L), list(0L, ph_1, 0L), c(0L, 0L, 0L)))
  sess <- tf$Session()
  expect_tf_error(sess$run(result_1, feed_dict = dict(ph_1 = array(1L, 1))), "invalid_argument", "Shapes of all inputs must match")
})
