# Optimizers whose state lives in slot variables (checkpointed like TensorFlow's).

# A hyperparameter as a tensor of the variable's dtype: R numbers become constants,
# tensors are cast when their dtype differs.
.hyper_tensor <- function(value, dtype, name, g) {
  if (is.function(value)) value <- value()  # TensorFlow accepts callables for hyperparameters
  if (inherits(value, "tf_tensor_like")) {
    t <- .as_tensor(value, g = g)
    if (.tensor_type(t)[[1]] != dtype) t <- .tf_cast(t, dtype)
    return(t)
  }
  if (!is.numeric(value) || length(value) != 1L || is.na(value)) .type_error(name, " must be a number or a scalar tensor")
  .const_op(g, as.double(value), dtype, numeric(0), name)
}

# A slot variable named "<var op name>/<optimizer name>" (then "_1", ...), at the
# root name scope, colocated with its variable, not trainable.
.make_slot <- function(g, var, init, opt_name) {
  old <- .subset2(g, "scope")
  assign("scope", "", envir = g)
  on.exit(assign("scope", old, envir = g))
  with(.tf_colocate_with(var), {
    .tf_Variable(init, name = paste0(.op_name_of(var), "/", opt_name), trainable = FALSE)
  })
}

# A slot's initial value: `value` everywhere, in the variable's shape and dtype.
.filled_like <- function(v, value) {
  dims <- .tensor_dims(v)
  dt <- .tensor_type(v)[[1]]
  if (!is.null(dims) && !anyNA(dims)) return(.fill_op(dims, value, dt, NULL, if (value == 0) "zeros" else "Const"))
  # Unknown static shape: take the shape at run time from the variable's initialized value.
  base <- .tf_zeros_like(if (inherits(v, "tf_variable")) v$initialized_value() else v)
  if (value == 0) base else .tf_add(base, value)
}

.new_optimizer <- function(kind, name, hyper, slot_specs, apply) {
  o <- new.env(parent = emptyenv())
  o$kind <- kind
  o$name <- name
  o$hyper <- hyper
  o$slot_specs <- slot_specs  # list(slot name = function(var) initial value)
  o$apply <- apply            # function(o, grad, var, hyper tensors) -> op id
  o$slots <- list()           # slot name -> list(var op key -> variable)
  o$non_slot <- list()        # graph id -> list of extra variables (Adam's beta powers)
  class(o) <- "tf_optimizer"
  o
}

# compute_gradients also differentiates with respect to plain tensors, as TensorFlow's graph mode does.
.check_var_list <- function(var_list, g, allow_tensors = FALSE) {
  if (inherits(var_list, "tf_tensor_like")) var_list <- list(var_list)
  if (!length(var_list)) .value_error("No variables to optimize.")
  for (v in var_list) {
    ok <- inherits(v, "tf_variable") || (allow_tensors && inherits(v, "tf_tensor"))
    if (!ok) .type_error("var_list must hold variables, got ", class(v)[1])
    if (!identical(.subset2(v, "graph"), g)) .value_error(format(v), " must be from the same graph as the loss.")
  }
  var_list
}

.opt_compute_gradients <- function(o, loss, var_list = NULL, gate_gradients = 1L, aggregation_method = NULL,
                                   colocate_gradients_with_ops = FALSE, grad_loss = NULL) {
  if (!inherits(loss, "tf_tensor_like")) .type_error("loss must be a tensor")
  g <- .graph_alive(.subset2(loss, "graph"))
  ty <- .tensor_type(loss)
  if (!ty[[1]] %in% c("float32", "float64")) {
    .type_error("Invalid type ", ty[[1]], " for ", format(loss), ", expected: [float32, float64].")
  }
  if (!is.null(ty[[2]]) && length(ty[[2]]) != 0L) .value_error("loss must be a scalar, got shape ", .format_dims(ty[[2]]))
  if (is.null(var_list)) var_list <- .get_collection(g, "trainable_variables")
  var_list <- .check_var_list(var_list, g, allow_tensors = TRUE)
  grads <- .tf_gradients(loss, var_list, grad_ys = grad_loss, aggregation_method = aggregation_method,
                         colocate_gradients_with_ops = colocate_gradients_with_ops)
  Map(function(gr, v) list(gr, v), grads, var_list)
}

.opt_get_slot <- function(o, var, name) {
  s <- o$slots[[name]]
  if (is.null(s)) return(NULL)
  s[[.ep_key(.subset2(var, "graph")$id, .subset2(var, "op"))]]
}

