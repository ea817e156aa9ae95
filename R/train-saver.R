# tf$train$Saver: TensorFlow V2 checkpoints of a session's variables.

.saver_var_list <- function(var_list, g) {
  if (is.null(var_list)) {
    vars <- .get_collection(g, "variables")
    return(list(keys = vapply(vars, .op_name_of, ""), vars = vars))
  }
  if (inherits(var_list, "tf_variable")) var_list <- list(var_list)
  if (inherits(var_list, "tf_dict")) {
    keys <- lapply(.subset2(var_list, "keys"), function(k) if (is.character(k)) k else .op_name_of(k))
    return(list(keys = unlist(keys), vars = .subset2(var_list, "values")))
  }
  if (!is.list(var_list)) .type_error("var_list must be a list of variables, a named list or a dict()")
  nms <- names(var_list)
  if (is.null(nms) || all(nms == "")) {
    return(list(keys = vapply(var_list, function(v) {
      if (!inherits(v, "tf_variable")) .type_error("Variable to save is not a Variable: ", class(v)[1])
      .op_name_of(v)
    }, ""), vars = var_list))
  }
  if (any(nms == "")) .value_error("var_list must be fully named (checkpoint keys) or not named at all")
  list(keys = nms, vars = unname(var_list))
}

.tf_Saver <- function(var_list = NULL, reshape = FALSE, sharded = FALSE, max_to_keep = 5,
                      keep_checkpoint_every_n_hours = 10000, name = NULL, restore_sequentially = FALSE,
                      saver_def = NULL, builder = NULL, defer_build = FALSE, allow_empty = FALSE,
                      write_version = 2L, pad_step_number = FALSE, save_relative_paths = FALSE, filename = NULL) {
  if (isTRUE(defer_build) && length(var_list)) {
    .value_error("If `var_list` is provided then build cannot be deferred. Either set defer_build=False or var_list=None.")
  }
  g <- .default_graph()
  if (is.list(var_list) && length(var_list) && !inherits(var_list, "tf_dict")) {
    first <- Filter(function(v) inherits(v, "tf_variable"), var_list)
    if (length(first)) g <- .subset2(first[[1]], "graph")
  } else if (inherits(var_list, "tf_dict") && length(var_list)) {
    g <- .graph_of(.subset2(var_list, "values")[[1]])
  }
  .graph_alive(g)
  if (!is.null(max_to_keep) && (!is.numeric(max_to_keep) || length(max_to_keep) != 1L || is.na(max_to_keep) || max_to_keep < 0)) {
    .value_error("max_to_keep must be a non-negative number or NULL")
  }
  if (!is.numeric(keep_checkpoint_every_n_hours) || length(keep_checkpoint_every_n_hours) != 1L ||
      is.na(keep_checkpoint_every_n_hours) || keep_checkpoint_every_n_hours <= 0) {
    .value_error("keep_checkpoint_every_n_hours must be a positive number")
  }
  if (!is.null(filename) && (!is.character(filename) || length(filename) != 1L || is.na(filename))) {
    .type_error("filename must be a string")
  }
  s <- new.env(parent = emptyenv())
  s$graph <- g
  s$var_list <- var_list
  s$allow_empty <- isTRUE(allow_empty)
  s$scope_name <- if (is.null(name)) "save" else name
  s$filename <- if (is.null(filename)) "model" else filename
  s$reshape <- isTRUE(reshape)
  s$built <- FALSE
  s$keys <- character(0)
  s$max_to_keep <- if (is.null(max_to_keep)) 0 else max_to_keep
  s$keep_seconds <- keep_checkpoint_every_n_hours * 3600
  s$next_keep_time <- .now() + s$keep_seconds
  s$last <- data.frame(path = character(0), time = numeric(0), stringsAsFactors = FALSE)
  s$sharded <- isTRUE(sharded)
  s$pad_step_number <- isTRUE(pad_step_number)
  s$save_relative_paths <- isTRUE(save_relative_paths)
  class(s) <- "tf_saver"
  # As TensorFlow, defer_build = TRUE waits for saver$build() (variables made until then count).
  if (!isTRUE(defer_build)) .saver_build(s)
  s
}

