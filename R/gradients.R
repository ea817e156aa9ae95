# Symbolic reverse-mode gradients: tf$gradients(ys, xs, grad_ys).

# Endpoint key "op:index".
.ep_key <- function(op, index) paste0(op, ":", index)

.sum_to <- function(grad, x) {
  g <- .subset2(grad, "graph")
  .tensor(g, .add_op(g, "SumToShapeOf", NULL, "SumToShapeOf", inputs = list(grad, x)), 0L)
}

.same_shape <- function(a, b) {
  da <- .tensor_dims(a)
  db <- .tensor_dims(b)
  !is.null(da) && !is.null(db) && !anyNA(da) && !anyNA(db) && identical(as.numeric(da), as.numeric(db))
}

# Broadcasting ops need their gradient summed back to each input's shape.
.unbroadcast <- function(grad, x) if (.same_shape(grad, x)) grad else .sum_to(grad, x)

.cast_like <- function(grad, x) .tf_cast(grad, .tensor_type(x)[[1]])

# Gradient functions: function(op, grads, inputs, outputs) -> list of input gradients (NULL: none).
# `grads` holds one tensor (or NULL) per output of the op.
.grad_fns <- list(
  Identity = function(op, grads, inputs, outputs) list(grads[[1]]),
  Add = function(op, grads, inputs, outputs) list(.unbroadcast(grads[[1]], inputs[[1]]), .unbroadcast(grads[[1]], inputs[[2]])),
  Sub = function(op, grads, inputs, outputs) {
    list(.unbroadcast(grads[[1]], inputs[[1]]), .unbroadcast(.tf_negative(grads[[1]]), inputs[[2]]))
  },
  Mul = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    list(.unbroadcast(.tf_multiply(g, inputs[[2]]), inputs[[1]]), .unbroadcast(.tf_multiply(g, inputs[[1]]), inputs[[2]]))
  },
  RealDiv = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    x <- inputs[[1]]
    y <- inputs[[2]]
    list(.unbroadcast(.tf_divide(g, y), x),
         .unbroadcast(.tf_negative(.tf_multiply(g, .tf_divide(.tf_divide(x, y), y))), y))
  },
  Neg = function(op, grads, inputs, outputs) list(.tf_negative(grads[[1]])),
  PlaceholderWithDefault = function(op, grads, inputs, outputs) list(grads[[1]]),
  FloorMod = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    x <- inputs[[1]]
    y <- inputs[[2]]
    list(.unbroadcast(g, x), .unbroadcast(.tf_multiply(g, .tf_negative(.tf_floordiv(x, y))), y))
  },
  MatMul = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    a <- inputs[[1]]
    b <- inputs[[2]]
    ta <- isTRUE(op$get_attr("transpose_a"))
    tb <- isTRUE(op$get_attr("transpose_b"))
    if (!ta && !tb) list(.tf_matmul(g, b, transpose_b = TRUE), .tf_matmul(a, g, transpose_a = TRUE))
    else if (!ta && tb) list(.tf_matmul(g, b), .tf_matmul(g, a, transpose_a = TRUE))
    else if (ta && !tb) list(.tf_matmul(b, g, transpose_b = TRUE), .tf_matmul(a, g))
    else list(.tf_matmul(b, g, transpose_a = TRUE, transpose_b = TRUE), .tf_matmul(g, a, transpose_a = TRUE, transpose_b = TRUE))
  },
  # A shape or axes operand given as a tensor (input 2) gets no gradient.
  Sum = function(op, grads, inputs, outputs) list(.reduction_grad(op, grads[[1]], inputs, FALSE), NULL),
  Mean = function(op, grads, inputs, outputs) list(.reduction_grad(op, grads[[1]], inputs, TRUE), NULL),
  Reshape = function(op, grads, inputs, outputs) list(.reshape_like(grads[[1]], inputs[[1]]), NULL),
  # Only a value given as a tensor (input 2) has a gradient: the sum of the output's.
  Fill = function(op, grads, inputs, outputs) {
    if (length(inputs) < 2L) return(rep(list(NULL), length(inputs)))
    list(NULL, .tf_reduce_sum(grads[[1]]))
  },
  Slice = function(op, grads, inputs, outputs) {
    g <- .subset2(inputs[[1]], "graph")
    list(.tensor(g, .add_op(g, "SliceGrad", NULL, "SliceGrad", inputs = list(inputs[[1]], inputs[[2]], grads[[1]])), 0L),
         NULL, NULL)
  },
  Tile = function(op, grads, inputs, outputs) {
    g <- .subset2(inputs[[1]], "graph")
    list(.tensor(g, .add_op(g, "TileGrad", NULL, "TileGrad", inputs = list(inputs[[1]], grads[[1]])), 0L), NULL)
  },
  # Input i gets slice i of the gradient along the packed axis, reshaped to the input's shape.
  Pack = function(op, grads, inputs, outputs) {
    rank <- length(.tensor_dims(outputs[[1]]))
    if (is.null(.tensor_dims(outputs[[1]]))) tf_raise("unimplemented", "The gradient of Pack needs inputs of known rank")
    axis <- as.integer(op$get_attr("axis"))
    if (axis < 0L) axis <- axis + rank
    lapply(seq_along(inputs), function(i) {
      begin <- integer(rank)
      begin[axis + 1L] <- i - 1L
      size <- rep(-1L, rank)
      size[axis + 1L] <- 1L
      .reshape_like(.tf_slice(grads[[1]], begin, size), inputs[[i]])
    })
  },
  # The broadcast back of a reduction's gradient is linear: its own gradient reduces again (second derivatives).
  ReductionGrad = function(op, grads, inputs, outputs) {
    keep <- isTRUE(op$get_attr("keep_dims"))
    reduce <- if (isTRUE(op$get_attr("mean"))) .tf_reduce_mean else .tf_reduce_sum
    if (length(inputs) > 2L) return(list(reduce(grads[[1]], axis = inputs[[3]], keepdims = keep), NULL, NULL))
    axis <- if (isTRUE(op$get_attr("reduce_all"))) NULL else as.numeric(op$get_attr("axes"))
    list(reduce(grads[[1]], axis = axis, keepdims = keep), NULL)
  },
  ExpandDims = function(op, grads, inputs, outputs) {
    c(list(.reshape_like(grads[[1]], inputs[[1]])), rep(list(NULL), length(inputs) - 1L))
  },
  Cast = function(op, grads, inputs, outputs) {
    from <- .tensor_type(inputs[[1]])[[1]]
    to <- .tensor_type(outputs[[1]])[[1]]
    floats <- c("float32", "float64")
    if (from %in% floats && to %in% floats) list(.cast_like(grads[[1]], inputs[[1]])) else list(NULL)
  },
  Square = function(op, grads, inputs, outputs) list(.tf_multiply(grads[[1]], .tf_multiply(inputs[[1]], 2))),
  Sqrt = function(op, grads, inputs, outputs) list(.tf_divide(.tf_multiply(grads[[1]], 0.5), outputs[[1]])),
  Exp = function(op, grads, inputs, outputs) list(.tf_multiply(grads[[1]], outputs[[1]])),
  Log = function(op, grads, inputs, outputs) list(.tf_divide(grads[[1]], inputs[[1]])),
  Abs = function(op, grads, inputs, outputs) list(.tf_multiply(grads[[1]], .tf_sign(inputs[[1]]))),
  # TensorFlow gives Sign a zero gradient (not None).
  Sign = function(op, grads, inputs, outputs) list(.tf_zeros_like(inputs[[1]])),
  Maximum = function(op, grads, inputs, outputs) .select_grads(grads[[1]], inputs, .tf_greater_equal),
  Minimum = function(op, grads, inputs, outputs) .select_grads(grads[[1]], inputs, .tf_less_equal),
  Pow = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    x <- inputs[[1]]
    y <- inputs[[2]]
    gx <- .tf_multiply(g, .tf_multiply(y, .tf_pow(x, .tf_subtract(y, 1))))
    # d/dy x^y = x^y log(x), taken as 0 where x <= 0 (as TensorFlow does).
    positive <- .cast_like(.tf_greater(x, 0), x)
    safe_log <- .tf_multiply(.tf_log(.tf_add(.tf_multiply(x, positive), .tf_subtract(1, positive))), positive)
    gy <- .tf_multiply(g, .tf_multiply(outputs[[1]], safe_log))
    list(.unbroadcast(gx, x), .unbroadcast(gy, y))
  },
  Relu = function(op, grads, inputs, outputs) {
    g <- .subset2(inputs[[1]], "graph")
    list(.tensor(g, .add_op(g, "ReluGrad", NULL, "ReluGrad", inputs = list(grads[[1]], inputs[[1]])), 0L))
  },
  # Second derivatives of relu, as TensorFlow: ReluGrad is linear in the incoming gradient, flat in the features.
  ReluGrad = function(op, grads, inputs, outputs) {
    g <- .subset2(inputs[[2]], "graph")
    list(.tensor(g, .add_op(g, "ReluGrad", NULL, "ReluGrad", inputs = list(grads[[1]], inputs[[2]])), 0L),
         .tf_zeros_like(inputs[[2]]))
  },
  Sigmoid = function(op, grads, inputs, outputs) {
    y <- outputs[[1]]
    list(.tf_multiply(grads[[1]], .tf_multiply(y, .tf_subtract(1, y))))
  },
  Tanh = function(op, grads, inputs, outputs) {
    y <- outputs[[1]]
    list(.tf_multiply(grads[[1]], .tf_subtract(1, .tf_square(y))))
  },
  Softmax = function(op, grads, inputs, outputs) {
    y <- outputs[[1]]
    g <- grads[[1]]
    axis <- if (length(inputs) > 1L) inputs[[2]] else .softmax_axis(op)
    c(list(.tf_multiply(.tf_subtract(g, .tf_reduce_sum(.tf_multiply(g, y), axis = axis, keepdims = TRUE)), y)),
      if (length(inputs) > 1L) list(NULL))
  },
  LogSoftmax = function(op, grads, inputs, outputs) {
    g <- grads[[1]]
    axis <- if (length(inputs) > 1L) inputs[[2]] else .softmax_axis(op)
    c(list(.tf_subtract(g, .tf_multiply(.tf_reduce_sum(g, axis = axis, keepdims = TRUE), .tf_exp(outputs[[1]])))),
      if (length(inputs) > 1L) list(NULL))
  },
  BiasAdd = function(op, grads, inputs, outputs) {
    g <- .subset2(grads[[1]], "graph")
    list(grads[[1]], .tensor(g, .add_op(g, "BiasAddGrad", NULL, "BiasAddGrad", inputs = list(grads[[1]])), 0L))
  },
  # SumToShapeOf sums a broadcast gradient down to an input's shape: its gradient broadcasts back.
  SumToShapeOf = function(op, grads, inputs, outputs) list(.tf_add(.tf_zeros_like(inputs[[1]]), grads[[1]]), NULL),
  # BiasAddGrad sums over all but the last axis: its gradient broadcasts back.
  BiasAddGrad = function(op, grads, inputs, outputs) list(.tf_add(.tf_zeros_like(inputs[[1]]), grads[[1]])),
  SoftmaxCrossEntropyWithLogits = function(op, grads, inputs, outputs) {
    gl <- grads[[1]]
    gg <- grads[[2]]
    glogits <- NULL
    glabels <- NULL
    if (!is.null(gl)) {
      col <- .tf_expand_dims(gl, -1L)
      glogits <- .tf_multiply(col, outputs[[2]])
      glabels <- .tf_multiply(col, .tf_negative(.tf_log_softmax(inputs[[1]])))
    }
    if (!is.null(gg)) {
      # Through the backprop output (second derivatives), as TensorFlow's gradient:
      # (gg - <gg, softmax>) * softmax.
      sm <- .tf_softmax(inputs[[1]])
      term <- .tf_multiply(.tf_subtract(gg, .tf_reduce_sum(.tf_multiply(gg, sm), axis = -1L, keepdims = TRUE)), sm)
      glogits <- if (is.null(glogits)) term else .tf_add(glogits, term)
    }
    list(glogits, glabels)
  }
)

