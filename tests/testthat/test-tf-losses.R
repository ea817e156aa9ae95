# TensorFlow 1.15 tensorflow/python/kernel_tests/losses_test.py, MeanSquaredErrorTest,
# ported to tf$losses$mean_squared_error (graph mode).

# The test's fixtures: int32 tensors of shape (2, 3) (the loss takes them as float32).
mse_predictions <- function() tf$constant(c(4L, 8L, 12L, 8L, 1L, 3L), shape = c(2, 3))
mse_labels <- function() tf$constant(c(1L, 9L, 2L, -5L, -2L, 6L), shape = c(2, 3))

# assertAlmostEqual(places = 3): the difference rounds to 0 at 3 decimals.
expect_almost_equal <- function(actual, expected) expect_lt(abs(actual - expected), 5e-4)

mse_value <- function(loss) {
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(loss)
}

test_that("losses_test: MeanSquaredErrorTest.testValueErrorThrownWhenWeightIsNone", {
  fresh_graph()
  p <- mse_predictions()
  expect_tf_error(tf$losses$mean_squared_error(p, p, weights = NULL), "value")
})

test_that("losses_test: MeanSquaredErrorTest.testScalar", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(predictions = tf$constant(0L), labels = tf$constant(0L))
  expect_identical(mse_value(loss), 0)
})

test_that("losses_test: MeanSquaredErrorTest.testAllCorrectNoLossWeight", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(mse_predictions(), mse_predictions())
  expect_almost_equal(mse_value(loss), 0)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLoss", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions())
  expect_equal(loss$dtype$name, "float32")
  expect_equal(loss$op$name, "mean_squared_error/value")
  expect_almost_equal(mse_value(loss), 49.5)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithPythonScalarWeight", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), 2.3)
  expect_almost_equal(mse_value(loss), 49.5 * 2.3)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithScalarTensorWeight", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), tf$constant(2.3))
  expect_almost_equal(mse_value(loss), 49.5 * 2.3)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithOneDimBatchSpecificWeights", {
  fresh_graph()
  weights <- tf$constant(c(1.2, 3.4), shape = c(2, 1))
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), weights)
  expect_almost_equal(mse_value(loss), 767.8 / 6)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithTwoDimBatchSpecificWeights", {
  fresh_graph()
  # The same weights given as an R matrix.
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), matrix(c(1.2, 3.4), 2, 1))
  expect_almost_equal(mse_value(loss), 767.8 / 6)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithSampleSpecificWeights", {
  fresh_graph()
  weights <- tf$constant(c(3, 6, 5, 0, 4, 2), shape = c(2, 3))
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), weights)
  expect_almost_equal(mse_value(loss), 587 / 5)
})

test_that("losses_test: MeanSquaredErrorTest.testNonZeroLossWithSampleSpecificWeightsMostZero", {
  fresh_graph()
  weights <- tf$constant(c(0, 0, 0, 0, 0, 2), shape = c(2, 3))
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), weights)
  expect_almost_equal(mse_value(loss), 18)
})

test_that("losses_test: MeanSquaredErrorTest.testLossWithSampleSpecificWeightsAllZero", {
  fresh_graph()
  loss <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), tf$zeros(c(2, 3)))
  expect_almost_equal(mse_value(loss), 0)
})

# Not TensorFlow methods: the reductions of compute_weighted_loss, the loss collection and the
# static checks, with TensorFlow's values and wording.
test_that("losses: reductions, collection and checks of mean_squared_error", {
  fresh_graph()
  w <- tf$constant(c(3, 6, 5, 0, 4, 2), shape = c(2, 3))
  R <- tf$losses$Reduction
  sq <- np_array((c(4, 8, 12, 8, 1, 3) - c(1, 9, 2, -5, -2, 6))^2, c(2, 3))
  wv <- np_array(c(3, 6, 5, 0, 4, 2), c(2, 3))
  none <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), w, reduction = R$NONE)
  total <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), w, reduction = R$SUM)
  mean <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), w, reduction = R$MEAN)
  batch <- tf$losses$mean_squared_error(mse_labels(), mse_predictions(), w, reduction = R$SUM_OVER_BATCH_SIZE)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_equal(sess$run(none), sq * wv, tolerance = 1e-6)
  expect_equal(sess$run(total), 587, tolerance = 1e-6)
  expect_equal(sess$run(mean), 587 / 20, tolerance = 1e-6)
  expect_equal(sess$run(batch), 587 / 6, tolerance = 1e-6)
  expect_length(tf$get_collection(tf$GraphKeys$LOSSES), 4L)
  expect_tf_error(tf$losses$mean_squared_error(mse_labels(), mse_predictions(), reduction = "bad"),
                  "value", "Invalid Reduction Key bad.")
  expect_tf_error(tf$losses$mean_squared_error(mse_labels(), mse_predictions(), c(1, 2, 3)),
                  "value", "weights can not be broadcast to values.")
  expect_tf_error(tf$losses$mean_squared_error(mse_labels(), mse_predictions(), matrix(1, 2, 2)),
                  "value", "weights can not be broadcast to values. values.shape=(2, 3). weights.shape=(2, 2).")
  expect_tf_error(tf$losses$mean_squared_error(c(1, 2, 3), mse_predictions()), "value", "are incompatible")
})