# Resolves the variables, checks them, and adds the save/restore ops to the graph.
.saver_build <- function(s) {
  if (isTRUE(s$built)) return(invisible(NULL))
  g <- s$graph
  .graph_alive(g)
  kv <- .saver_var_list(s$var_list, g)
  kv$keys <- enc2utf8(kv$keys)  # checkpoint keys are UTF-8 bytes, whatever the R string's encoding
  for (v in kv$vars) {
    if (!inherits(v, "tf_variable")) .type_error("Variable to save is not a Variable: ", class(v)[1])
    if (!identical(.subset2(v, "graph"), g)) .value_error("All variables of a Saver must be in one graph")
  }
  if (!length(kv$keys) && !isTRUE(s$allow_empty)) .value_error("No variables to save")
  dup <- kv$keys[duplicated(kv$keys)]
  if (length(dup)) .value_error("At least two variables have the same name: ", dup[1])
  # One variable under two keys: TensorFlow walks the keys in sorted order and names the second.
  ids <- vapply(kv$vars, function(v) as.integer(.subset2(v, "op")), 1L)
  ord <- order(kv$keys, method = "radix")
  again <- duplicated(ids[ord])
  if (any(again)) .value_error("The same saveable will be restored with two names: ", kv$keys[ord][which(again)[1]])
  s$keys <- kv$keys
  s$vars <- kv$vars
  s$var_ids <- ids
  if (length(kv$keys)) {
    # The saver's ops live under a "save" name scope, as in TensorFlow (an empty saver adds none).
    scope <- .new_name_scope(g, s$scope_name)
    s$name <- substr(scope, 1L, nchar(scope) - 1L)
    s$graph_def_names <- .build_saver_graph(g, scope, kv$keys, kv$vars, s$sharded, s$filename, s$reshape)
  } else {
    s$name <- s$scope_name
  }
  s$built <- TRUE
  invisible(NULL)
}

.require_built <- function(saver, what) {
  if (!isTRUE(saver$built)) tf_raise("runtime", paste0("`build()` should be called before ", what, " if defer_build==True"))
}

.now <- function() as.numeric(Sys.time())

.format_step <- function(step, pad = FALSE) {
  if (!is.numeric(step) || length(step) != 1L || !is.finite(step) || step != floor(step)) {
    .type_error("global_step must be a whole number, a tensor or a variable")
  }
  out <- format(step, scientific = FALSE, trim = TRUE)
  # pad_step_number: at least 8 digits, so that names sort by step.
  if (pad && step >= 0 && nchar(out) < 8L) out <- paste0(strrep("0", 8L - nchar(out)), out)
  if (pad && step < 0 && nchar(out) < 8L) out <- paste0("-", strrep("0", 8L - nchar(out)), substring(out, 2L))
  out
}

.check_saver_session <- function(saver, sess) {
  if (!inherits(sess, "tf_session")) .type_error("'sess' must be a Session; ", class(sess)[1], " given")
  .session_alive(sess)
  if (!identical(.subset2(sess, "graph"), saver$graph)) .value_error("The session's graph is not the graph of this Saver's variables")
}

# A checkpoint's files, found by listing its folder and matching names literally: a prefix
# holding `?`, `*` or `[` must never match (and delete) other checkpoints' files.
.delete_checkpoint_files <- function(prefix, meta_suffix = "meta") {
  base <- basename(prefix)
  names <- list.files(dirname(prefix), all.files = TRUE, no.. = TRUE)
  rest <- substring(names, nchar(base) + 1L)
  mine <- startsWith(names, base) &
    (rest %in% c(".index", paste0(".", meta_suffix)) | grepl("^\\.data-[0-9]{5}-of-[0-9]{5}$", rest))
  unlink(file.path(dirname(prefix), names[mine]), expand = FALSE)  # expand = FALSE: no globbing here either
}

