test_that("tf_raise builds classed conditions", {
  err <- tryCatch(tf_raise("not_found", "Key v3 not found in checkpoint"), error = identity)
  expect_s3_class(err, c("tf_not_found_error", "tf_error", "error", "condition"), exact = TRUE)
  expect_equal(conditionMessage(err), "Key v3 not found in checkpoint")
})

test_that("engine errors arrive with the class of their status code", {
  fresh_graph()
  x <- tf$placeholder(tf$float32, shape(1L))
  sess <- tf$Session()
  on.exit(sess$close())
  err <- tryCatch(sess$run(x), tf_error = identity)
  expect_s3_class(err, "tf_invalid_argument_error")
  err <- tryCatch(sess$run(x, feed_dict = dict(x = 1:3)), error = identity)
  expect_s3_class(err, "tf_value_error")
})
