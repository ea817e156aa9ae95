# Arithmetic (with R operators), matrix products, reductions.

# Two operands as tensors of one graph; an R number takes the tensor's dtype.
.binary_operands <- function(x, y) {
  tx <- inherits(x, "tf_tensor_like")
  ty <- inherits(y, "tf_tensor_like")
  g <- .graph_of(x, y)
  if (tx && !ty) {
    x <- .as_tensor(x, g = g)
    y <- .as_tensor(y, dtype = .tensor_type(x)[[1]], name = "y", g = g)
  } else if (ty && !tx) {
    y <- .as_tensor(y, g = g)
    x <- .as_tensor(x, dtype = .tensor_type(y)[[1]], name = "x", g = g)
  } else {
    x <- .as_tensor(x, g = g)
    y <- .as_tensor(y, g = g)
  }
  list(g = g, x = x, y = y)
}

# As in TensorFlow, an R operand becomes a constant inside the op's name scope
# (`mul/y`), and the op takes the scope's name (`mul`, `mul_1`, ...).
.binary_op <- function(type, default_name, x, y, name = NULL, prepare = NULL) {
  g <- .graph_of(x, y)
  .with_name_scope(g, if (is.null(name)) default_name else name, function(scope) {
    o <- .binary_operands(x, y)
    if (!is.null(prepare)) o <- prepare(o)
    .tensor(o$g, .add_op(o$g, type, scope, inputs = list(o$x, o$y)), 0L)
  })
}

.tf_add <- function(x, y, name = NULL) .binary_op("Add", "add", x, y, name)
.tf_subtract <- function(x, y, name = NULL) .binary_op("Sub", "sub", x, y, name)
.tf_multiply <- function(x, y, name = NULL) .binary_op("Mul", "mul", x, y, name)

# True division: integers are cast to float64 first, as TensorFlow's truediv does.
.tf_divide <- function(x, y, name = NULL) {
  .binary_op("RealDiv", "truediv", x, y, name, prepare = function(o) {
    if (.tensor_type(o$x)[[1]] %in% c("int32", "int64")) {
      o$x <- .tf_cast(o$x, "float64")
      o$y <- .tf_cast(o$y, "float64")
    }
    o
  })
}

.tf_negative <- function(x, name = NULL) {
  g <- .graph_of(x)
  .tensor(g, .add_op(g, "Neg", name, "Neg", inputs = list(.as_tensor(x, g = g))), 0L)
}

#' Arithmetic on tensors with R operators
#'
#' `+`, `-`, `*`, `/`, `^`, `%%`, `%/%`, the comparisons (`==` and `!=` too),
#' `&`, `|`, unary `-` and `!` build TensorFlow ops with broadcasting. `%%` and
#' `%/%` round toward minus infinity, as R's and TensorFlow's FloorMod/FloorDiv;
#' `&`, `|` and `!` take bool tensors. An R number mixed with a tensor takes the
#' tensor's dtype.
#'
#' @param e1,e2 tensors, variables or R values.
#' @return A tensor.
#' @examples
#' x <- tf$constant(c(1, 2, 3))
#' y <- x * 2 + 1
#' @name tensor-arithmetic
#' @export
Ops.tf_tensor_like <- function(e1, e2) {
  if (missing(e2)) {
    return(switch(.Generic,
      "-" = .tf_negative(e1),
      "+" = .as_tensor(e1),
      "!" = .tf_logical_not(e1),
      .type_error("Unary operator '", .Generic, "' is not supported on tensors")
    ))
  }
  switch(.Generic,
    "+" = .tf_add(e1, e2),
    "-" = .tf_subtract(e1, e2),
    "*" = .tf_multiply(e1, e2),
    "/" = .tf_divide(e1, e2),
    "^" = .tf_pow(e1, e2),
    ">" = .tf_greater(e1, e2),
    ">=" = .tf_greater_equal(e1, e2),
    "<" = .tf_less(e1, e2),
    "<=" = .tf_less_equal(e1, e2),
    "==" = .tf_equal(e1, e2),
    "!=" = .tf_not_equal(e1, e2),
    "%%" = .tf_floormod(e1, e2, name = "mod"),
    "%/%" = .tf_floordiv(e1, e2, name = "floordiv"),
    "&" = .tf_logical_and(e1, e2, name = "and"),
    "|" = .tf_logical_or(e1, e2, name = "or"),
    .type_error("Operator '", .Generic, "' is not supported on tensors yet")
  )
}

#' Math functions on tensors
#'
#' `abs()`, `sign()`, `sqrt()`, `exp()`, `log()`, `floor()` and `tanh()` of a
#' tensor build the TensorFlow op of the same meaning, as `tf$abs()` etc. do.
#'
#' @param x a tensor or variable.
#' @param ... unused.
#' @return A tensor.
#' @examples
#' x <- tf$constant(c(-1, 4))
#' y <- sqrt(abs(x))
#' @name tensor-math
#' @export
Math.tf_tensor_like <- function(x, ...) {
  if (.Generic == "log" && length(list(...))) .type_error("log() of a tensor takes no base; divide by log(base)")
  switch(.Generic,
    abs = .tf_abs(x), sign = .tf_sign(x), sqrt = .tf_sqrt(x), exp = .tf_exp(x), log = .tf_log(x),
    floor = .tf_floor(x), tanh = .tf_tanh(x),
    .type_error("Function '", .Generic, "' is not supported on tensors yet")
  )
}