.saver_save <- function(saver, sess, save_path, global_step = NULL, latest_filename = NULL,
                        meta_graph_suffix = "meta", write_meta_graph = TRUE, write_state = TRUE,
                        strip_default_attrs = FALSE, save_debug_info = FALSE) {
  .require_built(saver, "save")
  .check_saver_session(saver, sess)
  if (!is.character(save_path) || length(save_path) != 1L || is.na(save_path)) {
    .type_error("'save_path' must be a string; ", class(save_path)[1], " given")
  }
  if (is.null(latest_filename)) latest_filename <- "checkpoint"
  if (!is.character(latest_filename) || length(latest_filename) != 1L || is.na(latest_filename)) {
    .type_error("'latest_filename' must be a string")
  }
  if (dirname(latest_filename) != ".") .value_error("'latest_filename' must not contain path components")
  parent <- dirname(save_path)
  if (!is.null(global_step)) {
    if (inherits(global_step, c("tf_tensor_like"))) global_step <- sess$run(global_step)
    save_path <- paste0(save_path, "-", .format_step(global_step, saver$pad_step_number))
  } else if (basename(save_path) == latest_filename && !isTRUE(saver$sharded)) {
    # The checkpoint's files would sit beside a state file of the same name.
    .value_error("'latest_filename' collides with 'save_path': '", latest_filename, "' and '", save_path, "'")
  }
  if (!length(saver$keys)) return(NULL)  # allow_empty
  # A local file URI names the same file as its path; the caller gets back the form given.
  given <- save_path
  save_path <- .local_path(save_path)
  parent <- .local_path(parent)
  created <- .make_save_folder(parent, given, saver$sharded)
  shards <- integer(0)
  n_shards <- 1L
  if (isTRUE(saver$sharded)) {
    # One data file per device, devices in sorted order, as TensorFlow's sharded save.
    devices <- vapply(saver$vars, function(v) .op_info(v)$device, "")
    uniq <- sort(unique(devices))
    shards <- match(devices, uniq) - 1L
    n_shards <- length(uniq)
  }
  xp <- .subset2(sess, "xp")
  ok <- FALSE
  if (created) on.exit(if (!ok) unlink(parent, recursive = TRUE, expand = FALSE), add = TRUE)
  .ck(xp$save_begin(path.expand(save_path), saver$keys, saver$var_ids, shards, n_shards))
  .drive_checkpoint_job(xp)
  ok <- TRUE
  if (isTRUE(write_state)) {
    removed <- character(0)
    # With max_to_keep 0 (or NULL) TensorFlow keeps no list at all: nothing is ever deleted.
    if (saver$max_to_keep > 0) {
      last <- saver$last[saver$last$path != save_path, , drop = FALSE]
      last <- rbind(last, data.frame(path = save_path, time = .now(), stringsAsFactors = FALSE))
      while (nrow(last) > saver$max_to_keep) {
        oldest <- last[1, ]
        last <- last[-1, , drop = FALSE]
        if (oldest$time > saver$next_keep_time) {
          saver$next_keep_time <- saver$next_keep_time + saver$keep_seconds  # kept for good
        } else {
          removed <- c(removed, oldest$path)
        }
      }
      saver$last <- last
    }
    # The state file is written before old files go, so it never names a deleted checkpoint.
    .update_checkpoint_state(parent, save_path, saver$last$path, latest_filename, saver$save_relative_paths)
    for (p in removed) .delete_checkpoint_files(path.expand(p))
  }
  given
}

.local_path <- function(p) sub("^file://", "", p)

# As TensorFlow's bundle writer, a save creates the checkpoint's own folder when only that
# last level is missing (TRUE when it did). A sharded save writes its parts into a temporary
# folder beside the prefix first, so there the folder must already exist.
.make_save_folder <- function(parent, save_path, sharded) {
  if (dir.exists(parent)) return(FALSE)
  if (!isTRUE(sharded) && dir.exists(dirname(parent)) && !file.exists(parent) &&
      suppressWarnings(dir.create(parent))) {
    return(TRUE)
  }
  .value_error("Parent directory of ", save_path, " doesn't exist, can't save.")
}

