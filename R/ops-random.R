# Random ops. Seeds follow TensorFlow 1.x: an op seed and a graph seed
# (tf$set_random_seed) together make results reproducible.

.default_graph_seed <- 87654321

# TensorFlow's _truncate_seed(): seed modulo 2^31 - 1, exact also for whole
# doubles beyond 2^53 (seed = 2^100), where R's %% loses every digit.
.truncate_seed <- function(seed) {
  m <- .Machine$integer.max
  if (abs(seed) < 2^53) return(seed %% m)
  e <- floor(log2(abs(seed))) - 52
  r <- (seed / 2^e) %% m  # seed = mantissa * 2^e, the mantissa a whole number below 2^53
  for (i in seq_len(e)) r <- (2 * r) %% m
  r
}

# TensorFlow's get_seed(): (seed, seed2) for a new op, NULL when neither a
# graph seed nor an op seed is set (TensorFlow's (None, None)).
.op_seeds <- function(g, op_seed) {
  graph_seed <- .subset2(g, "seed")
  if (!is.null(op_seed)) {
    if (!is.numeric(op_seed) || length(op_seed) != 1L || is.na(op_seed) || op_seed != floor(op_seed) || is.infinite(op_seed)) {
      .type_error("seed must be a whole number")
    }
  }
  if (!is.null(graph_seed)) {
    if (is.null(op_seed)) op_seed <- .subset2(g, "xp")$num_ops()
    seeds <- c(.truncate_seed(graph_seed), .truncate_seed(op_seed))
  } else if (!is.null(op_seed)) {
    seeds <- c(.default_graph_seed, .truncate_seed(op_seed))
  } else {
    return(NULL)
  }
  # (0, 0) means "unseeded" to the kernels; an explicit seed pair must stay distinct from it.
  if (all(seeds == 0)) seeds[2] <- .Machine$integer.max
  seeds
}

.random_op <- function(type, default_name, shape, attrs, dtype, seed, name) {
  g <- if (inherits(shape, "tf_tensor_like")) .graph_of(shape) else .default_graph()
  s <- .shape_operand(shape, g)
  dt <- .as_dtype(dtype, .new_dtype("float32"))
  seeds <- .op_seeds(g, seed)
  if (is.null(seeds)) seeds <- c(0, 0)
  attrs <- c(attrs, s$attrs, list(dtype = .dtype_tag(dt), seed = as.integer(seeds[1]), seed2 = as.integer(seeds[2])))
  .tensor(g, .add_op(g, type, name, default_name, inputs = s$inputs, attrs = attrs), 0L)
}

.scalar_arg <- function(x, what) {
  if (is.numeric(x) && length(x) > 1L) .value_error("Shape must be rank 0 but is rank ", max(1L, length(dim(x))))
  if (!is.numeric(x) || length(x) != 1L || is.na(x)) .type_error(what, " must be a single number")
  as.double(x)
}

.tf_random_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL, name = NULL) {
  .random_op("RandomNormal", "random_normal", shape,
             list(mean = .scalar_arg(mean, "mean"), stddev = .scalar_arg(stddev, "stddev")), dtype, seed, name)
}

.tf_truncated_normal <- function(shape, mean = 0, stddev = 1, dtype = NULL, seed = NULL, name = NULL) {
  .random_op("TruncatedNormal", "truncated_normal", shape,
             list(mean = .scalar_arg(mean, "mean"), stddev = .scalar_arg(stddev, "stddev")), dtype, seed, name)
}

.tf_random_uniform <- function(shape, minval = 0, maxval = NULL, dtype = NULL, seed = NULL, name = NULL) {
  dt <- .as_dtype(dtype, .new_dtype("float32"))
  if (is.null(maxval)) {
    if (dt$is_integer) .value_error("Must specify maxval for integer dtype ", dt$name)
    maxval <- 1
  }
  if (dt$is_integer) {
    lim <- if (dt$name == "int32") 2^31 else 2^63
    for (v in list(minval, maxval)) {
      if (is.numeric(v) && length(v) == 1L && !is.na(v) && (v != floor(v) || v < -lim || v >= lim)) {
        .type_error("minval and maxval must be whole numbers in the range of ", dt$name, ", got ", format(v))
      }
    }
  }
  .random_op("RandomUniform", "random_uniform", shape,
             list(minval = .scalar_arg(minval, "minval"), maxval = .scalar_arg(maxval, "maxval")), dt, seed, name)
}

.tf_set_random_seed <- function(seed) {
  g <- .default_graph()
  if (!is.null(seed) && (!is.numeric(seed) || length(seed) != 1L || is.na(seed) || seed != floor(seed))) {
    .type_error("seed must be a whole number or NULL")
  }
  assign("seed", if (is.null(seed)) NULL else as.double(seed), envir = g)
  invisible(NULL)
}
