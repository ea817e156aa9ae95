# Ports of TensorFlow 1.15's optimizer tests (gradient_descent_test, momentum_test,
# adam_test, adagrad_test, rmsprop_test, optimizer_test): graph mode, dense gradients,
# reference variables. float16 has no counterpart here, so dtype loops run over
# float32 and float64; expected values are computed in R with TensorFlow's formulas.

float_types <- function() list(tf$float32, tf$float64)

# TensorFlow's assertAllCloseAccordingToType uses 1e-6 for float32 and float64.
expect_close <- function(actual, expected, tol = 1e-6) {
  if (length(expected) > 1L && is.null(dim(expected))) expected <- array(expected)
  expect_equal(actual, expected, tolerance = tol)
}

# Two variables [1, 2] and [3, 4] with constant gradients [0.1, 0.1] and [0.01, 0.01].
two_vars <- function(dtype, g0 = c(0.1, 0.1), g1 = c(0.01, 0.01)) {
  list(var0 = tf$Variable(c(1, 2), dtype = dtype), var1 = tf$Variable(c(3, 4), dtype = dtype),
       grads0 = tf$constant(g0, dtype = dtype), grads1 = tf$constant(g1, dtype = dtype))
}
pairs_of <- function(v) list(list(v$grads0, v$var0), list(v$grads1, v$var1))

in_session <- function(body) {
  sess <- tf$Session()
  on.exit(sess$close())
  body(sess)
}

is_trainable <- function(v) any(vapply(tf$trainable_variables(), function(t) identical(t$name, v$name), TRUE))

# gradient_descent_test ---------------------------------------------------------

test_that("gradient_descent_test: testBasic", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    opt <- tf$train$GradientDescentOptimizer(3.0)
    sgd_op <- opt$apply_gradients(pairs_of(v))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      expect_close(sess$run(v$var0), c(1, 2))
      expect_close(sess$run(v$var1), c(3, 4))
      sess$run(sgd_op)
      expect_close(sess$run(v$var0), c(1 - 3 * 0.1, 2 - 3 * 0.1))
      expect_close(sess$run(v$var1), c(3 - 3 * 0.01, 4 - 3 * 0.01))
    })
    expect_length(opt$variables(), 0L)
  }
})

test_that("gradient_descent_test: testTensorLearningRate", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    lrate <- tf$constant(3.0)  # float32, cast to the variables' dtype
    sgd_op <- tf$train$GradientDescentOptimizer(lrate)$apply_gradients(pairs_of(v))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      sess$run(sgd_op)
      expect_close(sess$run(v$var0), c(1 - 3 * 0.1, 2 - 3 * 0.1))
      expect_close(sess$run(v$var1), c(3 - 3 * 0.01, 4 - 3 * 0.01))
    })
  }
})

test_that("gradient_descent_test: testGradWrtRef", {
  # TensorFlow differentiates the [1]-shaped loss v0 + v1; a non-scalar loss is refused here
  # by design, so the summed loss (same gradients) is used.
  for (dtype in float_types()) {
    fresh_graph()
    opt <- tf$train$GradientDescentOptimizer(3.0)
    vars <- lapply(c(1, 3), function(x) tf$Variable(array(x), dtype = dtype))
    expect_tf_error(opt$compute_gradients(vars[[1]] + vars[[2]], vars), "value", "loss must be a scalar")
    gv <- opt$compute_gradients(tf$reduce_sum(vars[[1]] + vars[[2]]), vars)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      for (p in gv) expect_close(sess$run(p[[1]]), array(1))
    })
  }
})

test_that("gradient_descent_test: testWithGlobalStep", {
  for (dtype in float_types()) {
    fresh_graph()
    global_step <- tf$Variable(0L, trainable = FALSE)
    v <- two_vars(dtype)
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)$apply_gradients(pairs_of(v), global_step = global_step)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      sess$run(sgd_op)
      expect_close(sess$run(v$var0), c(1 - 3 * 0.1, 2 - 3 * 0.1))
      expect_close(sess$run(v$var1), c(3 - 3 * 0.01, 4 - 3 * 0.01))
      expect_identical(sess$run(global_step), 1L)
    })
  }
})

# momentum_test -------------------------------------------------------------------

nesterov_step <- function(var, accum, g, lr, momentum) {
  var <- var + accum * lr * momentum
  accum <- accum * momentum + g
  var <- var - lr * accum
  var <- var - accum * lr * momentum
  list(var = var, accum = accum)
}

