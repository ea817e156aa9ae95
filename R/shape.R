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
  # 2^62 is the engine's bound on element counts: a larger dimension can never be allocated.
  if (!is.numeric(d) || length(d) != 1L || is.na(d) || d < 0 || d != floor(d) || is.infinite(d) || d > 2^62) {
    .invalid_argument("Dimension ", paste(format(d), collapse = " "),
                      " is not a valid dimension: dimensions must be whole numbers from 0 to 2^62")
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

# A shape of unknown rank (TensorShape(None)).
.unknown_shape <- function() structure(numeric(0), class = "tf_shape", unknown_rank = TRUE)

# Dims of a shape, NA for an unknown dimension, NULL for an unknown rank.
.shape_dims <- function(x) if (isTRUE(attr(x, "unknown_rank"))) NULL else unclass(x)

# TensorShape(dims): NULL is a shape of unknown rank; a tf_shape, a list (NULL
# for an unknown dimension) or a numeric vector (NA unknown) gives its dims.
.tf_TensorShape <- function(dims = NULL) {
  if (is.null(dims)) return(.unknown_shape())
  if (inherits(dims, "tf_shape")) return(dims)
  if (is.character(dims)) {
    .type_error("A string has ambiguous TensorShape, please wrap in a list or convert to an int: ",
                paste(dims, collapse = " "))
  }
  if (is.list(dims)) {
    dims <- lapply(dims, function(d) {
      if (is.character(d) && length(d) == 1L && grepl("^[0-9]+$", d)) as.numeric(d) else d
    })
    return(do.call(shape, dims))
  }
  if (is.numeric(dims) || is.logical(dims)) return(do.call(shape, as.list(dims)))
  .type_error("Cannot convert ", class(dims)[1], " to a TensorShape")
}

.shape_str <- function(x) .format_dims(.shape_dims(x))

.shape_rank <- function(x) {
  d <- .shape_dims(x)
  if (is.null(d)) NULL else length(d)
}

.shape_is_compatible_with <- function(x, other) {
  a <- .shape_dims(x)
  b <- .shape_dims(.tf_TensorShape(other))
  if (is.null(a) || is.null(b)) return(TRUE)
  length(a) == length(b) && all(is.na(a) | is.na(b) | a == b)
}

.shape_assert_same_rank <- function(x, other) {
  other <- .tf_TensorShape(other)
  ra <- .shape_rank(x)
  rb <- .shape_rank(other)
  if (!is.null(ra) && !is.null(rb) && ra != rb) {
    .value_error("Shapes ", .shape_str(x), " and ", .shape_str(other), " must have the same rank")
  }
  invisible(NULL)
}

.shape_merge_with <- function(x, other) {
  other <- .tf_TensorShape(other)
  a <- .shape_dims(x)
  if (is.null(a)) return(other)
  b <- .shape_dims(other)
  if (is.null(b)) return(x)
  if (!.shape_is_compatible_with(x, other)) {
    .value_error("Shapes ", .shape_str(x), " and ", .shape_str(other), " are not compatible")
  }
  structure(ifelse(is.na(a), b, a), class = "tf_shape")
}

.shape_concatenate <- function(x, other) {
  other <- .tf_TensorShape(other)
  a <- .shape_dims(x)
  b <- .shape_dims(other)
  if (is.null(a) || is.null(b)) return(.unknown_shape())
  structure(c(a, b), class = "tf_shape")
}

.shape_most_specific_compatible_shape <- function(x, other) {
  a <- .shape_dims(x)
  b <- .shape_dims(.tf_TensorShape(other))
  if (is.null(a) || is.null(b) || length(a) != length(b)) return(.unknown_shape())
  structure(ifelse(!is.na(a) & !is.na(b) & a == b, a, NA_real_), class = "tf_shape")
}

.check_rank_arg <- function(rank) {
  if (!is.numeric(rank) || length(rank) != 1L || is.na(rank) || rank < 0 || rank != floor(rank)) {
    .type_error("rank must be a whole number >= 0, got ", paste(format(rank), collapse = " "))
  }
}

.shape_with_rank <- function(x, rank, how = c("exactly", "at least", "at most")) {
  how <- match.arg(how)
  .check_rank_arg(rank)
  r <- .shape_rank(x)
  if (is.null(r)) {
    if (how == "exactly") return(structure(rep(NA_real_, rank), class = "tf_shape"))
    return(x)
  }
  ok <- switch(how, exactly = r == rank, "at least" = r >= rank, "at most" = r <= rank)
  if (!ok) {
    .value_error("Shape ", .shape_str(x), " must have rank ", if (how != "exactly") paste0(how, " "), rank)
  }
  x
}

.shape_methods <- list(
  ndims = function(x) .shape_rank(x),
  rank = function(x) .shape_rank(x),
  dims = function(x) {
    d <- .shape_dims(x)
    if (is.null(d)) NULL else as.list(d)
  },
  as_list = function(x) function() {
    d <- .shape_dims(x)
    if (is.null(d)) .value_error("as_list() is not defined on an unknown TensorShape.")
    as.list(d)
  },
  is_fully_defined = function(x) function() {
    d <- .shape_dims(x)
    !is.null(d) && !anyNA(d)
  },
  assert_is_fully_defined = function(x) function() {
    d <- .shape_dims(x)
    if (is.null(d) || anyNA(d)) .value_error("Shape ", .shape_str(x), " is not fully defined")
    invisible(NULL)
  },
  num_elements = function(x) function() {
    d <- .shape_dims(x)
    if (is.null(d) || anyNA(d)) NULL else prod(d)
  },
  is_compatible_with = function(x) function(other) .shape_is_compatible_with(x, other),
  assert_is_compatible_with = function(x) function(other) {
    other <- .tf_TensorShape(other)
    if (!.shape_is_compatible_with(x, other)) {
      .value_error("Shapes ", .shape_str(x), " and ", .shape_str(other), " are incompatible")
    }
    invisible(NULL)
  },
  merge_with = function(x) function(other) .shape_merge_with(x, other),
  concatenate = function(x) function(other) .shape_concatenate(x, other),
  most_specific_compatible_shape = function(x) function(other) .shape_most_specific_compatible_shape(x, other),
  assert_same_rank = function(x) function(other) .shape_assert_same_rank(x, other),
  assert_has_rank = function(x) function(rank) {
    .check_rank_arg(rank)
    r <- .shape_rank(x)
    if (!is.null(r) && r != rank) .value_error("Shape ", .shape_str(x), " must have rank ", rank)
    invisible(NULL)
  },
  with_rank = function(x) function(rank) .shape_with_rank(x, rank, "exactly"),
  with_rank_at_least = function(x) function(rank) .shape_with_rank(x, rank, "at least"),
  with_rank_at_most = function(x) function(rank) .shape_with_rank(x, rank, "at most")
)

#' @export
`$.tf_shape` <- function(x, name) {
  m <- .shape_methods[[name]]
  if (is.null(m)) .value_error("'TensorShape' object has no attribute '", name, "'")
  m(x)
}

#' @export
.DollarNames.tf_shape <- function(x, pattern = "") grep(pattern, names(.shape_methods), value = TRUE)

# Indexing is 1-based as in R. A dimension of a shape of unknown rank is NA and
# a slice of it a shape of unknown dimensions, as TensorFlow answers.
#' @export
`[[.tf_shape` <- function(x, i) {
  if (isTRUE(attr(x, "unknown_rank"))) return(NA_real_)
  unclass(x)[[i]]
}

#' @export
# One index gives a dimension (a number, NA if unknown), as TensorFlow's shape[i] gives a
# Dimension, so `s[1] + 1` is arithmetic; several give a shape.
`[.tf_shape` <- function(x, i) {
  if (isTRUE(attr(x, "unknown_rank"))) {
    return(if (length(i) == 1L) NA_real_ else structure(rep(NA_real_, length(i)), class = "tf_shape"))
  }
  d <- unclass(x)[i]
  if (length(i) == 1L) return(as.numeric(d))
  structure(d, class = "tf_shape")
}

# A bare number (or numbers) on the other side compares or computes element by element,
# as R users write `which(s == 3)`; two shapes compare as TensorFlow's TensorShapes do.
.shape_vs_numbers <- function(e1, e2) {
  (is.numeric(e1) && !inherits(e1, "tf_shape")) || (is.numeric(e2) && !inherits(e2, "tf_shape"))
}
.strip_shape <- function(x) if (inherits(x, "tf_shape")) as.numeric(unclass(x)) else x

# The length of a shape of unknown rank is 0, not TensorFlow's ValueError: R's
# own tools (str(), all.equal()) take the length of any object. Its $rank is NULL.
#' @export
length.tf_shape <- function(x) length(unclass(x))

#' @export
as.integer.tf_shape <- function(x, ...) as.integer(unclass(x))

# Equality as TensorFlow defines it: two shapes of unknown rank are equal; an
# unknown dimension equals nothing; a value that is no shape (a string) is unequal.
.shape_eq <- function(e1, e2) {
  a <- tryCatch(.tf_TensorShape(e1), tf_type_error = function(e) NULL)
  b <- tryCatch(.tf_TensorShape(e2), tf_type_error = function(e) NULL)
  if (is.null(a) || is.null(b)) return(FALSE)
  da <- .shape_dims(a)
  db <- .shape_dims(b)
  if (is.null(da) || is.null(db)) return(is.null(da) && is.null(db))
  length(da) == length(db) && !anyNA(da) && !anyNA(db) && all(da == db)
}

#' @export
`==.tf_shape` <- function(e1, e2) {
  if (.shape_vs_numbers(e1, e2)) return(.strip_shape(e1) == .strip_shape(e2))
  .shape_eq(e1, e2)
}

#' @export
`!=.tf_shape` <- function(e1, e2) {
  if (.shape_vs_numbers(e1, e2)) return(.strip_shape(e1) != .strip_shape(e2))
  a <- tryCatch(.tf_TensorShape(e1), tf_type_error = function(e) NULL)
  b <- tryCatch(.tf_TensorShape(e2), tf_type_error = function(e) NULL)
  if (is.null(a) || is.null(b)) return(TRUE)
  if (is.null(.shape_dims(a)) || is.null(.shape_dims(b))) {
    .value_error("The inequality of unknown TensorShapes is undefined.")
  }
  !.shape_eq(a, b)
}

# `+` concatenates, as TensorShape.__add__ / __radd__ do.
#' @export
`+.tf_shape` <- function(e1, e2) {
  if (missing(e2)) return(e1)
  .shape_concatenate(.tf_TensorShape(e1), e2)
}
