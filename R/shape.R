# Shapes given by users: shape(784L, 200L), shape(200), list(...), c(...).

#' Create a tensor shape
#'
#' `shape(784L, 200L)` is the shape of a 784 x 200 matrix; `shape()` of a
#' scalar. Dimensions may be integers or whole doubles; `NULL` or `NA` marks
#' an unknown dimension (for placeholders).
#'
#' @param ... dimensions.
#' @return A `tf_shape` object (a numeric vector of dimensions, `NA` for unknown).
#' @examples
#' shape(784L, 200L)
#' shape(NULL, 3)
#' @export
shape <- function(...) {
  dims <- list(...)
  out <- vapply(dims, function(d) {
    if (is.null(d) || (length(d) == 1L && is.na(d))) return(NA_real_)
    .check_dim(d)
  }, numeric(1))
  structure(out, class = "tf_shape")
}

.check_dim <- function(d) {
  if (!is.numeric(d) || length(d) != 1L || is.na(d) || d < 0 || d != floor(d) || is.infinite(d)) {
    .invalid_argument("Dimension ", paste(format(d), collapse = " "),
                      " is not a valid dimension: dimensions must be whole numbers >= 0")
  }
  as.numeric(d)
}

# Dims of a fully known shape (numeric vector) from any accepted spelling.
.as_dims <- function(x, allow_unknown = FALSE) {
  if (inherits(x, "tf_shape")) {
    dims <- unclass(x)
  } else if (is.list(x)) {
    dims <- vapply(x, function(d) if (is.null(d)) NA_real_ else as.numeric(d)[1], numeric(1))
  } else if (is.numeric(x) || is.logical(x)) {
    dims <- as.numeric(x)
  } else {
    .type_error("Expected a shape (e.g. shape(2L, 3L)), got ", class(x)[1])
  }
  for (d in dims) {
    if (is.na(d)) {
      if (!allow_unknown) .invalid_argument("Shape has an unknown (NA) dimension where a fully defined shape is needed")
    } else {
      .check_dim(d)
    }
  }
  dims
}

# Static shape text as TensorFlow prints it: (784, 200), (200,), (), (?, 3), <unknown>.
.format_dims <- function(dims) {
  if (is.null(dims)) return("<unknown>")
  parts <- ifelse(is.na(dims), "?", format(dims, scientific = FALSE, trim = TRUE))
  if (length(dims) == 1L) return(paste0("(", parts, ",)"))
  paste0("(", paste(parts, collapse = ", "), ")")
}

#' @export
format.tf_shape <- function(x, ...) {
  if (isTRUE(attr(x, "unknown_rank"))) return("TensorShape(None)")
  d <- unclass(x)
  parts <- ifelse(is.na(d), "None", format(d, scientific = FALSE, trim = TRUE))
  paste0("TensorShape([", paste(parts, collapse = ", "), "])")
}

#' @export
print.tf_shape <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

#' @export
`$.tf_shape` <- function(x, name) {
  d <- unclass(x)
  if (isTRUE(attr(x, "unknown_rank"))) {
    # TensorShape(None): no rank, no dims.
    switch(name,
      ndims = return(NULL), dims = return(NULL),
      as_list = return(function() .value_error("as_list() is not defined on an unknown TensorShape.")),
      is_fully_defined = return(function() FALSE), num_elements = return(function() NULL)
    )
  }
  switch(name,
    ndims = length(d),
    dims = as.list(d),
    as_list = function() as.list(d),
    is_fully_defined = function() !anyNA(d),
    num_elements = function() if (anyNA(d)) NULL else prod(d),
    .value_error("'TensorShape' object has no attribute '", name, "'")
  )
}

#' @export
`[[.tf_shape` <- function(x, i) unclass(x)[[i]]

#' @export
length.tf_shape <- function(x) length(unclass(x))

#' @export
as.integer.tf_shape <- function(x, ...) as.integer(unclass(x))
