# Variables: a VariableV2 op, its initializer (<name>/Assign) and snapshot (<name>/read).

.tf_Variable <- function(initial_value = NULL, trainable = TRUE, collections = NULL, validate_shape = TRUE,
                         caching_device = NULL, name = NULL, variable_def = NULL, dtype = NULL,
                         expected_shape = NULL, import_scope = NULL, constraint = NULL, ...) {
  if (is.null(initial_value)) .value_error("initial_value must be specified.")
  if (!is.null(constraint) && !is.function(constraint)) .value_error("The `constraint` argument must be a callable.")
  # As TensorFlow's init_scope: a variable and its initializer ignore enclosing control dependencies.
  g0 <- .default_graph()
  outer_deps <- .subset2(g0, "control_deps")
  if (length(outer_deps)) {
    assign("control_deps", list(), envir = g0)
    on.exit(assign("control_deps", outer_deps, envir = g0), add = TRUE)
  }
  if (!is.null(name) && (!is.character(name) || length(name) != 1L || is.na(name))) .type_error("name must be a string")
  init_fn <- if (is.function(initial_value)) initial_value
  g <- if (is.null(init_fn)) .graph_of(initial_value) else g0
  if (!identical(g, .default_graph())) .value_error("initial_value must be from the default graph")
  .with_name_scope(g, if (is.null(name)) "Variable" else name, function(scope) {
    init <- if (is.null(init_fn)) {
      .as_tensor(initial_value, dtype = dtype, name = "initial_value", g = g)
    } else {
      # As TensorFlow: a function's initial value is built under <name>/Initializer/, outside
      # any device scope, in the colocation group of the variable that does not exist yet.
      .with_colocation_class(g, paste0("loc:@", substr(scope, 1L, nchar(scope) - 1L)), function() {
        with(.tf_device(NULL), .with_name_scope(g, "Initializer", function(s) {
          .as_tensor(init_fn(), dtype = dtype, name = "initial_value", g = g)
        }))
      })
    }
    if (!identical(.subset2(init, "graph"), g)) .value_error("initial_value must be from the default graph")
    ty <- .tensor_type(init)
    dims <- ty[[2]]
    if (isTRUE(validate_shape) && (is.null(dims) || anyNA(dims))) {
      .value_error("initial_value must have a shape specified: ", format(init))
    }
    var_name <- substr(scope, 1L, nchar(scope) - 1L)
    var_shape <- if (isTRUE(validate_shape)) .pshape_attr(dims) else .pshape_attr(NULL)
    var_id <- .add_op(g, "VariableV2", var_name, exact_name = TRUE,
                      attrs = list(shape = var_shape, dtype = .dtype_tag(.new_dtype(ty[[1]])),
                                   container = "", shared_name = ""))
    var_t <- .tensor(g, var_id, 0L)
    init_id <- .add_op(g, "Assign", "Assign", inputs = list(var_t, init),
                       attrs = list(validate_shape = isTRUE(validate_shape), use_locking = TRUE))
    # The snapshot lives on caching_device when one is given, else next to the variable.
    read_ctx <- if (is.null(caching_device)) .tf_colocate_with(.operation(g, var_id)) else .tf_device(caching_device)
    read_id <- with(read_ctx, .add_op(g, "Identity", "read", inputs = list(var_t)))
    v <- structure(list(graph = g, op = var_id, index = 0L, initializer = init_id, snapshot = read_id,
                        initial = init, trainable = isTRUE(trainable), constraint = constraint),
                   class = c("tf_variable", "tf_tensor_like"))
    if (is.null(collections)) collections <- "variables"
    if (isTRUE(trainable) && !"trainable_variables" %in% collections) collections <- c(collections, "trainable_variables")
    for (cname in unique(collections)) .add_to_collection(g, cname, v)
    v
  })
}

.variable_value <- function(v) .tensor(.subset2(v, "graph"), .subset2(v, "snapshot"), 0L)

.check_variable <- function(v, what = "ref") {
  if (!inherits(v, "tf_variable")) .type_error("'", what, "' must be a tf$Variable, got ", class(v)[1])
  .graph_alive(.subset2(v, "graph"))
  v
}

