# Data types: tf$float32 and friends.

.dtype_enums <- c(float32 = 1L, float64 = 2L, int32 = 3L, string = 7L, int64 = 9L, bool = 10L)

.new_dtype <- function(name) {
  dt <- list(name = name)
  oldClass(dt) <- "tf_dtype"  # faster than structure(): made for every op
  dt
}

# Accepts a tf_dtype, a name ("float32", "double", ...) or NULL (-> default).
.as_dtype <- function(x, default = NULL) {
  if (is.null(x)) return(default)
  if (inherits(x, "tf_dtype")) return(x)
  if (is.character(x) && length(x) == 1L && !is.na(x)) {
    name <- switch(x, float = "float32", double = "float64", x)
    if (name %in% names(.dtype_enums)) return(.new_dtype(name))
  }
  .type_error("Cannot convert value ", paste(format(x), collapse = " "), " to a TensorFlow DType.")
}

# A dtype that must be given (NULL is a TypeError, as None is in TensorFlow).
.require_dtype <- function(x) {
  if (is.null(x)) .type_error("A dtype is required, e.g. tf$float32")
  .as_dtype(x)
}

.dtype_tag <- function(dt) {
  tag <- .dtype_enums[[.subset2(dt, "name")]]
  oldClass(tag) <- "tfn_dtype"
  tag
}

#' @export
`$.tf_dtype` <- function(x, name) {
  nm <- .subset2(x, "name")
  switch(name,
    name = nm,
    base_dtype = x,
    is_floating = nm %in% c("float32", "float64"),
    is_integer = nm %in% c("int32", "int64"),
    is_bool = nm == "bool",
    as_datatype_enum = .dtype_enums[[nm]],
    size = c(float32 = 4L, float64 = 8L, int32 = 4L, int64 = 8L, bool = 1L, string = NA_integer_)[[nm]],
    .value_error("'DType' object has no attribute '", name, "'")
  )
}

#' @export
format.tf_dtype <- function(x, ...) paste0("<dtype: '", .subset2(x, "name"), "'>")

#' @export
print.tf_dtype <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
as.character.tf_dtype <- function(x, ...) .subset2(x, "name")

#' @export
`==.tf_dtype` <- function(e1, e2) {
  .subset2(.as_dtype(e1), "name") == .subset2(.as_dtype(e2), "name")
}

#' @export
`!=.tf_dtype` <- function(e1, e2) !(e1 == e2)
