# Context managers: with(ctx, {...}) and with(ctx %as% name, {...}).

.context <- function(enter, exit, what) {
  structure(list(enter = enter, exit = exit, as = NULL, what = what), class = "tf_context")
}

.as_context <- function(x) {
  if (inherits(x, "tf_context")) return(x)
  if (inherits(x, "tf_session")) return(.session_context(x))
  if (inherits(x, "tf_graph")) return(.graph_context(x))
  .type_error("Object of class ", class(x)[1], " cannot be used with with()")
}

#' Bind the value of a context to a name
#'
#' `with(tf$Session() %as% sess, {...})` enters the context, binds its value to
#' `sess` in the calling environment, evaluates the block and exits the
#' context (closing the session), also when the block fails.
#'
#' @param context a session, graph context, name scope, ...
#' @param name the name to bind (unquoted).
#' @return A context object for [with()].
#' @examples
#' v <- tf$Variable(tf$zeros(shape(2L)))
#' with(tf$Session() %as% sess, {
#'   sess$run(v$initializer)
#'   sess$run(v)
#' })
#' @export
`%as%` <- function(context, name) {
  ctx <- .as_context(context)
  ctx$as <- deparse(substitute(name))
  ctx
}

#' @export
with.tf_context <- function(data, expr, ...) {
  value <- data$enter()
  on.exit(data$exit(), add = TRUE)
  if (!is.null(data$as)) assign(data$as, value, envir = parent.frame())
  invisible(force(expr))
}

#' @export
with.tf_session <- function(data, expr, ...) with.tf_context(.as_context(data), expr, ...)

#' @export
print.tf_context <- function(x, ...) {
  cat("<context: ", x$what, ">\n", sep = "")
  invisible(x)
}
