# The save/restore ops a Saver adds to its graph, and running them directly.

op_types <- function(g = tf$get_default_graph()) {
  ops <- g$get_operations()
  setNames(vapply(ops, function(o) o$type, ""), vapply(ops, function(o) o$name, ""))
}

feed_path <- function(saver, path) setNames(list(path), saver$saver_def$filename_tensor_name)

read_bytes <- function(path) readBin(path, "raw", file.size(path))

test_that("Saver() adds TensorFlow's save/restore subgraph and a SaverDef naming it", {
  fresh_graph()
  v <- tf$Variable(c(1, 2), name = "v")
  w <- tf$Variable(3L, name = "w")
  saver <- tf$train$Saver()
  types <- op_types()
  expected <- c(`save/filename/input` = "Const", `save/filename` = "PlaceholderWithDefault",
                `save/Const` = "PlaceholderWithDefault", `save/SaveV2/tensor_names` = "Const",
                `save/SaveV2/shape_and_slices` = "Const", `save/SaveV2` = "SaveV2",
                `save/control_dependency` = "Identity", `save/RestoreV2/tensor_names` = "Const",
                `save/RestoreV2/shape_and_slices` = "Const", `save/RestoreV2` = "RestoreV2",
                `save/Assign` = "Assign", `save/Assign_1` = "Assign", `save/restore_all` = "NoOp")
  expect_equal(types[names(expected)], expected)
  sd <- saver$saver_def
  expect_equal(sd$filename_tensor_name, "save/Const:0")
  expect_equal(sd$save_tensor_name, "save/control_dependency:0")
  expect_equal(sd$restore_op_name, "save/restore_all")
  g <- tf$get_default_graph()
  expect_equal(g$get_operation_by_name("save/SaveV2")$inputs[[4]]$name, "v:0")
  expect_length(g$get_operation_by_name("save/restore_all")$control_inputs, 2L)
  expect_equal(g$get_tensor_by_name("save/RestoreV2:1")$dtype$name, "int32")
  # A second saver gets its own scope.
  saver2 <- tf$train$Saver(list(v))
  expect_equal(saver2$saver_def$restore_op_name, "save_1/restore_all")
})

test_that("running the save tensor writes what saver$save writes; restore_all restores", {
  fresh_graph()
  v <- tf$Variable(matrix(c(1.5, 2.5, 3.5, 4.5, 5.5, 6.5), 2), name = "v")
  w <- tf$Variable(3L, name = "w")
  s <- tf$Variable("text", name = "s")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  d <- ckpt_dir()
  by_ops <- file.path(d, "by_ops")
  out <- sess$run(saver$saver_def$save_tensor_name, feed_dict = feed_path(saver, by_ops))
  expect_equal(out, by_ops)
  fast <- saver$save(sess, file.path(d, "fast"))
  for (suffix in c(".index", ".data-00000-of-00001")) {
    expect_identical(read_bytes(paste0(by_ops, suffix)), read_bytes(paste0(fast, suffix)))
  }
  sess$run(list(v$assign(matrix(0, 2, 3)), w$assign(0L), s$assign("other")))
  sess$run(saver$saver_def$restore_op_name, feed_dict = feed_path(saver, by_ops))
  expect_equal(sess$run(list(v, w, s)), list(matrix(c(1.5, 2.5, 3.5, 4.5, 5.5, 6.5), 2), 3L, "text"))
  # And saver$restore reads what the ops wrote.
  sess$run(w$assign(7L))
  saver$restore(sess, by_ops)
  expect_equal(sess$run(w), 3L)
})

test_that("the filename defaults to 'model' when nothing is fed", {
  fresh_graph()
  v <- tf$Variable(1, name = "v")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  d <- ckpt_dir()
  withr::with_dir(d, sess$run(saver$saver_def$save_tensor_name))
  expect_true(file.exists(file.path(d, "model.index")))
  expect_equal(tf$train$load_variable(file.path(d, "model"), "v"), 1)
})

test_that("sharded savers add ShardedFilename/MergeV2Checkpoints ops that write the fast path's files", {
  fresh_graph()
  with(tf$device("/cpu:0"), a <- tf$Variable(c(1, 2), name = "a"))
  with(tf$device("/cpu:1"), {
    b <- tf$Variable(c(3, 4, 5), name = "b")
    c3 <- tf$Variable(6, name = "c")
  })
  saver <- tf$train$Saver(sharded = TRUE)
  types <- op_types()
  expect_equal(unname(types[c("save/StringJoin", "save/num_shards", "save/ShardedFilename", "save/ShardedFilename_1",
                              "save/SaveV2", "save/SaveV2_1", "save/MergeV2Checkpoints", "save/Identity",
                              "save/restore_shard", "save/restore_shard_1", "save/restore_all")]),
               c("StringJoin", "Const", "ShardedFilename", "ShardedFilename", "SaveV2", "SaveV2", "MergeV2Checkpoints",
                 "Identity", "NoOp", "NoOp", "NoOp"))
  expect_equal(saver$saver_def$save_tensor_name, "save/Identity:0")
  expect_true(saver$saver_def$sharded)
  sess <- tf$Session(config = tf$ConfigProto(allow_soft_placement = TRUE))
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  d <- ckpt_dir()
  by_ops <- file.path(d, "by_ops")
  sess$run(saver$saver_def$save_tensor_name, feed_dict = feed_path(saver, by_ops))
  fast <- saver$save(sess, file.path(d, "fast"))
  for (suffix in c(".index", ".data-00000-of-00002", ".data-00001-of-00002")) {
    expect_identical(read_bytes(paste0(by_ops, suffix)), read_bytes(paste0(fast, suffix)))
  }
  # The temporary per-shard folder is gone.
  expect_setequal(list.files(d), c("checkpoint", paste0(rep(c("by_ops", "fast"), each = 3),
                                                        c(".index", ".data-00000-of-00002", ".data-00001-of-00002"))))
  sess$run(list(a$assign(c(0, 0)), c3$assign(0)))
  sess$run(saver$saver_def$restore_op_name, feed_dict = feed_path(saver, by_ops))
  expect_equal(sess$run(list(a, b, c3)), list(array(c(1, 2)), array(c(3, 4, 5)), 6))
})