# Writes the state file `latest_filename` in `save_dir`. As TensorFlow: the newest path ends the
# list; with a relative `save_dir` relative paths are stored relative to it; with
# `save_relative_paths` absolute ones are too.
.update_checkpoint_state <- function(save_dir, model_checkpoint_path, all_model_checkpoint_paths = NULL,
                                     latest_filename = NULL, save_relative_paths = FALSE) {
  if (is.null(latest_filename)) latest_filename <- "checkpoint"
  state_file <- file.path(save_dir, latest_filename)
  if (isTRUE(save_relative_paths)) {
    to_rel <- function(p) if (.is_absolute_path(p)) .relpath(p, save_dir) else p
    model_checkpoint_path <- to_rel(model_checkpoint_path)
    all_model_checkpoint_paths <- vapply(as.character(all_model_checkpoint_paths), to_rel, "", USE.NAMES = FALSE)
  }
  st <- .generate_checkpoint_state(save_dir, model_checkpoint_path, all_model_checkpoint_paths)
  if (identical(state_file, st$model_checkpoint_path)) {
    tf_raise("runtime", paste0("Save path '", model_checkpoint_path, "' conflicts with path used for checkpoint state.  ",
                               "Please use a different save path."), call = sys.call(-1L))
  }
  .ck(checkpoint_state_write(path.expand(state_file), st$model_checkpoint_path, st$all_model_checkpoint_paths))
  invisible(NULL)
}

.generate_checkpoint_state <- function(save_dir, model_checkpoint_path, all_model_checkpoint_paths = NULL) {
  all <- as.character(all_model_checkpoint_paths)
  if (!length(all) || all[length(all)] != model_checkpoint_path) all <- c(all, model_checkpoint_path)
  if (!.is_absolute_path(save_dir)) {
    rel <- function(p) if (.is_absolute_path(p)) p else .relpath(p, save_dir)
    model_checkpoint_path <- rel(model_checkpoint_path)
    all <- vapply(all, rel, "", USE.NAMES = FALSE)
  }
  st <- list(model_checkpoint_path = model_checkpoint_path, all_model_checkpoint_paths = all,
             all_model_checkpoint_timestamps = numeric(0), last_preserved_timestamp = 0)
  class(st) <- "tf_checkpoint_state"
  st
}

.tf_generate_checkpoint_state_proto <- function(save_dir, model_checkpoint_path, all_model_checkpoint_paths = NULL,
                                                all_model_checkpoint_timestamps = NULL, last_preserved_timestamp = NULL) {
  .check_string(save_dir, "save_dir")
  .check_string(model_checkpoint_path, "model_checkpoint_path")
  st <- .generate_checkpoint_state(save_dir, model_checkpoint_path, all_model_checkpoint_paths)
  if (!is.null(all_model_checkpoint_timestamps)) st$all_model_checkpoint_timestamps <- as.numeric(all_model_checkpoint_timestamps)
  if (!is.null(last_preserved_timestamp)) st$last_preserved_timestamp <- as.numeric(last_preserved_timestamp)
  st
}

.tf_update_checkpoint_state <- function(save_dir, model_checkpoint_path, all_model_checkpoint_paths = NULL,
                                        latest_filename = NULL, all_model_checkpoint_timestamps = NULL,
                                        last_preserved_timestamp = NULL) {
  .check_string(save_dir, "save_dir")
  .check_string(model_checkpoint_path, "model_checkpoint_path")
  .update_checkpoint_state(save_dir, model_checkpoint_path, all_model_checkpoint_paths, latest_filename)
}

.check_string <- function(x, what) {
  if (!is.character(x) || length(x) != 1L || is.na(x)) tf_raise("type", paste0("'", what, "' must be a string"), call = sys.call(-1L))
  invisible(x)
}

