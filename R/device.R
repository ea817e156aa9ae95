# Device placement: tf$device() scopes and device functions, DeviceSpec,
# colocation, replica_device_setter and ClusterSpec.

# Fields of a device name (NA where unset), parsed by the engine.
.device_fields <- function(spec) {
  if (is.null(spec) || identical(spec, "")) {
    return(list(job = NA_character_, replica = NA_integer_, task = NA_integer_,
                device_type = NA_character_, device_index = NA_integer_))
  }
  if (inherits(spec, "tf_device_spec")) return(.device_spec_fields(spec))
  if (!is.character(spec) || length(spec) != 1L || is.na(spec)) .type_error("A device must be a string, a DeviceSpec or a function")
  .ck(device_parse(spec))
}

.device_string <- function(f) {
  dev <- ""
  if (!is.na(f$job)) dev <- paste0(dev, "/job:", f$job)
  if (!is.na(f$replica)) dev <- paste0(dev, "/replica:", f$replica)
  if (!is.na(f$task)) dev <- paste0(dev, "/task:", f$task)
  if (!is.na(f$device_type)) dev <- paste0(dev, "/device:", f$device_type, ":", if (is.na(f$device_index)) "*" else f$device_index)
  dev
}

# Fields of `over` that are set replace those of `base`.
.device_merge <- function(base, over) {
  for (k in names(base)) if (!is.na(over[[k]])) base[[k]] <- over[[k]]
  base
}

.mutating_op_types <- c("Assign", "AssignAdd", "AssignSub", "ApplyGradientDescent", "ApplyMomentum",
                        "ApplyAdam", "ApplyAdagrad", "ApplyRMSProp", "ApplyCenteredRMSProp", "CountUpTo")

# After an op is created: the device scopes of `stack`, innermost first (each outer scope fills
# only the fields inner ones left unset; NULL stops), then colocation, which is the
# stronger constraint: a colocated op's device wins (the outermost one that has a device).
.place_op <- function(g, id, stack, coloc = list()) {
  if (length(stack)) {
    dev <- ""
    op <- .operation(g, id)
    for (entry in rev(stack)) {
      if (is.null(entry)) break
      if (is.function(entry)) {
        if (nzchar(dev)) .ck(.subset2(g, "xp")$set_device(id, dev))
        res <- entry(op)
        dev <- if (is.null(res)) "" else if (inherits(res, "tf_device_spec")) .device_string(.device_spec_fields(res)) else res
        if (!is.character(dev) || length(dev) != 1L) .type_error("A device function must return a device string, a DeviceSpec or NULL")
      } else {
        dev <- .device_string(.device_merge(entry, .device_fields(dev)))
      }
    }
    .ck(.subset2(g, "xp")$set_device(id, dev))
  }
  for (c1 in rev(coloc)) {
    dev <- .op_info(c1)$device
    if (nzchar(dev)) .ck(.subset2(g, "xp")$set_device(id, dev))
  }
  invisible(NULL)
}

# An op's colocation groups: its `_class` attribute, else its own "loc:@<name>".
.colocation_groups <- function(op) {
  g <- .graph_alive(.subset2(op, "graph"))
  cls <- .subset2(g, "xp")$op_attr(.subset2(op, "op"), "_class")
  if (inherits(cls, "tfn_status")) paste0("loc:@", .op_name_of(op)) else cls
}

.colocation_class_attr <- function(g, coloc) {
  groups <- sort(unique(unlist(lapply(coloc, .colocation_groups))))
  oldClass(groups) <- "tfn_strings"
  groups
}

.tf_device <- function(device_name_or_function) {
  x <- device_name_or_function
  entry <- if (is.null(x)) NULL else if (is.function(x) && !inherits(x, "tf_class")) x else .device_fields(x)
  g <- NULL
  .context(
    enter = function() {
      g <<- .default_graph()
      st <- .subset2(g, "device_stack")
      st[length(st) + 1L] <- list(entry)
      assign("device_stack", st, envir = g)
      invisible(NULL)
    },
    exit = function() {
      st <- .subset2(g, "device_stack")
      assign("device_stack", st[-length(st)], envir = g)
    },
    what = paste0("device ", if (is.null(x)) "NULL" else if (is.function(x)) "function" else .device_string(entry))
  )
}

.tf_colocate_with <- function(op, ignore_existing = FALSE) {
  if (is.null(op) && !isTRUE(ignore_existing)) {
    .value_error("Trying to reset colocation (op is None) but ignore_existing is not True")
  }
  if (inherits(op, "tf_tensor_like")) op <- .operation(.subset2(op, "graph"), .subset2(op, "op"))
  if (!is.null(op) && !inherits(op, "tf_operation")) .type_error("colocate_with needs an operation, tensor or variable")
  g <- if (is.null(op)) .default_graph() else .subset2(op, "graph")
  old <- NULL
  old_devices <- NULL
  .context(
    enter = function() {
      old <<- .subset2(g, "colocation")
      old_devices <<- .subset2(g, "device_stack")
      assign("colocation", c(if (isTRUE(ignore_existing)) list() else old, if (!is.null(op)) list(op)), envir = g)
      # As in TensorFlow, colocation is stronger than the device scopes around it.
      assign("device_stack", list(), envir = g)
      invisible(NULL)
    },
    exit = function() {
      assign("colocation", old, envir = g)
      assign("device_stack", old_devices, envir = g)
    },
    what = "colocation"
  )
}

