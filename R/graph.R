# Graphs: the default graph (created lazily), tf$Graph(), names, scopes, collections.

.new_graph <- function() {
  xp <- new(EngineGraph)
  g <- new.env(parent = emptyenv())
  assign("xp", xp, envir = g)
  assign("ptr", xp$.pointer, envir = g)
  # Bound engine methods, fetched once: a method looked up per call costs several microseconds.
  assign("add_op_fn", xp$add_op, envir = g)
  assign("unique_name_fn", xp$unique_name, envir = g)
  assign("output_type_fn", xp$output_type, envir = g)
  assign("op_name_fn", xp$op_name, envir = g)
  assign("op_info_fn", xp$op_info, envir = g)
  assign("collections", new.env(parent = emptyenv()), envir = g)
  assign("scope", "", envir = g)
  assign("control_deps", list(), envir = g)
  assign("device_stack", list(), envir = g)
  assign("colocation", list(), envir = g)
  assign("seed", NULL, envir = g)
  .tfn$graph_counter <- .tfn$graph_counter + 1L
  g$id <- .tfn$graph_counter
  class(g) <- "tf_graph"
  g
}

# Stops with a clear error when the engine object behind `g` is gone (readRDS).
.graph_alive <- function(g) {
  if (identical(.subset2(g, "ptr"), .tfn$null_pointer)) .stale_object_error("graph (or an object of it)")
  g
}

# The graph of the first tensor-like argument, else the default graph.
.graph_of <- function(...) {
  for (x in list(...)) if (inherits(x, c("tf_tensor_like", "tf_operation"))) return(.subset2(x, "graph"))
  .default_graph()
}

.default_graph <- function() {
  n <- length(.tfn$graph_stack)
  if (n) return(.tfn$graph_stack[[n]])
  if (is.null(.tfn$default_graph)) .tfn$default_graph <- .new_graph()
  .tfn$default_graph
}

.graph_context <- function(g) {
  .context(
    enter = function() {
      .tfn$graph_stack[[length(.tfn$graph_stack) + 1L]] <- g
      g
    },
    exit = function() .tfn$graph_stack[[length(.tfn$graph_stack)]] <- NULL,
    what = "graph as default"
  )
}

# The unique name of a new op: scope prefix, then TensorFlow's _1, _2 suffixes.
.op_name <- function(g, name, default) {
  if (is.null(name)) name <- default
  if (!is.character(name) || length(name) != 1L || is.na(name)) .type_error("name must be a string")
  if (endsWith(name, "/")) return(substr(name, 1L, nchar(name) - 1L))
  .ck(.subset2(g, "unique_name_fn")(paste0(.subset2(g, "scope"), name), TRUE))
}

# Adds an op; `inputs` are tensors (or variables), `control` ops or tensors.
.add_op <- function(g, type, name, default_name = type, inputs = list(), attrs = list(),
                    control = list(), exact_name = FALSE) {
  .graph_alive(g)
  full <- if (exact_name) name else .op_name(g, name, default_name)
  n_in <- length(inputs)
  in_nodes <- integer(n_in)
  in_idx <- integer(n_in)
  for (i in seq_len(n_in)) {
    t <- inputs[[i]]
    if (!identical(.subset2(t, "graph"), g)) {
      .value_error(format(t), " must be from the same graph as the op '", full, "'.")
    }
    in_nodes[i] <- .subset2(t, "op")
    in_idx[i] <- .subset2(t, "index")
  }
  ctrl <- c(.subset2(g, "control_deps"), control)
  ctrl_ids <- integer(length(ctrl))
  for (i in seq_along(ctrl)) {
    c1 <- ctrl[[i]]
    if (!identical(.subset2(c1, "graph"), g)) .value_error("Control input must be from the same graph")
    ctrl_ids[i] <- .subset2(c1, "op")  # a variable stands for its variable op, as in TensorFlow
  }
  id <- .ck(.subset2(g, "add_op_fn")(type, full, in_nodes, in_idx, ctrl_ids, attrs, ""))
  if (length(.subset2(g, "device_stack")) || length(.subset2(g, "colocation")) || type %in% .mutating_op_types) {
    .place_op(g, id, type, inputs)
  }
  id
}

.new_name_scope <- function(g, name) {
  if (is.null(name) || identical(name, "")) return("")
  if (endsWith(name, "/")) return(name)
  .graph_alive(g)
  paste0(.ck(.subset2(g, "unique_name_fn")(paste0(.subset2(g, "scope"), name), TRUE)), "/")
}