# The any-rank form of the fused loss (logits of unknown rank) has the same gradient.
.grad_fns$SoftmaxCrossEntropyWithLogitsAnyRank <- .grad_fns$SoftmaxCrossEntropyWithLogits

# Ops through which no gradient flows (TensorFlow registers them as not differentiable).
.no_gradient_ops <- c("StopGradient", "ArgMax", "Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual",
                      "Floor", "FloorDiv", "TruncateDiv", "LogicalAnd", "LogicalOr", "LogicalNot", "Const",
                      "ZerosLike", "OnesLike", "Range", "LinSpace", "RandomNormal",
                      "RandomUniform", "TruncatedNormal", "Placeholder", "SliceGrad", "TileGrad", "IsVariableInitialized",
                      "ReportUninitializedVariables", "NoOp", "InitializedValue", "Assign", "AssignAdd", "AssignSub")

.softmax_axis <- function(op) {
  axis <- tryCatch(op$get_attr("axis"), error = function(e) -1L)
  if (is.null(axis)) -1L else axis
}

.reduction_grad <- function(op, grad, inputs, mean) {
  x <- inputs[[1]]
  g <- .subset2(x, "graph")
  if (length(inputs) > 1L) {  # axes given as a tensor
    attrs <- list(keep_dims = isTRUE(op$get_attr("keep_dims")), mean = mean)
    return(.tensor(g, .add_op(g, "ReductionGrad", NULL, "ReductionGrad", inputs = list(grad, x, inputs[[2]]),
                              attrs = attrs), 0L))
  }
  attrs <- list(axes = structure(as.numeric(op$get_attr("axes")), class = "tfn_ints"),
                reduce_all = isTRUE(op$get_attr("reduce_all")), keep_dims = isTRUE(op$get_attr("keep_dims")),
                mean = mean)
  .tensor(g, .add_op(g, "ReductionGrad", NULL, "ReductionGrad", inputs = list(grad, x), attrs = attrs), 0L)
}

