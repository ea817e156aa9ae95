# Ports of TensorFlow 1.15's tensorflow/python/ops/gradients_test.py (graph mode):
# tf$gradients over lists, grad_ys, stop_gradients, unconnected gradients,
# aggregation methods and colocate_gradients_with_ops.

run_all <- function(x) {
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(x)
}

test_that("gradients_test: testGradients", {
  fresh_graph()
  inp <- tf$constant(1.0, shape = c(32, 100), name = "in")
  w <- tf$constant(1.0, shape = c(100, 10), name = "w")
  b <- tf$constant(1.0, shape = 10, name = "b")
  xw <- tf$matmul(inp, w, name = "xw")
  h <- tf$nn$bias_add(xw, b, name = "h")
  w_grad <- tf$gradients(h, w)[[1]]
  expect_equal(w_grad$op$type, "MatMul")
  expect_true(w_grad$op$get_attr("transpose_a"))
  expect_false(w_grad$op$get_attr("transpose_b"))
})

test_that("gradients_test: testColocateGradients", {
  # colocation_groups() is not exposed; a colocated op takes its target's device, so the
  # gradient op's device is checked instead.
  fresh_graph()
  g <- tf$get_default_graph()
  w <- tf$constant(1.0, shape = c(1, 1))
  x <- tf$constant(1.0, shape = c(1, 2))
  with(g$device("/device:GPU:0"), wx <- tf$matmul(w, x))
  gw <- tf$gradients(wx, list(w), colocate_gradients_with_ops = TRUE)[[1]]
  expect_equal(gw$op$device, wx$op$device)
  expect_equal(gw$op$device, "/device:GPU:0")
  # The default grad_ys (ones like wx) are colocated with wx too.
  ones <- tf$get_default_graph()$get_operation_by_name("gradients/grad_ys_0")
  expect_equal(ones$device, "/device:GPU:0")
})

test_that("gradients_test: testColocateGradientsWithAggregationInMultipleDevices", {
  # As above, checked through devices: the sum of gradients coming from two devices is
  # colocated with w when colocate_gradients_with_ops = TRUE, and not otherwise.
  fresh_graph()
  g <- tf$get_default_graph()
  with(g$device("/device:GPU:1"), w <- tf$constant(1.0, shape = c(1, 1)))
  x <- tf$constant(1.0, shape = c(1, 2))
  y <- tf$constant(1.0, shape = c(1, 2))
  with(g$device("/task:1"), wx <- tf$matmul(w, x))
  with(g$device("/task:2"), wy <- tf$matmul(w, y))
  with(g$device("/device:GPU:0"), z <- wx + wy)
  gw1 <- tf$gradients(z, list(w), colocate_gradients_with_ops = TRUE)[[1]]
  expect_equal(gw1$op$device, w$op$device)
  gw2 <- tf$gradients(z, list(w), colocate_gradients_with_ops = FALSE)[[1]]
  expect_false(identical(gw2$op$device, w$op$device))
})

test_that("gradients_test: testBoundaryStop", {
  # x's own input (c) is not differentiated.
  fresh_graph()
  c0 <- tf$constant(1.0)
  x <- tf$identity(c0)
  y <- x + 1.0
  z <- y + 1
  grads <- tf$gradients(z, list(x))
  expect_false(any(vapply(grads, is.null, TRUE)))
})

test_that("gradients_test: testBoundaryContinue", {
  # x is a predecessor of y: both are differentiated.
  fresh_graph()
  x <- tf$constant(1.0)
  y <- x * 2.0
  z <- y * 3.0
  grads <- tf$gradients(z, list(x, y))
  expect_false(any(vapply(grads, is.null, TRUE)))
  expect_equal(run_all(grads[[1]]), 6)
})

check_aggregation <- function(method) {
  fresh_graph()
  x <- tf$constant(1.0)
  y <- x * 2.0
  z <- y + y + y + y + y + y + y + y + y + y
  grads <- tf$gradients(z, list(x, y), aggregation_method = method)
  expect_false(any(vapply(grads, is.null, TRUE)))
  expect_equal(run_all(grads), list(20, 10))
}

test_that("gradients_test: testAggregationMethodAccumulateN", {
  check_aggregation(tf$AggregationMethod$EXPERIMENTAL_ACCUMULATE_N)
})

