# Ops that make tensors: constants, fills, placeholders, reshapes, casts.

.tf_constant <- function(value, dtype = NULL, shape = NULL, name = "Const", verify_shape = FALSE) {
  g <- .default_graph()
  dt <- if (is.null(dtype)) .default_dtype_of(value) else .as_dtype(dtype)$name
  if (is.null(shape)) return(.const_op(g, value, dt, .r_dims(value), name))
  dims <- .as_dims(shape)
  if (.flag(verify_shape, "verify_shape")) {
    have <- .r_dims(value, rank_hint = if (length(dims) == 1L) 1L)
    if (!identical(have, dims)) .type_error("Expected Tensor's shape: ", .format_dims(dims), ", got ", .format_dims(have), ".")
    return(.const_op(g, value, dt, dims, name))
  }
  # As TensorFlow 1.x: the values are taken in row-major order, and fewer values
  # than the shape holds are padded with the last one (a single value is repeated by the engine).
  if (!is.null(dim(value)) && length(dim(value)) > 1L) value <- aperm(value)
  flat <- as.vector(value)
  n <- prod(dims)
  if (length(flat) > n) .value_error("Too many elements provided. Needed at most ", n, ", but received ", length(flat))
  if (length(flat) < n && length(flat) > 1L) flat <- c(flat, rep(flat[length(flat)], n - length(flat)))
  .const_op(g, flat, dt, dims, name, rowmajor = TRUE)
}

# A shape argument: an R shape becomes attribute "shape"; a tensor (int32/int64, known
# only when the graph runs, as TensorFlow allows) becomes an input of the op.
.shape_operand <- function(shape, g) {
  # A list mixing R numbers and scalar tensors is packed into one shape tensor.
  if (is.list(shape) && !is.object(shape) && .holds_tensor(shape)) shape <- .autopack(shape, NULL, g)
  if (inherits(shape, "tf_tensor_like")) return(list(inputs = list(.as_tensor(shape, g = g)), attrs = list()))
  if (length(dim(shape)) > 1L) .value_error("Shape must be rank 1 but is rank ", length(dim(shape)))
  list(inputs = list(), attrs = list(shape = structure(.as_dims(shape), class = "tfn_dims")))
}

.fill_op <- function(shape, value, dtype, name, default_name) {
  g <- if (inherits(shape, "tf_tensor_like")) .graph_of(shape) else .default_graph()
  s <- .shape_operand(shape, g)
  dt <- .as_dtype(dtype, .new_dtype("float32"))
  attrs <- c(s$attrs, list(value = as.double(value), dtype = .dtype_tag(dt)))
  if (dt$name == "string" && identical(default_name, "zeros")) {
    attrs$string_value <- ""  # as TensorFlow: string zeros are empty strings
  } else if (!dt$name %in% c("float32", "float64", "int32", "int64", "bool")) {
    .type_error("Cannot fill a tensor of dtype ", dt$name)
  }
  id <- .add_op(g, "Fill", name, default_name, inputs = s$inputs, attrs = attrs)
  .tensor(g, id, 0L)
}

.tf_zeros <- function(shape, dtype = NULL, name = NULL) .fill_op(shape, 0, dtype, name, "zeros")
.tf_ones <- function(shape, dtype = NULL, name = NULL) .fill_op(shape, 1, dtype, name, "ones")

.tf_fill <- function(dims, value, name = NULL) {
  if (inherits(value, "tf_tensor_like")) {
    # Both operands as tensors (TensorFlow's Fill(dims, value)); the gradient reaches `value`.
    g <- .graph_of(value, dims)
    return(.with_name_scope(g, if (is.null(name)) "Fill" else name, function(scope) {
      if (is.list(dims) && !is.object(dims) && .holds_tensor(dims)) dims <- .autopack(dims, NULL, g)
      dims_t <- if (inherits(dims, "tf_tensor_like")) .as_tensor(dims, g = g) else .const_op(g, as.integer(.as_dims(dims)), "int32", length(.as_dims(dims)), "dims")
      .tensor(g, .add_op(g, "Fill", scope, inputs = list(dims_t, .as_tensor(value, g = g))), 0L)
    }))
  }
  if (length(value) != 1L) .value_error("Shape must be rank 0 but is rank ", if (is.null(dim(value))) 1L else length(dim(value)))
  if (is.character(value)) {
    if (is.na(value)) .type_error("value must not be NA")
    g <- if (inherits(dims, "tf_tensor_like")) .graph_of(dims) else .default_graph()
    s <- .shape_operand(dims, g)
    attrs <- c(s$attrs, list(value = 0, dtype = .dtype_tag(.new_dtype("string")), string_value = value))
    return(.tensor(g, .add_op(g, "Fill", name, "Fill", inputs = s$inputs, attrs = attrs), 0L))
  }
  if (!is.numeric(value) && !is.logical(value) || is.na(value)) {
    .type_error("value must be a single number, logical or string")
  }
  dt <- .default_dtype_of(value)
  .fill_op(dims, as.double(value), dt, name, "Fill")
}