.opt_apply_gradients <- function(o, grads_and_vars, global_step = NULL, name = NULL) {
  if (!is.list(grads_and_vars) || !length(grads_and_vars)) .value_error("No variables provided.")
  for (p in grads_and_vars) {
    if (!is.list(p) || length(p) != 2L || !inherits(p[[2]], "tf_tensor_like") ||
        !(is.null(p[[1]]) || inherits(p[[1]], "tf_tensor_like"))) {
      .type_error("grads_and_vars must be a list of list(gradient, variable) pairs (gradient a tensor or NULL)")
    }
  }
  pairs <- Filter(function(p) !is.null(p[[1]]), grads_and_vars)
  vars <- lapply(grads_and_vars, `[[`, 2)
  if (!length(pairs)) {
    .value_error("No gradients provided for any variable: ", .py_str_list(vars), ".")
  }
  # TensorFlow's NotImplementedError: only variables can be updated.
  for (p in pairs) {
    if (!inherits(p[[2]], "tf_variable")) tf_raise("unimplemented", paste0("Trying to update a Tensor ", format(p[[2]])))
  }
  g <- .graph_alive(.subset2(pairs[[1]][[2]], "graph"))
  # Slots first, outside the update scope, as TensorFlow creates them (Adam's powers before them).
  if (identical(o$kind, "Adam")) .adam_create_powers(o, g, lapply(pairs, `[[`, 2))
  for (p in pairs) {
    v <- p[[2]]
    key <- .ep_key(g$id, .subset2(v, "op"))
    for (sn in names(o$slot_specs)) {
      if (is.null(o$slots[[sn]][[key]])) {
        slot <- .make_slot(g, v, o$slot_specs[[sn]](v), o$name)
        sl <- o$slots
        sl[[sn]][[key]] <- slot
        o$slots <- sl
      }
    }
  }
  train_op <- .with_name_scope(g, if (is.null(name)) o$name else name, function(scope) {
    updates <- lapply(pairs, function(p) {
      v <- p[[2]]
      dt <- .tensor_type(v)[[1]]
      grad <- p[[1]]
      if (.tensor_type(grad)[[1]] != dt) .type_error("Gradient of ", format(v), " has dtype ", .tensor_type(grad)[[1]])
      .with_name_scope(g, paste0("update_", .op_name_of(v)), function(s) {
        with(.tf_colocate_with(v), {
          update <- .operation(g, o$apply(o, g, grad, v, dt))
          # A variable's constraint is applied to its value after each update, as TensorFlow does.
          cons <- .subset2(v, "constraint")
          if (is.null(cons)) update else {
            # The constraint sees a read made after the update (v's own snapshot may predate it).
            with(.control_dependencies_context(g, list(update)), .tf_assign(v, cons(v$read_value())))$op
          }
        })
      })
    })
    if (identical(o$kind, "Adam")) updates <- c(updates, .adam_finish(o, g, updates))
    if (is.null(global_step)) return(.operation(g, .add_op(g, "NoOp", scope, control = updates)))
    done <- .operation(g, .add_op(g, "NoOp", "update", control = updates))
    with(.control_dependencies_context(g, list(done)), {
      step <- .tf_assign_add(global_step, .as_tensor(1L, dtype = .tensor_type(global_step)[[1]], g = g), name = scope)
    })
    step$op
  })
  # TensorFlow lists every update op in the train_op collection.
  if (!any(vapply(.get_collection(g, "train_op"), function(t) identical(t, train_op), TRUE))) {
    .add_to_collection(g, "train_op", train_op)
  }
  train_op
}

# Objects listed as TensorFlow's messages print a Python list of their str(): ['a', 'b'].
.py_str_list <- function(xs) paste0("[", paste0("'", vapply(xs, format, ""), "'", collapse = ", "), "]")

.opt_minimize <- function(o, loss, global_step = NULL, var_list = NULL, gate_gradients = 1L, aggregation_method = NULL,
                          colocate_gradients_with_ops = FALSE, name = NULL, grad_loss = NULL) {
  gv <- .opt_compute_gradients(o, loss, var_list = var_list, aggregation_method = aggregation_method,
                               colocate_gradients_with_ops = colocate_gradients_with_ops, grad_loss = grad_loss)
  if (all(vapply(gv, function(p) is.null(p[[1]]), TRUE))) {
    .value_error("No gradients provided for any variable, check your graph for ops that do not support gradients, ",
                 "between variables ", .py_str_list(lapply(gv, `[[`, 2)), " and loss ", format(loss), ".")
  }
  .opt_apply_gradients(o, gv, global_step = global_step, name = name)
}