test_that("gradients_test: testAggregationMethodAddN", {
  check_aggregation(tf$AggregationMethod$ADD_N)
})

test_that("gradients_test: testAggregationMethodTree", {
  check_aggregation(tf$AggregationMethod$EXPERIMENTAL_TREE)
})

test_that("gradients_test: testVariableReadValueGradient", {
  fresh_graph()
  var <- tf$Variable(tf$constant(100.0))
  gradient <- tf$gradients(var$read_value(), var)
  expect_false(is.null(gradient[[1]]))
})

test_that("gradients_test: testVariableDefaultGrad", {
  for (dtype in list(tf$float32, tf$float64)) {
    fresh_graph()
    var <- tf$Variable(tf$constant(100.0, dtype = dtype))
    dummy_const <- tf$constant(0.0)
    gradient <- tf$gradients(dummy_const, var, unconnected_gradients = tf$UnconnectedGradients$ZERO)[[1]]
    expect_false(is.null(gradient))
    expect_equal(gradient$dtype$name, dtype$name)
  }
})

test_that("gradients_test: testVariableAsGraphElementGradient", {
  fresh_graph()
  graph <- tf$get_default_graph()
  var <- tf$Variable(tf$constant(100.0))
  gradient <- tf$gradients(graph$as_graph_element(var), var)
  expect_false(is.null(gradient[[1]]))
})

test_that("gradients_test: testVariableRefGradient", {
  # TensorFlow takes var._ref(); the variable's reference tensor is its op's output 0.
  fresh_graph()
  var <- tf$Variable(tf$constant(100.0), name = "v")
  ref <- tf$get_default_graph()$get_tensor_by_name("v:0")
  gradient <- tf$gradients(ref, var)
  expect_false(is.null(gradient[[1]]))
})

test_that("gradients_test: testDependentYs", {
  fresh_graph()
  x <- tf$constant(3.0)
  y <- tf$square(x)
  y1 <- tf$square(y)
  y2 <- tf$square(y1)
  # d(x^2 + x^8)/dx at 3 = 6 + 8 * 3^7
  expect_equal(run_all(tf$gradients(list(y, y2), x)[[1]]), 17502)
  expect_equal(run_all(tf$gradients(y + y2, x)[[1]]), 17502)
  z <- tf$identity(y)
  z2 <- tf$identity(y2)
  expect_equal(run_all(tf$gradients(list(z, z2), x)[[1]]), 17502)
})

test_that("gradients_test: testPartialDerivatives", {
  fresh_graph()
  x <- tf$constant(1.0)
  y <- 2 * x
  z <- x + y
  totalg <- tf$gradients(z, list(x, y))
  expect_equal(run_all(totalg), list(3, 1))
  partialg <- tf$gradients(z, list(x, y), stop_gradients = list(x, y))
  expect_equal(run_all(partialg), list(1, 1))
})

test_that("gradients_test: testStopGradients", {
  # Each of a, b, c, d is sum_i(M_i x_i) + N over its predecessors (random 3x3 M_i, N).
  # Stopping with tf$stop_gradient in the graph must equal stopping with the
  # stop_gradients argument, for every subset of stopped and differentiated nodes.
  make_graph <- function(seed, stops = character(0)) {
    set.seed(seed)
    function_of <- function(xs, k = 3) {
      terms <- lapply(xs, function(x) tf$matmul(tf$constant(matrix(runif(k * k), k, k)), x))
      out <- tf$constant(matrix(runif(k * k), k, k))
      for (t in rev(terms)) out <- t + out
      out
    }
    a <- function_of(list())
    if ("a" %in% stops) a <- tf$stop_gradient(a)
    b <- function_of(list(a))
    if ("b" %in% stops) b <- tf$stop_gradient(b)
    c <- function_of(list(a, b))
    if ("c" %in% stops) c <- tf$stop_gradient(c)
    d <- function_of(list(b, c))
    if ("d" %in% stops) d <- tf$stop_gradient(d)
    list(a = a, b = b, c = c, d = d)
  }
  grads_or_zeros <- function(ys, xs, ...) {
    dydxs <- tf$gradients(ys, xs, ...)
    Map(function(x, dydx) if (is.null(dydx)) 0 * x else dydx, xs, dydxs)
  }
  fresh_graph()
  seed <- 20L
  subsets <- c("", "a", "b", "c", "d", "ab", "ac", "ad", "bc", "bd", "cd", "abc", "abd", "acd", "bcd", "abcd")
  letters_of <- function(s) if (nzchar(s)) strsplit(s, "")[[1]] else character(0)
  graph <- make_graph(seed)
  cases <- list()
  for (constants in subsets) {
    with_stops <- make_graph(seed, letters_of(constants))
    for (vars in subsets) {
      v <- letters_of(vars)
      grad1 <- grads_or_zeros(list(with_stops$d), unname(with_stops[v]))
      grad2 <- grads_or_zeros(list(graph$d), unname(graph[v]), stop_gradients = unname(graph[letters_of(constants)]))
      cases[[length(cases) + 1L]] <- list(grad1, grad2)
    }
  }
  results <- run_all(cases)
  for (r in results) expect_equal(r[[1]], r[[2]], tolerance = 1e-6)
})

