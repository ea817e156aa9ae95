# dict(): keys that are tensors or strings, as in TensorFlow for R.

#' Create a dictionary keyed by names or tensors
#'
#' As in TensorFlow for R, an argument name bound in the calling environment
#' to a tensor, variable or placeholder becomes that object as the key (so
#' `dict(x = 3)` feeds placeholder `x`); any other name stays a string key
#' (so `dict(my_v2 = v2)` names `v2` "my_v2" in a checkpoint).
#'
#' @param ... named values.
#' @return A `tf_dict`: a list of `keys` and `values`.
#' @examples
#' x <- tf$placeholder(tf$float32, shape(2L))
#' d <- dict(x = c(1, 2))
#' @export
dict <- function(...) {
  values <- list(...)
  nms <- names(values)
  if (length(values) && (is.null(nms) || any(nms == ""))) .value_error("dict() needs every value to be named")
  env <- parent.frame()
  keys <- lapply(nms, function(nm) {
    if (exists(nm, envir = env, inherits = TRUE)) {
      obj <- get(nm, envir = env, inherits = TRUE)
      if (inherits(obj, c("tf_tensor_like", "tf_operation"))) return(obj)
    }
    nm
  })
  structure(list(keys = keys, values = unname(values)), class = "tf_dict")
}

#' @export
length.tf_dict <- function(x) length(.subset2(x, "keys"))

#' @export
names.tf_dict <- function(x) {
  vapply(.subset2(x, "keys"), function(k) if (is.character(k)) k else .tensor_name(k), character(1))
}

#' @export
print.tf_dict <- function(x, ...) {
  cat("<dict of ", length(x), ">\n", sep = "")
  for (k in names(x)) cat("  ", k, "\n", sep = "")
  invisible(x)
}

# A dict() or a named list, as (keys, values) with keys kept as given.
.as_key_values <- function(x, env) {
  if (inherits(x, "tf_dict")) return(list(keys = .subset2(x, "keys"), values = .subset2(x, "values")))
  if (!is.list(x)) .type_error("Expected a dict() or a named list")
  nms <- names(x)
  if (length(x) && (is.null(nms) || any(nms == ""))) .value_error("Every entry needs a name")
  keys <- lapply(nms, function(nm) {
    if (!is.null(env) && exists(nm, envir = env, inherits = TRUE)) {
      obj <- get(nm, envir = env, inherits = TRUE)
      if (inherits(obj, c("tf_tensor_like", "tf_operation"))) return(obj)
    }
    nm
  })
  list(keys = keys, values = unname(x))
}