# The two-step check shared by testBasic, testTensorLearningRateAndMomentum and testSharing.
check_momentum_two_steps <- function(v, mom_opt, step1, step2) {
  expect_equal(mom_opt$get_slot_names(), "momentum")
  slot0 <- mom_opt$get_slot(v$var0, "momentum")
  slot1 <- mom_opt$get_slot(v$var1, "momentum")
  expect_equal(slot0$get_shape()$as_list(), v$var0$get_shape()$as_list())
  expect_equal(slot1$get_shape()$as_list(), v$var1$get_shape()$as_list())
  expect_false(is_trainable(slot0))
  expect_false(is_trainable(slot1))
  in_session(function(sess) {
    sess$run(tf$global_variables_initializer())
    expect_close(sess$run(v$var0), c(1, 2))
    expect_close(sess$run(v$var1), c(3, 4))
    # Step 1: the accumulators were 0, so a plain update: v -= grad * learning_rate.
    sess$run(step1)
    expect_close(sess$run(slot0), c(0.1, 0.1))
    expect_close(sess$run(slot1), c(0.01, 0.01))
    expect_close(sess$run(v$var0), c(1 - 0.1 * 2, 2 - 0.1 * 2))
    expect_close(sess$run(v$var1), c(3 - 0.01 * 2, 4 - 0.01 * 2))
    # Step 2: the accumulators hold the previous update.
    sess$run(step2)
    expect_close(sess$run(slot0), rep(0.9 * 0.1 + 0.1, 2))
    expect_close(sess$run(slot1), rep(0.9 * 0.01 + 0.01, 2))
    expect_close(sess$run(v$var0), c(1, 2) - 0.1 * 2 - (0.9 * 0.1 + 0.1) * 2)
    expect_close(sess$run(v$var1), c(2.98, 3.98) - (0.9 * 0.01 + 0.01) * 2)
  })
}

test_that("momentum_test: testBasic", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    mom_opt <- tf$train$MomentumOptimizer(learning_rate = 2.0, momentum = 0.9)
    mom_update <- mom_opt$apply_gradients(pairs_of(v))
    check_momentum_two_steps(v, mom_opt, mom_update, mom_update)
  }
})

test_that("momentum_test: testVariablesAcrossGraphs", {
  # TensorFlow uses ResourceVariables here; the behaviour under test (the optimizer's
  # variables() lists only the current graph's, sorted by name) is the same for Variables.
  optimizer <- tf$train$MomentumOptimizer(0.01, 0.5)
  g1 <- tf$Graph()
  with(g1$as_default(), {
    var0 <- tf$Variable(c(1, 2), dtype = tf$float32, name = "var0")
    var1 <- tf$Variable(c(3, 4), dtype = tf$float32, name = "var1")
    optimizer$minimize(tf$reduce_sum(var0 + var1))
    ov <- optimizer$variables()
    expect_length(ov, 2L)
    expect_true(startsWith(ov[[1]]$name, "var0"))
    expect_true(startsWith(ov[[2]]$name, "var1"))
  })
  g2 <- tf$Graph()
  with(g2$as_default(), {
    var2 <- tf$Variable(c(1, 2), dtype = tf$float32, name = "var2")
    var3 <- tf$Variable(c(3, 4), dtype = tf$float32, name = "var3")
    optimizer$minimize(tf$reduce_sum(var2 + var3))
    ov <- optimizer$variables()
    expect_length(ov, 2L)
    expect_true(startsWith(ov[[1]]$name, "var2"))
    expect_true(startsWith(ov[[2]]$name, "var3"))
  })
})

test_that("momentum_test: testNesterovMomentum", {
  # TensorFlow minimizes the [2]-shaped cost 5 v0^2 + 3 v1; a non-scalar loss is refused
  # here by design, so its sum (same gradients) is minimized.
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype)
    var1 <- tf$Variable(c(3, 4), dtype = dtype)
    cost <- 5 * var0 * var0 + 3 * var1
    global_step <- tf$Variable(tf$zeros(shape(), tf$int64), name = "global_step")
    mom_op <- tf$train$MomentumOptimizer(learning_rate = 2.0, momentum = 0.9, use_nesterov = TRUE)
    expect_tf_error(mom_op$minimize(cost, global_step, list(var0, var1)), "value", "loss must be a scalar")
    opt_op <- mom_op$minimize(tf$reduce_sum(cost), global_step, list(var0, var1))
    s0 <- list(var = c(1, 2), accum = c(0, 0))
    s1 <- list(var = c(3, 4), accum = c(0, 0))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      for (t in 1:4) {
        sess$run(opt_op)
        s0 <- nesterov_step(s0$var, s0$accum, s0$var * 10, 2.0, 0.9)
        s1 <- nesterov_step(s1$var, s1$accum, 3, 2.0, 0.9)
        expect_close(sess$run(var0), s0$var)
        expect_close(sess$run(var1), s1$var)
      }
    })
  }
})

test_that("momentum_test: testTensorLearningRateAndMomentum", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    mom_opt <- tf$train$MomentumOptimizer(learning_rate = tf$constant(2.0), momentum = tf$constant(0.9))
    mom_update <- mom_opt$apply_gradients(pairs_of(v))
    check_momentum_two_steps(v, mom_opt, mom_update, mom_update)
  }
})

