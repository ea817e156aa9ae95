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
  assign("control_deps", list(), envir = g)  # stack of controllers (.control_dependencies_context)
  assign("finalized", FALSE, envir = g)
  assign("unfeedable", character(0), envir = g)  # "<op id>:<index>" of tensors that may not be fed
  assign("unfetchable", integer(0), envir = g)    # ids of ops that may not be fetched
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
  name <- enc2utf8(name)  # names are UTF-8, whatever the R string's declared encoding
  if (endsWith(name, "/")) return(substr(name, 1L, nchar(name) - 1L))
  .ck(.subset2(g, "unique_name_fn")(paste0(.subset2(g, "scope"), name), TRUE))
}

# Adds an op; `inputs` are tensors (or variables), `control` ops or tensors.
.add_op <- function(g, type, name, default_name = type, inputs = list(), attrs = list(),
                    control = list(), exact_name = FALSE) {
  .graph_alive(g)
  if (isTRUE(.subset2(g, "finalized"))) tf_raise("runtime", "Graph is finalized and cannot be modified.")
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
  controllers <- .subset2(g, "control_deps")
  ctrl_ids <- if (length(controllers)) .control_inputs_for(controllers, in_nodes) else integer(0)
  for (c1 in control) {
    if (!identical(.subset2(c1, "graph"), g)) .value_error("Control input must be from the same graph")
    ctrl_ids <- c(ctrl_ids, .subset2(c1, "op"))  # a variable stands for its variable op, as in TensorFlow
  }
  if (length(ctrl_ids) > 1L) ctrl_ids <- unique(ctrl_ids)
  # An op that mutates a variable is made as inside colocate_with(<the variable>), as in
  # TensorFlow: colocated with it, and out of reach of the device scopes.
  mutates <- n_in > 0L && type %in% .mutating_op_types
  coloc <- .subset2(g, "colocation")
  if (mutates) coloc <- c(coloc, list(.operation(g, in_nodes[1])))
  if (length(coloc)) attrs[["_class"]] <- .colocation_class_attr(g, coloc)
  class_scope <- .subset2(g, "class_scope")
  if (!is.null(class_scope)) {
    attrs[["_class"]] <- structure(sort(unique(c(class_scope, unclass(attrs[["_class"]])))), class = "tfn_strings")
  }
  id <- .ck(.subset2(g, "add_op_fn")(type, full, in_nodes, in_idx, ctrl_ids, attrs, ""))
  for (ctl in controllers) assign(as.character(id), TRUE, envir = ctl$seen)  # a hashed set: O(1) per op
  devices <- if (mutates) list() else .subset2(g, "device_stack")
  if (length(devices) || length(coloc)) .place_op(g, id, devices, coloc)
  id
}

# Runs body() with `group` ("loc:@<name>") in the `_class` attribute of every op it makes.
.with_colocation_class <- function(g, group, body) {
  old <- .subset2(g, "class_scope")
  assign("class_scope", group, envir = g)
  on.exit(assign("class_scope", old, envir = g))
  body()
}

# Control inputs of a new op with data inputs `in_nodes`: each active controller adds
# its ops unless one of the inputs was itself made under that controller (it already
# carries them), and an op that is a data input is never also a control input.
.control_inputs_for <- function(controllers, in_nodes) {
  ids <- integer(0)
  for (ctl in controllers) {
    if (length(in_nodes) && any(vapply(as.character(in_nodes), exists, TRUE, envir = ctl$seen, inherits = FALSE))) next
    ids <- c(ids, setdiff(ctl$ids, in_nodes))
  }
  ids
}

# Scope names at the root must be valid op names; nested ones may also start with _ - / etc.
.check_scope_name <- function(g, name) {
  if (!is.character(name) || length(name) != 1L || is.na(name)) .type_error("A name scope must be a string, got ", class(name)[1])
  pattern <- if (nzchar(.subset2(g, "scope"))) "^[A-Za-z0-9_.\\-/>]*$" else "^[A-Za-z0-9.][A-Za-z0-9_.\\-/>]*$"
  if (!grepl(pattern, name, perl = TRUE)) .value_error("'", name, "' is not a valid scope name")
}

