# Reading checkpoints without a graph: NewCheckpointReader, list_variables,
# load_variable, and the inspect_checkpoint library.

# A folder means its latest checkpoint; anything else is a prefix.
.checkpoint_prefix <- function(ckpt_dir_or_file) {
  if (!is.character(ckpt_dir_or_file) || length(ckpt_dir_or_file) != 1L || is.na(ckpt_dir_or_file)) {
    .type_error("Expected a checkpoint folder or prefix (a string)")
  }
  if (dir.exists(ckpt_dir_or_file)) {
    latest <- .tf_latest_checkpoint(ckpt_dir_or_file)
    if (is.null(latest)) .value_error("Couldn't find 'checkpoint' file or checkpoints in given directory ", ckpt_dir_or_file)
    return(latest)
  }
  ckpt_dir_or_file
}

.tf_NewCheckpointReader <- function(filepattern) {
  prefix <- .checkpoint_prefix(filepattern)
  if (!file.exists(paste0(path.expand(prefix), ".index"))) {
    if (file.exists(prefix)) .require_v2_checkpoint(prefix)
    tf_raise("not_found", paste0("Unsuccessful TensorSliceReader constructor: Failed to find any matching files for ", prefix),
             call = sys.call(-1L))
  }
  xp <- new(EngineCheckpointReader)
  .ck(xp$open(path.expand(prefix)))
  r <- new.env(parent = emptyenv())
  r$xp <- xp
  r$ptr <- xp$.pointer
  r$prefix <- prefix
  class(r) <- "tf_checkpoint_reader"
  r
}

.check_key <- function(key) {
  if (!is.character(key) || length(key) != 1L || is.na(key)) .type_error("A tensor name must be a string")
  key
}

.reader_alive <- function(r) {
  if (identical(.subset2(r, "ptr"), .tfn$null_pointer)) .stale_object_error("CheckpointReader")
  .subset2(r, "xp")
}

.reader_vars <- function(r) {
  v <- .ck(.reader_alive(r)$variables())
  list(names = v[[1]], dtypes = v[[2]], shapes = v[[3]])
}

.reader_methods <- list(
  get_variable_to_shape_map = function(r) function() {
    v <- .reader_vars(r)
    stats::setNames(lapply(v$shapes, .dims_out), v$names)
  },
  get_variable_to_dtype_map = function(r) function() {
    v <- .reader_vars(r)
    stats::setNames(lapply(v$dtypes, function(d) if (d %in% names(.dtype_enums)) .new_dtype(d) else d), v$names)
  },
  has_tensor = function(r) function(tensor_str) .check_key(tensor_str) %in% .reader_vars(r)$names,
  get_tensor = function(r) function(tensor_str) .ck(.reader_alive(r)$get(.check_key(tensor_str))),
  debug_string = function(r) function() .ck(.reader_alive(r)$debug_string()),
  prefix = function(r) .subset2(r, "prefix")
)

#' @export
`$.tf_checkpoint_reader` <- function(x, name) {
  m <- .reader_methods[[name]]
  if (is.null(m)) tf_raise("attribute", paste0("'CheckpointReader' object has no attribute '", name, "'"))
  m(x)
}

#' @export
.DollarNames.tf_checkpoint_reader <- function(x, pattern = "") grep(pattern, names(.reader_methods), value = TRUE)

#' @export
format.tf_checkpoint_reader <- function(x, ...) {
  if (identical(.subset2(x, "ptr"), .tfn$null_pointer)) return("<CheckpointReader (restored from a file: unusable)>")
  sprintf("<CheckpointReader '%s': %d tensors>", .subset2(x, "prefix"), length(.reader_vars(x)$names))
}

#' @export
print.tf_checkpoint_reader <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

# Checkpoint dimensions as R integers, or as doubles when one does not fit an integer (never NA).
.dims_out <- function(d) if (all(d < .Machine$integer.max)) as.integer(d) else as.numeric(d)

.tf_list_variables <- function(ckpt_dir_or_file) {
  r <- .tf_NewCheckpointReader(ckpt_dir_or_file)
  v <- .reader_vars(r)
  out <- data.frame(name = v$names, dtype = v$dtypes, stringsAsFactors = FALSE)
  out$shape <- I(lapply(v$shapes, .dims_out))
  out
}

.tf_load_variable <- function(ckpt_dir_or_file, name) {
  if (!is.character(name) || length(name) != 1L) .type_error("name must be a string")
  if (endsWith(name, ":0")) name <- substr(name, 1L, nchar(name) - 2L)
  .tf_NewCheckpointReader(ckpt_dir_or_file)$get_tensor(name)
}

.print_tensors_in_checkpoint_file <- function(file_name, tensor_name, all_tensors, all_tensor_names = FALSE,
                                              count_exclude_pattern = "") {
  reader <- .tf_NewCheckpointReader(file_name)
  shapes <- reader$get_variable_to_shape_map()
  if (isTRUE(all_tensors) || isTRUE(all_tensor_names)) {
    for (key in sort(names(shapes))) {
      cat("tensor_name:  ", key, "\n", sep = "")
      if (isTRUE(all_tensors)) print(reader$get_tensor(key))
    }
  } else if (is.null(tensor_name) || identical(tensor_name, "")) {
    cat(reader$debug_string(), "\n", sep = "")
  } else {
    cat("tensor_name:  ", tensor_name, "\n", sep = "")
    print(reader$get_tensor(tensor_name))
  }
  keys <- names(shapes)
  if (nzchar(count_exclude_pattern)) keys <- keys[!grepl(count_exclude_pattern, keys)]
  total <- sum(vapply(shapes[keys], function(s) prod(as.numeric(s)), 0))
  cat(sprintf("# Total number of params: %s\n", format(total, scientific = FALSE, big.mark = "")))
  invisible(NULL)
}
