# Sessions: per-session variable state and sess$run().

.tf_Session <- function(target = "", graph = NULL, config = NULL) {
  if (is.null(graph)) graph <- .default_graph()
  if (!inherits(graph, "tf_graph")) .type_error("graph must be a tf$Graph")
  .graph_alive(graph)
  xp <- new(EngineSession, graph$xp)
  s <- new.env(parent = emptyenv())
  s$xp <- xp
  s$ptr <- xp$.pointer
  s$graph <- graph
  s$run1 <- xp$run1
  s$run_many <- xp$run
  s$run_target <- xp$run_target
  if (!is.null(config) && !inherits(config, "tf_config_proto")) .type_error("config must be a tf$ConfigProto()")
  s$config <- config
  s$log_placement <- !is.null(config) && isTRUE(config$log_device_placement)
  if (!is.null(config)) xp$configure(isTRUE(config$allow_soft_placement), isTRUE(config$log_device_placement))
  class(s) <- "tf_session"
  s
}

.session_alive <- function(s) {
  if (identical(.subset2(s, "ptr"), .tfn$null_pointer)) .stale_object_error("Session")
  s
}

.session_context <- function(s) {
  .context(
    enter = function() {
      .tfn$session_stack[[length(.tfn$session_stack) + 1L]] <- s
      s
    },
    exit = function() {
      .tfn$session_stack[[length(.tfn$session_stack)]] <- NULL
      .session_close(s)
    },
    what = "session"
  )
}

.session_as_default <- function(s) {
  .context(
    enter = function() {
      .tfn$session_stack[[length(.tfn$session_stack) + 1L]] <- s
      s
    },
    exit = function() .tfn$session_stack[[length(.tfn$session_stack)]] <- NULL,
    what = "session as default"
  )
}

.session_or_default <- function(session) {
  if (!is.null(session)) {
    if (!inherits(session, "tf_session")) .type_error("session must be a tf$Session")
    return(session)
  }
  n <- length(.tfn$session_stack)
  if (n == 0L) {
    .value_error("Cannot evaluate tensor using `eval()`: No default session is registered. ",
                 "Use `with(sess$as_default(), ...)` or pass an explicit session to `eval(session = sess)`")
  }
  .tfn$session_stack[[n]]
}

.session_close <- function(s) {
  if (!identical(.subset2(s, "ptr"), .tfn$null_pointer)) .subset2(s, "xp")$close()
  invisible(NULL)
}

# Fetch structure ------------------------------------------------------------

# Flattens nested fetches into endpoints and targets, and returns a rebuild function.
.flatten_fetches <- function(fetches, g) {
  ep_nodes <- integer(0)
  ep_idx <- integer(0)
  targets <- integer(0)
  walk <- function(x) {
    if (inherits(x, "tf_tensor_like")) {
      if (!identical(.subset2(x, "graph"), g)) .value_error("Tensor ", format(x), " is not an element of this graph.")
      ep_nodes[[length(ep_nodes) + 1L]] <<- .subset2(x, "op")
      ep_idx[[length(ep_idx) + 1L]] <<- .subset2(x, "index")
      return(list(kind = "fetch", i = length(ep_nodes)))
    }
    if (inherits(x, "tf_operation")) {
      if (!identical(.subset2(x, "graph"), g)) .value_error("Operation ", format(x), " is not an element of this graph.")
      targets[[length(targets) + 1L]] <<- .subset2(x, "op")
      return(list(kind = "null"))
    }
    if (is.character(x) && length(x) == 1L && !is.na(x)) {
      return(walk(.graph_methods$as_graph_element(g)(x)))
    }
    if (is.list(x) && !is.object(x)) {
      return(list(kind = "list", names = names(x), items = lapply(x, walk)))
    }
    if (is.null(x)) .type_error("Fetch argument NULL has invalid type, must be a string or Tensor. (Can not convert a NULL into a Tensor or Operation.)")
    .type_error("Fetch argument of class '", class(x)[1], "' has invalid type, must be a string or Tensor.")
  }
  shape <- walk(fetches)
  list(nodes = ep_nodes, idx = ep_idx, targets = targets, shape = shape)
}

.rebuild_fetches <- function(shape, values) {
  switch(shape$kind,
    fetch = values[[shape$i]],
    null = NULL,
    list = {
      out <- lapply(shape$items, .rebuild_fetches, values = values)
      # lapply drops nothing, but assigning NULL would; keep positions with a list.
      names(out) <- shape$names
      out
    }
  )
}