.new_name_scope <- function(g, name) {
  if (is.null(name) || identical(name, "")) return("")
  .check_scope_name(g, name)
  if (endsWith(name, "/")) return(name)
  .graph_alive(g)
  paste0(.ck(.subset2(g, "unique_name_fn")(paste0(.subset2(g, "scope"), name), TRUE)), "/")
}

# The graph of the graph elements among `values` (tensors, variables, operations), all of
# which must share it; the default graph when there are none.
.graph_from_inputs <- function(values) {
  if (!is.list(values) || inherits(values, c("tf_tensor_like", "tf_operation"))) values <- list(values)
  first <- NULL
  for (v in values) {
    if (!inherits(v, c("tf_tensor_like", "tf_operation"))) next
    if (is.null(first)) {
      first <- v
    } else if (!identical(.subset2(v, "graph"), .subset2(first, "graph"))) {
      .value_error(format(v), " must be from the same graph as ", format(first), ".")
    }
  }
  if (is.null(first)) .default_graph() else .subset2(first, "graph")
}

.name_scope_context <- function(name, default_name = NULL, values = NULL) {
  if (!is.null(default_name) && !(is.character(default_name) && length(default_name) == 1L)) {
    .type_error("`default_name` type (", class(default_name)[1], ") is not a string type. ",
                "You likely meant to pass this into the `values` kwarg.")
  }
  if (is.null(name)) name <- default_name
  if (is.null(name) && !is.null(values)) {
    .value_error("At least one of name (None) and default_name (None) must be provided.")
  }
  g <- NULL
  old <- NULL
  .context(
    enter = function() {
      g <<- if (is.null(values)) .default_graph() else .graph_from_inputs(values)
      new_scope <- .new_name_scope(g, name)
      # The scope's graph is the default graph inside it (it may be the graph of `values`).
      .tfn$graph_stack[[length(.tfn$graph_stack) + 1L]] <- g
      old <<- .subset2(g, "scope")
      assign("scope", new_scope, envir = g)
      new_scope
    },
    exit = function() {
      assign("scope", old, envir = g)
      .tfn$graph_stack[[length(.tfn$graph_stack)]] <- NULL
    },
    what = paste0("name scope '", if (is.null(name)) "" else name, "'")
  )
}

# Runs body() with g's name scope set to a new unique scope for `name`.
.with_name_scope <- function(g, name, body) {
  old <- .subset2(g, "scope")
  assign("scope", .new_name_scope(g, name), envir = g)
  on.exit(assign("scope", old, envir = g))
  body(.subset2(g, "scope"))
}

# Each collection is an environment holding its list, so get_collection_ref() can hand
# out a live view of it, as TensorFlow hands out the list itself.
.collection_env <- function(g, name, create = FALSE) {
  if (!is.character(name) || length(name) != 1L || is.na(name)) .type_error("A collection name must be a string")
  coll <- .subset2(g, "collections")
  e <- coll[[name]]
  if (is.null(e) && create) {
    e <- new.env(parent = emptyenv())
    e$items <- list()
    assign(name, e, envir = coll)
  }
  e
}

.add_to_collection <- function(g, name, value) {
  if (isTRUE(.subset2(g, "finalized"))) tf_raise("runtime", "Graph is finalized and cannot be modified.")
  e <- .collection_env(g, name, create = TRUE)
  e$items <- c(e$items, list(value))
  invisible(NULL)
}

.get_collection <- function(g, name) {
  e <- .collection_env(g, name)
  if (is.null(e)) list() else e$items
}

# The name an item is filtered by in get_collection(scope =): tensors, variables and
# operations have one, so has a list with a `name` string; other items have none.
.collection_item_name <- function(x) {
  if (inherits(x, c("tf_tensor_like", "tf_operation"))) return(x$name)
  if (is.list(x) && !is.object(x) && is.character(x[["name"]]) && length(x[["name"]]) == 1L) return(x[["name"]])
  NULL
}

.new_collection_ref <- function(e) {
  x <- list(env = e)
  oldClass(x) <- "tf_collection_ref"
  x
}

#' @export
`$.tf_collection_ref` <- function(x, name) {
  e <- .subset2(x, "env")
  switch(name,
    append = function(value) {
      e$items <- c(e$items, list(value))
      invisible(NULL)
    },
    extend = function(values) {
      e$items <- c(e$items, as.list(values))
      invisible(NULL)
    },
    tf_raise("attribute", paste0("'list' object has no attribute '", name, "'"))
  )
}

