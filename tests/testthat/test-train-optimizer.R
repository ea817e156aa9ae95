# Optimizers: updates against their formulas, slot names, checkpoints, exact resume.

one_step <- function(make_opt, w0 = c(1, -2), g_fn = function(w) 2 * w, steps = 3) {
  tf$reset_default_graph()
  w <- tf$Variable(w0, dtype = tf$float64, name = "w")
  loss <- tf$reduce_sum(tf$square(w))  # gradient 2w
  opt <- make_opt()
  train <- opt$minimize(loss)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  out <- list()
  for (i in seq_len(steps)) {
    sess$run(train)
    out[[i]] <- sess$run(w)
  }
  list(values = out, opt = opt, w = w, sess_vars = vapply(tf$global_variables(), function(v) v$op$name, ""))
}

test_that("GradientDescent: w -= lr * g", {
  r <- one_step(function() tf$train$GradientDescentOptimizer(0.1))
  w <- c(1, -2)
  for (i in 1:3) { w <- w - 0.1 * 2 * w; expect_equal(r$values[[i]], array(w)) }
  expect_equal(r$sess_vars, "w")
})

test_that("Momentum, with and without Nesterov", {
  for (nesterov in c(FALSE, TRUE)) {
    r <- one_step(function() tf$train$MomentumOptimizer(0.1, momentum = 0.9, use_nesterov = nesterov))
    w <- c(1, -2); a <- c(0, 0)
    for (i in 1:3) {
      g <- 2 * w
      a <- a * 0.9 + g
      w <- if (nesterov) w - (g * 0.1 + a * 0.9 * 0.1) else w - 0.1 * a
      expect_equal(r$values[[i]], array(w))
    }
    expect_equal(r$sess_vars, c("w", "w/Momentum"))
    expect_equal(r$opt$get_slot(r$w, "momentum")$op$name, "w/Momentum")
  }
})

test_that("Adam: slots w/Adam, w/Adam_1, beta1_power, beta2_power and TensorFlow's update", {
  r <- one_step(function() tf$train$AdamOptimizer(0.01))
  w <- c(1, -2); m <- v <- c(0, 0); b1p <- 0.9; b2p <- 0.999
  for (i in 1:3) {
    g <- 2 * w
    lr_t <- 0.01 * sqrt(1 - b2p) / (1 - b1p)
    m <- m + (g - m) * 0.1
    v <- v + (g * g - v) * 0.001
    w <- w - lr_t * m / (sqrt(v) + 1e-8)
    b1p <- b1p * 0.9; b2p <- b2p * 0.999
    expect_equal(r$values[[i]], array(w))
  }
  expect_setequal(r$sess_vars, c("w", "beta1_power", "beta2_power", "w/Adam", "w/Adam_1"))
  expect_equal(r$opt$get_slot(r$w, "m")$op$name, "w/Adam")
  expect_equal(r$opt$get_slot(r$w, "v")$op$name, "w/Adam_1")
  expect_equal(r$opt$get_slot_names(), c("m", "v"))
  expect_length(r$opt$variables(), 4L)
})

test_that("Adagrad and RMSProp", {
  r <- one_step(function() tf$train$AdagradOptimizer(0.1))
  w <- c(1, -2); acc <- c(0.1, 0.1)
  for (i in 1:3) { g <- 2 * w; acc <- acc + g * g; w <- w - 0.1 * g / sqrt(acc); expect_equal(r$values[[i]], array(w)) }
  expect_equal(r$sess_vars, c("w", "w/Adagrad"))
  r <- one_step(function() tf$train$RMSPropOptimizer(0.01, decay = 0.9, momentum = 0.5))
  w <- c(1, -2); ms <- c(1, 1); mom <- c(0, 0)
  for (i in 1:3) {
    g <- 2 * w
    ms <- ms + (g * g - ms) * 0.1
    mom <- mom * 0.5 + 0.01 * g / sqrt(ms + 1e-10)
    w <- w - mom
    expect_equal(r$values[[i]], array(w))
  }
  expect_equal(r$sess_vars, c("w", "w/RMSProp", "w/RMSProp_1"))
  expect_tf_error(tf$train$AdagradOptimizer(0.1, initial_accumulator_value = 0), "value")
})

test_that("global step, get_global_step, exponential_decay, compute/apply_gradients", {
  tf$reset_default_graph()
  expect_null(tf$train$get_global_step())
  gs <- tf$train$get_or_create_global_step()
  expect_identical(tf$train$get_or_create_global_step(), gs)
  expect_equal(gs$name, "global_step:0")
  expect_equal(gs$dtype$name, "int64")
  lr <- tf$train$exponential_decay(0.1, gs, decay_steps = 10, decay_rate = 0.5, staircase = TRUE)
  w <- tf$Variable(c(1, 2), name = "w")
  loss <- tf$reduce_sum(w * w)
  opt <- tf$train$GradientDescentOptimizer(lr)
  gv <- opt$compute_gradients(loss)
  expect_length(gv, 1L)
  expect_identical(gv[[1]][[2]], w)
  train <- opt$apply_gradients(gv, global_step = gs)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  for (i in 1:12) sess$run(train)
  expect_equal(sess$run(gs), 12)
  expect_equal(sess$run(lr), 0.05, tolerance = 1e-7)
  smooth <- tf$train$exponential_decay(0.1, gs, 10, 0.5)
  expect_equal(sess$run(smooth), 0.1 * 0.5^1.2, tolerance = 1e-6)
})