test_that("momentum_test: testLikeDistBeliefMom01", {
  # Ten momentum steps (learning rate 0.1, momentum 0.1) recorded from DistBelief.
  db_grad <- list(
    c(0.00096264342, 0.17914793, 0.93945462, 0.41396621, 0.53037018,
      0.93197989, 0.78648776, 0.50036013, 0.55345792, 0.96722615),
    c(0.17075552, 0.88821375, 0.20873757, 0.25236958, 0.57578111,
      0.15312378, 0.5513742, 0.94687688, 0.16012503, 0.22159521),
    c(0.35077485, 0.47304362, 0.44412705, 0.44368884, 0.078527533,
      0.81223965, 0.31168157, 0.43203235, 0.16792089, 0.24644311),
    c(0.9694621, 0.75035888, 0.28171822, 0.83813518, 0.53807181,
      0.3728098, 0.81454384, 0.03848977, 0.89759839, 0.93665648),
    c(0.38578293, 0.8536852, 0.88722926, 0.66276771, 0.13678469,
      0.94036359, 0.69107032, 0.81897682, 0.5433259, 0.67860287),
    c(0.27885768, 0.76100707, 0.24625534, 0.81354135, 0.18959245,
      0.48038563, 0.84163809, 0.41172323, 0.83259648, 0.44941229),
    c(0.27233034, 0.056316052, 0.5039115, 0.24105175, 0.35697976,
      0.75913221, 0.73577434, 0.16014607, 0.57500273, 0.071136251),
    c(0.58697265, 0.2494842, 0.08106143, 0.39954534, 0.15892942,
      0.12683646, 0.74053431, 0.16033, 0.66625422, 0.73515922),
    c(0.8215279, 0.41994119, 0.95172721, 0.68000203, 0.79439718,
      0.43384039, 0.55561525, 0.22567581, 0.93331909, 0.29438227),
    c(0.68297005, 0.67758518, 0.1748755, 0.13266537, 0.70697063,
      0.055731893, 0.68593478, 0.50580865, 0.12602448, 0.093537711))
  db_out <- list(
    c(-9.6264346e-05, -0.017914793, -0.093945466, -0.041396622, -0.053037018,
      -0.093197994, -0.078648776, -0.050036013, -0.055345792, -0.096722618),
    c(-0.017181443, -0.10852765, -0.12421377, -0.070773244, -0.11591884,
      -0.11783017, -0.14165108, -0.14972731, -0.076892875, -0.1285544),
    c(-0.053967446, -0.1648933, -0.1716533, -0.1180798, -0.13005978,
      -0.20151734, -0.17911947, -0.20289968, -0.095839672, -0.15638189),
    c(-0.15459226, -0.24556576, -0.20456907, -0.20662397, -0.18528105,
      -0.24716705, -0.2643207, -0.21206589, -0.18749419, -0.2528303),
    c(-0.20323303, -0.33900154, -0.29658359, -0.28175515, -0.20448165,
      -0.34576839, -0.34194785, -0.29488021, -0.25099224, -0.33033544),
    c(-0.23598288, -0.42444581, -0.33041057, -0.3706224, -0.22536094,
      -0.40366709, -0.43387437, -0.34433398, -0.34060168, -0.38302717),
    c(-0.26649091, -0.43862185, -0.38418442, -0.40361428, -0.26314685,
      -0.48537019, -0.51664448, -0.36529395, -0.40706289, -0.39540997),
    c(-0.32823896, -0.46498787, -0.39766794, -0.446868, -0.28281838,
      -0.50622416, -0.59897494, -0.38342294, -0.48033443, -0.47016418),
    c(-0.41656655, -0.50961858, -0.49418902, -0.51919359, -0.36422527,
      -0.55169362, -0.6627695, -0.40780342, -0.58099347, -0.50707781),
    c(-0.49369633, -0.58184016, -0.52132869, -0.5396927, -0.44306302,
      -0.56181377, -0.73774242, -0.46082234, -0.60366184, -0.52012295))
  fresh_graph()
  var0 <- tf$Variable(rep(0, 10))
  grads0 <- tf$constant(rep(0, 10))
  mom_opt <- tf$train$MomentumOptimizer(learning_rate = 0.1, momentum = 0.1)
  mom_update <- mom_opt$apply_gradients(list(list(grads0, var0)))
  in_session(function(sess) {
    sess$run(tf$global_variables_initializer())
    for (i in seq_along(db_grad)) {
      sess$run(mom_update, feed_dict = dict(grads0 = db_grad[[i]]))
      expect_close(sess$run(var0), db_out[[i]])
    }
  })
})

test_that("momentum_test: testSharing", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    mom_opt <- tf$train$MomentumOptimizer(learning_rate = 2.0, momentum = 0.9)
    mom_update1 <- mom_opt$apply_gradients(pairs_of(v))
    mom_update2 <- mom_opt$apply_gradients(pairs_of(v))
    check_momentum_two_steps(v, mom_opt, mom_update1, mom_update2)
  }
})

# adam_test -------------------------------------------------------------------------

adam_step <- function(param, g_t, t, m, v, alpha = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
  alpha_t <- alpha * sqrt(1 - beta2^t) / (1 - beta1^t)
  m_t <- beta1 * m + (1 - beta1) * g_t
  v_t <- beta2 * v + (1 - beta2) * g_t * g_t
  list(param = param - alpha_t * m_t / (sqrt(v_t) + epsilon), m = m_t, v = v_t)
}

