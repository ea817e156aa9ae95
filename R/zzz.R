#' @useDynLib tfnative, .registration = TRUE
#' @importFrom Rcpp loadModule evalCpp
#' @importFrom methods new
#' @importFrom utils .DollarNames str
NULL

Rcpp::loadModule("tfnative_engine", TRUE)

# Package-wide state: default graph (created lazily), context stacks.
.tfn <- new.env(parent = emptyenv())

.onLoad <- function(libname, pkgname) {
  .tfn$default_graph <- NULL
  .tfn$graph_stack <- list()
  .tfn$session_stack <- list()
  .tfn$interactive_sessions <- 0L
  .tfn$graph_counter <- 0L
  .tfn$null_pointer <- new("externalptr")
  .populate_tf()
}
