# Port of TensorFlow 1.15's tensorflow/python/training/checkpoint_utils_test.py:
# list_variables and load_variable (init_from_checkpoint and the checkpoint iterators
# are not in tfnative). See CONFORMANCE-port-saver.md.

# As TensorFlow's helper: four variables (one in a scope) saved at step 0 under "model".
create_checkpoints <- function(sess, checkpoint_dir) {
  checkpoint_prefix <- file.path(checkpoint_dir, "model")
  v1 <- tf$Variable(tf$random_normal(c(1L, 10L)), name = "var1")
  v2 <- tf$Variable(tf$random_normal(c(10L, 10L)), name = "var2")
  v3 <- tf$Variable(tf$random_normal(c(100L, 100L)), name = "var3")
  v4 <- tf$Variable(tf$random_normal(c(9L, 9L)), name = "useful_scope/var4")
  sess$run(tf$global_variables_initializer())
  values <- sess$run(list(v1, v2, v3, v4))
  saver <- tf$train$Saver()
  saver$save(sess, checkpoint_prefix, global_step = 0, latest_filename = "checkpoint")
  values
}

# An OpError in TensorFlow: any error of an op-level class (not a ValueError or TypeError).
expect_op_error <- function(expr) {
  err <- expect_error(expr, class = "tf_error")
  expect_false(inherits(err, c("tf_value_error", "tf_type_error")))
  invisible(err)
}

test_that("checkpoint_utils_test: testNoCheckpoints", {
  checkpoint_dir <- file.path(ckpt_dir(), "no_checkpoints")
  expect_op_error(tf$train$load_variable(checkpoint_dir, "var1"))
  expect_tf_error(tf$train$load_variable(checkpoint_dir, "var1"), "not_found")
})

test_that("checkpoint_utils_test: testNoTensor", {
  fresh_graph()
  checkpoint_dir <- ckpt_dir()
  sess <- tf$Session()
  on.exit(sess$close())
  create_checkpoints(sess, checkpoint_dir)
  expect_op_error(tf$train$load_variable(checkpoint_dir, "var5"))
  expect_tf_error(tf$train$load_variable(checkpoint_dir, "var5"), "not_found", "var5 not found in checkpoint")
})

test_that("checkpoint_utils_test: testGetTensor", {
  fresh_graph()
  checkpoint_dir <- ckpt_dir()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- create_checkpoints(sess, checkpoint_dir)
  expect_identical(tf$train$load_variable(checkpoint_dir, "var1"), v[[1]])
  expect_identical(tf$train$load_variable(checkpoint_dir, "var2"), v[[2]])
  expect_identical(tf$train$load_variable(checkpoint_dir, "var3"), v[[3]])
  expect_identical(tf$train$load_variable(checkpoint_dir, "useful_scope/var4"), v[[4]])
  expect_equal(dim(tf$train$load_variable(checkpoint_dir, "var1")), c(1L, 10L))
})

test_that("checkpoint_utils_test: testGetAllVariables", {
  fresh_graph()
  checkpoint_dir <- ckpt_dir()
  sess <- tf$Session()
  on.exit(sess$close())
  create_checkpoints(sess, checkpoint_dir)
  # TensorFlow gives (name, shape) pairs sorted by name; tfnative a data frame in that order.
  lv <- tf$train$list_variables(checkpoint_dir)
  expect_equal(lv$name, c("useful_scope/var4", "var1", "var2", "var3"))
  expect_equal(unclass(lv$shape), list(c(9L, 9L), c(1L, 10L), c(10L, 10L), c(100L, 100L)))
  expect_equal(lv$dtype, rep("float32", 4))
})
