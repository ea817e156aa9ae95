# The `tf` module tree: tf$Variable, tf$train$..., with `$` that errors on a miss.

.new_module <- function(name) {
  m <- new.env(parent = emptyenv())
  attr(m, "module_name") <- name
  class(m) <- "tf_module"
  m
}

#' The TensorFlow module
#'
#' `tf` gives TensorFlow 1.x's graph API, as in TensorFlow for R:
#' `tf$Variable()`, `tf$Session()`, `tf$global_variables_initializer()`,
#' `tf$random_normal()`, `tf$float32`, ... Sub-modules such as `tf$train`,
#' `tf$errors` and `tf$python$tools$inspect_checkpoint` are reached the same
#' way. Asking for a name that does not exist is an error
#' (`tf_attribute_error`), never a silent `NULL`.
#'
#' Axes (`axis` of reductions) are 0-based, as in TensorFlow.
#'
#' Values fetched with `sess$run()` or read from a checkpoint are plain
#' length-1 vectors for scalars and R arrays with `dim` for every other rank
#' (rank 1 a one-dimensional array), so fed back they keep their shape.
#'
#' @section Contents:
#' \describe{
#'   \item{Graphs and sessions}{`Graph`, `get_default_graph`, `reset_default_graph`,
#'     `name_scope`, `control_dependencies`, `Session`, `InteractiveSession`, `get_default_session`,
#'     `ConfigProto`, `device`, `DeviceSpec`, `colocate_with`, `init_scope`,
#'     `add_to_collection`, `add_to_collections`, `get_collection`, `get_collection_ref`.}
#'   \item{Tensors}{`constant`, `zeros`, `ones`, `fill`, `zeros_like`, `ones_like`,
#'     `placeholder`, `placeholder_with_default`, `identity`, `stop_gradient`, `reshape`,
#'     `expand_dims`, `cast`, `slice`, `tile`, `stack`, `range`, `linspace`, `convert_to_tensor`,
#'     `random_normal`, `random_uniform`,
#'     `truncated_normal`, `set_random_seed`; dtypes `float32`, `float64`, `int32`,
#'     `int64`, `bool`, `string`, `as_dtype`; `TensorShape`.}
#'   \item{Math}{R's `+ - * / ^ %% %/% > >= < <= == != & | !`, `add`, `subtract`, `multiply`, `divide`,
#'     `floormod`, `mod`, `floordiv`, `floor_div`, `truncatediv`, `truncatemod`, `div`, `realdiv`,
#'     `logical_and`, `logical_or`, `logical_not`, `logical_xor`,
#'     `negative`, `matmul`, `reduce_sum`, `reduce_mean`, `square`, `sqrt`, `exp`, `log`,
#'     `abs`, `sign`, `floor`, `maximum`, `minimum`, `pow`, `sigmoid`, `tanh`, `equal`,
#'     `not_equal`, `greater`, `greater_equal`, `less`, `less_equal`, `argmax`,
#'     `gradients` (`AggregationMethod`, `UnconnectedGradients`), `group`, `no_op`;
#'     `tf$nn`: `relu`, `sigmoid`, `tanh`, `softmax`,
#'     `log_softmax`, `bias_add`, `softmax_cross_entropy_with_logits_v2`,
#'     `sigmoid_cross_entropy_with_logits`; `tf$losses$mean_squared_error`, `tf$losses$Reduction`.}
#'   \item{Variables}{`Variable`, `assign`, `assign_add`, `assign_sub`,
#'     `global_variables`, `trainable_variables`, `global_variables_initializer`,
#'     `variables_initializer`, `is_variable_initialized`,
#'     `report_uninitialized_variables`, `assert_variables_initialized`, `count_up_to`,
#'     `local_variables`, `local_variables_initializer`, `GraphKeys`.}
#'   \item{`tf$train`}{`Saver`, `latest_checkpoint`, `get_checkpoint_state`,
#'     `checkpoint_exists`, `NewCheckpointReader`, `list_variables`, `load_variable`,
#'     `update_checkpoint_state`, `generate_checkpoint_state_proto`, `get_checkpoint_mtimes`,
#'     `remove_checkpoint`,
#'     `replica_device_setter`, `ClusterSpec`, `GradientDescentOptimizer`,
#'     `MomentumOptimizer`, `AdamOptimizer`, `AdagradOptimizer`, `RMSPropOptimizer`,
#'     `get_or_create_global_step`, `get_global_step`, `create_global_step`, `exponential_decay`.}
#'   \item{Other}{`tf$python$tools$inspect_checkpoint$print_tensors_in_checkpoint_file`;
#'     `tf$python$framework$device`: `merge_device`, `canonical_name`, `check_valid`;
#'     `tf$errors`: the condition class of each error kind, for [tryCatch()].}
#' }
#' The vignettes `variables` and `training` show them at work.
#'
#' @format An environment of class `tf_module`.
#' @examples
#' weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev = 0.35),
#'                        name = "weights")
#' biases <- tf$Variable(tf$zeros(shape(200L), name = "biases"))
#' init_op <- tf$global_variables_initializer()
#' with(tf$Session() %as% sess, {
#'   sess$run(init_op)
#'   dim(sess$run(weights))
#' })
#' @export
tf <- .new_module("tensorflow")