# The optimizer's beta1_power and beta2_power variables (TensorFlow's _get_beta_accumulators()).
beta_accumulators <- function(opt) {
  vars <- opt$variables()
  names(vars) <- vapply(vars, function(v) v$op$name, "")
  list(vars[["beta1_power"]], vars[["beta2_power"]])
}

test_that("adam_test: testBasic", {
  for (dtype in float_types()) {
    g <- tf$Graph()
    with(g$as_default(), {
      v <- two_vars(dtype)
      opt <- tf$train$AdamOptimizer(learning_rate = 0.001)
      update <- opt$apply_gradients(pairs_of(v))
      opt_names <- vapply(opt$variables(), function(x) x$name, "")
      expect_true(all(c("beta1_power:0", "beta2_power:0") %in% opt_names))
      # Variables of another graph are not listed.
      with(tf$Graph()$as_default(), expect_length(opt$variables(), 0L))
      beta <- beta_accumulators(opt)
      s0 <- list(param = c(1, 2), m = 0, v = 0)
      s1 <- list(param = c(3, 4), m = 0, v = 0)
      in_session(function(sess) {
        sess$run(tf$global_variables_initializer())
        expect_close(sess$run(v$var0), c(1, 2))
        expect_close(sess$run(v$var1), c(3, 4))
        for (t in 1:3) {
          sess$run(update)
          expect_close(sess$run(beta[[1]]), 0.9^(t + 1))
          expect_close(sess$run(beta[[2]]), 0.999^(t + 1))
          s0 <- adam_step(s0$param, c(0.1, 0.1), t, s0$m, s0$v)
          s1 <- adam_step(s1$param, c(0.01, 0.01), t, s1$m, s1$v)
          expect_close(sess$run(v$var0), s0$param)
          expect_close(sess$run(v$var1), s1$param)
        }
      })
    })
  }
})

test_that("adam_test: testTensorLearningRate", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    opt <- tf$train$AdamOptimizer(tf$constant(0.001))
    update <- opt$apply_gradients(pairs_of(v))
    beta <- beta_accumulators(opt)
    s0 <- list(param = c(1, 2), m = 0, v = 0)
    s1 <- list(param = c(3, 4), m = 0, v = 0)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      for (t in 1:3) {
        expect_close(sess$run(beta[[1]]), 0.9^t)
        expect_close(sess$run(beta[[2]]), 0.999^t)
        sess$run(update)
        s0 <- adam_step(s0$param, c(0.1, 0.1), t, s0$m, s0$v)
        s1 <- adam_step(s1$param, c(0.01, 0.01), t, s1$m, s1$v)
        expect_close(sess$run(v$var0), s0$param)
        expect_close(sess$run(v$var1), s1$param)
      }
    })
  }
})

test_that("adam_test: testSharing", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    opt <- tf$train$AdamOptimizer()
    update1 <- opt$apply_gradients(pairs_of(v))
    update2 <- opt$apply_gradients(pairs_of(v))
    beta <- beta_accumulators(opt)
    s0 <- list(param = c(1, 2), m = 0, v = 0)
    s1 <- list(param = c(3, 4), m = 0, v = 0)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      for (t in 1:3) {
        expect_close(sess$run(beta[[1]]), 0.9^t)
        expect_close(sess$run(beta[[2]]), 0.999^t)
        sess$run(if (t %% 2 == 0) update1 else update2)
        s0 <- adam_step(s0$param, c(0.1, 0.1), t, s0$m, s0$v)
        s1 <- adam_step(s1$param, c(0.01, 0.01), t, s1$m, s1$v)
        expect_close(sess$run(v$var0), s0$param)
        expect_close(sess$run(v$var1), s1$param)
      }
    })
  }
})

test_that("adam_test: testTwoSessions", {
  # TensorFlow's first application is eager (not available here); the graph-mode part:
  # one optimizer applied in two graphs keeps its state per graph.
  optimizer <- tf$train$AdamOptimizer()
  for (i in 1:2) {
    with(tf$Graph()$as_default(), {
      var0 <- tf$Variable(c(1, 2), dtype = tf$float64, name = "v0")
      grads0 <- tf$constant(c(0.1, 0.1), dtype = tf$float64)
      update <- optimizer$apply_gradients(list(list(grads0, var0)))
      expect_s3_class(update, "tf_operation")
      expect_setequal(vapply(optimizer$variables(), function(x) x$name, ""),
                      c("beta1_power:0", "beta2_power:0", "v0/Adam:0", "v0/Adam_1:0"))
    })
  }
})

# adagrad_test ----------------------------------------------------------------------

check_adagrad_basic <- function(use_locking) {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    ada_opt <- tf$train$AdagradOptimizer(3.0, initial_accumulator_value = 0.1, use_locking = use_locking)
    ada_update <- ada_opt$apply_gradients(pairs_of(v))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      vals <- sess$run(list(v$var0, v$var1))
      expect_close(vals[[1]], c(1, 2))
      expect_close(vals[[2]], c(3, 4))
      for (i in 1:3) sess$run(ada_update)
      vals <- sess$run(list(v$var0, v$var1))
      expect_close(vals[[1]], c(-1.6026098728179932, -0.6026098728179932))
      expect_close(vals[[2]], c(2.715679168701172, 3.715679168701172))
    })
  }
}