test_that("restore ops restore a TensorFlow-written checkpoint", {
  prefix <- fixture("serving_half_plus_two_export_v2", "export")
  fresh_graph()
  v0 <- tf$Variable(0, name = "Variable")
  v1 <- tf$Variable(0, name = "Variable_1")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(saver$saver_def$restore_op_name, feed_dict = feed_path(saver, prefix))
  expect_equal(sess$run(list(v0, v1)), list(0.5, 2))
})

test_that("restore ops report missing keys, other dtypes and other shapes", {
  fresh_graph()
  v <- tf$Variable(c(1, 2), name = "v")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  d <- ckpt_dir()
  prefix <- saver$save(sess, file.path(d, "m"))
  fresh_graph()
  other <- tf$Variable(1, name = "other")
  s2 <- tf$train$Saver()
  sess2 <- tf$Session()
  expect_tf_error(sess2$run(s2$saver_def$restore_op_name, feed_dict = feed_path(s2, prefix)), "not_found",
                  "Key other not found in checkpoint")
  sess2$close()
  fresh_graph()
  vi <- tf$Variable(c(1L, 2L), name = "v")
  s3 <- tf$train$Saver()
  sess3 <- tf$Session()
  expect_tf_error(sess3$run(s3$saver_def$restore_op_name, feed_dict = feed_path(s3, prefix)), "invalid_argument",
                  "Expected to restore a tensor of type int32, got a tensor of type float32 instead: tensor_name = v")
  sess3$close()
  fresh_graph()
  v3 <- tf$Variable(c(1, 2, 3), name = "v")
  s4 <- tf$train$Saver()
  sess4 <- tf$Session()
  expect_tf_error(sess4$run(s4$saver_def$restore_op_name, feed_dict = feed_path(s4, prefix)), "invalid_argument",
                  "Assign requires shapes of both tensors to match")
  sess4$close()
})

test_that("the save op creates a missing last folder, saves no uninitialized variable", {
  fresh_graph()
  v <- tf$Variable(1, name = "v")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  d <- ckpt_dir()
  expect_tf_error(sess$run(saver$saver_def$save_tensor_name, feed_dict = feed_path(saver, file.path(d, "m"))),
                  "failed_precondition", "Attempting to use uninitialized value v")
  expect_false(file.exists(file.path(d, "m.index")))
  sess$run(v$initializer)
  sess$run(saver$saver_def$save_tensor_name, feed_dict = feed_path(saver, file.path(d, "run", "m")))
  expect_true(file.exists(file.path(d, "run", "m.index")))
  expect_tf_error(sess$run(saver$saver_def$save_tensor_name, feed_dict = feed_path(saver, file.path(d, "x", "y", "m"))),
                  "not_found", "Failed to create a directory")
})

test_that("an empty saver adds no ops and has no SaverDef", {
  fresh_graph()
  n <- length(tf$get_default_graph()$get_operations())
  saver <- tf$train$Saver(allow_empty = TRUE)
  expect_length(tf$get_default_graph()$get_operations(), n)
  expect_null(saver$saver_def)
})

test_that("restore ops handle variables whose shape is known only when run", {
  fresh_graph()
  ph <- tf$placeholder(tf$float32)
  u <- tf$Variable(ph, validate_shape = FALSE, name = "u")
  saver <- tf$train$Saver(list(u))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(u$initializer, feed_dict = dict(ph = matrix(1:6, 2)))
  prefix <- saver$save(sess, file.path(ckpt_dir(), "u"))
  sess$run(u$initializer, feed_dict = dict(ph = matrix(0, 3, 3)))
  # Not shape-checked: the restored value replaces the [3, 3] one, as in TensorFlow.
  sess$run(saver$saver_def$restore_op_name, feed_dict = feed_path(saver, prefix))
  expect_equal(sess$run(u), matrix(1:6, 2))
  # reshape = TRUE takes the target shape from the variable when it runs.
  sess$run(u$initializer, feed_dict = dict(ph = matrix(0, 3, 2)))
  tf$train$Saver(list(u), reshape = TRUE)$restore(sess, prefix)
  expect_equal(sess$run(u), matrix(c(1, 5, 4, 3, 2, 6), 3))
})