.populate_tf <- function() {
  for (nm in ls(tf, all.names = TRUE)) rm(list = nm, envir = tf)
  members <- list(
    # graph and session
    Graph = function() .new_graph(),
    get_default_graph = function() .default_graph(),
    reset_default_graph = function() {
      if (length(.tfn$graph_stack)) tf_raise("assertion", "Do not use tf.reset_default_graph() to clear nested graphs. If you need a cleared graph, exit the nesting and create a new graph.")
      .tfn$default_graph <- NULL
      invisible(NULL)
    },
    Session = .tf_Session,
    get_default_session = function() {
      n <- length(.tfn$session_stack)
      if (n) .tfn$session_stack[[n]] else NULL
    },
    name_scope = function(name, default_name = NULL, values = NULL) .name_scope_context(name, default_name, values),
    control_dependencies = .tf_control_dependencies,
    init_scope = function() .control_dependencies_context(.default_graph(), NULL),
    add_to_collection = function(name, value) .add_to_collection(.default_graph(), name, value),
    add_to_collections = function(names, value) .graph_methods$add_to_collections(.default_graph())(names, value),
    get_collection = function(key, scope = NULL) .graph_methods$get_collection(.default_graph())(key, scope),
    get_collection_ref = function(key) .graph_methods$get_collection_ref(.default_graph())(key),
    device = .tf_device, DeviceSpec = .tf_DeviceSpec, colocate_with = .tf_colocate_with,
    ConfigProto = .tf_ConfigProto,
    # dtypes
    float32 = .new_dtype("float32"), float64 = .new_dtype("float64"), double = .new_dtype("float64"),
    int32 = .new_dtype("int32"), int64 = .new_dtype("int64"), bool = .new_dtype("bool"),
    string = .new_dtype("string"), as_dtype = function(type_value) .as_dtype(type_value),
    TensorShape = .tf_TensorShape,
    # tensors
    constant = .tf_constant, zeros = .tf_zeros, ones = .tf_ones, fill = .tf_fill,
    zeros_like = .tf_zeros_like, ones_like = .tf_ones_like, placeholder = .tf_placeholder,
    identity = .tf_identity, stop_gradient = .tf_stop_gradient, reshape = .tf_reshape, cast = .tf_cast,
    slice = .tf_slice, tile = .tf_tile, stack = .tf_stack, placeholder_with_default = .tf_placeholder_with_default,
    range = .tf_range, linspace = .tf_linspace, lin_space = .tf_linspace,
    convert_to_tensor = .convert_to_tensor,
    random_normal = .tf_random_normal, random_uniform = .tf_random_uniform,
    truncated_normal = .tf_truncated_normal, set_random_seed = .tf_set_random_seed,
    # math
    add = .tf_add, subtract = .tf_subtract, multiply = .tf_multiply, divide = .tf_divide,
    floormod = .tf_floormod, mod = .tf_floormod, floordiv = .tf_floordiv, logical_and = .tf_logical_and,
    logical_or = .tf_logical_or, logical_not = .tf_logical_not, logical_xor = .tf_logical_xor,
    floor_div = .tf_floor_div, truncatediv = .tf_truncatediv, truncatemod = .tf_truncatemod,
    realdiv = .tf_realdiv, div = .tf_div,
    truediv = .tf_divide, negative = .tf_negative, matmul = .tf_matmul,
    reduce_sum = .tf_reduce_sum, reduce_mean = .tf_reduce_mean,
    square = .tf_square, sqrt = .tf_sqrt, exp = .tf_exp, log = .tf_log, abs = .tf_abs, sign = .tf_sign,
    floor = .tf_floor, sigmoid = .tf_sigmoid, tanh = .tf_tanh, maximum = .tf_maximum, minimum = .tf_minimum,
    pow = .tf_pow, equal = .tf_equal, not_equal = .tf_not_equal, greater = .tf_greater,
    greater_equal = .tf_greater_equal, less = .tf_less, less_equal = .tf_less_equal, argmax = .tf_argmax,
    expand_dims = .tf_expand_dims, gradients = .tf_gradients,
    AggregationMethod = .module_of("tf$AggregationMethod", .aggregation_methods),
    UnconnectedGradients = .module_of("tf$UnconnectedGradients", .unconnected_gradients),
    group = .tf_group, no_op = .tf_no_op,
    # variables
    Variable = .tf_Variable, assign = .tf_assign, assign_add = .tf_assign_add, assign_sub = .tf_assign_sub,
    global_variables = .tf_global_variables, trainable_variables = .tf_trainable_variables,
    local_variables = .tf_local_variables, local_variables_initializer = .tf_local_variables_initializer,
    count_up_to = .tf_count_up_to, InteractiveSession = .tf_InteractiveSession,
    assert_variables_initialized = .tf_assert_variables_initialized,
    all_variables = .tf_global_variables,
    global_variables_initializer = .tf_global_variables_initializer,
    variables_initializer = .tf_variables_initializer,
    initialize_all_variables = .tf_initialize_all_variables,
    is_variable_initialized = .tf_is_variable_initialized,
    report_uninitialized_variables = .tf_report_uninitialized_variables,
    GraphKeys = .module_of("tf$GraphKeys", list(
      GLOBAL_VARIABLES = "variables", TRAINABLE_VARIABLES = "trainable_variables",
      LOCAL_VARIABLES = "local_variables", MODEL_VARIABLES = "model_variables",
      SAVERS = "savers", GLOBAL_STEP = "global_step", UPDATE_OPS = "update_ops",
      TRAIN_OP = "train_op", LOSSES = "losses"
    )),
    errors = .module_of("tf$errors", .error_classes()),
    train = .module_of("tf$train", list(
      Saver = .tf_Saver,
      replica_device_setter = .tf_replica_device_setter,
      GradientDescentOptimizer = .tf_GradientDescentOptimizer, MomentumOptimizer = .tf_MomentumOptimizer,
      AdamOptimizer = .tf_AdamOptimizer, AdagradOptimizer = .tf_AdagradOptimizer,
      RMSPropOptimizer = .tf_RMSPropOptimizer,
      get_or_create_global_step = .tf_get_or_create_global_step, get_global_step = .tf_get_global_step,
      create_global_step = .tf_create_global_step,
      exponential_decay = .tf_exponential_decay,
      ClusterSpec = .tf_ClusterSpec,
      latest_checkpoint = .tf_latest_checkpoint,
      get_checkpoint_state = .tf_get_checkpoint_state,
      checkpoint_exists = .tf_checkpoint_exists,
      NewCheckpointReader = .tf_NewCheckpointReader,
      list_variables = .tf_list_variables,
      load_variable = .tf_load_variable,
      update_checkpoint_state = .tf_update_checkpoint_state,
      generate_checkpoint_state_proto = .tf_generate_checkpoint_state_proto,
      get_checkpoint_mtimes = .tf_get_checkpoint_mtimes,
      remove_checkpoint = .tf_remove_checkpoint
    )),
    python = .module_of("tf$python", list(
      framework = .module_of("tf$python$framework", list(
        device = .module_of("tf$python$framework$device", list(
          merge_device = .merge_device, canonical_name = .canonical_device_name, check_valid = .check_valid_device
        ))
      )),
      tools = .module_of("tf$python$tools", list(
        inspect_checkpoint = .module_of("tf$python$tools$inspect_checkpoint", list(
          print_tensors_in_checkpoint_file = .print_tensors_in_checkpoint_file
        ))
      ))
    )),
    nn = .module_of("tf$nn", list(
      relu = .tf_relu, sigmoid = .tf_sigmoid, tanh = .tf_tanh, softmax = .tf_softmax, log_softmax = .tf_log_softmax,
      bias_add = .tf_bias_add, softmax_cross_entropy_with_logits_v2 = .tf_softmax_cross_entropy_with_logits_v2,
      softmax_cross_entropy_with_logits = .tf_softmax_cross_entropy_with_logits,
      sigmoid_cross_entropy_with_logits = .tf_sigmoid_cross_entropy_with_logits
    )),
    losses = .module_of("tf$losses", list(
      mean_squared_error = .tf_mean_squared_error,
      Reduction = .module_of("tf$losses$Reduction", .loss_reduction)
    ))
  )
  list2env(members, envir = tf)
  invisible(tf)
}