.reshape_like <- function(grad, x) {
  g <- .subset2(x, "graph")
  .tensor(g, .add_op(g, "ReshapeLike", NULL, "ReshapeLike", inputs = list(grad, x)), 0L)
}

# Maximum/Minimum: the gradient goes to whichever input was selected.
.select_grads <- function(grad, inputs, pick_x) {
  x <- inputs[[1]]
  y <- inputs[[2]]
  mask <- .cast_like(pick_x(x, y), grad)
  list(.unbroadcast(.tf_multiply(grad, mask), x), .unbroadcast(.tf_multiply(grad, .tf_subtract(1, mask)), y))
}

.as_endpoint_list <- function(x, what) {
  if (inherits(x, c("tf_tensor_like"))) x <- list(x)
  if (!is.list(x)) .type_error(what, " must be a tensor, a variable or a list of them")
  for (e in x) if (!inherits(e, "tf_tensor_like")) .type_error(what, " must hold tensors or variables, got ", class(e)[1])
  x
}

# tf$AggregationMethod: every method sums the same terms, so all give the same values here.
.aggregation_methods <- list(ADD_N = 0L, DEFAULT = 0L, EXPERIMENTAL_TREE = 1L, EXPERIMENTAL_ACCUMULATE_N = 2L)
.unconnected_gradients <- list(NONE = "none", ZERO = "zero")