# tf$python$framework$device: TensorFlow's device-string helpers.

# A device function that fills the fields an op's device leaves unset from `spec`.
.merge_device <- function(spec) {
  fields <- .device_fields(spec)
  function(op) .device_string(.device_merge(fields, .device_fields(op$device)))
}

.canonical_device_name <- function(device) .device_string(.device_fields(device))

.check_valid_device <- function(spec) {
  .device_fields(spec)
  invisible(NULL)
}

# DeviceSpec ------------------------------------------------------------------

.new_device_spec <- function(fields) {
  s <- new.env(parent = emptyenv())
  for (k in names(fields)) assign(k, fields[[k]], envir = s)
  class(s) <- "tf_device_spec"
  s
}

.device_spec_fields <- function(s) {
  list(job = get("job", s), replica = get("replica", s), task = get("task", s),
       device_type = get("device_type", s), device_index = get("device_index", s))
}

.na_or <- function(x, na) if (is.null(x)) na else x

.tf_DeviceSpec <- structure(function(job = NULL, replica = NULL, task = NULL, device_type = NULL, device_index = NULL) {
  chk <- function(x, what) {
    if (is.null(x)) return(NA_integer_)
    if (!is.numeric(x) || length(x) != 1L || is.na(x) || x < 0 || x != floor(x)) .value_error(what, " must be a non-negative whole number")
    as.integer(x)
  }
  dt <- if (is.null(device_type)) NA_character_ else {
    if (!is.character(device_type) || length(device_type) != 1L) .type_error("device_type must be a string")
    if (toupper(device_type) %in% c("CPU", "GPU")) toupper(device_type) else device_type
  }
  .new_device_spec(list(job = .na_or(job, NA_character_), replica = chk(replica, "replica"), task = chk(task, "task"),
                        device_type = dt, device_index = chk(device_index, "device_index")))
}, class = "tf_class", class_name = "DeviceSpec",
   statics = list(from_string = function(spec) .new_device_spec(.device_fields(spec))))

#' @export
`$.tf_class` <- function(x, name) {
  f <- attr(x, "statics")[[name]]
  if (is.null(f)) tf_raise("attribute", paste0("type object '", attr(x, "class_name"), "' has no attribute '", name, "'"))
  f
}

#' @export
print.tf_class <- function(x, ...) {
  cat("<class '", attr(x, "class_name"), "'>\n", sep = "")
  invisible(x)
}

.device_spec_methods <- list(
  to_string = function(s) function() .device_string(.device_spec_fields(s)),
  merge_from = function(s) function(dev) {
    merged <- .device_merge(.device_spec_fields(s), .device_fields(dev))
    for (k in names(merged)) assign(k, merged[[k]], envir = s)
    invisible(NULL)
  },
  make_merged_spec = function(s) function(dev) .new_device_spec(.device_merge(.device_spec_fields(s), .device_fields(dev))),
  parse_from_string = function(s) function(spec) {
    f <- .device_fields(spec)
    for (k in names(f)) assign(k, f[[k]], envir = s)
    s
  },
  replace = function(s) function(...) {
    f <- .device_spec_fields(s)
    args <- list(...)
    for (k in names(args)) {
      if (!k %in% names(f)) .type_error("DeviceSpec has no field '", k, "'")
      f[[k]] <- if (is.null(args[[k]])) f[[k]][NA] else args[[k]]
    }
    .new_device_spec(f)
  }
)

#' @export
`$.tf_device_spec` <- function(x, name) {
  m <- .device_spec_methods[[name]]
  if (!is.null(m)) return(m(x))
  if (name %in% c("job", "replica", "task", "device_type", "device_index")) {
    v <- get(name, envir = x)
    return(if (is.na(v)) NULL else v)
  }
  tf_raise("attribute", paste0("'DeviceSpec' object has no attribute '", name, "'"))
}

#' @export
`$<-.tf_device_spec` <- function(x, name, value) {
  if (!name %in% c("job", "replica", "task", "device_type", "device_index")) tf_raise("attribute", paste0("'DeviceSpec' object has no attribute '", name, "'"))
  na <- if (name %in% c("job", "device_type")) NA_character_ else NA_integer_
  assign(name, if (is.null(value)) na else if (is.na(na) && is.character(na)) as.character(value) else as.integer(value), envir = x)
  x
}