.like_op <- function(type, tensor, dtype, name, default_name) {
  g <- .graph_of(tensor)
  x <- .as_tensor(tensor, g = g)
  if (!is.null(dtype) && .as_dtype(dtype)$name != .tensor_type(x)[[1]]) x <- .tf_cast(x, dtype)
  .tensor(g, .add_op(g, type, name, default_name, inputs = list(x)), 0L)
}

.tf_zeros_like <- function(tensor, dtype = NULL, name = NULL, optimize = TRUE) .like_op("ZerosLike", tensor, dtype, name, "zeros_like")
.tf_ones_like <- function(tensor, dtype = NULL, name = NULL, optimize = TRUE) .like_op("OnesLike", tensor, dtype, name, "ones_like")

.pshape_attr <- function(shape) {
  if (is.null(shape)) return(structure(list(NULL), class = "tfn_pshape"))
  structure(list(.as_dims(shape, allow_unknown = TRUE)), class = "tfn_pshape")
}

.tf_placeholder <- function(dtype, shape = NULL, name = NULL) {
  g <- .default_graph()
  dt <- .require_dtype(dtype)
  id <- .add_op(g, "Placeholder", name, "Placeholder", attrs = list(dtype = .dtype_tag(dt), shape = .pshape_attr(shape)))
  .tensor(g, id, 0L)
}

# A placeholder that, when not fed, is `input`; `shape` (NULL: unknown) is what feeds must match.
.tf_placeholder_with_default <- function(input, shape, name = NULL) {
  g <- .graph_of(input)
  x <- .as_tensor(input, g = g)
  attrs <- list(dtype = .dtype_tag(.tensor_dtype(x)), shape = .pshape_attr(shape))
  .tensor(g, .add_op(g, "PlaceholderWithDefault", name, "PlaceholderWithDefault", inputs = list(x), attrs = attrs), 0L)
}

.tf_identity <- function(input, name = NULL) {
  g <- .graph_of(input)
  .tensor(g, .add_op(g, "Identity", name, "Identity", inputs = list(.as_tensor(input, g = g))), 0L)
}

.tf_stop_gradient <- function(input, name = NULL) {
  g <- .graph_of(input)
  .tensor(g, .add_op(g, "StopGradient", name, "StopGradient", inputs = list(.as_tensor(input, g = g))), 0L)
}

.tf_reshape <- function(tensor, shape, name = NULL) {
  g <- .graph_of(tensor)
  x <- .as_tensor(tensor, g = g)
  if (is.list(shape) && !is.object(shape) && .holds_tensor(shape)) shape <- .autopack(shape, NULL, g)
  if (inherits(shape, "tf_tensor_like")) {
    return(.tensor(g, .add_op(g, "Reshape", name, "Reshape", inputs = list(x, .as_tensor(shape, g = g))), 0L))
  }
  dims <- if (inherits(shape, "tf_shape")) unclass(shape) else as.numeric(unlist(shape))
  if (anyNA(dims) || any(dims != floor(dims)) || any(dims < -1)) {
    .invalid_argument("Reshape needs whole dimensions >= 0 (or a single -1)")
  }
  .tensor(g, .add_op(g, "Reshape", name, "Reshape", inputs = list(x),
                     attrs = list(shape = structure(dims, class = "tfn_dims"))), 0L)
}

.tf_cast <- function(x, dtype, name = NULL) {
  g <- .graph_of(x)
  t <- .as_tensor(x, g = g)
  dt <- .require_dtype(dtype)
  .tensor(g, .add_op(g, "Cast", name, "Cast", inputs = list(t), attrs = list(DstT = .dtype_tag(dt))), 0L)
}

.whole_scalar <- function(x, what) {
  if (!is.numeric(x) || length(x) != 1L || is.na(x)) .type_error(what, " must be a single number")
  if (!is.finite(x)) .invalid_argument(what, " must be finite, not ", format(x))
  x
}