.module_of <- function(name, members) {
  m <- .new_module(name)
  list2env(members, envir = m)
  m
}

# tf$errors$NotFoundError etc.: the condition class names, for tryCatch().
.error_classes <- function() {
  camel <- function(kind) paste0(gsub("(^|_)([a-z])", "\\U\\2", kind, perl = TRUE), "Error")
  kinds <- unname(.tf_error_kinds)
  stats::setNames(as.list(paste0("tf_", kinds, "_error")), camel(kinds))
}

#' @export
`$.tf_module` <- function(x, name) {
  v <- get0(name, envir = x, inherits = FALSE)
  if (is.null(v) && !exists(name, envir = x, inherits = FALSE)) {
    tf_raise("attribute", paste0("module '", attr(x, "module_name"), "' has no attribute '", name, "'"))
  }
  v
}

#' @export
`[[.tf_module` <- function(x, i) `$.tf_module`(x, i)

#' @export
`$<-.tf_module` <- function(x, name, value) {
  tf_raise("attribute", paste0("module '", attr(x, "module_name"), "' attributes cannot be set ('", name, "')"))
}

#' @export
.DollarNames.tf_module <- function(x, pattern = "") grep(pattern, sort(ls(x)), value = TRUE)

#' @export
print.tf_module <- function(x, ...) {
  cat("Module(", attr(x, "module_name"), ")\n", sep = "")
  invisible(x)
}