# Adam's beta1_power and beta2_power: one pair per graph, colocated with the first variable.
.adam_create_powers <- function(o, g, vars) {
  key <- as.character(g$id)
  if (!is.null(o$non_slot[[key]])) return(invisible(NULL))
  first <- vars[[order(vapply(vars, .op_name_of, ""))[1]]]
  dt <- .tensor_type(first)[[1]]
  old <- .subset2(g, "scope")
  assign("scope", "", envir = g)
  on.exit(assign("scope", old, envir = g))
  h <- o$hyper
  powers <- with(.tf_colocate_with(first), list(
    beta1_power = .tf_Variable(.hyper_initial(h$beta1), name = "beta1_power", trainable = FALSE, dtype = dt),
    beta2_power = .tf_Variable(.hyper_initial(h$beta2), name = "beta2_power", trainable = FALSE, dtype = dt),
    first = first
  ))
  ns <- o$non_slot
  ns[[key]] <- powers
  o$non_slot <- ns
  invisible(NULL)
}

.hyper_initial <- function(x) {
  if (is.function(x)) x <- x()
  if (inherits(x, "tf_tensor_like")) x else as.double(x)
}

.adam_finish <- function(o, g, updates) {
  p <- o$non_slot[[as.character(g$id)]]
  with(.control_dependencies_context(g, updates), with(.tf_colocate_with(p$first), {
    dt <- .tensor_type(p$beta1_power)[[1]]
    b1 <- .tf_assign(p$beta1_power, .tf_multiply(p$beta1_power, .hyper_tensor(o$hyper$beta1, dt, "beta1", g)))
    b2 <- .tf_assign(p$beta2_power, .tf_multiply(p$beta2_power, .hyper_tensor(o$hyper$beta2, dt, "beta2", g)))
  }))
  list(b1$op, b2$op)
}

.apply_op <- function(g, type, inputs, attrs = list()) .add_op(g, type, type, inputs = inputs, attrs = attrs)
.var_ref <- function(v) .tensor(.subset2(v, "graph"), .subset2(v, "op"), 0L)
.slot_ref <- function(o, v, name) .var_ref(.opt_get_slot(o, v, name))

.tf_GradientDescentOptimizer <- function(learning_rate, use_locking = FALSE, name = "GradientDescent") {
  .new_optimizer("GradientDescent", name, list(learning_rate = learning_rate), list(),
    function(o, g, grad, v, dt) {
      .apply_op(g, "ApplyGradientDescent", list(.var_ref(v), .hyper_tensor(o$hyper$learning_rate, dt, "learning_rate", g), grad))
    })
}

.tf_MomentumOptimizer <- function(learning_rate, momentum, use_locking = FALSE, name = "Momentum", use_nesterov = FALSE) {
  .new_optimizer("Momentum", name, list(learning_rate = learning_rate, momentum = momentum),
    list(momentum = function(v) .filled_like(v, 0)),
    function(o, g, grad, v, dt) {
      .apply_op(g, "ApplyMomentum", list(.var_ref(v), .slot_ref(o, v, "momentum"),
                                         .hyper_tensor(o$hyper$learning_rate, dt, "learning_rate", g), grad,
                                         .hyper_tensor(o$hyper$momentum, dt, "momentum", g)),
                attrs = list(use_nesterov = isTRUE(use_nesterov)))
    })
}

.tf_AdamOptimizer <- function(learning_rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-08, use_locking = FALSE, name = "Adam") {
  .new_optimizer("Adam", name, list(learning_rate = learning_rate, beta1 = beta1, beta2 = beta2, epsilon = epsilon),
    list(m = function(v) .filled_like(v, 0), v = function(v) .filled_like(v, 0)),
    function(o, g, grad, v, dt) {
      p <- o$non_slot[[as.character(g$id)]]
      h <- o$hyper
      .apply_op(g, "ApplyAdam", list(.var_ref(v), .slot_ref(o, v, "m"), .slot_ref(o, v, "v"),
                                     .variable_value(p$beta1_power), .variable_value(p$beta2_power),
                                     .hyper_tensor(h$learning_rate, dt, "learning_rate", g), .hyper_tensor(h$beta1, dt, "beta1", g),
                                     .hyper_tensor(h$beta2, dt, "beta2", g), .hyper_tensor(h$epsilon, dt, "epsilon", g), grad))
    })
}