#' @export
as.list.tf_collection_ref <- function(x, ...) .subset2(x, "env")$items

#' @export
length.tf_collection_ref <- function(x) length(.subset2(x, "env")$items)

#' @export
`[[.tf_collection_ref` <- function(x, i) .subset2(x, "env")$items[[i]]

#' @export
format.tf_collection_ref <- function(x, ...) paste0("<collection reference: ", length(x), " items>")

#' @export
print.tf_collection_ref <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
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
  if (!is.character(name) || length(name) != 1L || is.na(name)) {
    .type_error("Operation names are strings (or similar), not ", class(name)[1], ".")
  }
  if (grepl(":", name, fixed = TRUE)) {
    .value_error("Name '", name, "' appears to refer to a Tensor, not a Operation.")
  }
  id <- .subset2(g, "xp")$find_op(name)
  if (id < 0L) tf_raise("key", paste0("The name '", name, "' refers to an Operation not in the graph."))
  .operation(g, id)
}

.graph_get_tensor <- function(g, name) {
  if (!is.character(name) || length(name) != 1L || is.na(name)) {
    .type_error("Tensor names are strings (or similar), not ", class(name)[1], ".")
  }
  form <- " Tensor names must be of the form \"<op_name>:<output_index>\"."
  if (!grepl(":", name, fixed = TRUE)) {
    if (.subset2(g, "xp")$find_op(name) >= 0L) .value_error("The name '", name, "' refers to an Operation, not a Tensor.", form)
    .value_error("The name '", name, "' looks like an (invalid) Operation name, not a Tensor.", form)
  }
  parts <- strsplit(name, ":", fixed = TRUE)[[1]]
  if (length(parts) != 2L || !grepl("^[0-9]+$", parts[2])) {
    # TensorFlow's wording, "looks a like" included.
    .value_error("The name '", name, "' looks a like a Tensor name, but is not a valid one.", form)
  }
  id <- .subset2(g, "xp")$find_op(parts[1])
  if (id < 0L) tf_raise("key", paste0("The name '", name, "' refers to a Tensor which does not exist. The operation, '", parts[1], "', does not exist in the graph."))
  idx <- as.integer(parts[2])
  n_out <- length(.ck(.subset2(g, "op_info_fn")(id))$dtypes)
  if (idx >= n_out) {
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
    if (is.character(obj) && length(obj) == 1L) {
      if (grepl(":", obj, fixed = TRUE)) .graph_get_tensor(g, obj) else .graph_get_operation(g, obj)
    } else if (inherits(obj, c("tf_tensor_like", "tf_operation"))) {
      if (!identical(.subset2(obj, "graph"), g)) .value_error(format(obj), " is not an element of this graph.")
      obj
    } else {
      .type_error("Can not convert a ", class(obj)[1], " into a Tensor or Operation.")
    }
  },
  get_collection = function(g) function(name, scope = NULL) {
    x <- .get_collection(g, name)
    if (is.null(scope)) return(x)
    # As TensorFlow: `scope` is a regular expression matched at the start of each item's name.
    Filter(function(v) {
      nm <- .collection_item_name(v)
      !is.null(nm) && grepl(paste0("^(?:", scope, ")"), nm, perl = TRUE)
    }, x)
  },
  get_collection_ref = function(g) function(name) .new_collection_ref(.collection_env(g, name, create = TRUE)),
  add_to_collection = function(g) function(name, value) .add_to_collection(g, name, value),
  add_to_collections = function(g) function(names, value) {
    for (nm in unique(as.character(unlist(names)))) .add_to_collection(g, nm, value)
    invisible(NULL)
  },
  get_all_collection_keys = function(g) function() sort(ls(.subset2(g, "collections"))),
  collections = function(g) sort(ls(.subset2(g, "collections"))),
  clear_collection = function(g) function(name) {
    if (exists(name, envir = .subset2(g, "collections"), inherits = FALSE)) rm(list = name, envir = .subset2(g, "collections"))
    invisible(NULL)
  },
  name_scope = function(g) function(name) .entered_in_graph(g, .name_scope_context(name)),
  unique_name = function(g) function(name, mark_as_used = TRUE) {
    .check_string(name, "name")
    .ck(.graph_alive(g)$unique_name_fn(paste0(.subset2(g, "scope"), enc2utf8(name)), isTRUE(mark_as_used)))
  },
  version = function(g) .subset2(.graph_alive(g), "xp")$num_ops(),
  device = function(g) function(device_name_or_function) .entered_in_graph(g, .tf_device(device_name_or_function)),
  placement = function(g) function() .graph_placement(g),
  colocate_with = function(g) function(op, ignore_existing = FALSE) .tf_colocate_with(op, ignore_existing),
  finalize = function(g) function() {
    assign("finalized", TRUE, envir = g)
    invisible(NULL)
  },
  finalized = function(g) .subset2(g, "finalized"),
  get_name_scope = function(g) function() sub("/$", "", .subset2(g, "scope")),
  prevent_feeding = function(g) function(tensor) {
    assign("unfeedable", union(.subset2(g, "unfeedable"), .tensor_key(tensor)), envir = g)
    invisible(NULL)
  },
  is_feedable = function(g) function(tensor) !.tensor_key(tensor) %in% .subset2(g, "unfeedable"),
  prevent_fetching = function(g) function(op) {
    assign("unfetchable", union(.subset2(g, "unfetchable"), .subset2(op, "op")), envir = g)
    invisible(NULL)
  },
  is_fetchable = function(g) function(tensor_or_op) !.subset2(tensor_or_op, "op") %in% .subset2(g, "unfetchable"),
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

# A controller: the ops it adds as control inputs (those not already added by an outer
# one) and the ids of the ops made inside it. NULL clears the stack while it is active.
.control_dependencies_context <- function(g, control_inputs) {
  if (!is.null(control_inputs) && (!is.list(control_inputs) || inherits(control_inputs, c("tf_tensor_like", "tf_operation")))) {
    control_inputs <- list(control_inputs)
  }
  old <- NULL
  .context(
    enter = function() {
      old <<- .subset2(g, "control_deps")
      if (is.null(control_inputs)) {
        assign("control_deps", list(), envir = g)
        return(invisible(NULL))
      }
      current <- unlist(lapply(old, function(ctl) ctl$ids))
      ids <- integer(0)
      for (c1 in control_inputs) {
        if (!inherits(c1, c("tf_tensor_like", "tf_operation"))) {
          .type_error("Can not convert a ", class(c1)[1], " into a Tensor or Operation.")
        }
        if (!identical(.subset2(c1, "graph"), g)) .value_error(format(c1), " is not an element of this graph.")
        id <- .subset2(c1, "op")  # a tensor or variable stands for its op
        if (!id %in% c(current, ids)) ids <- c(ids, id)
      }
      ctl <- new.env(parent = emptyenv())
      ctl$ids <- ids
      ctl$seen <- new.env(hash = TRUE, parent = emptyenv())
      assign("control_deps", c(old, list(ctl)), envir = g)
      invisible(NULL)
    },
    exit = function() assign("control_deps", old, envir = g),
    what = "control dependencies"
  )
}

.tensor_key <- function(t) {
  if (!inherits(t, "tf_tensor_like")) .type_error("Expected a tensor, got ", class(t)[1])
  paste0(.subset2(t, "op"), ":", .subset2(t, "index"))
}

# Session.run refuses tensors marked with prevent_feeding() and ops marked with
# prevent_fetching(); called only when the graph has such marks.
.check_feeds_and_fetches <- function(g, fetches, feed_dict, env) {
  f <- .flatten_fetches(fetches, g)
  for (id in unique(c(f$nodes, f$targets))) {
    if (id %in% .subset2(g, "unfetchable")) {
      .value_error("Operation '", .op_name_of(.operation(g, id)), "' has been marked as not fetchable.")
    }
  }
  if (is.null(feed_dict)) return(invisible(NULL))
  feeds <- .feed_endpoints(feed_dict, g, env)
  for (i in seq_along(feeds$nodes)) {
    t <- .tensor(g, feeds$nodes[i], feeds$idx[i])
    if (.tensor_key(t) %in% .subset2(g, "unfeedable")) .value_error("Tensor ", format(t), " may not be fed.")
  }
  invisible(NULL)
}