.name_scope_context <- function(name, default_name = NULL) {
  if (is.null(name)) name <- default_name
  g <- NULL
  old <- NULL
  .context(
    enter = function() {
      g <<- .default_graph()
      old <<- .subset2(g, "scope")
      assign("scope", .new_name_scope(g, name), envir = g)
      .subset2(g, "scope")
    },
    exit = function() assign("scope", old, envir = g),
    what = paste0("name scope '", name, "'")
  )
}

# Runs body() with g's name scope set to a new unique scope for `name`.
.with_name_scope <- function(g, name, body) {
  old <- .subset2(g, "scope")
  assign("scope", .new_name_scope(g, name), envir = g)
  on.exit(assign("scope", old, envir = g))
  body(.subset2(g, "scope"))
}

.add_to_collection <- function(g, name, value) {
  coll <- .subset2(g, "collections")
  assign(name, c(coll[[name]], list(value)), envir = coll)
  invisible(NULL)
}

.get_collection <- function(g, name) {
  x <- .subset2(g, "collections")[[name]]
  if (is.null(x)) list() else x
}

.operation <- function(g, id) {
  x <- list(graph = g, op = id)
  oldClass(x) <- "tf_operation"  # faster than structure(): these are made by the thousand
  x
}
.tensor <- function(g, id, index = 0L) {
  x <- list(graph = g, op = id, index = index)
  oldClass(x) <- c("tf_tensor", "tf_tensor_like")
  x
}

.graph_get_operation <- function(g, name) {
  if (!is.character(name) || length(name) != 1L) .type_error("Operation names are strings")
  if (grepl(":", name, fixed = TRUE)) {
    .value_error("Name '", name, "' appears to refer to a Tensor, not a Operation.")
  }
  id <- .subset2(g, "xp")$find_op(name)
  if (id < 0L) tf_raise("key", paste0("The name '", name, "' refers to an Operation not in the graph."))
  .operation(g, id)
}

.graph_get_tensor <- function(g, name) {
  if (!is.character(name) || length(name) != 1L) .type_error("Tensor names are strings")
  parts <- strsplit(name, ":", fixed = TRUE)[[1]]
  if (length(parts) != 2L || is.na(suppressWarnings(as.integer(parts[2])))) {
    .value_error("The name '", name, "' looks a like an Operation name, not a Tensor. Tensor names must be of the form \"<op_name>:<output_index>\".")
  }
  id <- .subset2(g, "xp")$find_op(parts[1])
  if (id < 0L) tf_raise("key", paste0("The name '", name, "' refers to a Tensor which does not exist. The operation, '", parts[1], "', does not exist in the graph."))
  idx <- as.integer(parts[2])
  n_out <- length(.ck(.subset2(g, "op_info_fn")(id))$dtypes)
  if (idx < 0L || idx >= n_out) {
    tf_raise("key", paste0("The name '", name, "' refers to a Tensor which does not exist. The operation, '", parts[1], "', exists but only has ", n_out, " outputs."))
  }
  .tensor(g, id, idx)
}

# A context of the default graph (name scope, device) entered with `g` as the default graph.
.entered_in_graph <- function(g, ctx) {
  enter <- ctx$enter
  ctx$enter <- function() {
    .tfn$graph_stack[[length(.tfn$graph_stack) + 1L]] <- g
    on.exit(.tfn$graph_stack[[length(.tfn$graph_stack)]] <- NULL)
    enter()
  }
  ctx
}