# os.path.relpath: `p` relative to `dir` (both taken from the working folder when relative).
.relpath <- function(p, dir) {
  parts <- function(x) {
    x <- path.expand(x)
    if (!.is_absolute_path(x)) x <- file.path(getwd(), x)
    s <- strsplit(x, "/", fixed = TRUE)[[1]]
    out <- character(0)
    for (e in s[s != "" & s != "."]) out <- if (e == "..") out[-length(out)] else c(out, e)
    out
  }
  pp <- parts(p)
  pd <- parts(dir)
  n <- 0L
  while (n < min(length(pp), length(pd)) && pp[n + 1L] == pd[n + 1L]) n <- n + 1L
  out <- c(rep("..", length(pd) - n), pp[seq_len(length(pp) - n) + n])
  if (!length(out)) "." else paste(out, collapse = "/")
}

.tf_get_checkpoint_mtimes <- function(checkpoint_prefixes) {
  p <- path.expand(as.character(unlist(checkpoint_prefixes)))
  idx <- paste0(p, ".index")
  idx <- idx[file.exists(idx)]
  as.list(as.numeric(file.mtime(idx)))
}

.tf_remove_checkpoint <- function(checkpoint_prefix, checkpoint_format_version = 2L, meta_graph_suffix = "meta") {
  .check_string(checkpoint_prefix, "checkpoint_prefix")
  if (!identical(as.integer(checkpoint_format_version), 2L)) {
    tf_raise("unimplemented", "tfnative writes and removes only V2 checkpoints", call = sys.call(-1L))
  }
  .delete_checkpoint_files(path.expand(checkpoint_prefix), meta_graph_suffix)
  invisible(NULL)
}

# Runs a begun save or restore in 64 MiB steps; in interactive sessions a job
# projected to take over 2 seconds shows a progress bar (options tfnative.progress
# and tfnative.checkpoint_step_bytes override both). An interrupt or error ends
# the job (a save's temporary files are removed; the old checkpoint stays).
.drive_checkpoint_job <- function(xp, step_bytes = getOption("tfnative.checkpoint_step_bytes", 64 * 1024^2),
                                  show = getOption("tfnative.progress", interactive())) {
  step <- xp$job_step
  pb <- NULL
  finished <- FALSE
  on.exit({
    if (!is.null(pb)) close(pb)
    if (!finished) xp$job_cancel()
  })
  t0 <- proc.time()[["elapsed"]]
  repeat {
    r <- .ck(step(step_bytes))
    if (isTRUE(r[[1]])) break
    if (is.null(pb) && isTRUE(show)) {
      elapsed <- proc.time()[["elapsed"]] - t0
      if (elapsed > 0.25 && r[[2]] > 0 && elapsed / r[[2]] > 2) pb <- utils::txtProgressBar(style = 3)
    }
    if (!is.null(pb)) utils::setTxtProgressBar(pb, r[[2]])
  }
  finished <- TRUE
  if (!is.null(pb)) utils::setTxtProgressBar(pb, 1)
  invisible(NULL)
}

.is_absolute_path <- function(p) grepl("^(/|~|[A-Za-z]:)", p)

.saver_restore <- function(saver, sess, save_path) {
  .require_built(saver, "restore")
  if (!length(saver$keys)) return(invisible(NULL))  # allow_empty: nothing to restore
  .check_saver_session(saver, sess)
  if (is.null(save_path)) .value_error("Can't load save_path when it is None.")
  if (!is.character(save_path) || length(save_path) != 1L || is.na(save_path)) .type_error("'save_path' must be a string")
  save_path <- .local_path(save_path)
  .require_v2_checkpoint(save_path)
  xp <- .subset2(sess, "xp")
  # As TensorFlow, a missing key or a mismatched dtype/shape is explained as a graph that
  # no longer matches the checkpoint; the error keeps its class.
  wrap <- function(e, why) {
    tf_raise(e$kind, paste0("Restoring from checkpoint failed. This is most likely due to ", why,
                            " from the checkpoint. Please ensure that you have not altered the graph expected ",
                            "based on the checkpoint. Original error:\n\n", conditionMessage(e)), call = e$call)
  }
  tryCatch({
    if (isTRUE(saver$reshape)) {
      # Values of another shape (same size) go through the graph's Reshape ops.
      sess$run(saver$graph_def_names$restore_op_name,
               feed_dict = stats::setNames(list(path.expand(save_path)), saver$graph_def_names$filename_tensor_name))
    } else {
      .ck(xp$restore_begin(path.expand(save_path), saver$keys, saver$var_ids))
      .drive_checkpoint_job(xp)
    }
  }, tf_not_found_error = function(e) wrap(e, "a Variable name or other graph key that is missing"),
  tf_invalid_argument_error = function(e) wrap(e, "a mismatch between the current graph and the graph"))
  invisible(NULL)
}