.tf_AdagradOptimizer <- function(learning_rate, initial_accumulator_value = 0.1, use_locking = FALSE, name = "Adagrad") {
  if (!is.numeric(initial_accumulator_value) || initial_accumulator_value <= 0) {
    .value_error("initial_accumulator_value must be positive: ", initial_accumulator_value)
  }
  .new_optimizer("Adagrad", name, list(learning_rate = learning_rate),
    list(accumulator = function(v) .filled_like(v, initial_accumulator_value)),
    function(o, g, grad, v, dt) {
      .apply_op(g, "ApplyAdagrad", list(.var_ref(v), .slot_ref(o, v, "accumulator"),
                                        .hyper_tensor(o$hyper$learning_rate, dt, "learning_rate", g), grad))
    })
}

.tf_RMSPropOptimizer <- function(learning_rate, decay = 0.9, momentum = 0.0, epsilon = 1e-10, use_locking = FALSE,
                                 centered = FALSE, name = "RMSProp") {
  centered <- isTRUE(centered)
  # Slots are made in this order, so centered names them w/RMSProp (rms), w/RMSProp_1 (mg), w/RMSProp_2, as TensorFlow.
  slots <- list(rms = function(v) .filled_like(v, 1), mg = function(v) .filled_like(v, 0),
                momentum = function(v) .filled_like(v, 0))
  if (!centered) slots$mg <- NULL
  .new_optimizer("RMSProp", name, list(learning_rate = learning_rate, decay = decay, momentum = momentum, epsilon = epsilon),
    slots,
    function(o, g, grad, v, dt) {
      h <- o$hyper
      hyper <- list(.hyper_tensor(h$learning_rate, dt, "learning_rate", g), .hyper_tensor(h$decay, dt, "decay", g),
                    .hyper_tensor(h$momentum, dt, "momentum", g), .hyper_tensor(h$epsilon, dt, "epsilon", g))
      state <- list(.var_ref(v), .slot_ref(o, v, "rms"), .slot_ref(o, v, "momentum"))
      if (centered) state <- list(.var_ref(v), .slot_ref(o, v, "mg"), .slot_ref(o, v, "rms"), .slot_ref(o, v, "momentum"))
      .apply_op(g, if (centered) "ApplyCenteredRMSProp" else "ApplyRMSProp", c(state, hyper, list(grad)))
    })
}

.optimizer_methods <- list(
  minimize = function(o) function(loss, global_step = NULL, var_list = NULL, gate_gradients = 1L, aggregation_method = NULL,
                                  colocate_gradients_with_ops = FALSE, name = NULL, grad_loss = NULL) {
    .opt_minimize(o, loss, global_step, var_list, aggregation_method = aggregation_method,
                  colocate_gradients_with_ops = colocate_gradients_with_ops, name = name, grad_loss = grad_loss)
  },
  compute_gradients = function(o) function(loss, var_list = NULL, gate_gradients = 1L, aggregation_method = NULL,
                                           colocate_gradients_with_ops = FALSE, grad_loss = NULL) {
    .opt_compute_gradients(o, loss, var_list, aggregation_method = aggregation_method,
                           colocate_gradients_with_ops = colocate_gradients_with_ops, grad_loss = grad_loss)
  },
  apply_gradients = function(o) function(grads_and_vars, global_step = NULL, name = NULL) .opt_apply_gradients(o, grads_and_vars, global_step, name),
  get_slot = function(o) function(var, name) .opt_get_slot(o, var, name),
  get_slot_names = function(o) function() sort(names(get("slots", envir = o)), method = "radix"),
  get_name = function(o) function() get("name", envir = o),
  # As TensorFlow: only the variables of the current default graph, sorted by name.
  variables = function(o) function() {
    slots <- unlist(unname(get("slots", envir = o)), recursive = FALSE)
    extra <- unlist(lapply(get("non_slot", envir = o), function(p) list(p$beta1_power, p$beta2_power)), recursive = FALSE)
    vars <- Filter(function(v) identical(.subset2(v, "graph"), .default_graph()), c(unname(slots), unname(extra)))
    vars[order(vapply(vars, .op_name_of, ""), method = "radix")]
  }
)