test_that("adagrad_test: testBasic", {
  check_adagrad_basic(use_locking = FALSE)
})

test_that("adagrad_test: testBasicLocked", {
  check_adagrad_basic(use_locking = TRUE)
})

test_that("adagrad_test: testTensorLearningRate", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    ada_opt <- tf$train$AdagradOptimizer(tf$constant(3.0), initial_accumulator_value = 0.1)
    ada_update <- ada_opt$apply_gradients(pairs_of(v))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      for (i in 1:3) sess$run(ada_update)
      expect_close(sess$run(v$var0), c(-1.6026098728179932, -0.6026098728179932))
      expect_close(sess$run(v$var1), c(2.715679168701172, 3.715679168701172))
    })
  }
})

test_that("adagrad_test: testSharing", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    ada_opt <- tf$train$AdagradOptimizer(3.0)
    # Both applications share the same accumulators.
    ada_update1 <- ada_opt$apply_gradients(pairs_of(v))
    ada_update2 <- ada_opt$apply_gradients(pairs_of(v))
    expect_equal(ada_opt$get_slot_names(), "accumulator")
    slot0 <- ada_opt$get_slot(v$var0, "accumulator")
    slot1 <- ada_opt$get_slot(v$var1, "accumulator")
    expect_equal(slot0$get_shape()$as_list(), v$var0$get_shape()$as_list())
    expect_equal(slot1$get_shape()$as_list(), v$var1$get_shape()$as_list())
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      sess$run(ada_update1)
      sess$run(ada_update2)
      sess$run(ada_update1)
      expect_close(sess$run(v$var0), c(-1.6026098728179932, -0.6026098728179932))
      expect_close(sess$run(v$var1), c(2.715679168701172, 3.715679168701172))
    })
  }
})

test_that("adagrad_test: testDynamicShapeVariable_Ok", {
  # TensorFlow makes v with get_variable(validate_shape=False); tf$Variable does the same here.
  fresh_graph()
  # TensorFlow also asserts the static shape is not fully defined; the unknown-rank TensorShape
  # is being fixed elsewhere (shape.R), so here the variable op's shape attribute is checked.
  v <- tf$Variable(tf$constant(1), validate_shape = FALSE, name = "v")
  expect_null(v$op$get_attr("shape"))
  expect_false(v$shape$is_fully_defined())
  expect_s3_class(tf$train$AdagradOptimizer(3.0, initial_accumulator_value = 0.1), "tf_optimizer")
})

test_that("adagrad_test: testDynamicShapeVariableWithCallableInit", {
  fresh_graph()
  var0 <- tf$Variable(tf$constant(1), validate_shape = FALSE, name = "var0")
  expect_null(var0$op$get_attr("shape"))
  expect_false(var0$shape$is_fully_defined())
  grads0 <- tf$constant(0.1, dtype = tf$float32)
  learning_rate <- function() 3.0
  ada_opt <- tf$train$AdagradOptimizer(learning_rate, initial_accumulator_value = 0.1, use_locking = TRUE)
  ada_update <- ada_opt$apply_gradients(list(list(grads0, var0)))
  in_session(function(sess) {
    sess$run(tf$global_variables_initializer())
    expect_close(sess$run(list(var0)), list(1))
    for (i in 1:3) sess$run(ada_update)
    expect_close(sess$run(list(var0)), list(-1.6026098728179932))
  })
})

# rmsprop_test ----------------------------------------------------------------------

rmsprop_step <- function(var, g, mg, rms, mom, lr, decay, momentum, epsilon, centered) {
  rms_t <- rms * decay + (1 - decay) * g * g
  denom_t <- rms_t + epsilon
  mg_t <- mg
  if (centered) {
    mg_t <- mg * decay + (1 - decay) * g
    denom_t <- denom_t - mg_t * mg_t
  }
  mom_t <- momentum * mom + lr * g / sqrt(denom_t)
  list(var = var - mom_t, mg = mg_t, rms = rms_t, mom = mom_t)
}