test_that("optimizer updates are colocated with their variables", {
  tf$reset_default_graph()
  with(tf$device(tf$train$replica_device_setter(ps_tasks = 2)), {
    w1 <- tf$Variable(c(1, 2), name = "w1")
    w2 <- tf$Variable(c(3, 4), name = "w2")
    loss <- tf$reduce_sum(w1 * w2)
    train <- tf$train$AdamOptimizer(0.1)$minimize(loss)
  })
  ops <- tf$get_default_graph()$get_operations()
  dev <- function(name) Filter(function(o) o$name == name, ops)[[1]]$device
  expect_equal(dev("w1/Adam"), "/job:ps/task:0")
  expect_equal(dev("w2/Adam_1"), "/job:ps/task:1")
  expect_equal(dev("Adam/update_w1/ApplyAdam"), "/job:ps/task:0")
  expect_equal(dev("Adam/update_w2/ApplyAdam"), "/job:ps/task:1")
})

test_that("bad training input gives classed errors", {
  tf$reset_default_graph()
  w <- tf$Variable(c(1, 2), name = "w")
  opt <- tf$train$GradientDescentOptimizer(0.1)
  expect_tf_error(opt$minimize(tf$cast(tf$reduce_sum(w), tf$int32)), "type", "expected: [float32, float64]")
  expect_tf_error(opt$minimize(w * 2), "value", "loss must be a scalar")
  expect_tf_error(opt$minimize(tf$reduce_sum(w), var_list = list()), "value", "No variables to optimize.")
  u <- tf$Variable(3, name = "u")
  expect_tf_error(opt$minimize(tf$reduce_sum(tf$stop_gradient(w)), var_list = list(w)), "value", "No gradients provided for any variable")
  g2 <- tf$Graph()
  with(g2$as_default(), other <- tf$Variable(1, name = "other"))
  expect_tf_error(opt$minimize(tf$reduce_sum(w), var_list = list(other)), "value", "must be from the same graph")
  expect_tf_error(opt$nope, "attribute")
})

test_that("optimizer state is checkpointed under TensorFlow's names", {
  tf$reset_default_graph()
  dir <- ckpt_dir()
  w <- tf$Variable(c(1, 2), name = "w")
  train <- tf$train$AdamOptimizer(0.1)$minimize(tf$reduce_sum(tf$square(w)), global_step = tf$train$get_or_create_global_step())
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  sess$run(train)
  p <- tf$train$Saver()$save(sess, file.path(dir, "adam"))
  expect_equal(tf$train$list_variables(p)$name, c("beta1_power", "beta2_power", "global_step", "w", "w/Adam", "w/Adam_1"))
  expect_equal(tf$train$load_variable(p, "beta1_power"), 0.81, tolerance = 1e-7)
})

test_that("resuming is exact: N steps, save, restore in a fresh process, M steps == N + M steps", {
  dir <- ckpt_dir()
  build <- sprintf('
library(tfnative)
set.seed(42)
x <- matrix(rnorm(64 * 4), 64)
y <- matrix(as.numeric(x %%*%% c(1, -2, 0.5, 3) > 0), ncol = 1)
tf$set_random_seed(7)
X <- tf$placeholder(tf$float32, shape(NULL, 4L), name = "X")
Y <- tf$placeholder(tf$float32, shape(NULL, 1L), name = "Y")
W1 <- tf$Variable(tf$random_normal(shape(4L, 8L), stddev = 0.5), name = "W1")
b1 <- tf$Variable(tf$zeros(shape(8L)), name = "b1")
W2 <- tf$Variable(tf$random_normal(shape(8L, 1L), stddev = 0.5), name = "W2")
h <- tf$nn$relu(tf$matmul(X, W1) + b1)
logits <- tf$matmul(h, W2)
loss <- tf$reduce_mean(tf$nn$sigmoid_cross_entropy_with_logits(labels = Y, logits = logits))
gs <- tf$train$get_or_create_global_step()
train <- tf$train$AdamOptimizer(0.05)$minimize(loss, global_step = gs)
saver <- tf$train$Saver()
sess <- tf$Session()
steps <- function(n) for (i in seq_len(n)) sess$run(train, feed_dict = dict(X = x, Y = y))
final <- function() sess$run(list(W1, b1, W2))
dir <- "%s"
', dir)
  run_in_fresh_r(paste0(build, '
sess$run(tf$global_variables_initializer())
steps(30)
saveRDS(final(), file.path(dir, "uninterrupted.rds"))'))
  run_in_fresh_r(paste0(build, '
sess$run(tf$global_variables_initializer())
steps(12)
saver$save(sess, file.path(dir, "model.ckpt"), global_step = gs)'))
  run_in_fresh_r(paste0(build, '
saver$restore(sess, tf$train$latest_checkpoint(dir))
stopifnot(sess$run(gs) == 12)
steps(18)
saveRDS(final(), file.path(dir, "resumed.rds"))'))
  expect_identical(readRDS(file.path(dir, "resumed.rds")), readRDS(file.path(dir, "uninterrupted.rds")))
})

test_that("malformed grads_and_vars are classed errors", {
  tf$reset_default_graph()
  v <- tf$Variable(c(1, 2), name = "v")
  opt <- tf$train$GradientDescentOptimizer(0.1)
  expect_tf_error(opt$apply_gradients(list(v)), "type", "pairs")
  expect_tf_error(opt$apply_gradients(list(list(1, v))), "type", "pairs")
  r <- tf$train$NewCheckpointReader
  expect_true(is.function(r))
})
