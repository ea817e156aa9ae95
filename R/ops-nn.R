# Elementwise math, comparisons, activations, softmax and losses.

.unary_op <- function(type, default_name, x, name = NULL) {
  g <- .graph_of(x)
  .tensor(g, .add_op(g, type, name, default_name, inputs = list(.as_tensor(x, g = g))), 0L)
}

.tf_square <- function(x, name = NULL) .unary_op("Square", "Square", x, name)
.tf_sqrt <- function(x, name = NULL) .unary_op("Sqrt", "Sqrt", x, name)
.tf_exp <- function(x, name = NULL) .unary_op("Exp", "Exp", x, name)
.tf_log <- function(x, name = NULL) .unary_op("Log", "Log", x, name)
.tf_abs <- function(x, name = NULL) .unary_op("Abs", "Abs", x, name)
.tf_sign <- function(x, name = NULL) .unary_op("Sign", "Sign", x, name)
.tf_floor <- function(x, name = NULL) .unary_op("Floor", "Floor", x, name)
.tf_sigmoid <- function(x, name = NULL) .unary_op("Sigmoid", "Sigmoid", x, name)
.tf_tanh <- function(x, name = NULL) .unary_op("Tanh", "Tanh", x, name)
.tf_relu <- function(features, name = NULL) .unary_op("Relu", "Relu", features, name)
.tf_softmax <- function(logits, axis = NULL, name = NULL, dim = NULL) {
  .softmax_op("Softmax", logits, if (is.null(axis)) dim else axis, name)
}
.tf_log_softmax <- function(logits, axis = NULL, name = NULL, dim = NULL) {
  .softmax_op("LogSoftmax", logits, if (is.null(axis)) dim else axis, name)
}

# Softmax over `axis` (default the last); an axis outside the known rank is
# InvalidArgument when the graph is built, as TensorFlow 1.15 raises it.
.softmax_op <- function(type, logits, axis, name) {
  if (is.null(axis)) axis <- -1L
  if (inherits(axis, "tf_tensor_like")) {  # known when the graph runs; checked then
    g <- .graph_of(logits, axis)
    x <- .as_tensor(logits, g = g)
    return(.tensor(g, .add_op(g, type, name, type, inputs = list(x, .as_tensor(axis, g = g))), 0L))
  }
  axis <- .axis_int(axis)
  g <- .graph_of(logits)
  x <- .as_tensor(logits, g = g)
  dims <- .tensor_dims(x)
  if (!is.null(dims) && axis != -1) {
    r <- length(dims)
    if (axis < -r || axis >= r) {
      tf_raise("invalid_argument", sprintf("Dimension (%d) must be in the range [%d, %d) where %d is the number of dimensions in the input.",
                                           as.integer(axis), -r, r, r), call = sys.call(-1L))
    }
  }
  .tensor(g, .add_op(g, type, name, type, inputs = list(x), attrs = list(axis = as.integer(axis))), 0L)
}

# Cross entropy works on the last axis; another axis is refused rather than silently ignored.
.check_last_axis <- function(x, axis) {
  if (is.null(axis) || identical(as.numeric(axis), -1)) return(invisible(NULL))
  dims <- if (inherits(x, "tf_tensor_like")) .tensor_dims(x) else .r_dims(x)
  if (is.null(dims) || as.numeric(axis) != length(dims) - 1) {
    tf_raise("unimplemented", "softmax over an axis other than the last is not supported yet", call = sys.call(-1L))
  }
}

.tf_maximum <- function(x, y, name = NULL) .binary_op("Maximum", "Maximum", x, y, name)
.tf_minimum <- function(x, y, name = NULL) .binary_op("Minimum", "Minimum", x, y, name)
.tf_pow <- function(x, y, name = NULL) .binary_op("Pow", "Pow", x, y, name)
.tf_equal <- function(x, y, name = NULL) .binary_op("Equal", "Equal", x, y, name)
.tf_not_equal <- function(x, y, name = NULL) .binary_op("NotEqual", "NotEqual", x, y, name)
.tf_greater <- function(x, y, name = NULL) .binary_op("Greater", "Greater", x, y, name)
.tf_greater_equal <- function(x, y, name = NULL) .binary_op("GreaterEqual", "GreaterEqual", x, y, name)
.tf_less <- function(x, y, name = NULL) .binary_op("Less", "Less", x, y, name)
.tf_less_equal <- function(x, y, name = NULL) .binary_op("LessEqual", "LessEqual", x, y, name)