.tf_gradients <- function(ys, xs, grad_ys = NULL, name = "gradients", colocate_gradients_with_ops = FALSE,
                          gate_gradients = FALSE, aggregation_method = NULL, stop_gradients = NULL,
                          unconnected_gradients = "none") {
  if (!is.null(aggregation_method) && !(length(aggregation_method) == 1L && aggregation_method %in% 0:2)) {
    .value_error("Invalid aggregation_method specified ", format(aggregation_method), ".")
  }
  if (!(is.character(unconnected_gradients) && length(unconnected_gradients) == 1L &&
        unconnected_gradients %in% c("none", "zero"))) {
    .value_error("Unknown value for unconnected_gradients: '", format(unconnected_gradients), "'")
  }
  colocate <- isTRUE(colocate_gradients_with_ops)
  ys <- .as_endpoint_list(ys, "ys")
  xs <- .as_endpoint_list(xs, "xs")
  if (!length(ys)) .value_error("ys must not be empty")
  if (!length(xs)) return(list())
  g <- .subset2(ys[[1]], "graph")
  .graph_alive(g)
  for (t in c(ys, xs)) if (!identical(.subset2(t, "graph"), g)) .value_error(format(t), " must be from the same graph as the other tensors.")
  if (!is.null(grad_ys)) {
    grad_ys <- if (inherits(grad_ys, "tf_tensor_like") || !is.list(grad_ys)) list(grad_ys) else grad_ys
    if (length(grad_ys) != length(ys)) .value_error("Passed ", length(grad_ys), " grad_ys for ", length(ys), " ys")
    for (k in seq_along(ys)) .check_grad_y(grad_ys[[k]], ys[[k]])
  }
  x_eps <- vapply(xs, function(x) .ep_key(.subset2(x, "op"), .subset2(x, "index")), "")
  stop_ops <- vapply(.as_endpoint_list(if (is.null(stop_gradients)) list() else stop_gradients, "stop_gradients"),
                     function(t) as.integer(.subset2(t, "op")), 1L)
  y_ops <- vapply(ys, function(y) as.integer(.subset2(y, "op")), 1L)
  x_ops <- vapply(xs, function(x) as.integer(.subset2(x, "op")), 1L)
  lo <- min(x_ops)
  hi <- max(y_ops)
  # Op infos of the id range that can lie between xs and ys (ids are a topological order).
  # Preallocated and indexed by position, the per-op bookkeeping stays linear in the graph's size.
  info <- vector("list", max(hi - lo + 1L, 0L))
  op_info <- function(i) info[[i - lo + 1L]]
  if (hi >= lo) for (i in lo:hi) info[[i - lo + 1L]] <- .ck(.subset2(g, "op_info_fn")(i))
  # Forward from xs.
  fwd <- logical(max(hi, lo) + 1L)
  fwd[x_ops + 1L] <- TRUE
  if (hi >= lo) for (i in lo:hi) {
    ins <- op_info(i)$input_nodes
    if (!fwd[i + 1L] && length(ins) && any(fwd[ins[ins >= lo] + 1L], na.rm = TRUE)) fwd[i + 1L] <- TRUE
  }
  # Backward from ys, within the forward set.
  between <- logical(length(fwd))
  between[y_ops[y_ops >= lo] + 1L] <- fwd[y_ops[y_ops >= lo] + 1L]
  if (hi >= lo) for (i in hi:lo) {
    if (!between[i + 1L] || i %in% stop_ops) next
    ins <- op_info(i)$input_nodes
    ins <- ins[ins >= lo]
    between[ins + 1L] <- between[ins + 1L] | fwd[ins + 1L]
  }

  acc <- new.env(hash = TRUE, parent = emptyenv())  # endpoint key -> list of gradient tensors
  grads_of <- function(key) get0(key, envir = acc, inherits = FALSE)
  add_grad <- function(key, t) assign(key, c(grads_of(key), list(t)), envir = acc)
  .with_name_scope(g, name, function(scope) {
    for (k in seq_along(ys)) {
      y <- ys[[k]]
      gy <- .maybe_colocate(colocate, .operation(g, .subset2(y, "op")), function() {
        if (is.null(grad_ys) || is.null(grad_ys[[k]])) .tf_ones_like(y, name = paste0("grad_ys_", k - 1L)) else
          .as_tensor(grad_ys[[k]], dtype = .tensor_type(y)[[1]], g = g)
      })
      add_grad(.ep_key(.subset2(y, "op"), .subset2(y, "index")), gy)
    }
    if (hi >= lo) for (i in hi:lo) {
      if (!between[i + 1L]) next
      inf <- op_info(i)
      n_out <- length(inf$dtypes)
      if (all(vapply(.ep_key(i, seq_len(n_out) - 1L), function(k) is.null(grads_of(k)), TRUE))) next
      if (i %in% x_ops && !any(inf$input_nodes >= lo & between[pmax(inf$input_nodes, 0L) + 1L])) next
      if (i %in% stop_ops || inf$type %in% .no_gradient_ops) next
      fn <- .grad_fns[[inf$type]]
      if (is.null(fn)) {
        tf_raise("lookup", paste0("No gradient defined for operation '", inf$name, "' (op type: ", inf$type, ")"),
                 call = sys.call(-4L))
      }
      op <- .operation(g, i)
      inputs <- Map(function(n, j) .tensor(g, n, j), inf$input_nodes, inf$input_index)
      outputs <- lapply(seq_len(n_out) - 1L, function(j) .tensor(g, i, j))
      in_grads <- .maybe_colocate(colocate, op, function() {
        out_grads <- lapply(seq_len(n_out) - 1L, function(j) .sum_grads(grads_of(.ep_key(i, j))))
        .with_name_scope(g, paste0(inf$name, "_grad"), function(s) fn(op, out_grads, inputs, outputs))
      })
      for (j in seq_along(inputs)) {
        src <- inf$input_nodes[j]
        if (is.null(in_grads[[j]]) || src < lo || !fwd[src + 1L]) next
        add_grad(.ep_key(src, inf$input_index[j]), in_grads[[j]])
      }
    }
    unname(Map(function(k, x) {
      grad <- .maybe_colocate(colocate, .operation(g, .subset2(x, "op")), function() .sum_grads(grads_of(k)))
      if (is.null(grad) && unconnected_gradients == "zero") grad <- .tf_zeros_like(x)
      grad
    }, x_eps, xs))
  })
}

