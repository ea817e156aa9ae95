# Compares tf$gradients with central finite differences, in float64.
# f builds the op from a tensor; x0 is the point (an R array).
grad_check <- function(f, x0, eps = 1e-6, tol = 1e-6, seed = 1) {
  tf$reset_default_graph()
  x <- tf$placeholder(tf$float64, shape = if (is.null(dim(x0))) length(x0) else dim(x0), name = "x")
  y <- f(x)
  set.seed(seed)
  ydims <- y$shape$as_list()
  n_out <- if (length(ydims)) prod(unlist(ydims)) else 1
  w <- if (length(ydims)) array(rnorm(n_out), unlist(ydims)) else rnorm(1)
  if (length(ydims) == 1L) w <- as.vector(w)
  loss <- tf$reduce_sum(y * tf$constant(w, dtype = tf$float64))
  g <- tf$gradients(loss, x)[[1]]
  sess <- tf$Session()
  on.exit(sess$close())
  analytic <- sess$run(g, feed_dict = dict(x = x0))
  numeric <- x0
  for (i in seq_along(x0)) {
    xp <- x0; xp[i] <- xp[i] + eps
    xm <- x0; xm[i] <- xm[i] - eps
    numeric[i] <- (sess$run(loss, feed_dict = dict(x = xp)) - sess$run(loss, feed_dict = dict(x = xm))) / (2 * eps)
  }
  expect_equal(as.vector(analytic), as.vector(numeric), tolerance = tol)
  invisible(list(analytic = analytic, numeric = numeric))
}