#' @export
`$.tf_optimizer` <- function(x, name) {
  m <- .optimizer_methods[[name]]
  if (!is.null(m)) return(m(x))
  if (exists(name, envir = x, inherits = FALSE)) return(get(name, envir = x, inherits = FALSE))
  tf_raise("attribute", paste0("'", get("kind", envir = x), "Optimizer' object has no attribute '", name, "'"))
}

#' @export
`$<-.tf_optimizer` <- function(x, name, value) {
  assign(name, value, envir = x)
  x
}

#' @export
.DollarNames.tf_optimizer <- function(x, pattern = "") grep(pattern, names(.optimizer_methods), value = TRUE)

#' @export
format.tf_optimizer <- function(x, ...) {
  h <- get("hyper", envir = x)
  shown <- vapply(names(h), function(n) {
    v <- h[[n]]
    paste0(n, "=", if (inherits(v, "tf_tensor_like")) .tensor_name(v) else format(v))
  }, "")
  sprintf("<tf.train.%sOptimizer '%s' %s>", get("kind", envir = x), get("name", envir = x), paste(shown, collapse = " "))
}

#' @export
print.tf_optimizer <- function(x, ...) {
  cat(format(x), "\n", sep = "")
  invisible(x)
}

# Global step and learning-rate schedules -------------------------------------------

# As TensorFlow: the one member of the GLOBAL_STEP collection or, when that is empty, the
# tensor "global_step:0"; it must be an integer scalar (TypeError otherwise).
.global_step_graph <- function(graph) {
  if (is.null(graph)) return(.default_graph())
  if (!inherits(graph, "tf_graph")) .type_error("graph must be a tf$Graph, not ", class(graph)[1])
  .graph_alive(graph)
}

.tf_get_global_step <- function(graph = NULL) {
  g <- .global_step_graph(graph)
  gs <- .get_collection(g, "global_step")
  if (length(gs) > 1L) return(NULL)  # TensorFlow logs "Multiple tensors in global_step collection."
  step <- if (length(gs)) gs[[1]] else tryCatch(.graph_get_tensor(g, "global_step:0"), tf_key_error = function(e) NULL)
  if (is.null(step)) return(NULL)
  if (!inherits(step, "tf_tensor_like")) .type_error("Existing \"global_step\" is not a tensor or variable")
  if (!isTRUE(step$dtype$base_dtype$is_integer)) {
    .type_error("Existing \"global_step\" does not have integer type: ", format(step$dtype))
  }
  s <- step$get_shape()
  # Compatible with a scalar: rank 0, or a rank not known.
  if (!is.null(s$ndims) && !identical(s$ndims, 0L)) .type_error("Existing \"global_step\" is not scalar: ", format(s))
  step
}

.tf_create_global_step <- function(graph = NULL) {
  g <- .global_step_graph(graph)
  if (!is.null(.tf_get_global_step(g))) .value_error("\"global_step\" already exists.")
  old <- .subset2(g, "scope")
  assign("scope", "", envir = g)
  on.exit(assign("scope", old, envir = g))
  body <- function() .tf_Variable(.tf_zeros(shape(), dtype = tf$int64, name = "Initializer/zeros"), name = "global_step",
                                  trainable = FALSE, collections = c("variables", "global_step"))
  if (is.null(graph)) body() else with(.graph_context(g), body())
}

.tf_get_or_create_global_step <- function(graph = NULL) {
  g <- .global_step_graph(graph)
  existing <- .tf_get_global_step(g)
  if (!is.null(existing)) return(existing)
  .tf_create_global_step(graph)
}

.tf_exponential_decay <- function(learning_rate, global_step, decay_steps, decay_rate, staircase = FALSE, name = NULL) {
  if (is.null(global_step)) .value_error("global_step is required for exponential_decay.")
  g <- .graph_of(global_step, learning_rate)
  .with_name_scope(g, if (is.null(name)) "ExponentialDecay" else name, function(scope) {
    lr <- .as_tensor(learning_rate, name = "learning_rate", g = g)
    dt <- .tensor_type(lr)[[1]]
    step <- .tf_cast(global_step, dt)
    p <- .tf_divide(step, .as_tensor(decay_steps, dtype = dt, g = g))
    if (isTRUE(staircase)) p <- .tf_floor(p)
    .tf_multiply(lr, .tf_pow(.as_tensor(decay_rate, dtype = dt, g = g), p), name = scope)
  })
}
