# One funnel from engine status codes to classed R conditions.

.tf_error_kinds <- c(
  "1" = "cancelled", "2" = "unknown", "3" = "invalid_argument",
  "4" = "deadline_exceeded", "5" = "not_found", "6" = "already_exists",
  "7" = "permission_denied", "8" = "resource_exhausted",
  "9" = "failed_precondition", "10" = "aborted", "11" = "out_of_range",
  "12" = "unimplemented", "13" = "internal", "14" = "unavailable",
  "15" = "data_loss", "16" = "unauthenticated",
  "100" = "value", "101" = "type", "102" = "runtime",
  "103" = "key", "104" = "attribute", "105" = "assertion", "106" = "lookup"
)

#' Raise a classed TensorFlow error
#'
#' Every error raised by tfnative has classes
#' `c("tf_<kind>_error", "tf_error", "error", "condition")`, where `<kind>` is
#' one of TensorFlow's status codes (`invalid_argument`, `not_found`,
#' `failed_precondition`, `data_loss`, ...) or a Python-level exception
#' TensorFlow raises while a graph is built (`value`, `type`, `runtime`).
#'
#' @param kind the kind, e.g. `"value"` or `"invalid_argument"`.
#' @param message TensorFlow's message.
#' @param call the call to report.
#' @return Never returns; signals the condition.
#' @examples
#' tryCatch(tf_raise("value", "No variables to save"),
#'          tf_value_error = function(e) conditionMessage(e))
#' @export
tf_raise <- function(kind, message, call = NULL) {
  cond <- structure(
    class = c(paste0("tf_", kind, "_error"), "tf_error", "error", "condition"),
    list(message = message, call = call, kind = kind)
  )
  stop(cond)
}

# Engine results are values or tfn_status lists; turn the latter into a condition.
.ck <- function(x) {
  if (inherits(x, "tfn_status")) .raise_status(x)
  x
}

.raise_status <- function(s) {
  kind <- .tf_error_kinds[[as.character(s$code)]]
  tf_raise(kind, s$message, call = sys.call(-2L))
}

.value_error <- function(...) tf_raise("value", paste0(...), call = sys.call(-1L))
.type_error <- function(...) tf_raise("type", paste0(...), call = sys.call(-1L))
.invalid_argument <- function(...) tf_raise("invalid_argument", paste0(...), call = sys.call(-1L))

.stale_object_error <- function(what) {
  tf_raise("failed_precondition", paste0(
    "This ", what, " was restored from a file (saveRDS/readRDS or a saved workspace): ",
    "engine objects do not survive serialization. Build the graph again ",
    "(and save variables with tf$train$Saver)."
  ), call = sys.call(-2L))
}