# assign / assign_add / assign_sub ops on a variable.
.assign_op <- function(type, default_name, ref, value, validate_shape = NULL, name = NULL) {
  v <- .check_variable(ref)
  g <- .subset2(v, "graph")
  val <- .as_tensor(value, dtype = .tensor_type(v)[[1]], name = "value", g = g)
  var_t <- .tensor(g, .subset2(v, "op"), 0L)
  attrs <- list(use_locking = FALSE)
  if (!is.null(validate_shape)) attrs$validate_shape <- isTRUE(validate_shape)
  .tensor(g, .add_op(g, type, name, default_name, inputs = list(var_t, val), attrs = attrs), 0L)
}

.tf_assign <- function(ref, value, validate_shape = NULL, use_locking = NULL, name = NULL) {
  .assign_op("Assign", "Assign", ref, value, if (is.null(validate_shape)) TRUE else validate_shape, name)
}
.tf_assign_add <- function(ref, value, use_locking = NULL, name = NULL) .assign_op("AssignAdd", "AssignAdd", ref, value, NULL, name)
.tf_assign_sub <- function(ref, value, use_locking = NULL, name = NULL) .assign_op("AssignSub", "AssignSub", ref, value, NULL, name)

# The variable's value before adding one; an OutOfRange error once it has reached `limit`.
.tf_count_up_to <- function(ref, limit, name = NULL) {
  v <- .check_variable(ref)
  if (!is.numeric(limit) || length(limit) != 1L || is.na(limit) || limit != floor(limit) || abs(limit) >= 2^63) {
    .type_error("limit must be a whole number within int64's range")
  }
  g <- .subset2(v, "graph")
  var_t <- .tensor(g, .subset2(v, "op"), 0L)
  if (.tensor_type(var_t)[[1]] == "int32" && abs(limit) >= 2^31) .type_error("limit ", format(limit), " does not fit int32")
  id <- with(.tf_colocate_with(v), .add_op(g, "CountUpTo", name, "CountUpTo", inputs = list(var_t),
                                          attrs = list(limit = as.double(limit))))
  .tensor(g, id, 0L)
}

.initialized_value <- function(v) {
  g <- .subset2(v, "graph")
  var_t <- .tensor(g, .subset2(v, "op"), 0L)
  id <- .add_op(g, "InitializedValue", paste0(.op_name_of(v), "/initialized_value"),
                inputs = list(var_t, .subset2(v, "initial")))
  .tensor(g, id, 0L)
}

.variable_fields <- list(
  name = function(v) .tensor_name(v),
  op = function(v) .operation(.subset2(v, "graph"), .subset2(v, "op")),
  dtype = function(v) .tensor_dtype(v),
  shape = function(v) .as_shape(.tensor_dims(v)),
  get_shape = function(v) function() .as_shape(.tensor_dims(v)),
  device = function(v) .op_info(v)$device,
  graph = function(v) .subset2(v, "graph"),
  initializer = function(v) .operation(.subset2(v, "graph"), .subset2(v, "initializer")),
  initial_value = function(v) .subset2(v, "initial"),
  trainable = function(v) .subset2(v, "trainable"),
  constraint = function(v) .subset2(v, "constraint"),
  count_up_to = function(v) function(limit) .tf_count_up_to(v, limit),
  value = function(v) function() .variable_value(v),
  read_value = function(v) function() .tf_identity(.tensor(.subset2(v, "graph"), .subset2(v, "op"), 0L), name = "read"),
  initialized_value = function(v) function() .initialized_value(v),
  assign = function(v) function(value, use_locking = FALSE, name = NULL, read_value = TRUE) .tf_assign(v, value, name = name),
  assign_add = function(v) function(delta, use_locking = FALSE, name = NULL, read_value = TRUE) .tf_assign_add(v, delta, name = name),
  assign_sub = function(v) function(delta, use_locking = FALSE, name = NULL, read_value = TRUE) .tf_assign_sub(v, delta, name = name),
  eval = function(v) function(session = NULL) .session_or_default(session)$run(v),
  load = function(v) function(value, session = NULL) {
    # As TensorFlow does: run the initializer with its initial value fed.
    sess <- .session_or_default(session)
    feed <- structure(list(keys = list(.subset2(v, "initial")), values = list(value)), class = "tf_dict")
    invisible(sess$run(.operation(.subset2(v, "graph"), .subset2(v, "initializer")), feed_dict = feed))
  },
  set_shape = function(v) function(shape) .value_error("Variables cannot change their static shape; use tf$assign(validate_shape = FALSE)")
)

