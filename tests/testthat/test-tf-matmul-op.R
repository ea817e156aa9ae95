# Port of TensorFlow 1.15's kernel_tests/matmul_op_test.py. TensorFlow generates one
# test per (static shape, dtype, m, n, k, adjoint/transpose options); here each family
# is one test_that() looping over the same grid, with R's %*% as the reference.

.trans_options <- list(c(FALSE, FALSE), c(TRUE, FALSE), c(FALSE, TRUE))  # (adjoint, transpose)

.matmul_case <- function(sess, a_np, b_np, dtype, static, ta, tb, aa, ab) {
  want <- a_np %*% b_np
  # Transposed inputs, so that matmul with these flags gives a %*% b (adjoint = transpose for reals).
  ea <- if (ta || aa) t(a_np) else a_np
  eb <- if (tb || ab) t(b_np) else b_np
  if (static) {
    a <- tf$constant(ea, dtype = dtype)
    b <- tf$constant(eb, dtype = dtype)
    res <- tf$matmul(a, b, transpose_a = ta, transpose_b = tb, adjoint_a = aa, adjoint_b = ab)
    got <- sess$run(res)
  } else {
    a <- tf$placeholder(dtype)
    b <- tf$placeholder(dtype)
    res <- tf$matmul(a, b, transpose_a = ta, transpose_b = tb, adjoint_a = aa, adjoint_b = ab)
    got <- sess$run(res, feed_dict = dict(a = ea, b = eb))
  }
  if (dtype$is_floating) {
    tol <- if (dtype$name == "float32") 3e-5 else 1e-12
    expect_equal(got, want, tolerance = tol)
  } else {
    expect_identical(as.numeric(got), as.numeric(want))
    expect_identical(dim(got), dim(want))
  }
}

test_that("matmul_op_test: MatMulTest (generated grid)", {
  fresh_graph()
  sess <- tf$Session()
  set.seed(11)
  sizes <- c(1, 3, 5)
  for (static in c(TRUE, FALSE)) {
    for (dt in list(tf$int32, tf$int64, tf$float32, tf$float64)) {
      for (m in sizes) for (n in sizes) for (k in sizes) {
        a_np <- matrix(rnorm(m * k, -5, 5), m, k)
        b_np <- matrix(rnorm(k * n, -5, 5), k, n)
        if (!dt$is_floating) {
          a_np <- trunc(a_np)
          b_np <- trunc(b_np)
          if (dt$name == "int32") {
            storage.mode(a_np) <- "integer"
            storage.mode(b_np) <- "integer"
          }
        }
        for (oa in .trans_options) for (ob in .trans_options) {
          .matmul_case(sess, a_np, b_np, dt, static, ta = oa[2], tb = ob[2], aa = oa[1], ab = ob[1])
        }
      }
      fresh_graph()
      sess$close()
      sess <- tf$Session()
    }
  }
})

test_that("matmul_op_test: MatMulGradientTest (generated grid, float64)", {
  set.seed(12)
  for (m in c(1, 3, 5)) for (n in c(1, 3, 5)) for (k in c(1, 3, 5)) {
    a_np <- matrix(rnorm(m * k, -5, 5), m, k)
    b_np <- matrix(rnorm(k * n, -5, 5), k, n)
    for (oa in .trans_options) for (ob in .trans_options) {
      ta <- oa[2] || oa[1]
      tb <- ob[2] || ob[1]
      ea <- if (ta) t(a_np) else a_np
      eb <- if (tb) t(b_np) else b_np
      grad_check(function(x) tf$matmul(x, tf$constant(eb, dtype = tf$float64), transpose_a = oa[2], adjoint_a = oa[1],
                                       transpose_b = ob[2], adjoint_b = ob[1]), ea, eps = 1e-4, tol = 1e-6)
      grad_check(function(x) tf$matmul(tf$constant(ea, dtype = tf$float64), x, transpose_a = oa[2], adjoint_a = oa[1],
                                       transpose_b = ob[2], adjoint_b = ob[1]), eb, eps = 1e-4, tol = 1e-6)
    }
  }
})

test_that("matmul_op_test: MatMulInfixOperatorTest.testMismatchedShape", {
  fresh_graph()
  expect_tf_error(tf$matmul(tf$convert_to_tensor(c(10, 20, 30)), tf$convert_to_tensor(matrix(c(40, 60, 50, 70), 2))),
                  "value", "Shape must be rank 2 but is rank 1")
})

test_that("matmul_op_test: MatMulInfixOperatorTest.testMismatchedDimensions", {
  fresh_graph()
  expect_tf_error(tf$matmul(tf$convert_to_tensor(matrix(c(10, 20, 30), 1)), tf$convert_to_tensor(matrix(c(40, 60, 50, 70), 2))),
                  "value", "Dimensions must be equal")
})