.tf_argmax <- function(input, axis = NULL, name = NULL, dimension = NULL, output_type = NULL) {
  if (is.null(axis)) axis <- if (is.null(dimension)) 0L else dimension
  axis <- .axis_int(axis)
  ot <- .as_dtype(output_type, .new_dtype("int64"))
  if (!ot$name %in% c("int32", "int64")) .type_error("output_type must be int32 or int64")
  g <- .graph_of(input)
  .tensor(g, .add_op(g, "ArgMax", name, "ArgMax", inputs = list(.as_tensor(input, g = g)),
                     attrs = list(axis = as.integer(axis), output_type = .dtype_tag(ot))), 0L)
}

# An axis given as an R number: whole, and small enough for an int32 attribute.
.axis_int <- function(axis) {
  if (!is.numeric(axis) || length(axis) != 1L || is.na(axis) || axis != floor(axis)) .type_error("axis must be a whole number")
  if (abs(axis) >= 2^31) .value_error("axis ", format(axis, scientific = FALSE), " is out of range")
  as.integer(axis)
}

# The axis is an R whole number (an attribute) or an int32/int64 tensor (an input, as TensorFlow's).
.tf_expand_dims <- function(input, axis = NULL, name = NULL, dim = NULL) {
  if (!is.null(axis) && !is.null(dim)) .value_error("Cannot specify both 'axis' and 'dim'")
  if (is.null(axis)) axis <- dim
  if (is.null(axis)) .value_error("Must specify an axis argument to tf.expand_dims()")
  g <- .graph_of(input, axis)
  x <- .as_tensor(input, g = g)
  if (inherits(axis, "tf_tensor_like")) {
    return(.tensor(g, .add_op(g, "ExpandDims", name, "ExpandDims", inputs = list(x, .as_tensor(axis, g = g))), 0L))
  }
  .tensor(g, .add_op(g, "ExpandDims", name, "ExpandDims", inputs = list(x), attrs = list(axis = .axis_int(axis))), 0L)
}

.tf_bias_add <- function(value, bias, data_format = NULL, name = NULL) {
  if (is.null(data_format) || identical(data_format, "NHWC")) return(.binary_op("BiasAdd", "BiasAdd", value, bias, name))
  if (!identical(data_format, "NCHW")) .value_error("data_format must be 'NHWC' or 'NCHW', got ", format(data_format))
  # NCHW: the bias runs along dimension 1 (the last one for a matrix), added with broadcasting.
  g <- .graph_of(value, bias)
  .with_name_scope(g, if (is.null(name)) "BiasAdd" else name, function(scope) {
    o <- .binary_operands(value, bias)
    dv <- .tensor_dims(o$x)
    db <- .tensor_dims(o$y)
    if (!is.null(dv) && length(dv) < 2L) .value_error("Shape must be at least rank 2 but is rank ", length(dv))
    if (!is.null(db) && length(db) != 1L) .value_error("Shape must be rank 1 but is rank ", length(db))
    if (is.null(dv) || length(dv) == 2L) return(.tensor(g, .add_op(g, "BiasAdd", scope, inputs = list(o$x, o$y)), 0L))
    if (!is.null(db) && !is.na(dv[2]) && !is.na(db[1]) && dv[2] != db[1]) {
      .value_error("Dimensions must be equal, but are ", dv[2], " and ", db[1])
    }
    b <- .tf_reshape(o$y, c(-1, rep(1, length(dv) - 2L)))
    .tf_add(o$x, b, name = scope)
  })
}