.tf_range <- function(start, limit = NULL, delta = 1L, dtype = NULL, name = "range") {
  if (is.null(limit)) {
    limit <- start
    start <- if (is.integer(limit) || inherits(limit, "tf_tensor_like")) 0L else 0
  }
  if (inherits(start, "tf_tensor_like") || inherits(limit, "tf_tensor_like") || inherits(delta, "tf_tensor_like")) {
    return(.range_of_tensors(start, limit, delta, dtype, name))
  }
  .whole_scalar(start, "start")
  .whole_scalar(limit, "limit")
  .whole_scalar(delta, "delta")
  all_int <- is.integer(start) && is.integer(limit) && is.integer(delta)
  dt <- if (!is.null(dtype)) .as_dtype(dtype)$name else if (all_int) "int32" else "float32"
  g <- .default_graph()
  id <- .add_op(g, "Range", name, "range",
                attrs = list(start = as.double(start), limit = as.double(limit), delta = as.double(delta),
                             dtype = .dtype_tag(.new_dtype(dt))))
  .tensor(g, id, 0L)
}

.tf_linspace <- function(start, stop, num, name = NULL) {
  if (inherits(start, "tf_tensor_like") || inherits(stop, "tf_tensor_like") || inherits(num, "tf_tensor_like")) {
    # As TensorFlow: start and stop share one float dtype (start's), num is an integer tensor.
    g <- .graph_of(start, stop, num)
    return(.with_name_scope(g, if (is.null(name)) "LinSpace" else name, function(scope) {
      s <- .as_tensor(start, name = "start", g = g)
      e <- .as_tensor(stop, dtype = .tensor_type(s)[[1]], name = "stop", g = g)
      n <- if (inherits(num, "tf_tensor_like")) .as_tensor(num, g = g) else .const_op(g, as.integer(num), "int32", numeric(0), "num")
      .tensor(g, .add_op(g, "LinSpace", scope, inputs = list(s, e, n)), 0L)
    }))
  }
  .whole_scalar(start, "start")
  .whole_scalar(stop, "stop")
  .whole_scalar(num, "num")
  if (num != floor(num)) .type_error("num must be a whole number")
  if (num < 1 || num >= 2^31) .invalid_argument("Requires num > 0 and within int32: ", format(num, scientific = FALSE))
  g <- .default_graph()
  id <- .add_op(g, "LinSpace", name, "LinSpace",
                attrs = list(start = as.double(start), stop = as.double(stop), num = as.integer(num),
                             dtype = .dtype_tag(.new_dtype("float32"))))
  .tensor(g, id, 0L)
}

# range() with tensor operands: as TensorFlow, the widest of their dtypes (int32 < int64 <
# float32 < float64) unless `dtype` is given, every operand cast to it.
.range_of_tensors <- function(start, limit, delta, dtype, name) {
  g <- .graph_of(start, limit, delta)
  .with_name_scope(g, if (is.null(name)) "range" else name, function(scope) {
    args <- list(start, limit, delta)
    order <- c("int32", "int64", "float32", "float64")
    types <- vapply(args, function(x) {
      if (inherits(x, "tf_tensor_like")) .tensor_type(.as_tensor(x, g = g))[[1]] else .default_dtype_of(x)
    }, "")
    if (!all(types %in% order)) .type_error("range needs int32, int64, float32 or float64 operands")
    dt <- if (!is.null(dtype)) .as_dtype(dtype)$name else order[max(match(types, order))]
    # R numbers become constants of that dtype (so the length stays static); tensors are cast.
    ops <- Map(function(x, nm) {
      if (!inherits(x, "tf_tensor_like")) return(.as_tensor(x, dtype = dt, name = nm, g = g))
      t <- .as_tensor(x, g = g)
      if (.tensor_type(t)[[1]] == dt) t else .tf_cast(t, dt)
    }, args, c("start", "limit", "delta"))
    .tensor(g, .add_op(g, "Range", scope, inputs = ops), 0L)
  })
}

.tf_no_op <- function(name = NULL) {
  g <- .default_graph()
  .operation(g, .add_op(g, "NoOp", name, "NoOp"))
}