.graph_methods <- list(
  as_default = function(g) function() .graph_context(g),
  get_operations = function(g) function() {
    .graph_alive(g)
    lapply(seq_len(.subset2(g, "xp")$num_ops()) - 1L, function(i) .operation(g, i))
  },
  get_operation_by_name = function(g) function(name) .graph_get_operation(.graph_alive(g), name),
  get_tensor_by_name = function(g) function(name) .graph_get_tensor(.graph_alive(g), name),
  as_graph_element = function(g) function(obj) {
    .graph_alive(g)
    if (is.character(obj)) {
      if (grepl(":", obj, fixed = TRUE)) .graph_get_tensor(g, obj) else .graph_get_operation(g, obj)
    } else obj
  },
  get_collection = function(g) function(name, scope = NULL) {
    if (!is.character(name) || length(name) != 1L || is.na(name)) .type_error("A collection name must be a string")
    x <- .get_collection(g, name)
    if (!is.null(scope)) x <- Filter(function(v) startsWith(.op_name_of(v), scope), x)
    x
  },
  add_to_collection = function(g) function(name, value) .add_to_collection(g, name, value),
  get_all_collection_keys = function(g) function() sort(ls(.subset2(g, "collections"))),
  clear_collection = function(g) function(name) {
    if (exists(name, envir = .subset2(g, "collections"), inherits = FALSE)) rm(list = name, envir = .subset2(g, "collections"))
    invisible(NULL)
  },
  name_scope = function(g) function(name) .entered_in_graph(g, .name_scope_context(name)),
  unique_name = function(g) function(name, mark_as_used = TRUE) .ck(.graph_alive(g)$unique_name_fn(paste0(.subset2(g, "scope"), name), mark_as_used)),
  version = function(g) .subset2(.graph_alive(g), "xp")$num_ops(),
  device = function(g) function(device_name_or_function) .entered_in_graph(g, .tf_device(device_name_or_function)),
  placement = function(g) function() .graph_placement(g),
  colocate_with = function(g) function(op, ignore_existing = FALSE) .tf_colocate_with(op, ignore_existing),
  finalized = function(g) FALSE,
  control_dependencies = function(g) function(control_inputs) .control_dependencies_context(g, control_inputs)
)

#' @export
`$.tf_graph` <- function(x, name) {
  m <- .graph_methods[[name]]
  if (!is.null(m)) return(m(x))
  # Internal fields (xp, scope, seed, collections, ...) are plain bindings of the environment.
  v <- .subset2(x, name)
  if (is.null(v) && !exists(name, envir = x, inherits = FALSE)) {
    tf_raise("attribute", paste0("'Graph' object has no attribute '", name, "'"))
  }
  v
}

#' @export
`$<-.tf_graph` <- function(x, name, value) {
  assign(name, value, envir = x)
  x
}

#' @export
.DollarNames.tf_graph <- function(x, pattern = "") grep(pattern, names(.graph_methods), value = TRUE)

#' @export
format.tf_graph <- function(x, ...) {
  if (identical(get("ptr", envir = x), .tfn$null_pointer)) return("<tf.Graph (restored from a file: unusable)>")
  paste0("<tf.Graph #", get("id", envir = x), " with ", get("xp", envir = x)$num_ops(), " operations>")
}

#' Print a graph, optionally with its operations grouped by device
#'
#' @param x a graph (`tf$Graph()`, `tf$get_default_graph()`).
#' @param by_device list the operations under each device.
#' @param ... unused.
#' @return `x`, invisibly.
#' @examples
#' g <- tf$Graph()
#' with(g$as_default(), {
#'   with(tf$device("/job:ps/task:0"), v <- tf$Variable(0, name = "v"))
#'   w <- tf$constant(1, name = "w")
#' })
#' print(g, by_device = TRUE)
#' @export
print.tf_graph <- function(x, by_device = FALSE, ...) {
  cat(format(x), "\n", sep = "")
  if (isTRUE(by_device)) {
    p <- .graph_placement(x)
    for (dev in unique(p$device)) {
      ops <- p[p$device == dev, , drop = FALSE]
      cat(if (nzchar(dev)) dev else "(no device)", "\n", sep = "")
      cat(sprintf("  %s (%s)\n", ops$name, ops$type), sep = "")
    }
  }
  invisible(x)
}

#' @export
summary.tf_graph <- function(object, ...) {
  print(object, by_device = TRUE)
  invisible(.graph_placement(object))
}

.graph_placement <- function(g) {
  .graph_alive(g)
  infos <- lapply(seq_len(.subset2(g, "xp")$num_ops()) - 1L, function(i) .ck(.subset2(g, "op_info_fn")(i)))
  p <- data.frame(name = vapply(infos, `[[`, "", "name"), type = vapply(infos, `[[`, "", "type"),
                  device = vapply(infos, `[[`, "", "device"), stringsAsFactors = FALSE)
  p[order(p$device != "", p$device), , drop = FALSE]
}

.control_dependencies_context <- function(g, control_inputs) {
  if (!is.null(control_inputs) && !is.list(control_inputs)) control_inputs <- list(control_inputs)
  old <- NULL
  .context(
    enter = function() {
      old <<- .subset2(g, "control_deps")
      assign("control_deps", if (is.null(control_inputs)) list() else c(old, control_inputs), envir = g)
      invisible(NULL)
    },
    exit = function() assign("control_deps", old, envir = g),
    what = "control dependencies"
  )
}