.tf_softmax_cross_entropy_with_logits_v2 <- function(labels = NULL, logits = NULL, axis = NULL, name = NULL, dim = NULL) {
  if (is.null(labels) || is.null(logits)) .value_error("Both labels= and logits= must be provided.")
  if (is.null(axis)) axis <- if (is.null(dim)) -1L else dim
  g <- .graph_of(logits, labels)
  .with_name_scope(g, if (is.null(name)) "softmax_cross_entropy_with_logits" else name, function(scope) {
    lg <- .as_tensor(logits, g = g)
    lb <- .as_tensor(labels, dtype = .tensor_type(lg)[[1]], g = g)
    dims <- .tensor_dims(lg)
    r <- length(dims)
    # The fused op for matrices over the last axis; for logits of unknown rank, its any-rank form
    # (classes on the last axis, as TensorFlow's wrapper flattens them).
    if (r == 2L && axis %in% c(-1, 1)) {
      return(.tensor(g, .add_op(g, "SoftmaxCrossEntropyWithLogits", scope, inputs = list(lg, lb)), 0L))
    }
    if (is.null(dims) && axis == -1) {
      return(.tensor(g, .add_op(g, "SoftmaxCrossEntropyWithLogitsAnyRank", scope, inputs = list(lg, lb)), 0L))
    }
    # Other ranks and axes, as TensorFlow's wrapper computes them: the loss is
    # -sum(labels * log_softmax(logits)) over the class axis.
    .tf_negative(.tf_reduce_sum(.tf_multiply(lb, .tf_log_softmax(lg, axis = axis)), axis = axis), name = scope)
  })
}

# TensorFlow 1.x's deprecated form: no gradient flows into the labels.
.tf_softmax_cross_entropy_with_logits <- function(labels = NULL, logits = NULL, dim = -1, name = NULL, axis = NULL) {
  if (is.null(labels) || is.null(logits)) .value_error("Both labels= and logits= must be provided.")
  .tf_softmax_cross_entropy_with_logits_v2(labels = .tf_stop_gradient(labels), logits = logits, axis = axis, name = name, dim = dim)
}

# Static dims as Python prints a TensorShape: "(2, 3)", "(3,)", "()", "<unknown>".
.shape_str <- function(d) {
  if (is.null(d)) return("<unknown>")
  parts <- ifelse(is.na(d), "?", format(d, scientific = FALSE, trim = TRUE))
  if (length(d) == 1L) return(paste0("(", parts, ",)"))
  paste0("(", paste(parts, collapse = ", "), ")")
}

# Whether two static shapes (NULL: unknown rank, NA: unknown size) can be the same shape.
.shapes_compatible <- function(a, b) {
  if (is.null(a) || is.null(b)) return(TRUE)
  length(a) == length(b) && all(is.na(a) | is.na(b) | a == b)
}

# max(x, 0) - x * z + log(1 + exp(-|x|)): stable for large |x|, as TensorFlow computes it.
# The max and -|x| are built from Maximum (ties go to x) so that the gradient at x = 0 is
# TensorFlow's (its select picks x there): sigmoid(0) - z.
.tf_sigmoid_cross_entropy_with_logits <- function(`_sentinel` = NULL, labels = NULL, logits = NULL, name = NULL) {
  if (!is.null(`_sentinel`)) .value_error("Only call `sigmoid_cross_entropy_with_logits` with named arguments (labels=..., logits=..., ...)")
  if (is.null(labels) || is.null(logits)) .value_error("Both labels= and logits= must be provided.")
  g <- .graph_of(logits, labels)
  .with_name_scope(g, if (is.null(name)) "logistic_loss" else name, function(scope) {
    x <- .as_tensor(logits, name = "logits", g = g)
    z <- .as_tensor(labels, dtype = .tensor_type(x)[[1]], name = "labels", g = g)
    dx <- .tensor_dims(x)
    dz <- .tensor_dims(z)
    if (!.shapes_compatible(dx, dz)) {
      .value_error("logits and labels must have the same shape (", .shape_str(dx), " vs ", .shape_str(dz), ")")
    }
    relu_x <- .tf_maximum(x, 0)
    neg_abs_x <- .tf_subtract(x, .tf_multiply(relu_x, 2))
    .tf_add(.tf_subtract(relu_x, .tf_multiply(x, z)), .tf_log(.tf_add(.tf_exp(neg_abs_x), 1)), name = scope)
  })
}

