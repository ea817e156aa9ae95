# Data types: tf$float32 and friends.

.dtype_enums <- c(float32 = 1L, float64 = 2L, int32 = 3L, string = 7L, int64 = 9L, bool = 10L)

.new_dtype <- function(name) {
  dt <- list(name = name)
  oldClass(dt) <- "tf_dtype"  # faster than structure(): made for every op
  dt
}

# Accepts a tf_dtype, a name ("float32", "double", ...), a DataType enum
# value (1 for float32, ...) or NULL (-> default).
.as_dtype <- function(x, default = NULL) {
  if (is.null(x)) return(default)
  if (inherits(x, "tf_dtype")) return(x)
  if (is.character(x) && length(x) == 1L && !is.na(x)) {
    name <- switch(x, float = "float32", double = "float64", x)
    if (name %in% names(.dtype_enums)) return(.new_dtype(name))
  }
  if (is.numeric(x) && length(x) == 1L && !is.na(x) && x %in% .dtype_enums) {
    return(.new_dtype(names(.dtype_enums)[match(x, .dtype_enums)]))
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
    is_complex = FALSE,
    is_unsigned = FALSE,  # none of tfnative's dtypes is unsigned
    real_dtype = x,
    min = .dtype_limit(x, "min"),
    max = .dtype_limit(x, "max"),
    as_datatype_enum = .dtype_enums[[nm]],
    size = c(float32 = 4L, float64 = 8L, int32 = 4L, int64 = 8L, bool = 1L, string = NA_integer_)[[nm]],
    .value_error("'DType' object has no attribute '", name, "'")
  )
}

# DType.min / DType.max. int64's max, 2^63 - 1, is held by an R double as 2^63.
.dtype_limit <- function(dt, which) {
  nm <- .subset2(dt, "name")
  lim <- switch(nm,
    float32 = (2 - 2^-23) * 2^127, float64 = .Machine$double.xmax,
    int32 = 2^31 - 1, int64 = 2^63 - 1,
    .type_error("Cannot find ", if (which == "min") "minimum" else "maximum", " value of ", format(dt), ".")
  )
  if (which == "max") return(lim)
  if (nm %in% c("int32", "int64")) -lim - 1 else -lim
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
  # As DType.__eq__: a value that is no dtype (NULL, 2.1, a list) is unequal, not an error.
  as_dt <- function(x) if (is.null(x)) NULL else tryCatch(.as_dtype(x), tf_type_error = function(e) NULL)
  a <- as_dt(e1)
  b <- as_dt(e2)
  !is.null(a) && !is.null(b) && .subset2(a, "name") == .subset2(b, "name")
}

#' @export
`!=.tf_dtype` <- function(e1, e2) !(e1 == e2)
