# Tensors and operations: light R lists (graph, op id[, output index]).

.tensor_type <- function(t) {
  g <- .graph_alive(.subset2(t, "graph"))
  .ck(.subset2(g, "output_type_fn")(.subset2(t, "op"), .subset2(t, "index")))
}

.tensor_name <- function(t) {
  g <- .graph_alive(.subset2(t, "graph"))
  paste0(.ck(.subset2(g, "op_name_fn")(.subset2(t, "op"))), ":", .subset2(t, "index"))
}

.op_name_of <- function(x) {
  g <- .graph_alive(.subset2(x, "graph"))
  .ck(.subset2(g, "op_name_fn")(.subset2(x, "op")))
}

.tensor_dtype <- function(t) .new_dtype(.tensor_type(t)[[1]])
.tensor_dims <- function(t) .tensor_type(t)[[2]]

.as_shape <- function(dims) {
  if (is.null(dims)) return(structure(numeric(0), class = "tf_shape", unknown_rank = TRUE))
  structure(as.numeric(dims), class = "tf_shape")
}

.op_info <- function(op) {
  g <- .graph_alive(.subset2(op, "graph"))
  .ck(.subset2(g, "op_info_fn")(.subset2(op, "op")))
}

.tensor_fields <- list(
  name = function(t) .tensor_name(t),
  op = function(t) .operation(.subset2(t, "graph"), .subset2(t, "op")),
  dtype = function(t) .tensor_dtype(t),
  shape = function(t) .as_shape(.tensor_dims(t)),
  get_shape = function(t) function() .as_shape(.tensor_dims(t)),
  set_shape = function(t) function(shape) {
    if (inherits(t, "tf_variable")) .value_error("set_shape is not supported on variables")
    g <- .graph_alive(.subset2(t, "graph"))
    dims <- if (is.null(shape) || isTRUE(attr(shape, "unknown_rank"))) NULL else .as_dims(shape, allow_unknown = TRUE)
    .ck(.subset2(g, "xp")$set_shape(.subset2(t, "op"), .subset2(t, "index"), dims))
    invisible(NULL)
  },
  graph = function(t) .subset2(t, "graph"),
  device = function(t) .op_info(t)$device,
  value_index = function(t) .subset2(t, "index"),
  eval = function(t) function(feed_dict = NULL, session = NULL) {
    .session_or_default(session)$run(t, feed_dict = feed_dict)
  },
  consumers = function(t) function() .consumers(t)
)

.consumers <- function(t) {
  g <- .graph_alive(.subset2(t, "graph"))
  out <- list()
  for (i in seq_len(.subset2(g, "xp")$num_ops()) - 1L) {
    info <- .ck(.subset2(g, "op_info_fn")(i))
    # One entry per input edge: an op that reads the tensor twice is listed twice, as in TensorFlow.
    n <- sum(info$input_nodes == .subset2(t, "op") & info$input_index == .subset2(t, "index"))
    for (k in seq_len(n)) out[[length(out) + 1L]] <- .operation(g, i)
  }
  out
}

#' @export
`$.tf_tensor` <- function(x, name) {
  f <- .tensor_fields[[name]]
  if (is.null(f)) tf_raise("attribute", paste0("'Tensor' object has no attribute '", name, "'"))
  f(x)
}

#' @export
.DollarNames.tf_tensor <- function(x, pattern = "") grep(pattern, names(.tensor_fields), value = TRUE)

#' @export
format.tf_tensor <- function(x, ...) {
  ty <- .tensor_type(x)
  # As TensorFlow's str(): an unknown shape is left out.
  shp <- if (is.null(ty[[2]])) "" else paste0(", shape=", .format_dims(ty[[2]]))
  sprintf('Tensor("%s"%s, dtype=%s)', .tensor_name(x), shp, ty[[1]])
}

#' @export
print.tf_tensor <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
str.tf_tensor_like <- function(object, ...) cat(" ", format(object), "\n", sep = "")

#' @export
as.character.tf_tensor_like <- function(x, ...) format(x)

# Operations ---------------------------------------------------------------

.operation_fields <- list(
  name = function(o) .op_name_of(o),
  type = function(o) .op_info(o)$type,
  device = function(o) .op_info(o)$device,
  graph = function(o) .subset2(o, "graph"),
  inputs = function(o) {
    info <- .op_info(o)
    g <- .subset2(o, "graph")
    Map(function(n, i) .tensor(g, n, i), info$input_nodes, info$input_index)
  },
  outputs = function(o) {
    info <- .op_info(o)
    lapply(seq_along(info$dtypes) - 1L, function(i) .tensor(.subset2(o, "graph"), .subset2(o, "op"), i))
  },
  control_inputs = function(o) {
    g <- .subset2(o, "graph")
    lapply(.op_info(o)$control_inputs, function(i) .operation(g, i))
  },
  values = function(o) function() .operation_fields$outputs(o),
  colocation_groups = function(o) function() .colocation_groups(o),
  get_attr = function(o) function(name) {
    .check_string(name, "name")
    g <- .graph_alive(.subset2(o, "graph"))
    v <- .ck(.subset2(g, "xp")$op_attr(.subset2(o, "op"), name))
    if (name %in% c("dtype", "T", "DstT")) .new_dtype(v) else v
  },
  run = function(o) function(feed_dict = NULL, session = NULL) {
    invisible(.session_or_default(session)$run(o, feed_dict = feed_dict))
  }
)

#' @export
`$.tf_operation` <- function(x, name) {
  f <- .operation_fields[[name]]
  if (is.null(f)) tf_raise("attribute", paste0("'Operation' object has no attribute '", name, "'"))
  f(x)
}

#' @export
.DollarNames.tf_operation <- function(x, pattern = "") grep(pattern, names(.operation_fields), value = TRUE)

#' @export
format.tf_operation <- function(x, ...) {
  info <- .op_info(x)
  dev <- if (nzchar(info$device)) paste0(" device=", info$device) else ""
  sprintf("<tf.Operation '%s' type=%s%s>", info$name, info$type, dev)
}

#' @export
print.tf_operation <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
str.tf_operation <- function(object, ...) cat(" ", format(object), "\n", sep = "")