#' @export
`$.tf_variable` <- function(x, name) {
  f <- .variable_fields[[name]]
  if (is.null(f)) tf_raise("attribute", paste0("'Variable' object has no attribute '", name, "'"))
  f(x)
}

#' @export
.DollarNames.tf_variable <- function(x, pattern = "") grep(pattern, names(.variable_fields), value = TRUE)

#' @export
format.tf_variable <- function(x, ...) {
  ty <- .tensor_type(x)
  sprintf("<tf.Variable '%s' shape=%s dtype=%s>", .tensor_name(x), .format_dims(ty[[2]]), ty[[1]])
}

#' @export
print.tf_variable <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

# Initialization and collections ------------------------------------------------

.tf_global_variables <- function(scope = NULL) .graph_methods$get_collection(.default_graph())("variables", scope)
.tf_local_variables <- function(scope = NULL) .graph_methods$get_collection(.default_graph())("local_variables", scope)
.tf_trainable_variables <- function(scope = NULL) .graph_methods$get_collection(.default_graph())("trainable_variables", scope)

.var_list <- function(var_list) {
  if (inherits(var_list, "tf_variable")) var_list <- list(var_list)
  if (!is.list(var_list)) .type_error("var_list must be a list of variables")
  for (v in var_list) .check_variable(v, "var_list element")
  for (v in var_list) {
    if (!identical(.subset2(v, "graph"), .subset2(var_list[[1]], "graph"))) {
      .value_error(format(v), " must be from the same graph as ", format(var_list[[1]]), ".")
    }
  }
  var_list
}

.tf_variables_initializer <- function(var_list, name = "init") {
  var_list <- .var_list(var_list)
  g <- if (length(var_list)) .subset2(var_list[[1]], "graph") else .default_graph()
  inits <- lapply(var_list, function(v) .operation(g, .subset2(v, "initializer")))
  .operation(g, .add_op(g, "NoOp", name, "init", control = inits))
}

.tf_global_variables_initializer <- function() .tf_variables_initializer(.tf_global_variables(), name = "init")
.tf_local_variables_initializer <- function() .tf_variables_initializer(.tf_local_variables(), name = "init")

.tf_initialize_all_variables <- function() {
  warning("tf$initialize_all_variables() is deprecated; use tf$global_variables_initializer() instead.", call. = FALSE)
  .tf_global_variables_initializer()
}

.tf_is_variable_initialized <- function(variable) {
  v <- .check_variable(variable, "variable")
  g <- .subset2(v, "graph")
  .tensor(g, .add_op(g, "IsVariableInitialized", NULL, "IsVariableInitialized",
                     inputs = list(.tensor(g, .subset2(v, "op"), 0L))), 0L)
}

# The obsolete check: a tensor that reads every variable (its value: their ranks), so running it
# fails on the first uninitialized one. NULL when there are no variables.
.tf_assert_variables_initialized <- function(var_list = NULL) {
  if (is.null(var_list)) var_list <- c(.tf_global_variables(), .tf_local_variables())
  var_list <- .var_list(var_list)
  if (!length(var_list)) return(NULL)
  g <- .subset2(var_list[[1]], "graph")
  refs <- lapply(var_list, function(v) .tensor(g, .subset2(v, "op"), 0L))
  .tensor(g, .add_op(g, "VariableRanks", NULL, "Rank", inputs = refs), 0L)
}

.tf_report_uninitialized_variables <- function(var_list = NULL, name = "report_uninitialized_variables") {
  if (is.null(var_list)) var_list <- c(.tf_global_variables(), .tf_local_variables())
  var_list <- .var_list(var_list)
  g <- if (length(var_list)) .subset2(var_list[[1]], "graph") else .default_graph()
  refs <- lapply(var_list, function(v) .tensor(g, .subset2(v, "op"), 0L))
  .tensor(g, .add_op(g, "ReportUninitializedVariables", name, inputs = refs), 0L)
}
