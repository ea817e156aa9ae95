# Each test starts from an empty default graph.
fresh_graph <- function() tf$reset_default_graph()

expect_tf_error <- function(expr, kind, message = NULL, fixed = TRUE) {
  cls <- paste0("tf_", kind, "_error")
  err <- expect_error(expr, class = cls)
  expect_s3_class(err, "tf_error")
  if (!is.null(message)) expect_match(conditionMessage(err), message, fixed = fixed)
  invisible(err)
}
