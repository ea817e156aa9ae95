# numpy-style references for the ported TensorFlow kernel tests: R arrays whose
# dim is the tensor's shape (element [i, j] is the tensor's [i-1][j-1]).

# numpy's reshape of values given in row-major order.
np_array <- function(values, shape) {
  if (length(shape) == 0L) return(values[1])
  if (length(shape) == 1L) return(array(values, shape))
  aperm(array(values, rev(shape)), rev(seq_along(shape)))
}

np_linspace <- function(from, to, n) if (n == 0) numeric(0) else seq(from, to, length.out = n)

# The shape numpy broadcasting gives two shapes.
np_broadcast_shape <- function(d1, d2) {
  r <- max(length(d1), length(d2))
  d1 <- c(rep(1, r - length(d1)), d1)
  d2 <- c(rep(1, r - length(d2)), d2)
  ifelse(d1 == 1, d2, d1)
}

# x repeated along its size-1 dimensions to shape `to`.
np_expand <- function(x, to) {
  d <- if (is.null(dim(x))) length(x) else dim(x)
  if (length(x) == 1L && is.null(dim(x))) d <- integer(0)
  d <- c(rep(1, length(to) - length(d)), d)
  if (length(to) == 0L) return(x)
  x <- array(x, d)
  n <- prod(to)
  if (n == 0) return(array(x[0], to))
  idx <- arrayInd(seq_len(n), to)
  for (k in seq_along(d)) if (d[k] == 1) idx[, k] <- 1
  array(x[idx], to)
}

# f(x, y) elementwise under numpy broadcasting.
np_binary <- function(f, x, y) {
  dx <- if (is.null(dim(x))) (if (length(x) == 1L) integer(0) else length(x)) else dim(x)
  dy <- if (is.null(dim(y))) (if (length(y) == 1L) integer(0) else length(y)) else dim(y)
  to <- np_broadcast_shape(dx, dy)
  if (length(to) == 0L) return(f(x, y))
  out <- f(np_expand(x, to), np_expand(y, to))
  array(out, to)
}

# The static shape of a tensor as an integer vector (as dim() of its value).
static_dim <- function(t) as.integer(unlist(t$get_shape()$as_list()))