# ValueError for a path that is no checkpoint; a clear error for the old V1 format.
.require_v2_checkpoint <- function(prefix) {
  if (file.exists(paste0(path.expand(prefix), ".index"))) return(invisible(TRUE))
  if (file.exists(prefix) && !dir.exists(prefix)) {
    tf_raise("unimplemented", paste0("The checkpoint ", prefix, " is in TensorFlow's old V1 format, ",
                                     "which tfnative does not read; re-save it with tf.train.Saver (V2)."),
             call = sys.call(-1L))
  }
  .value_error("The passed save_path is not a valid checkpoint: ", prefix)
}

.saver_methods <- list(
  save = function(s) function(sess, save_path, global_step = NULL, latest_filename = NULL,
                              meta_graph_suffix = "meta", write_meta_graph = TRUE, write_state = TRUE,
                              strip_default_attrs = FALSE, save_debug_info = FALSE) {
    .saver_save(s, sess, save_path, global_step, latest_filename, meta_graph_suffix, write_meta_graph,
                write_state, strip_default_attrs, save_debug_info)
  },
  restore = function(s) function(sess, save_path) .saver_restore(s, sess, save_path),
  build = function(s) function() .saver_build(s),
  last_checkpoints = function(s) .subset2(s, "last")$path,
  set_last_checkpoints = function(s) function(last_checkpoints) {
    assign("last", data.frame(path = as.character(last_checkpoints), time = .now(),
                              stringsAsFactors = FALSE), envir = s)
    invisible(NULL)
  },
  set_last_checkpoints_with_time = function(s) function(last_checkpoints_with_time) {
    x <- last_checkpoints_with_time
    paths <- vapply(x, function(e) as.character(e[[1]]), "")
    times <- vapply(x, function(e) as.numeric(e[[2]]), 0)
    assign("last", data.frame(path = paths, time = times, stringsAsFactors = FALSE), envir = s)
    invisible(NULL)
  },
  recover_last_checkpoints = function(s) function(checkpoint_paths) {
    p <- as.character(checkpoint_paths)
    p <- p[file.exists(paste0(path.expand(p), ".index"))]
    times <- as.numeric(file.mtime(paste0(path.expand(p), ".index")))
    assign("last", data.frame(path = p, time = times, stringsAsFactors = FALSE), envir = s)
    invisible(NULL)
  },
  saver_def = function(s) {
    names <- .subset2(s, "graph_def_names")
    if (is.null(names)) return(NULL)  # an empty saver has no SaverDef, as in TensorFlow
    c(names, list(max_to_keep = .subset2(s, "max_to_keep"), sharded = .subset2(s, "sharded"),
                  keep_checkpoint_every_n_hours = .subset2(s, "keep_seconds") / 3600, version = 2L))
  }
)

#' @export
`$.tf_saver` <- function(x, name) {
  m <- .saver_methods[[name]]
  if (!is.null(m)) return(m(x))
  # Internal fields (keys, vars, max_to_keep, ...) and their updates.
  if (exists(name, envir = x, inherits = FALSE)) return(get(name, envir = x, inherits = FALSE))
  tf_raise("attribute", paste0("'Saver' object has no attribute '", name, "'"))
}