#' @export
.DollarNames.tf_device_spec <- function(x, pattern = "") {
  grep(pattern, c("job", "replica", "task", "device_type", "device_index", names(.device_spec_methods)), value = TRUE)
}

#' @export
format.tf_device_spec <- function(x, ...) paste0("<DeviceSpec '", .device_string(.device_spec_fields(x)), "'>")

#' @export
print.tf_device_spec <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
as.character.tf_device_spec <- function(x, ...) .device_string(.device_spec_fields(x))

#' @export
`==.tf_device_spec` <- function(e1, e2) as.character(e1) == as.character(e2)

# Cluster specs and replica_device_setter ---------------------------------------

.tf_ClusterSpec <- function(cluster) {
  if (inherits(cluster, "tf_cluster_spec")) return(cluster)
  if (inherits(cluster, "tf_dict")) cluster <- stats::setNames(.subset2(cluster, "values"), names(cluster))
  if (!is.list(cluster) || is.null(names(cluster)) || any(names(cluster) == "")) {
    .type_error("cluster must be a named list of task addresses per job")
  }
  jobs <- lapply(cluster, function(t) {
    if (is.list(t)) t <- unlist(t)
    if (!is.character(t)) .type_error("Task addresses must be strings")
    t
  })
  structure(list(jobs = jobs), class = "tf_cluster_spec")
}

#' @export
`$.tf_cluster_spec` <- function(x, name) {
  jobs <- .subset2(x, "jobs")
  switch(name,
    jobs = sort(names(jobs)),
    num_tasks = function(job_name) length(jobs[[job_name]]),
    job_tasks = function(job_name) {
      if (!job_name %in% names(jobs)) .value_error("No such job in cluster: ", job_name)
      jobs[[job_name]]
    },
    as_dict = function() jobs,
    tf_raise("attribute", paste0("'ClusterSpec' object has no attribute '", name, "'"))
  )
}

#' @export
format.tf_cluster_spec <- function(x, ...) {
  jobs <- .subset2(x, "jobs")
  paste0("<ClusterSpec ", paste(sprintf("%s: %d task%s", names(jobs), lengths(jobs), ifelse(lengths(jobs) == 1, "", "s")), collapse = ", "), ">")
}

#' @export
print.tf_cluster_spec <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

.default_ps_ops <- c("Variable", "VariableV2", "AutoReloadVariable", "MutableHashTable", "MutableHashTableV2",
                     "MutableHashTableOfTensors", "MutableHashTableOfTensorsV2", "MutableDenseHashTable",
                     "MutableDenseHashTableV2", "VarHandleOp", "BoostedTreesEnsembleResourceHandleOp")

.tf_replica_device_setter <- function(ps_tasks = 0, ps_device = "/job:ps", worker_device = "/job:worker",
                                      merge_devices = TRUE, cluster = NULL, ps_ops = NULL, ps_strategy = NULL) {
  if (!is.null(cluster)) {
    spec <- .tf_ClusterSpec(cluster)
    ps_job <- .device_fields(ps_device)$job
    if (is.na(ps_job) || !ps_job %in% names(.subset2(spec, "jobs"))) return(NULL)
    ps_tasks <- length(.subset2(spec, "jobs")[[ps_job]])
  }
  if (!is.numeric(ps_tasks) || length(ps_tasks) != 1L || is.na(ps_tasks) || ps_tasks < 0) .value_error("ps_tasks must be a non-negative number")
  if (ps_tasks == 0) return(NULL)
  if (is.null(ps_ops)) ps_ops <- .default_ps_ops
  if (is.null(ps_strategy)) {
    next_task <- 0L
    ps_strategy <- function(op) {
      t <- next_task
      next_task <<- (next_task + 1L) %% as.integer(ps_tasks)
      t
    }
  }
  ps_fields <- .device_fields(ps_device)
  worker_fields <- .device_fields(worker_device)
  function(op) {
    current_str <- op$device
    if (!isTRUE(merge_devices) && nzchar(current_str)) return(current_str)
    current <- .device_fields(current_str)
    if (!is.null(ps_device) && op$type %in% ps_ops) {
      ps <- ps_fields
      if (!is.na(ps$job) && (is.na(current$job) || current$job == ps$job)) ps$task <- as.integer(ps_strategy(op))
      return(.device_string(.device_merge(ps, current)))
    }
    .device_string(.device_merge(worker_fields, current))
  }
}

# Sessions' placement options -----------------------------------------------------

.tf_ConfigProto <- function(allow_soft_placement = FALSE, log_device_placement = FALSE, ...) {
  structure(list(allow_soft_placement = isTRUE(allow_soft_placement),
                 log_device_placement = isTRUE(log_device_placement), extra = list(...)),
            class = "tf_config_proto")
}

#' @export
format.tf_config_proto <- function(x, ...) {
  sprintf("<ConfigProto allow_soft_placement=%s log_device_placement=%s>", x$allow_soft_placement, x$log_device_placement)
}

#' @export
print.tf_config_proto <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}