# tf$losses$Reduction: how a weighted loss is reduced (TensorFlow's key strings).
.loss_reduction <- list(
  NONE = "none", SUM = "weighted_sum", SUM_OVER_BATCH_SIZE = "weighted_sum_over_batch_size",
  MEAN = "weighted_mean", SUM_BY_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights",
  SUM_OVER_NONZERO_WEIGHTS = "weighted_sum_by_nonzero_weights"
)

.cast_float32 <- function(t) if (identical(.tensor_type(t)[[1]], "float32")) t else .tf_cast(t, "float32")

# x / n, and 0 where n is 0 (TensorFlow's div_no_nan), for a count or sum of weights n.
.div_no_nan <- function(x, n, name = NULL) {
  zero <- .tf_cast(.tf_equal(n, 0), "float32")
  .tf_divide(.tf_multiply(x, .tf_subtract(1, zero)), .tf_add(n, zero), name = name)
}

# TensorFlow's compute_weighted_loss in float32: weights are a scalar or broadcast to the
# losses (each dimension 1 or the losses' size; checked when the shapes are known).
.compute_weighted_loss <- function(g, losses, weights, loss_collection, reduction) {
  if (!is.character(reduction) || length(reduction) != 1L || !reduction %in% unlist(.loss_reduction)) {
    .value_error("Invalid Reduction Key ", format(reduction), ".")
  }
  if (is.null(weights)) .value_error("None values not supported.")
  losses <- .cast_float32(losses)
  w <- .cast_float32(.as_tensor(weights, g = g))
  dl <- .tensor_dims(losses)
  dw <- .tensor_dims(w)
  if (!is.null(dl) && !is.null(dw) && length(dw) > 0L) {
    if (length(dw) != length(dl)) {
      .value_error("weights can not be broadcast to values. values.rank=", length(dl), ". weights.rank=", length(dw),
                   ". values.shape=", .shape_str(dl), ". weights.shape=", .shape_str(dw), ".")
    }
    if (any(!is.na(dw) & !is.na(dl) & dw != 1 & dw != dl)) {
      .value_error("weights can not be broadcast to values. values.shape=", .shape_str(dl), ". weights.shape=", .shape_str(dw), ".")
    }
  }
  weighted <- .tf_multiply(losses, w)
  loss <- if (identical(reduction, "none")) weighted else {
    total <- .tf_reduce_sum(weighted)
    switch(reduction,
      weighted_sum = total,
      weighted_mean = .div_no_nan(total, .tf_reduce_sum(.tf_multiply(.tf_ones_like(losses), w)), name = "value"),
      weighted_sum_over_batch_size = .div_no_nan(total, .tf_reduce_sum(.tf_ones_like(losses)), name = "value"),
      weighted_sum_by_nonzero_weights = {
        present <- .tf_multiply(.tf_ones_like(losses), .tf_cast(.tf_not_equal(w, 0), "float32"))
        .div_no_nan(total, .tf_reduce_sum(present, name = "num_present"), name = "value")
      })
  }
  if (!is.null(loss_collection)) .add_to_collection(g, loss_collection, loss)
  loss
}

# As TensorFlow: both operands are taken as float32, and must have compatible shapes.
.tf_mean_squared_error <- function(labels, predictions, weights = 1.0, scope = NULL, loss_collection = "losses",
                                   reduction = "weighted_sum_by_nonzero_weights") {
  if (is.null(labels)) .value_error("labels must not be None.")
  if (is.null(predictions)) .value_error("predictions must not be None.")
  g <- .graph_of(predictions, labels, weights)
  .with_name_scope(g, if (is.null(scope)) "mean_squared_error" else scope, function(s) {
    p <- .cast_float32(.as_tensor(predictions, g = g))
    l <- .cast_float32(.as_tensor(labels, g = g))
    if (!.shapes_compatible(.tensor_dims(p), .tensor_dims(l))) {
      .value_error("Shapes ", .shape_str(.tensor_dims(p)), " and ", .shape_str(.tensor_dims(l)), " are incompatible")
    }
    .compute_weighted_loss(g, .tf_square(.tf_subtract(p, l)), weights, loss_collection, reduction)
  })
}