#' @export
`$<-.tf_saver` <- function(x, name, value) {
  assign(name, value, envir = x)
  x
}

#' @export
.DollarNames.tf_saver <- function(x, pattern = "") grep(pattern, names(.saver_methods), value = TRUE)

#' @export
format.tf_saver <- function(x, ...) {
  keys <- get("keys", envir = x)
  shown <- if (length(keys) > 4) c(keys[1:4], "...") else keys
  mk <- get("max_to_keep", envir = x)
  name <- if (exists("name", envir = x, inherits = FALSE)) get("name", envir = x) else get("scope_name", envir = x)
  sprintf("<tf.train.Saver '%s': %d variable%s (%s), max_to_keep=%s>", name, length(keys),
          if (length(keys) == 1L) "" else "s", paste(shown, collapse = ", "), if (mk > 0) mk else "all")
}

#' @export
print.tf_saver <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

# Checkpoint state ----------------------------------------------------------------

.tf_get_checkpoint_state <- function(checkpoint_dir, latest_filename = NULL) {
  if (!is.character(checkpoint_dir) || length(checkpoint_dir) != 1L || is.na(checkpoint_dir)) .type_error("checkpoint_dir must be a string")
  if (!dir.exists(checkpoint_dir) && dir.exists(dirname(checkpoint_dir))) checkpoint_dir <- dirname(checkpoint_dir)
  path <- file.path(checkpoint_dir, if (is.null(latest_filename)) "checkpoint" else latest_filename)
  if (!file.exists(path)) return(NULL)
  st <- checkpoint_state_read(path.expand(path))
  if (inherits(st, "tfn_status")) {
    # As TensorFlow: an unreadable state file is ignored, with a warning.
    warning(st$message, "\n", path, ": Checkpoint ignored", call. = FALSE)
    return(NULL)
  }
  if (!nzchar(st$model_checkpoint_path)) .value_error("Invalid checkpoint state loaded from ", checkpoint_dir)
  # os.path.join: no doubled slash after a folder given with a trailing one.
  absolute <- function(p) ifelse(.is_absolute_path(p), p, paste0(sub("([^/])/+$", "\\1", checkpoint_dir), "/", p))
  if (nzchar(st$model_checkpoint_path)) st$model_checkpoint_path <- absolute(st$model_checkpoint_path)
  st$all_model_checkpoint_paths <- if (length(st$all_model_checkpoint_paths)) absolute(st$all_model_checkpoint_paths) else character(0)
  class(st) <- "tf_checkpoint_state"
  st
}

#' @export
format.tf_checkpoint_state <- function(x, ...) {
  c(sprintf('model_checkpoint_path: "%s"', x$model_checkpoint_path),
    sprintf('all_model_checkpoint_paths: "%s"', x$all_model_checkpoint_paths))
}

#' @export
print.tf_checkpoint_state <- function(x, ...) {
  cat(format(x), sep = "\n")
  invisible(x)
}

#' @export
`$.tf_checkpoint_state` <- function(x, name) {
  if (!name %in% names(unclass(x))) tf_raise("attribute", paste0("'CheckpointState' object has no attribute '", name, "'"))
  .subset2(x, name)
}

.tf_checkpoint_exists <- function(checkpoint_prefix) {
  if (!is.character(checkpoint_prefix) || length(checkpoint_prefix) != 1L) .type_error("checkpoint_prefix must be a string")
  p <- path.expand(checkpoint_prefix)
  file.exists(paste0(p, ".index")) || (file.exists(p) && !dir.exists(p))
}

.tf_latest_checkpoint <- function(checkpoint_dir, latest_filename = NULL) {
  st <- .tf_get_checkpoint_state(checkpoint_dir, latest_filename)
  if (is.null(st) || !nzchar(st$model_checkpoint_path)) return(NULL)
  if (.tf_checkpoint_exists(st$model_checkpoint_path)) st$model_checkpoint_path else NULL
}
