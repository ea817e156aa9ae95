# The save/restore subgraph a tf$train$Saver adds to its graph, named as TensorFlow 1.15
# names it. Feeding a path to `save/Const:0` and running `save/control_dependency:0`
# (sharded: `save/Identity:0`) saves; running `save/restore_all` restores. This is what
# clients of the graph alone (and graphs exported later) use; saver$save()/restore() take
# a faster path through the engine that writes the same files.

.saver_string_const <- function(g, value, name, vector = TRUE) {
  .const_op(g, value, "string", if (vector) length(value) else numeric(0), name)
}

.saver_int_const <- function(g, value, name) .const_op(g, as.integer(value), "int32", numeric(0), name)

# SaveV2 of `keys` (sorted) -> variables, then an Identity of `prefix` that waits for it.
.saver_save_ops <- function(g, prefix, keys, vars) {
  n <- length(keys)
  names_t <- .saver_string_const(g, keys, "SaveV2/tensor_names")
  slices_t <- .saver_string_const(g, rep("", n), "SaveV2/shape_and_slices")
  var_ts <- lapply(vars, function(v) .tensor(g, .subset2(v, "op"), 0L))
  save <- .add_op(g, "SaveV2", NULL, "SaveV2", inputs = c(list(prefix, names_t, slices_t), var_ts))
  .tensor(g, .add_op(g, "Identity", NULL, "control_dependency", inputs = list(prefix),
                     control = list(.operation(g, save))), 0L)
}

# RestoreV2 of `keys`, one Assign per variable (save/Assign, save/Assign_1, ...); the
# assign ops are returned for a group.
# With `reshape`, each value is reshaped to its variable's shape first (save/Reshape) and
# assigned without a shape check, as TensorFlow's Saver(reshape = True) does.
.saver_restore_ops <- function(g, prefix, keys, vars, reshape = FALSE) {
  n <- length(keys)
  names_t <- .saver_string_const(g, keys, "RestoreV2/tensor_names")
  slices_t <- .saver_string_const(g, rep("", n), "RestoreV2/shape_and_slices")
  dtypes <- vapply(vars, function(v) .dtype_enums[[.tensor_type(.tensor(g, .subset2(v, "op"), 0L))[[1]]]], 1)
  restore <- .add_op(g, "RestoreV2", NULL, "RestoreV2", inputs = list(prefix, names_t, slices_t),
                     attrs = list(dtypes = structure(as.numeric(dtypes), class = "tfn_ints")))
  lapply(seq_len(n), function(i) {
    var_t <- .tensor(g, .subset2(vars[[i]], "op"), 0L)
    value <- .tensor(g, restore, i - 1L)
    dims <- .tensor_dims(var_t)
    fully_defined <- !is.null(dims) && !anyNA(dims)
    if (reshape) {
      value <- if (fully_defined) {
        shape_t <- .const_op(g, as.integer(dims), "int32", length(dims), "Reshape/shape")
        .tensor(g, .add_op(g, "Reshape", NULL, "Reshape", inputs = list(value, shape_t)), 0L)
      } else {
        # The variable's shape is known only when run: take it from the variable itself.
        .tensor(g, .add_op(g, "ReshapeLike", NULL, "Reshape", inputs = list(value, var_t)), 0L)
      }
    }
    # As TensorFlow: the shape is checked when the variable's is fully defined (and not reshaped).
    .operation(g, .add_op(g, "Assign", NULL, "Assign", inputs = list(var_t, value),
                          attrs = list(use_locking = TRUE, validate_shape = !reshape && fully_defined)))
  })
}

.placeholder_with_default <- function(g, input, name) {
  attrs <- list(dtype = .dtype_tag(.new_dtype("string")), shape = .pshape_attr(numeric(0)))
  .tensor(g, .add_op(g, "PlaceholderWithDefault", NULL, name, inputs = list(input), attrs = attrs), 0L)
}

# Builds the subgraph inside the saver's name scope `scope` ("save/"); returns the SaverDef names.
.build_saver_graph <- function(g, scope, keys, vars, sharded, filename = "model", reshape = FALSE) {
  old <- .subset2(g, "scope")
  assign("scope", scope, envir = g)
  on.exit(assign("scope", old, envir = g))
  filename <- .placeholder_with_default(g, .saver_string_const(g, filename, "filename/input", vector = FALSE), "filename")
  prefix <- .placeholder_with_default(g, filename, "Const")
  o <- order(keys, method = "radix")  # checkpoint keys in byte order, as TensorFlow sorts them
  keys <- keys[o]
  vars <- vars[o]
  if (!isTRUE(sharded)) {
    save_t <- .saver_save_ops(g, prefix, keys, vars)
    assigns <- .saver_restore_ops(g, prefix, keys, vars, reshape)
    restore_all <- .add_op(g, "NoOp", NULL, "restore_all", control = assigns)
  } else {
    devices <- vapply(vars, function(v) .op_info(v)$device, "")
    groups <- sort(unique(devices))
    # Each device's variables go to <prefix>_temp_<id>/part-0000K-of-0000N, then one merge.
    suffix <- .saver_string_const(g, paste0("_temp_", basename(tempfile("")), "/part"), "Const", vector = FALSE)
    tmp_prefix <- .tensor(g, .add_op(g, "StringJoin", NULL, "StringJoin", inputs = list(prefix, suffix),
                                     attrs = list(separator = "")), 0L)
    num_shards <- .saver_int_const(g, length(groups), "num_shards")
    shard_files <- list()
    saves <- list()
    for (i in seq_along(groups)) {
      in_group <- devices == groups[i]
      shard <- .saver_int_const(g, i - 1L, "ShardedFilename/shard")
      shard_files[[i]] <- .tensor(g, .add_op(g, "ShardedFilename", NULL, "ShardedFilename",
                                             inputs = list(tmp_prefix, shard, num_shards)), 0L)
      saves[[i]] <- .saver_save_ops(g, shard_files[[i]], keys[in_group], vars[in_group])
    }
    prefixes <- .tensor(g, .add_op(g, "Pack", NULL, "MergeV2Checkpoints/checkpoint_prefixes",
                                   inputs = shard_files, attrs = list(axis = 0L)), 0L)
    merge <- .add_op(g, "MergeV2Checkpoints", NULL, "MergeV2Checkpoints", inputs = list(prefixes, prefix),
                     attrs = list(delete_old_dirs = TRUE), control = saves)
    save_t <- .tensor(g, .add_op(g, "Identity", NULL, "Identity", inputs = list(prefix),
                                 control = list(.operation(g, merge))), 0L)
    shards <- lapply(groups, function(d) {
      in_group <- devices == d
      assigns <- .saver_restore_ops(g, prefix, keys[in_group], vars[in_group], reshape)
      .operation(g, .add_op(g, "NoOp", NULL, "restore_shard", control = assigns))
    })
    restore_all <- .add_op(g, "NoOp", NULL, "restore_all", control = shards)
  }
  list(filename_tensor_name = .tensor_name(prefix), save_tensor_name = .tensor_name(save_t),
       restore_op_name = .op_name_of(.operation(g, restore_all)))
}