test_that("rmsprop_test: testDense", {
  # TensorFlow's parameter rows (learning_rate, decay, momentum, epsilon, centered) for
  # reference variables; float32 (float16 has no counterpart here).
  params <- list(c(0.5, 0.9, 0.0, 1e-3, 1), c(0.5, 0.9, 0.0, 1e-3, 0), c(0.1, 0.9, 0.0, 1e-3, 1),
                 c(0.5, 0.95, 0.0, 1e-3, 0), c(0.5, 0.95, 0.0, 1e-5, 1), c(0.5, 0.95, 0.9, 1e-5, 1))
  for (p in params) {
    fresh_graph()
    lr <- p[1]; decay <- p[2]; momentum <- p[3]; epsilon <- p[4]; centered <- p[5] == 1
    v <- two_vars(tf$float32, g0 = c(0.1, 0.2), g1 = c(0.01, 0.2))
    opt <- tf$train$RMSPropOptimizer(learning_rate = lr, decay = decay, momentum = momentum, epsilon = epsilon,
                                     centered = centered)
    update <- opt$apply_gradients(pairs_of(v))
    expect_equal(!is.null(opt$get_slot(v$var0, "mg")), centered)
    expect_equal(!is.null(opt$get_slot(v$var1, "mg")), centered)
    slots <- lapply(list(v$var0, v$var1), function(x) {
      list(mg = opt$get_slot(x, "mg"), rms = opt$get_slot(x, "rms"), mom = opt$get_slot(x, "momentum"))
    })
    for (s in slots) { expect_false(is.null(s$rms)); expect_false(is.null(s$mom)) }
    np <- list(list(var = c(1, 2), g = c(0.1, 0.2), mg = c(0, 0), rms = c(1, 1), mom = c(0, 0)),
               list(var = c(3, 4), g = c(0.01, 0.2), mg = c(0, 0), rms = c(1, 1), mom = c(0, 0)))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      expect_close(sess$run(v$var0), c(1, 2))
      expect_close(sess$run(v$var1), c(3, 4))
      for (t in 1:4) {
        sess$run(update)
        for (k in 1:2) {
          r <- rmsprop_step(np[[k]]$var, np[[k]]$g, np[[k]]$mg, np[[k]]$rms, np[[k]]$mom, lr, decay, momentum,
                            epsilon, centered)
          np[[k]][c("var", "mg", "rms", "mom")] <- r[c("var", "mg", "rms", "mom")]
          if (centered) expect_close(sess$run(slots[[k]]$mg), r$mg)
          expect_close(sess$run(slots[[k]]$rms), r$rms)
          expect_close(sess$run(slots[[k]]$mom), r$mom)
          expect_close(sess$run(list(v$var0, v$var1)[[k]]), r$var)
        }
      }
    })
  }
})

test_that("rmsprop_test: testWithoutMomentum", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    opt <- tf$train$RMSPropOptimizer(learning_rate = 2.0, decay = 0.9, momentum = 0.0, epsilon = 1.0)
    update <- opt$apply_gradients(pairs_of(v))
    rms0 <- opt$get_slot(v$var0, "rms")
    rms1 <- opt$get_slot(v$var1, "rms")
    expect_false(is.null(rms0)); expect_false(is.null(rms1))
    expect_false(is.null(opt$get_slot(v$var0, "momentum"))); expect_false(is.null(opt$get_slot(v$var1, "momentum")))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      expect_close(sess$run(v$var0), c(1, 2))
      expect_close(sess$run(v$var1), c(3, 4))
      # Step 1: the rms accumulators were 1.
      sess$run(update)
      expect_close(sess$run(rms0), c(0.901, 0.901))
      expect_close(sess$run(rms1), c(0.90001, 0.90001))
      expect_close(sess$run(v$var0), c(1, 2) - 0.1 * 2 / sqrt(0.901 + 1))
      expect_close(sess$run(v$var1), c(3, 4) - 0.01 * 2 / sqrt(0.90001 + 1))
      # Step 2: the accumulators hold the previous update.
      sess$run(update)
      expect_close(sess$run(rms0), rep(0.901 * 0.9 + 0.001, 2))
      expect_close(sess$run(rms1), rep(0.90001 * 0.9 + 1e-5, 2))
      expect_close(sess$run(v$var0), c(1, 2) - 0.1 * 2 / sqrt(0.901 + 1) - 0.1 * 2 / sqrt(0.901 * 0.9 + 0.001 + 1))
      expect_close(sess$run(v$var1), c(3, 4) - 0.01 * 2 / sqrt(0.90001 + 1) - 0.01 * 2 / sqrt(0.90001 * 0.9 + 1e-5 + 1))
    })
  }
})

test_that("rmsprop_test: testWithMomentum", {
  for (dtype in float_types()) {
    fresh_graph()
    v <- two_vars(dtype)
    opt <- tf$train$RMSPropOptimizer(learning_rate = 2.0, decay = 0.9, momentum = 0.5, epsilon = 1e-5)
    update <- opt$apply_gradients(pairs_of(v))
    rms0 <- opt$get_slot(v$var0, "rms")
    rms1 <- opt$get_slot(v$var1, "rms")
    mom0 <- opt$get_slot(v$var0, "momentum")
    mom1 <- opt$get_slot(v$var1, "momentum")
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      # Step 1: rms = 1, mom = 0.
      sess$run(update)
      expect_close(sess$run(rms0), c(0.901, 0.901))
      expect_close(sess$run(rms1), c(0.90001, 0.90001))
      m0 <- 0.1 * 2 / sqrt(0.901 + 1e-5)
      m1 <- 0.01 * 2 / sqrt(0.90001 + 1e-5)
      expect_close(sess$run(mom0), rep(m0, 2))
      expect_close(sess$run(mom1), rep(m1, 2))
      expect_close(sess$run(v$var0), c(1, 2) - m0)
      expect_close(sess$run(v$var1), c(3, 4) - m1)
      # Step 2.
      sess$run(update)
      expect_close(sess$run(rms0), rep(0.901 * 0.9 + 0.001, 2))
      expect_close(sess$run(rms1), rep(0.90001 * 0.9 + 1e-5, 2))
      m0b <- 0.5 * m0 + 0.1 * 2 / sqrt(0.901 * 0.9 + 0.001 + 1e-5)
      m1b <- 0.5 * m1 + 0.01 * 2 / sqrt(0.90001 * 0.9 + 2e-5)
      expect_close(sess$run(mom0), rep(m0b, 2))
      expect_close(sess$run(mom1), rep(m1b, 2))
      expect_close(sess$run(v$var0), c(1, 2) - m0 - m0b)
      expect_close(sess$run(v$var1), c(3, 4) - m1 - m1b)
    })
  }
})

