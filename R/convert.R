# R values -> tensors. The element loops (layout change, type conversion,
# NA checks) run in C++; here we only decide dtype and shape.

.default_dtype_of <- function(x) {
  if (is.list(x) && !is.object(x)) x <- .nested_values(x)
  if (is.double(x)) return("float32")  # as Python floats: float32 unless asked otherwise
  if (is.integer(x)) return("int32")
  if (is.logical(x)) return("bool")
  if (is.character(x)) return("string")
  .type_error("Cannot convert an R value of class '", class(x)[1], "' to a tensor")
}

# The dims of an R value: its dim attribute, else a scalar for length 1, else a vector.
.r_dims <- function(x, rank_hint = NULL) {
  if (is.list(x) && !is.object(x)) return(.nested_dims(x))
  d <- dim(x)
  if (!is.null(d)) return(as.numeric(d))
  if (length(x) == 1L && !identical(rank_hint, 1L)) return(numeric(0))
  as.numeric(length(x))
}

# Nested R lists stand for Python's nested lists: each level is a dimension and the
# leaves (R vectors and arrays, a vector of length one being a scalar) must all have
# one shape. Lists holding tensors are packed instead (.autopack).
.nested_dims <- function(x) {
  if (inherits(x, c("tf_tensor_like", "tf_operation"))) {
    .type_error("Cannot convert a list holding ", format(x), " to a tensor: packing tensors is not supported")
  }
  if (!is.list(x) || is.object(x)) return(.r_dims(x))
  if (!length(x)) return(0)
  inner <- lapply(x, .nested_dims)
  for (d in inner) {
    if (!identical(d, inner[[1]])) .value_error("Can't convert non-rectangular list to Tensor.")
  }
  c(length(x), inner[[1]])
}

# The leaves of a nested list in row-major (C) order.
.nested_values <- function(x) {
  if (inherits(x, c("tf_tensor_like", "tf_operation"))) .nested_dims(x)
  if (!is.list(x) || is.object(x)) return(if (is.null(dim(x))) x else as.vector(aperm(x)))
  v <- unlist(lapply(x, .nested_values), use.names = FALSE)
  if (is.null(v)) numeric(0) else v  # an empty list is an empty float32 vector, as []
}

# A tagged value for the engine (attribute "value" of Const).
.value_spec <- function(x, dtype, dims, rowmajor = FALSE) {
  if (is.factor(x)) x <- as.character(x)
  if (is.list(x) && !is.object(x)) {
    x <- .nested_values(x)
    rowmajor <- TRUE
  }
  if (is.null(x)) .value_error("None values not supported.")
  if (!(is.numeric(x) || is.logical(x) || is.character(x))) {
    .type_error("Cannot convert an R value of class '", class(x)[1], "' to a tensor")
  }
  spec <- list(value = x, dtype = .dtype_enums[[dtype]], dims = dims, rowmajor = rowmajor)
  oldClass(spec) <- "tfn_value"
  spec
}

# Anything tensor-like to a tensor of graph g: tensors as they are, variables
# as their value, R values as a new Const.
.as_tensor <- function(x, dtype = NULL, name = "Const", g = .default_graph()) {
  if (inherits(x, "tf_tensor")) {
    if (!is.null(dtype)) .check_dtype(x, dtype)
    return(x)
  }
  if (inherits(x, "tf_variable")) {
    t <- .variable_value(x)
    if (!is.null(dtype)) .check_dtype(t, dtype)
    return(t)
  }
  if (inherits(x, "tf_operation")) {
    .type_error("Can't convert Operation '", .op_name_of(x), "' to Tensor (target dtype=",
                if (is.null(dtype)) "None" else paste0("tf.", .subset2(.as_dtype(dtype), "name")), ", name=None, as_ref=False)")
  }
  # A list holding tensors is packed, named as asked (tf$stack: "stack") or "packed".
  if (is.list(x) && !is.object(x) && .holds_tensor(x)) return(.autopack(x, dtype, g, if (identical(name, "Const")) "packed" else name))
  dt <- if (is.null(dtype)) .default_dtype_of(x) else .subset2(.as_dtype(dtype), "name")
  .const_op(g, x, dt, .r_dims(x), name)
}

.holds_tensor <- function(x) {
  if (inherits(x, "tf_tensor_like")) return(TRUE)
  is.list(x) && !is.object(x) && any(vapply(x, .holds_tensor, TRUE))
}

.first_tensor <- function(x) {
  if (inherits(x, "tf_tensor_like")) return(.as_tensor(x))
  for (e in x) if (.holds_tensor(e)) return(.first_tensor(e))
  NULL
}