.maybe_colocate <- function(colocate, op, body) {
  if (colocate) with(.tf_colocate_with(op, ignore_existing = TRUE), body()) else body()
}

# A given grad_y must be numeric, for a numeric y (TensorFlow's checks, same messages).
.check_grad_y <- function(grad_y, y) {
  if (is.null(grad_y)) return(invisible(NULL))
  numeric_types <- c("float32", "float64", "int32", "int64")
  y_type <- .tensor_type(y)[[1]]
  if (!y_type %in% numeric_types) {
    .type_error("Tensor ", format(y), " with type ", y_type, " must be numeric to obtain a default gradient")
  }
  gy_type <- if (inherits(grad_y, "tf_tensor_like")) .tensor_type(grad_y)[[1]] else if (is.logical(grad_y)) "bool" else
    if (is.character(grad_y)) "string" else y_type
  if (!gy_type %in% numeric_types) {
    .type_error("Gradient type ", gy_type, " generated for real or integer-valued tensor ", format(y), " with type ",
                y_type, " must be real or integer")
  }
  invisible(NULL)
}

# Sums the gradient terms of one tensor as TensorFlow does: first per device, each
# partial sum colocated with its first term, then the partial sums together.
.sum_grads <- function(ts) {
  if (length(ts) < 2L) return(if (length(ts)) ts[[1]] else NULL)
  add_all <- function(xs) Reduce(function(a, b) .tf_add(a, b), xs)
  devices <- vapply(ts, function(t) .op_info(.operation(.subset2(t, "graph"), .subset2(t, "op")))$device, "")
  partial <- lapply(sort(unique(devices), method = "radix"), function(d) {
    terms <- ts[devices == d]
    if (length(terms) == 1L) return(terms[[1]])
    with(.tf_colocate_with(terms[[1]], ignore_existing = TRUE), add_all(terms))
  })
  add_all(partial)
}