test_that("rmsprop_test: centered slots are named as TensorFlow names them", {
  # Not a TensorFlow test method: pins the slot variables' names for checkpoint compatibility.
  fresh_graph()
  w <- tf$Variable(c(1, 2), name = "w")
  opt <- tf$train$RMSPropOptimizer(0.5, centered = TRUE)
  opt$apply_gradients(list(list(tf$constant(c(0.1, 0.2)), w)))
  expect_equal(opt$get_slot(w, "rms")$op$name, "w/RMSProp")
  expect_equal(opt$get_slot(w, "mg")$op$name, "w/RMSProp_1")
  expect_equal(opt$get_slot(w, "momentum")$op$name, "w/RMSProp_2")
  expect_equal(opt$get_slot_names(), c("mg", "momentum", "rms"))
})

# optimizer_test --------------------------------------------------------------------

# TensorFlow's cost 5 v0 + 3 v1 has shape [2]; a non-scalar loss is refused here by design,
# so these ports minimize its sum, which has the same gradients.
check_sgd_cost <- function(minimize) {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype)
    var1 <- tf$Variable(c(3, 4), dtype = dtype)
    cost <- 5 * var0 + 3 * var1
    global_step <- tf$Variable(tf$zeros(shape(), tf$int64), name = "global_step")
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$minimize(cost, global_step, list(var0, var1)), "value", "loss must be a scalar")
    opt_op <- minimize(sgd_op, tf$reduce_sum(cost), global_step, list(var0, var1))
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      expect_close(sess$run(var0), c(1, 2))
      expect_close(sess$run(var1), c(3, 4))
      sess$run(opt_op)
      expect_close(sess$run(var0), c(-14, -13))
      expect_close(sess$run(var1), c(-6, -5))
      expect_identical(sess$run(global_step), 1)
    })
  }
}

test_that("optimizer_test: testBasic", {
  check_sgd_cost(function(opt, loss, gs, vars) opt$minimize(loss, gs, vars))
})

test_that("optimizer_test: testAggregationMethod", {
  check_sgd_cost(function(opt, loss, gs, vars) {
    opt$minimize(loss, gs, vars, aggregation_method = tf$AggregationMethod$EXPERIMENTAL_ACCUMULATE_N)
  })
})

test_that("optimizer_test: testPrecomputedGradient", {
  # A [2] grad_loss needs the [2] cost, which minimize() refuses here by design; the same
  # update is built from tf$gradients(cost, vars, grad_ys) and apply_gradients().
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype)
    var1 <- tf$Variable(c(3, 4), dtype = dtype)
    cost <- 5 * var0 + 3 * var1
    grad_loss <- tf$constant(c(42, -42), dtype = dtype)
    global_step <- tf$Variable(tf$zeros(shape(), tf$int64), name = "global_step")
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$minimize(cost, global_step, list(var0, var1), grad_loss = grad_loss), "value",
                    "loss must be a scalar")
    grads <- tf$gradients(cost, list(var0, var1), grad_ys = grad_loss)
    opt_op <- sgd_op$apply_gradients(Map(list, grads, list(var0, var1)), global_step = global_step)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      sess$run(opt_op)
      expect_close(sess$run(var0), c(1 - 3 * 5 * 42, 2 - 3 * 5 * (-42)))
      expect_close(sess$run(var1), c(3 - 3 * 3 * 42, 4 - 3 * 3 * (-42)))
    })
  }
})

test_that("optimizer_test: testNoVariables", {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype, trainable = FALSE, name = "a")
    var1 <- tf$Variable(c(3, 4), dtype = dtype, trainable = FALSE, name = "b")
    loss <- tf$reduce_sum(5 * var0 + var1)
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$minimize(loss), "value", "No.*variables", fixed = FALSE)
  }
})

test_that("optimizer_test: testNoGradients", {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype, name = "a")
    var1 <- tf$Variable(c(3, 4), dtype = dtype, name = "b")
    loss <- tf$reduce_sum(5 * var0)
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    # var1 has no gradient.
    expect_tf_error(sgd_op$minimize(loss, var_list = list(var1)), "value", "No gradients")
  }
})

test_that("optimizer_test: testNoGradientsForAnyVariables_Minimize", {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype, name = "a_0")
    var1 <- tf$Variable(c(3, 4), dtype = dtype, name = "b_0")
    loss <- tf$constant(5.0)
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$minimize(loss, var_list = list(var0, var1)), "value",
                    "No gradients provided for any variable")
    expect_tf_error(sgd_op$minimize(loss, var_list = list(var0, var1)), "value",
                    sprintf("between variables ['%s', '%s'] and loss %s.", format(var0), format(var1), format(loss)))
  }
})