.tf_matmul <- function(a, b, transpose_a = FALSE, transpose_b = FALSE, adjoint_a = FALSE, adjoint_b = FALSE,
                       a_is_sparse = FALSE, b_is_sparse = FALSE, name = NULL) {
  g <- .graph_of(a, b)
  .with_name_scope(g, if (is.null(name)) "MatMul" else name, function(scope) {
    o <- .binary_operands(a, b)
    .tensor(o$g, .add_op(o$g, "MatMul", scope, inputs = list(o$x, o$y),
                         attrs = list(transpose_a = .flag(transpose_a, "transpose_a") || .flag(adjoint_a, "adjoint_a"),
                                      transpose_b = .flag(transpose_b, "transpose_b") || .flag(adjoint_b, "adjoint_b"))), 0L)
  })
}

.flag <- function(x, what) {
  if (!is.logical(x) || length(x) != 1L || is.na(x)) .type_error(what, " must be TRUE or FALSE")
  x
}

# Axes are 0-based (negative counts from the end), as in TensorFlow.
.reduce_op <- function(type, default_name, input_tensor, axis, keepdims, name, reduction_indices, keep_dims) {
  if (is.null(axis)) axis <- reduction_indices
  if (is.null(keepdims)) keepdims <- if (is.null(keep_dims)) FALSE else keep_dims
  g <- .graph_of(input_tensor)
  x <- .as_tensor(input_tensor, g = g)
  if (inherits(axis, "tf_tensor_like")) {  # axes known when the graph runs
    attrs <- list(keep_dims = isTRUE(keepdims))
    return(.tensor(g, .add_op(g, type, name, default_name, inputs = list(x, .as_tensor(axis, g = g)), attrs = attrs), 0L))
  }
  if (length(dim(axis)) > 1L) .value_error("Shape must be at most rank 1 but is rank ", length(dim(axis)))
  if (!is.null(axis)) {
    axis <- if (is.list(axis) && !length(axis)) numeric(0) else unlist(axis)  # list(): reduce no axis
    if (!is.numeric(axis) || anyNA(axis) || any(axis != floor(axis))) .type_error("axis must be whole numbers")
  }
  attrs <- list(
    axes = structure(as.numeric(if (is.null(axis)) numeric(0) else axis), class = "tfn_ints"),
    reduce_all = is.null(axis), keep_dims = isTRUE(keepdims)
  )
  .tensor(g, .add_op(g, type, name, default_name, inputs = list(x), attrs = attrs), 0L)
}

.tf_reduce_sum <- function(input_tensor, axis = NULL, keepdims = NULL, name = NULL,
                           reduction_indices = NULL, keep_dims = NULL) {
  .reduce_op("Sum", "Sum", input_tensor, axis, keepdims, name, reduction_indices, keep_dims)
}

.tf_reduce_mean <- function(input_tensor, axis = NULL, keepdims = NULL, name = NULL,
                            reduction_indices = NULL, keep_dims = NULL) {
  .reduce_op("Mean", "Mean", input_tensor, axis, keepdims, name, reduction_indices, keep_dims)
}

# Floor division and modulo round toward minus infinity (a remainder takes the divisor's
# sign), as TensorFlow's FloorDiv/FloorMod and R's %/% and %%.
.tf_floormod <- function(x, y, name = NULL) .binary_op("FloorMod", "FloorMod", x, y, name)
.tf_floordiv <- function(x, y, name = NULL) .binary_op("FloorDiv", "floordiv", x, y, name)

.tf_logical_and <- function(x, y, name = NULL) .binary_op("LogicalAnd", "LogicalAnd", x, y, name)
.tf_logical_or <- function(x, y, name = NULL) .binary_op("LogicalOr", "LogicalOr", x, y, name)
.tf_logical_not <- function(x, name = NULL) {
  g <- .graph_of(x)
  .tensor(g, .add_op(g, "LogicalNot", name, "LogicalNot", inputs = list(.as_tensor(x, g = g))), 0L)
}
# As TensorFlow composes it: (x | y) & !(x & y).
.tf_logical_xor <- function(x, y, name = "LogicalXor") {
  .tf_logical_and(.tf_logical_or(x, y), .tf_logical_not(.tf_logical_and(x, y)), name = name)
}

# The truncating forms (C's / and %): a remainder takes the dividend's sign.
.tf_truncatediv <- function(x, y, name = NULL) .binary_op("TruncateDiv", "TruncateDiv", x, y, name)
.tf_truncatemod <- function(x, y, name = NULL) .binary_op("TruncateMod", "TruncateMod", x, y, name)
# The raw ops under their own default names (math_ops' floordiv scopes as "floordiv").
.tf_floor_div <- function(x, y, name = NULL) .binary_op("FloorDiv", "FloorDiv", x, y, name)
.tf_realdiv <- function(x, y, name = NULL) .binary_op("RealDiv", "RealDiv", x, y, name)

# tf$div: Python 2 division, floor division for integers and RealDiv for floats.
.tf_div <- function(x, y, name = NULL) {
  g <- .graph_of(x, y)
  .with_name_scope(g, if (is.null(name)) "div" else name, function(scope) {
    o <- .binary_operands(x, y)
    type <- if (.tensor_type(o$x)[[1]] %in% c("float32", "float64")) "RealDiv" else "FloorDiv"
    .tensor(o$g, .add_op(o$g, type, scope, inputs = list(o$x, o$y)), 0L)
  })
}