test_that("gradients_test: testUnconnectedGradientsNoneUnconnectedGradients", {
  fresh_graph()
  x <- tf$constant(1.0, shape = c(2, 2))
  y <- tf$constant(3.0, shape = c(3, 1))
  grad <- tf$gradients(list(y), list(x), unconnected_gradients = "none")
  expect_null(grad[[1]])
})

test_that("gradients_test: testUnconnectedGradientsZerosUnconnectedGradients", {
  fresh_graph()
  x <- tf$constant(1.0, shape = c(2, 2))
  y <- tf$constant(3.0, shape = c(3, 1))
  grads <- tf$gradients(list(y), list(x), unconnected_gradients = "zero")
  expect_equal(run_all(grads)[[1]], matrix(0, 2, 2))
})

test_that("gradients_test: testUnconnectedGradientsZeroConnectedGradients", {
  fresh_graph()
  x <- tf$constant(1.0)
  y <- x * 3.0
  grad <- tf$gradients(list(y), list(x), unconnected_gradients = "zero")
  expect_equal(run_all(grad)[[1]], 3)
})

test_that("gradients_test: testUnknownUnconnectedGradientsValueGiven", {
  fresh_graph()
  x <- tf$constant(1.0)
  y <- tf$constant(1.0)
  expect_tf_error(tf$gradients(list(y), list(x), unconnected_gradients = "nonsense"), "value",
                  "Unknown value for unconnected_gradients: 'nonsense'")
})

test_that("gradients_test: StopGradientTest.testStopGradient", {
  fresh_graph()
  inp <- tf$constant(1.0, shape = c(100, 32), name = "in")
  out <- tf$stop_gradient(inp)
  igrad <- tf$gradients(out, inp)[[1]]
  expect_null(igrad)
})

test_that("gradients_test: an invalid aggregation_method is a ValueError", {
  # Not a TensorFlow test method: TensorFlow's message for a method it does not know.
  fresh_graph()
  x <- tf$constant(1.0)
  expect_tf_error(tf$gradients(x * 2, x, aggregation_method = 7L), "value", "Invalid aggregation_method specified 7.")
})

test_that("gradients_test: grad_ys count and dtype errors", {
  # Not a TensorFlow test method: TensorFlow's checks of grad_ys (gradients_util._DefaultGradYs).
  fresh_graph()
  x <- tf$constant(c(1, 2))
  y <- x * 2
  expect_tf_error(tf$gradients(y, x, grad_ys = list(1, 2)), "value", "Passed 2 grad_ys for 1 ys")
  expect_tf_error(tf$gradients(y, x, grad_ys = tf$constant(c(TRUE, FALSE))), "type",
                  paste0("Gradient type bool generated for real or integer-valued tensor ",
                         "Tensor(\"mul:0\", shape=(2,), dtype=float32) with type float32 must be real or integer"))
  b <- tf$equal(x, 1)
  expect_tf_error(tf$gradients(b, x, grad_ys = tf$constant(c(1, 1))), "type",
                  "with type bool must be numeric to obtain a default gradient")
  # A grad_y of y's shape and dtype weights the gradient.
  expect_equal(run_all(tf$gradients(y, x, grad_ys = tf$constant(c(3, 5)))[[1]]), array(c(6, 10)))
})