.feed_endpoints <- function(feed_dict, g, env) {
  kv <- .as_key_values(feed_dict, env)
  n <- length(kv$keys)
  nodes <- integer(n)
  idx <- integer(n)
  values <- vector("list", n)
  for (i in seq_len(n)) {
    k <- kv$keys[[i]]
    if (is.character(k)) k <- .graph_methods$as_graph_element(g)(if (grepl(":", k, fixed = TRUE)) k else paste0(k, ":0"))
    if (inherits(k, "tf_variable")) k <- .tensor(g, .subset2(k, "op"), 0L)
    if (!inherits(k, "tf_tensor")) .type_error("Cannot interpret feed_dict key as Tensor: ", format(k))
    if (!identical(.subset2(k, "graph"), g)) .value_error("Tensor ", format(k), " is not an element of this graph.")
    v <- kv$values[[i]]
    if (inherits(v, "tf_tensor_like")) {
      .type_error("The value of a feed cannot be a tf.Tensor object. Acceptable feed values include R vectors, matrices and arrays.")
    }
    if (is.null(v)) .type_error("The value of a feed cannot be NULL")
    nodes[i] <- .subset2(k, "op")
    idx[i] <- .subset2(k, "index")
    dims <- .tensor_type(k)[[2]]
    values[[i]] <- list(v, .r_dims(v, if (length(dims) == 1L) 1L else NULL))
  }
  list(nodes = nodes, idx = idx, values = values)
}

.session_run <- function(s, fetches, feed_dict = NULL, options = NULL, run_metadata = NULL, env = parent.frame()) {
  g <- .subset2(s, "graph")
  if (length(.subset2(g, "unfetchable")) || length(.subset2(g, "unfeedable"))) .check_feeds_and_fetches(g, fetches, feed_dict, env)
  # Fast path: one tensor or variable, no feeds.
  if (is.null(feed_dict) && inherits(fetches, "tf_tensor_like") && identical(.subset2(fetches, "graph"), g) &&
      !.subset2(s, "log_placement")) {
    .session_alive(s)
    return(.ck(.subset2(s, "run1")(.subset2(fetches, "op"), .subset2(fetches, "index"))))
  }
  .session_alive(s)
  # Fast path: one operation (a training step), no feeds.
  if (is.null(feed_dict) && inherits(fetches, "tf_operation") && identical(.subset2(fetches, "graph"), g) &&
      !.subset2(s, "log_placement")) {
    return(invisible(.ck(.subset2(s, "run_target")(.subset2(fetches, "op")))))
  }
  f <- .flatten_fetches(fetches, g)
  feeds <- if (is.null(feed_dict)) list(nodes = integer(0), idx = integer(0), values = list()) else .feed_endpoints(feed_dict, g, env)
  values <- .subset2(s, "run_many")(f$nodes, f$idx, f$targets, feeds$nodes, feeds$idx, feeds$values)
  if (.subset2(s, "log_placement")) {
    # log_device_placement: where each op of a newly planned run was placed.
    for (line in .subset2(s, "xp")$take_placement_log()) message(line)
  }
  values <- .ck(values)
  .rebuild_fetches(f$shape, values)
}

.session_methods <- list(
  run = function(s) {
    function(fetches, feed_dict = NULL, options = NULL, run_metadata = NULL) {
      .session_run(s, fetches, feed_dict, options, run_metadata, env = parent.frame())
    }
  },
  close = function(s) function() .session_close(s),
  graph = function(s) .subset2(s, "graph"),
  as_default = function(s) function() .session_as_default(s),
  closed = function(s) .subset2(.session_alive(s), "xp")$closed(),
  list_devices = function(s) function() {
    .session_alive(s)
    data.frame(name = "/job:localhost/replica:0/task:0/device:CPU:0", device_type = "CPU",
               memory_limit_bytes = 268435456, stringsAsFactors = FALSE)
  },
  graph_def = function(s) .value_error("GraphDef export is not supported yet"),
  sess_str = function(s) ""
)

#' @export
`$.tf_session` <- function(x, name) {
  m <- .session_methods[[name]]
  if (is.null(m)) tf_raise("attribute", paste0("'Session' object has no attribute '", name, "'"))
  m(x)
}

#' @export
.DollarNames.tf_session <- function(x, pattern = "") grep(pattern, names(.session_methods), value = TRUE)

#' @export
format.tf_session <- function(x, ...) {
  if (identical(.subset2(x, "ptr"), .tfn$null_pointer)) return("<tf.Session (restored from a file: unusable)>")
  state <- if (.subset2(x, "xp")$closed()) "closed" else "open"
  paste0("<tf.Session ", state, " on ", format(.subset2(x, "graph")), ">")
}

#' @export
print.tf_session <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}
