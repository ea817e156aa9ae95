# Sessions: per-session variable state and sess$run().

.tf_Session <- function(target = "", graph = NULL, config = NULL) {
  if (!is.character(target) || length(target) != 1L || is.na(target)) .type_error("target must be a string, but got ", class(target)[1])
  if (!is.null(config) && !inherits(config, "tf_config_proto")) .type_error("config must be a tf.ConfigProto, but got ", class(config)[1])
  if (is.null(graph)) graph <- .default_graph()
  if (!inherits(graph, "tf_graph")) .type_error("graph must be a tf.Graph, but got ", class(graph)[1])
  # Only in-process sessions exist: a gRPC target ("grpc://...") has no session factory here.
  if (nzchar(target)) {
    tf_raise("not_found", paste0("No session factory registered for the given session options: {target: \"", target,
                                 "\" config: } Registered factories are {DIRECT_SESSION}."))
  }
  .graph_alive(graph)
  xp <- new(EngineSession, graph$xp)
  s <- new.env(parent = emptyenv())
  s$xp <- xp
  s$ptr <- xp$.pointer
  s$graph <- graph
  s$run1 <- xp$run1
  s$run_many <- xp$run
  s$run_target <- xp$run_target
  s$graph_num_ops <- graph$xp$num_ops
  s$config <- config
  s$entered <- FALSE
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
      if (isTRUE(.subset2(s, "entered"))) {
        tf_raise("runtime", paste("Session context managers are not re-entrant.",
                                  "Use `Session.as_default()` if you want to enter a session multiple times."))
      }
      .push_default_session(s)
      assign("entered", TRUE, envir = s)
      s
    },
    exit = function() {
      assign("entered", FALSE, envir = s)
      .pop_default_session(s)
      .session_close(s)
    },
    what = "session"
  )
}

.session_as_default <- function(s) {
  .context(
    enter = function() .push_default_session(s),
    exit = function() .pop_default_session(s),
    what = "session as default"
  )
}

.push_default_session <- function(s) {
  .tfn$session_stack[[length(.tfn$session_stack) + 1L]] <- s
  s
}

# Default sessions nest: the one leaving must be the innermost.
.pop_default_session <- function(s) {
  n <- length(.tfn$session_stack)
  if (n == 0L || !identical(.tfn$session_stack[[n]], s)) {
    tf_raise("assertion", "Nesting violated for default stack of Session objects")
  }
  .tfn$session_stack[[n]] <- NULL
  invisible(NULL)
}

# An InteractiveSession makes itself (and an explicitly given graph) the default until it is closed.
.tf_InteractiveSession <- function(target = "", graph = NULL, config = NULL) {
  s <- .tf_Session(target, graph, config)
  if (!is.null(graph)) {
    .tfn$graph_stack[[length(.tfn$graph_stack) + 1L]] <- graph
    assign("entered_graph", graph, envir = s)
  }
  if (.tfn$interactive_sessions > 0L) {
    warning("An interactive session is already active. This can cause out-of-memory errors in some cases. ",
            "You must explicitly call `InteractiveSession.close()` to release resources held by the other session(s).",
            call. = FALSE)
  }
  .tfn$interactive_sessions <- .tfn$interactive_sessions + 1L
  assign("interactive", TRUE, envir = s)
  .push_default_session(s)
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
  if (isTRUE(.subset2(s, "interactive"))) {
    # Closed once: it leaves the default stack wherever it is and stops counting as active.
    assign("interactive", FALSE, envir = s)
    .tfn$interactive_sessions <- .tfn$interactive_sessions - 1L
    keep <- !vapply(.tfn$session_stack, identical, logical(1), s)
    .tfn$session_stack <- .tfn$session_stack[keep]
    g <- .subset2(s, "entered_graph")
    if (!is.null(g)) {
      at <- which(vapply(.tfn$graph_stack, identical, logical(1), g))
      if (length(at)) .tfn$graph_stack[[max(at)]] <- NULL
    }
  }
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
      el <- tryCatch(.graph_methods$as_graph_element(g)(x), tf_key_error = function(e) e, tf_value_error = function(e) e)
      if (inherits(el, "condition")) {
        .value_error("Fetch argument '", x, "' cannot be interpreted as a Tensor. (", conditionMessage(el), ")")
      }
      return(walk(el))
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
    if (is.character(k)) k <- .feed_key_by_name(g, k)
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
    ty <- .tensor_type(k)
    .check_feed_value(v, ty[[1]])
    dims <- ty[[2]]
    values[[i]] <- list(v, .r_dims(v, if (length(dims) == 1L) 1L else NULL))
  }
  list(nodes = nodes, idx = idx, values = values)
}

# A string feed key names a tensor ("<op>:<index>"); an op name alone is refused, as in TensorFlow.
.feed_key_by_name <- function(g, name) {
  if (!grepl(":", name, fixed = TRUE)) {
    known <- .subset2(g, "xp")$find_op(name) >= 0L
    .type_error("Cannot interpret feed_dict key as Tensor: The name '", name, "' ",
                if (known) "refers to an Operation, not a Tensor." else "looks like an (invalid) Operation name, not a Tensor.",
                " Tensor names must be of the form \"<op_name>:<output_index>\".")
  }
  tryCatch(.graph_get_tensor(g, name), tf_key_error = function(e) {
    .type_error("Cannot interpret feed_dict key as Tensor: ", conditionMessage(e))
  })
}

# A value that cannot be held by the fed tensor's dtype without loss (a non-whole or too large number
# for an integer tensor, a number for a string tensor) is a TypeError with TensorFlow's wording.
.check_feed_value <- function(v, dtype) {
  if (is.factor(v)) .type_error("A factor cannot be fed; convert it with as.character() or as.integer() first")
  bad <- switch(dtype,
    int32 = is.double(v) && any(is.finite(v) & (v != trunc(v) | v < -2^31 | v >= 2^31)),
    int64 = is.double(v) && any(is.finite(v) & (v != trunc(v) | v < -2^63 | v >= 2^63)),
    string = !is.character(v),
    FALSE
  )
  if (isTRUE(bad)) {
    shown <- if (length(v) == 1L) format(v, scientific = FALSE, digits = 22) else paste0("<", class(v)[1], " of length ", length(v), ">")
    .type_error("Type of feed value ", shown, " with type <class '", class(v)[1], "'> is not compatible with Tensor type ",
                "<dtype: '", dtype, "'>. Try explicitly setting the type of the feed tensor to a larger type (e.g. int64).")
  }
  invisible(NULL)
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
  if (.subset2(s, "graph_num_ops")() == 0L && !.subset2(s, "xp")$closed()) {
    tf_raise("runtime", "The Session graph is empty.  Add operations to the graph before calling run().")
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