# A list holding tensors becomes one tensor, as TensorFlow auto-packs a Python list:
# each element converted (in the dtype of the first tensor found, depth first, unless
# `dtype` says otherwise) and stacked along a new first axis by a Pack op named `name`
# ("packed"); inner lists are packed under their position ("packed/1").
.autopack <- function(x, dtype, g, name = "packed") {
  inferred <- .tensor_type(.first_tensor(x))[[1]]
  dtype <- if (is.null(dtype)) inferred else .subset2(.as_dtype(dtype), "name")
  # As TensorFlow 1.15: an explicit dtype other than the inferred one casts every tensor to it.
  if (dtype != inferred) x <- .cast_tensors(x, dtype, g)
  .pack_list(x, dtype, g, name)
}

.cast_tensors <- function(x, dtype, g) {
  if (inherits(x, "tf_tensor_like")) {
    t <- .as_tensor(x, g = g)
    return(if (.tensor_type(t)[[1]] == dtype) t else .tf_cast(t, dtype))
  }
  if (is.list(x) && !is.object(x)) return(lapply(x, .cast_tensors, dtype = dtype, g = g))
  x
}

.pack_list <- function(x, dtype, g, name) {
  if (!length(x)) .value_error("Cannot pack an empty list of tensors")
  for (e in x) {
    if (inherits(e, "tf_tensor_like") && .tensor_type(.as_tensor(e, g = g))[[1]] != dtype) {
      .type_error("Cannot convert a list containing a tensor of dtype ", .tensor_type(.as_tensor(e, g = g))[[1]],
                  " to ", dtype, " (Tensor is: ", format(e), ")")
    }
  }
  .with_name_scope(g, name, function(scope) {
    elems <- lapply(seq_along(x) - 1L, function(i) {
      e <- x[[i + 1L]]
      if (is.list(e) && !is.object(e) && .holds_tensor(e)) return(.pack_list(e, dtype, g, as.character(i)))
      .as_tensor(e, dtype = dtype, name = as.character(i), g = g)
    })
    .tensor(g, .add_op(g, "Pack", scope, inputs = elems, attrs = list(axis = 0L)), 0L)
  })
}

.check_dtype <- function(t, dtype) {
  want <- .as_dtype(dtype)$name
  have <- .tensor_type(t)[[1]]
  if (want != have) {
    .value_error("Tensor conversion requested dtype ", want, " for Tensor with dtype ", have, ": ", format(t))
  }
}

.const_op <- function(g, value, dtype, dims, name, rowmajor = FALSE) {
  spec <- .value_spec(value, dtype, dims, rowmajor)
  tag <- .dtype_enums[[dtype]]
  oldClass(tag) <- "tfn_dtype"
  id <- .add_op(g, "Const", name, "Const", attrs = list(value = spec, dtype = tag))
  .tensor(g, id, 0L)
}

#' Convert an R value to a tensor
#'
#' Tensors pass through; variables become their value; R vectors, matrices
#' and arrays become constants (doubles as float32 unless `dtype` says
#' otherwise, integers as int32, logicals as bool, characters as string).
#' Element `[i, j]` of an R matrix is element `[i-1][j-1]` of the tensor.
#' An R array (one-dimensional included) gives its `dim` as the shape; a plain
#' vector is a scalar if it has length 1, else of rank 1.
#' Nested lists read as Python's nested lists: `list(c(1, 2), c(3, 4))` is
#' `[[1, 2], [3, 4]]`. A value that does not fit `preferred_dtype` keeps its own.
#'
#' @param value an R value, tensor or variable.
#' @param dtype optional dtype.
#' @param name op name.
#' @param preferred_dtype,dtype_hint a dtype to use if the value fits it.
#' @return A tensor.
#' @examples
#' tf$convert_to_tensor(matrix(1:6, 2))
#' @name convert_to_tensor
NULL

.convert_to_tensor <- function(value, dtype = NULL, name = NULL, preferred_dtype = NULL, dtype_hint = NULL) {
  if (is.null(preferred_dtype)) preferred_dtype <- dtype_hint
  name <- if (is.null(name)) "Const" else name
  if (is.null(dtype) && !is.null(preferred_dtype) && !inherits(value, c("tf_tensor_like", "tf_operation"))) {
    # A preferred dtype is only a wish: a value that does not fit it keeps its own dtype.
    t <- tryCatch(.as_tensor(value, preferred_dtype, name), tf_type_error = function(e) NULL,
                  tf_value_error = function(e) NULL)
    if (!is.null(t)) return(t)
  }
  .as_tensor(value, dtype, name)
}