.tf_group <- function(..., name = NULL) {
  inputs <- list(...)
  if (length(inputs) == 1L && is.list(inputs[[1]]) && !inherits(inputs[[1]], c("tf_tensor_like", "tf_operation"))) {
    inputs <- inputs[[1]]
  }
  for (x in inputs) {
    if (!inherits(x, c("tf_tensor_like", "tf_operation"))) .type_error("tf$group takes operations and tensors")
  }
  g <- if (length(inputs)) .subset2(inputs[[1]], "graph") else .default_graph()
  .operation(g, .add_op(g, "NoOp", name, "group_deps", control = inputs))
}

.tf_control_dependencies <- function(control_inputs) {
  .control_dependencies_context(.default_graph(), control_inputs)
}

# An int32 vector operand (begin, size, multiples): a tensor as it is, an R vector as a
# constant named after the argument inside the op's scope (`Slice/begin`), as TensorFlow names it.
.int_operand <- function(x, g, what) {
  # A list holding scalar tensors is packed into one vector, as TensorFlow auto-packs it.
  if (is.list(x) && !is.object(x) && .holds_tensor(x)) x <- .autopack(x, NULL, g)
  if (inherits(x, "tf_tensor_like")) return(.as_tensor(x, g = g))
  if (length(dim(x)) > 1L) .value_error("Shape must be rank 1 but is rank ", length(dim(x)))
  x <- unlist(x)
  if (!is.numeric(x) || anyNA(x) || any(x != floor(x))) .type_error(what, " must be whole numbers or an integer tensor")
  .const_op(g, as.integer(x), "int32", length(x), what)
}

.tf_slice <- function(input_, begin, size, name = NULL) {
  g <- .graph_of(input_, begin, size)
  .with_name_scope(g, if (is.null(name)) "Slice" else name, function(scope) {
    x <- .as_tensor(input_, g = g)
    inputs <- list(x, .int_operand(begin, g, "begin"), .int_operand(size, g, "size"))
    .tensor(g, .add_op(g, "Slice", scope, inputs = inputs), 0L)
  })
}

.tf_tile <- function(input, multiples, name = NULL) {
  g <- .graph_of(input, multiples)
  .with_name_scope(g, if (is.null(name)) "Tile" else name, function(scope) {
    x <- .as_tensor(input, g = g)
    .tensor(g, .add_op(g, "Tile", scope, inputs = list(x, .int_operand(multiples, g, "multiples"))), 0L)
  })
}

#' Stack tensors along a new axis
#'
#' As TensorFlow's `tf.stack`: `values` (a list of tensors or R values of one shape
#' and dtype) stacked along a new axis `axis`, in `[-(rank + 1), rank]`
#' (negative counts from the end). Axis 0 of a list of R values alone gives a constant.
#'
#' @param values a list of tensors or R values.
#' @param axis the new axis (0-based, as TensorFlow).
#' @param name op name.
#' @return A tensor of rank one more than the values'.
#' @name stack
NULL

.tf_stack <- function(values, axis = 0L, name = "stack") {
  axis <- .axis_int(axis)
  if (!is.list(values) || is.object(values)) {
    # An R vector or array stands for numpy's array of its values: stacked along axis 0 it is itself.
    if (axis == 0 && (is.numeric(values) || is.logical(values) || is.character(values))) return(.convert_to_tensor(values, name = name))
    .type_error("values must be a list of tensors or R values")
  }
  g <- do.call(.graph_of, unname(values))
  # As TensorFlow: axis 0 is a conversion of the list (a constant when it holds no tensors).
  if (axis == 0) {
    t <- tryCatch(.convert_to_tensor(values, name = name), tf_type_error = function(e) NULL,
                  tf_value_error = function(e) NULL)
    if (!is.null(t)) return(t)
  }
  if (!length(values)) .value_error("Cannot stack an empty list of values")
  first <- .as_tensor(values[[1]], name = name, g = g)
  dims <- .tensor_dims(first)
  if (!is.null(dims)) {
    n <- length(dims) + 1L
    if (axis < -n || axis >= n) .value_error("axis = ", axis, " not in [", -n, ", ", n, ")")
  }
  dtype <- .tensor_type(first)[[1]]
  .with_name_scope(g, name, function(scope) {
    elems <- lapply(seq_along(values), function(i) {
      if (i == 1L) return(first)
      .as_tensor(values[[i]], dtype = if (inherits(values[[i]], "tf_tensor_like")) NULL else dtype,
                 name = as.character(i - 1L), g = g)
    })
    .tensor(g, .add_op(g, "Pack", scope, inputs = elems, attrs = list(axis = as.integer(axis))), 0L)
  })
}