test_that("optimizer_test: testNoGradientsForAnyVariables_ApplyGradients", {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype, name = "a_0")
    var1 <- tf$Variable(c(3, 4), dtype = dtype, name = "b_0")
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$apply_gradients(list(list(NULL, var0), list(NULL, var1))), "value",
                    "No gradients provided for any variable")
    # TensorFlow's whole message lists str() of each variable.
    expect_tf_error(sgd_op$apply_gradients(list(list(NULL, var0), list(NULL, var1))), "value",
                    sprintf("No gradients provided for any variable: ['%s', '%s'].", format(var0), format(var1)))
  }
})

test_that("optimizer_test: testGradientsAsVariables", {
  for (dtype in float_types()) {
    fresh_graph()
    var0 <- tf$Variable(c(1, 2), dtype = dtype, name = "a0")
    var1 <- tf$Variable(c(3, 4), dtype = dtype, name = "b0")
    loss <- 5 * var0 + 3 * var1
    sgd_op <- tf$train$GradientDescentOptimizer(3.0)
    expect_tf_error(sgd_op$compute_gradients(loss, list(var0, var1)), "value", "loss must be a scalar")
    grads_and_vars <- sgd_op$compute_gradients(tf$reduce_sum(loss), list(var0, var1))
    # The gradients copied into variables, which then serve as the gradients.
    converted <- lapply(seq_along(grads_and_vars) - 1L, function(j) {
      tf$Variable(tf$zeros(2L, dtype), name = paste0("c_0_", j))
    })
    convert_ops <- Map(function(cv, gv) tf$assign(cv, gv[[1]]), converted, grads_and_vars)
    in_session(function(sess) {
      sess$run(tf$global_variables_initializer())
      sess$run(convert_ops)
      expect_close(sess$run(var0), c(1, 2))
      expect_close(sess$run(var1), c(3, 4))
      opt_op <- sgd_op$apply_gradients(Map(list, converted, list(var0, var1)))
      sess$run(opt_op)
      expect_close(sess$run(var0), c(-14, -13))
      expect_close(sess$run(var1), c(-6, -5))
    })
  }
})

test_that("optimizer_test: testComputeGradientsWithTensors", {
  # TensorFlow passes the loss as a function; here it is the tensor x * x.
  fresh_graph()
  x <- tf$convert_to_tensor(1.0)
  sgd_op <- tf$train$GradientDescentOptimizer(3.0)
  grads_and_vars <- sgd_op$compute_gradients(x * x, list(x))
  expect_length(grads_and_vars, 1L)
  expect_identical(grads_and_vars[[1]][[2]], x)
  in_session(function(sess) expect_equal(sess$run(grads_and_vars[[1]][[1]]), 2))
  # TensorFlow: NotImplementedError("Trying to update a Tensor ...").
  expect_tf_error(sgd_op$apply_gradients(grads_and_vars), "unimplemented", "Trying to update a Tensor")
})

test_that("optimizer_test: testTrainOp", {
  fresh_graph()
  var0 <- tf$Variable(c(1, 2))
  var1 <- tf$Variable(c(3, 4))
  cost <- tf$reduce_sum(5 * var0 + 3 * var1)
  global_step <- tf$Variable(tf$zeros(shape(), tf$int64), name = "global_step")
  opt_op <- tf$train$GradientDescentOptimizer(3.0)$minimize(cost, global_step, list(var0, var1))
  train_ops <- tf$get_default_graph()$get_collection(tf$GraphKeys$TRAIN_OP)
  expect_true(any(vapply(train_ops, function(op) identical(op$name, opt_op$name), TRUE)))
})

test_that("optimizer_test: testConstraint", {
  # TensorFlow's constraints use clip_by_value; minimum(maximum(x, lo), hi) is the same clip.
  clip <- function(lo, hi) function(x) tf$minimum(tf$maximum(x, lo), hi)
  fresh_graph()
  var0 <- tf$Variable(c(1, 2), constraint = clip(-0.1, 0))
  var1 <- tf$Variable(c(3, 4), constraint = clip(0, 1))
  cost <- 5 * var0 + 3 * var1
  global_step <- tf$Variable(tf$zeros(shape(), tf$int64), name = "global_step")
  sgd_op <- tf$train$GradientDescentOptimizer(3.0)
  # TensorFlow minimizes the [2]-shaped cost; its sum has the same gradients.
  opt_op <- sgd_op$minimize(tf$reduce_sum(cost), global_step, list(var0, var1))
  in_session(function(sess) {
    sess$run(tf$global_variables_initializer())
    expect_close(sess$run(var0), c(1, 2))
    expect_close(sess$run(var1), c(3, 4))
    sess$run(opt_op)
    expect_close(sess$run(var0), c(-0.1, -0.1))
    expect_close(sess$run(var1), c(0, 0))
  })
  expect_tf_error(tf$Variable(1, constraint = 3), "value", "The `constraint` argument must be a callable.")
})
