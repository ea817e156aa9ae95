# TensorFlow 1.15 tensorflow/python/training/learning_rate_decay_test.py, LRDecayTest
# (exponential_decay), ported to tf$train$exponential_decay (graph mode, reference variables).

test_that("learning_rate_decay_test: LRDecayTest.testContinuous", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  decayed_lr <- tf$train$exponential_decay(0.05, 5, 10, 0.96)
  expect_equal(sess$run(decayed_lr), 0.05 * 0.96^(5 / 10), tolerance = 1e-6)
})

test_that("learning_rate_decay_test: LRDecayTest.testVariables", {
  fresh_graph()
  step <- tf$Variable(1L)
  assign_1 <- step$assign(1L)
  assign_2 <- step$assign(2L)
  assign_100 <- step$assign(100L)
  decayed_lr <- tf$train$exponential_decay(0.1, step, 3, 0.96, staircase = TRUE)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  # Within the first stair the rate is unchanged.
  sess$run(assign_1$op)
  expect_equal(sess$run(decayed_lr), 0.1, tolerance = 1e-6)
  sess$run(assign_2$op)
  expect_equal(sess$run(decayed_lr), 0.1, tolerance = 1e-6)
  sess$run(assign_100$op)
  expect_equal(sess$run(decayed_lr), 0.1 * 0.96^(100 %/% 3), tolerance = 1e-6)
})
