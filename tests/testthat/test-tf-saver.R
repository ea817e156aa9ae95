# Port of TensorFlow 1.15's tensorflow/python/training/saver_test.py (graph mode).
# TensorFlow's CheckpointedOp (a hash table with a custom saveable) has no tfnative
# counterpart: the tests below keep their Variable parts. See CONFORMANCE-port-saver.md.

test_that("saver_test: testBasic", {
  fresh_graph()
  save_path <- file.path(ckpt_dir(), "basic_save_restore")
  g1 <- tf$Graph()
  with(g1$as_default(), {
    v0 <- tf$Variable(10, name = "v0")
    v1 <- tf$Variable(20, name = "v1")
    sess <- tf$Session(graph = g1)
    sess$run(tf$global_variables_initializer())
    expect_equal(sess$run(v0), 10)
    expect_equal(sess$run(v1), 20)
    save <- tf$train$Saver(dict(v0 = v0, v1 = v1), restore_sequentially = TRUE)
    val <- save$save(sess, save_path)
    expect_true(is.character(val))
    expect_equal(val, save_path)
    sess$close()
  })
  # A second graph whose variables are not initialized: restore sets them.
  g2 <- tf$Graph()
  with(g2$as_default(), {
    v0 <- tf$Variable(-1, name = "v0")
    v1 <- tf$Variable(-1, name = "v1")
    sess <- tf$Session(graph = g2)
    expect_length(sess$run(tf$report_uninitialized_variables()), 2L)
    save <- tf$train$Saver(dict(v0 = v0, v1 = v1))
    save$restore(sess, save_path)
    expect_equal(sess$run(v0), 10)
    expect_equal(sess$run(v1), 20)
    sess$close()
  })
  # A third graph, initialized differently: restore overwrites the values.
  g3 <- tf$Graph()
  with(g3$as_default(), {
    v0_2 <- tf$Variable(1000, name = "v0")
    v1_2 <- tf$Variable(2000, name = "v1")
    sess <- tf$Session(graph = g3)
    sess$run(tf$global_variables_initializer())
    expect_equal(sess$run(v0_2), 1000)
    expect_equal(sess$run(v1_2), 2000)
    save2 <- tf$train$Saver(dict(v0 = v0_2, v1 = v1_2))
    save2$restore(sess, save_path)
    expect_equal(sess$run(v0_2), 10)
    expect_equal(sess$run(v1_2), 20)
    sess$close()
  })
})

test_that("saver_test: testSaveCopyRestoreWithSaveRelativePaths", {
  fresh_graph()
  base <- ckpt_dir()
  save_dir1 <- file.path(base, "save_dir1")
  dir.create(save_dir1)
  save_path1 <- file.path(save_dir1, "save_copy_restore")
  v0 <- tf$Variable(10, name = "v0")
  v1 <- tf$Variable(20, name = "v1")
  save <- tf$train$Saver(var_list = dict(v0 = v0, v1 = v1), restore_sequentially = TRUE,
                         save_relative_paths = TRUE)
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  val <- save$save(sess, save_path1)
  expect_equal(val, save_path1)
  sess$close()
  expect_equal(tf$train$latest_checkpoint(save_dir1), save_path1)
  # The state file holds relative paths, so the folder can move.
  expect_equal(readLines(file.path(save_dir1, "checkpoint"))[1], 'model_checkpoint_path: "save_copy_restore"')
  save_dir2 <- file.path(base, "save_dir2")
  expect_true(file.rename(save_dir1, save_dir2))
  save_path2 <- file.path(save_dir2, "save_copy_restore")
  expect_equal(tf$train$latest_checkpoint(save_dir2), save_path2)

  fresh_graph()
  v0 <- tf$Variable(-1, name = "v0")
  v1 <- tf$Variable(-1, name = "v1")
  save <- tf$train$Saver(dict(v0 = v0, v1 = v1))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_length(sess$run(tf$report_uninitialized_variables()), 2L)
  save$restore(sess, save_path2)
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
})

test_that("saver_test: testInvalidPath", {
  fresh_graph()
  v0 <- tf$Variable(0, name = "v0")
  save <- tf$train$Saver(dict(v0 = v0), write_version = 2L)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(save$restore(sess, "invalid path"), "value", "The passed save_path is not a valid checkpoint:")
})

test_that("saver_test: testInt64", {
  fresh_graph()
  save_path <- file.path(ckpt_dir(), "int64")
  v <- tf$Variable(15, dtype = tf$int64, name = "v")
  save <- tf$train$Saver(dict(v = v), restore_sequentially = TRUE)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  val <- save$save(sess, save_path)
  expect_equal(val, save_path)

  fresh_graph()
  v <- tf$Variable(-1, dtype = tf$int64, name = "v")
  save <- tf$train$Saver(dict(v = v))
  sess2 <- tf$Session()
  on.exit(sess2$close(), add = TRUE)
  expect_tf_error(sess2$run(v), "failed_precondition", "uninitialized value v")
  save$restore(sess2, save_path)
  expect_equal(sess2$run(v), 15)
  expect_equal(v$dtype$name, "int64")
})

test_that("saver_test: testSameName", {
  fresh_graph()
  v0 <- tf$Variable(c(10), name = "v0")
  # One variable saved under two names is refused.
  expect_tf_error(tf$train$Saver(list(v0 = v0, v0too = v0)), "value",
                  "The same saveable will be restored with two names: v0")
  expect_tf_error(tf$train$Saver(dict(v0 = v0, v0too = v0)), "value",
                  "The same saveable will be restored with two names: v0")
  # Distinct names for distinct variables work.
  v1 <- tf$Variable(c(20), name = "v1")
  expect_s3_class(tf$train$Saver(list(v0 = v0, v1 = v1)), "tf_saver")
})

test_that("saver_test: testBasicsWithListOfVariables", {
  fresh_graph()
  save_path <- file.path(ckpt_dir(), "basics_with_list")
  v0 <- tf$Variable(10, name = "v0")
  v1 <- tf$Variable(20, name = "v1")
  save <- tf$train$Saver(list(v0, v1))
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  val <- save$save(sess, save_path)
  expect_true(is.character(val))
  expect_equal(val, save_path)
  sess$close()

  fresh_graph()
  v0 <- tf$Variable(-1, name = "v0")
  v1 <- tf$Variable(-1, name = "v1")
  save <- tf$train$Saver(list(v0, v1))
  sess <- tf$Session()
  expect_tf_error(sess$run(v0), "failed_precondition", "uninitialized value v0")
  expect_tf_error(sess$run(v1), "failed_precondition", "uninitialized value v1")
  save$restore(sess, save_path)
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  sess$close()

  fresh_graph()
  v0_2 <- tf$Variable(1000, name = "v0")
  v1_2 <- tf$Variable(2000, name = "v1")
  save2 <- tf$train$Saver(list(v0_2, v1_2))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v0_2), 1000)
  expect_equal(sess$run(v1_2), 2000)
  save2$restore(sess, save_path)
  expect_equal(sess$run(v0_2), 10)
  expect_equal(sess$run(v1_2), 20)
})

# Saves one variable `name` = value, then restores it into a graph where it is `other`.
save_and_load <- function(var_name, var_value, other_value, save_path) {
  fresh_graph()
  var <- tf$Variable(var_value, name = var_name)
  save <- tf$train$Saver(stats::setNames(list(var), var_name))
  sess <- tf$Session()
  sess$run(var$initializer)
  expect_equal(save$save(sess, save_path), save_path)
  sess$close()
  fresh_graph()
  var <- tf$Variable(other_value, name = var_name)
  save <- tf$train$Saver(stats::setNames(list(var), var_name))
  sess <- tf$Session()
  on.exit(sess$close())
  save$restore(sess, save_path)
  expect_equal(sess$run(var), var_value, tolerance = 1e-6)
}

test_that("saver_test: testCacheRereadsFile", {
  save_path <- file.path(ckpt_dir(), "cache_rereads")
  save_and_load("var0", 0, 1, save_path)
  # The same prefix again, another variable: the new file is read, not a cached one.
  save_and_load("var1", 1.1, 2.2, save_path)
})

test_that("saver_test: testAllowEmpty", {
  fresh_graph()
  save_path <- file.path(ckpt_dir(), "allow_empty")
  tf$constant(1)
  save <- tf$train$Saver(allow_empty = TRUE)
  sess <- tf$Session()
  on.exit(sess$close())
  val <- save$save(sess, save_path)
  expect_null(val)
  expect_false(file.exists(paste0(save_path, ".index")))
  save <- tf$train$Saver(allow_empty = TRUE)
  # Nothing to restore: no error although no checkpoint was written.
  expect_null(save$restore(sess, save_path))
})

test_that("saver_test: testVariables", {
  fresh_graph()
  save_path <- file.path(ckpt_dir(), "variables")
  one <- tf$Variable(1)
  twos <- tf$Variable(c(2, 2, 2))
  init <- tf$global_variables_initializer()
  save <- tf$train$Saver()
  sess <- tf$Session()
  sess$run(init)
  save$save(sess, save_path)
  sess$close()

  fresh_graph()
  one <- tf$Variable(0)
  twos <- tf$Variable(c(0, 0, 0))
  # No var_list: all variables.
  save <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  save$restore(sess, save_path)
  expect_equal(sess$run(one), 1)
  expect_equal(sess$run(twos), array(c(2, 2, 2)))
})

test_that("saver_test: testVarListShouldBeEmptyInDeferredBuild", {
  fresh_graph()
  v <- tf$Variable(1)
  expect_tf_error(tf$train$Saver(list(v), defer_build = TRUE), "value", "defer_build")
})

test_that("saver_test: testSaveWithGlobalStep", {
  save_path <- file.path(ckpt_dir(), "ckpt_with_global_step")
  global_step_int <- 5
  save_and_load("var0", 0, 1, save_path)
  for (use_tensor in c(TRUE, FALSE)) {
    fresh_graph()
    var <- tf$Variable(1, name = "var0")
    save <- tf$train$Saver(list(var0 = var))
    sess <- tf$Session()
    sess$run(var$initializer)
    val <- if (use_tensor) {
      save$save(sess, save_path, global_step = tf$constant(global_step_int))
    } else {
      save$save(sess, save_path, global_step = global_step_int)
    }
    expect_equal(val, paste0(save_path, "-5"))
    sess$close()
  }
})

test_that("saver_test: testSaveWithGlobalStepWithPadding", {
  save_path <- file.path(ckpt_dir(), "ckpt_with_global_step")
  save_and_load("var0", 0, 1, save_path)
  for (use_tensor in c(TRUE, FALSE)) {
    fresh_graph()
    var <- tf$Variable(1, name = "var0")
    save <- tf$train$Saver(list(var0 = var), pad_step_number = TRUE)
    sess <- tf$Session()
    sess$run(var$initializer)
    step <- if (use_tensor) tf$constant(5L) else 5L
    expect_equal(save$save(sess, save_path, global_step = step), paste0(save_path, "-00000005"))
    sess$close()
  }
})

test_that("saver_test: testSaveToNonexistingPath", {
  base <- ckpt_dir()
  writeLines(character(0), file.path(base, "actually_a_file"))
  paths <- file.path(base, c("nonexisting_dir/path", "other_nonexisting_dir/path1/path2", "actually_a_file/path"))
  for (save_path in paths) {
    fresh_graph()
    v0 <- tf$Variable(10, name = "v0")
    v1 <- tf$Variable(20, name = "v1")
    save <- tf$train$Saver(list(v0 = v0, v1 = v1), restore_sequentially = TRUE)
    sess <- tf$Session()
    sess$run(tf$global_variables_initializer())
    expect_equal(sess$run(v0), 10)
    expect_equal(sess$run(v1), 20)
    if (save_path == paths[1]) {
      # Only the last folder level is missing: TensorFlow's writer creates it and saves.
      expect_equal(save$save(sess, save_path), save_path)
      sess$run(list(v0$assign(0), v1$assign(0)))
      save$restore(sess, save_path)
      expect_equal(sess$run(v0), 10)
      expect_equal(sess$run(v1), 20)
    } else {
      err <- expect_tf_error(save$save(sess, save_path), "value")
      expect_equal(conditionMessage(err), sprintf("Parent directory of %s doesn't exist, can't save.", save_path))
    }
    sess$close()
  }
  expect_false(dir.exists(file.path(base, "other_nonexisting_dir")))
})

test_that("saver_test: testSaveToURI", {
  fresh_graph()
  save_path <- paste0("file://", file.path(ckpt_dir(), "uri"))
  v0 <- tf$Variable(10, name = "v0")
  v1 <- tf$Variable(20, name = "v1")
  save <- tf$train$Saver(list(v0 = v0, v1 = v1), restore_sequentially = TRUE)
  init_all_op <- tf$global_variables_initializer()
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(init_all_op)
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  expect_equal(save$save(sess, save_path), save_path)
  expect_true(file.exists(paste0(sub("^file://", "", save_path), ".index")))
  sess$run(v0$assign(0))
  save$restore(sess, save_path)
  expect_equal(sess$run(v0), 10)
})

test_that("saver_test: testSaveRestoreAndValidateVariableDtype", {
  save_path <- file.path(ckpt_dir(), "basic_save_restore")
  fresh_graph()
  v0 <- tf$Variable(10, name = "v0", dtype = tf$float32)
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  tf$train$Saver(list(v0 = v0))$save(sess, save_path)
  sess$close()

  fresh_graph()
  v0_wrong_dtype <- tf$Variable(1L, name = "v0", dtype = tf$int32)
  save <- tf$train$Saver(list(v0 = v0_wrong_dtype))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(save$restore(sess, save_path), "invalid_argument", "original dtype")
})

test_that("saver_test: testRestoreLargeTensors", {
  # Smaller than TensorFlow's three [32000, 1000] tensors, still several restore steps each.
  old <- options(tfnative.checkpoint_step_bytes = 2^20)
  on.exit(options(old))
  save_dir <- ckpt_dir()
  model <- function() {
    small <- lapply(0:4, function(i) tf$Variable(tf$random_normal(c(10L, 2L)), name = paste0("small", i)))
    large <- lapply(0:2, function(i) tf$Variable(tf$random_normal(c(3200L, 100L)), name = paste0("large", i)))
    c(small, large)
  }
  fresh_graph()
  orig_vars <- model()
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  save <- tf$train$Saver(max_to_keep = 1)
  # The temporary folder itself is the prefix, as in TensorFlow's test.
  save$save(sess, save_dir)
  orig_vals <- sess$run(orig_vars)
  sess$close()

  fresh_graph()
  restored_vars <- model()
  sess <- tf$Session()
  on.exit(sess$close(), add = TRUE)
  tf$train$Saver(max_to_keep = 1)$restore(sess, save_dir)
  restored_vals <- sess$run(restored_vars)
  for (i in seq_along(orig_vals)) expect_identical(restored_vals[[i]], orig_vals[[i]])
  unlink(Sys.glob(paste0(save_dir, ".*")))
})

# SaveRestoreShardedTestV2 ----------------------------------------------------------
# tfnative has one CPU device; TensorFlow's device_count = {"CPU": 2} becomes soft
# placement, which keeps the requested "/cpu:1" that the sharded save groups by.

test_that("saver_test: testBasics (SaveRestoreShardedTestV2)", {
  base <- ckpt_dir()
  save_path <- file.path(base, "sharded_basics")
  cfg <- tf$ConfigProto(allow_soft_placement = TRUE)
  fresh_graph()
  with(tf$device("/cpu:0"), v0 <- tf$Variable(10L, name = "v0"))
  with(tf$device("/cpu:1"), v1 <- tf$Variable(20L, name = "v1"))
  save <- tf$train$Saver(list(v0 = v0, v1 = v1), write_version = 2L, sharded = TRUE)
  sess <- tf$Session(config = cfg)
  sess$run(tf$global_variables_initializer())
  val <- save$save(sess, save_path)
  expect_equal(val, save_path)
  expect_true(file.exists(paste0(save_path, ".data-00000-of-00002")))
  expect_true(file.exists(paste0(save_path, ".data-00001-of-00002")))
  sess$close()

  # Restore with the sharded prefix.
  fresh_graph()
  with(tf$device("/cpu:0"), v0 <- tf$Variable(111L, name = "v0"))
  with(tf$device("/cpu:1"), v1 <- tf$Variable(222L, name = "v1"))
  save <- tf$train$Saver(list(v0 = v0, v1 = v1), write_version = 2L, sharded = TRUE)
  sess <- tf$Session(config = cfg)
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v0), 111L)
  expect_equal(sess$run(v1), 222L)
  save$restore(sess, save_path)
  expect_equal(sess$run(v0), 10L)
  expect_equal(sess$run(v1), 20L)
  expect_equal(tf$train$latest_checkpoint(base), file.path(base, "sharded_basics"))
})

test_that("saver_test: testSaverDef (SaveRestoreShardedTestV2)", {
  fresh_graph()
  v0 <- tf$Variable(123L, name = "v0")
  save <- tf$train$Saver(list(v0 = v0), sharded = TRUE)
  expect_true(save$saver_def$sharded)
  expect_false(tf$train$Saver(list(v0 = v0))$saver_def$sharded)
})

# MaxToKeepTest -------------------------------------------------------------------

expect_checkpoint_state <- function(model_checkpoint_path, all_model_checkpoint_paths, save_dir) {
  st <- tf$train$get_checkpoint_state(save_dir)
  expect_equal(st$model_checkpoint_path, model_checkpoint_path)
  expect_equal(st$all_model_checkpoint_paths, all_model_checkpoint_paths)
}

test_that("saver_test: testNonSharded (MaxToKeepTest)", {
  fresh_graph()
  save_dir <- ckpt_dir()
  exists <- tf$train$checkpoint_exists
  v <- tf$Variable(10, name = "v")
  save <- tf$train$Saver(list(v = v), max_to_keep = 2)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(save$last_checkpoints, character(0))

  s1 <- save$save(sess, file.path(save_dir, "s1"))
  expect_equal(save$last_checkpoints, s1)
  expect_true(exists(s1))
  expect_checkpoint_state(s1, s1, save_dir)

  s2 <- save$save(sess, file.path(save_dir, "s2"))
  expect_equal(save$last_checkpoints, c(s1, s2))
  expect_true(exists(s1))
  expect_true(exists(s2))
  expect_checkpoint_state(s2, c(s1, s2), save_dir)

  s3 <- save$save(sess, file.path(save_dir, "s3"))
  expect_equal(save$last_checkpoints, c(s2, s3))
  expect_false(exists(s1))
  expect_true(exists(s2))
  expect_true(exists(s3))
  expect_checkpoint_state(s3, c(s2, s3), save_dir)

  # A second helper like the first (TensorFlow builds it from save.as_saver_def()), told
  # of the first one's checkpoints; a third one knowing none.
  save2 <- tf$train$Saver(list(v = v), max_to_keep = 2)
  save2$set_last_checkpoints(save$last_checkpoints)
  save3 <- tf$train$Saver(list(v = v), max_to_keep = 2)

  # First helper: s2 again moves to the end.
  s2 <- save$save(sess, file.path(save_dir, "s2"))
  expect_equal(save$last_checkpoints, c(s3, s2))
  expect_false(exists(s1))
  expect_true(exists(s3))
  expect_true(exists(s2))
  expect_checkpoint_state(s2, c(s3, s2), save_dir)

  # s1: the oldest, s3, goes.
  s1 <- save$save(sess, file.path(save_dir, "s1"))
  expect_equal(save$last_checkpoints, c(s2, s1))
  expect_false(exists(s3))
  expect_true(exists(s2))
  expect_true(exists(s1))
  expect_checkpoint_state(s1, c(s2, s1), save_dir)

  # Second helper.
  s2 <- save2$save(sess, file.path(save_dir, "s2"))
  expect_equal(save2$last_checkpoints, c(s3, s2))
  expect_true(exists(s1))   # made by the first helper
  expect_false(exists(s3))  # deleted by the first helper
  expect_true(exists(s2))
  expect_checkpoint_state(s2, c(s3, s2), save_dir)

  s1 <- save2$save(sess, file.path(save_dir, "s1"))
  expect_equal(save2$last_checkpoints, c(s2, s1))
  expect_false(exists(s3))
  expect_true(exists(s2))
  expect_true(exists(s1))
  expect_checkpoint_state(s1, c(s2, s1), save_dir)

  # Third helper: unaware of earlier checkpoints.
  s2 <- save3$save(sess, file.path(save_dir, "s2"))
  expect_equal(save3$last_checkpoints, s2)
  expect_true(exists(s1))
  expect_false(exists(s3))
  expect_true(exists(s2))
  # s1 exists on disk but this saver does not know it, so the state does not list it.
  expect_checkpoint_state(s2, s2, save_dir)

  s1 <- save3$save(sess, file.path(save_dir, "s1"))
  expect_equal(save3$last_checkpoints, c(s2, s1))
  expect_false(exists(s3))
  expect_true(exists(s2))
  expect_true(exists(s1))
  expect_checkpoint_state(s1, c(s2, s1), save_dir)
})

test_that("saver_test: testSharded (MaxToKeepTest)", {
  fresh_graph()
  save_dir <- ckpt_dir()
  with(tf$device("/cpu:0"), v0 <- tf$Variable(111L, name = "v0"))
  with(tf$device("/cpu:1"), v1 <- tf$Variable(222L, name = "v1"))
  save <- tf$train$Saver(list(v0 = v0, v1 = v1), sharded = TRUE, max_to_keep = 2)
  sess <- tf$Session(config = tf$ConfigProto(allow_soft_placement = TRUE))
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(save$last_checkpoints, character(0))
  # TensorFlow counts 4 files per prefix: the index, two data files and the .meta file,
  # which tfnative does not write yet (MetaGraph export: issue 11).
  n_files <- function(p) length(Sys.glob(paste0(p, "*")))

  s1 <- save$save(sess, file.path(save_dir, "s1"))
  expect_equal(save$last_checkpoints, s1)
  expect_equal(n_files(s1), 3L)

  s2 <- save$save(sess, file.path(save_dir, "s2"))
  expect_equal(save$last_checkpoints, c(s1, s2))
  expect_equal(n_files(s1), 3L)
  expect_equal(n_files(s2), 3L)

  s3 <- save$save(sess, file.path(save_dir, "s3"))
  expect_equal(save$last_checkpoints, c(s2, s3))
  expect_equal(n_files(s1), 0L)
  expect_equal(n_files(s2), 3L)
  expect_equal(n_files(s3), 3L)
})

test_that("saver_test: testNoMaxToKeep", {
  fresh_graph()
  save_dir <- ckpt_dir()
  save_dir2 <- ckpt_dir()
  v <- tf$Variable(10, name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())

  # max_to_keep = NULL (TensorFlow's None)
  save <- tf$train$Saver(list(v = v), max_to_keep = NULL)
  expect_equal(save$last_checkpoints, character(0))
  s1 <- save$save(sess, file.path(save_dir, "s1"))
  expect_equal(save$last_checkpoints, character(0))
  expect_true(tf$train$checkpoint_exists(s1))
  s2 <- save$save(sess, file.path(save_dir, "s2"))
  expect_equal(save$last_checkpoints, character(0))
  expect_true(tf$train$checkpoint_exists(s2))

  # max_to_keep = 0
  save2 <- tf$train$Saver(list(v = v), max_to_keep = 0)
  expect_equal(save2$last_checkpoints, character(0))
  s1 <- save2$save(sess, file.path(save_dir2, "s1"))
  expect_equal(save2$last_checkpoints, character(0))
  expect_true(tf$train$checkpoint_exists(s1))
  s2 <- save2$save(sess, file.path(save_dir2, "s2"))
  expect_equal(save2$last_checkpoints, character(0))
  expect_true(tf$train$checkpoint_exists(s2))
  # With no list kept, the state file names only the newest checkpoint.
  expect_checkpoint_state(s2, s2, save_dir2)
})

test_that("saver_test: testNoMetaGraph", {
  fresh_graph()
  save_dir <- ckpt_dir()
  v <- tf$Variable(10, name = "v")
  save <- tf$train$Saver(list(v = v))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  s1 <- save$save(sess, file.path(save_dir, "s1"), write_meta_graph = FALSE)
  expect_true(tf$train$checkpoint_exists(s1))
  expect_false(file.exists(paste0(s1, ".meta")))
})

test_that("saver_test: test_recover_last_checkpoints", {
  # TensorFlow runs this one eagerly; the Saver logic is the same in a graph.
  fresh_graph()
  save_dir <- ckpt_dir()
  v <- tf$Variable(10, name = "v")
  save <- tf$train$Saver(list(v = v), max_to_keep = 10)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  expect_equal(save$last_checkpoints, character(0))

  s1 <- save$save(sess, file.path(save_dir, "ckpt-1"))
  s2 <- save$save(sess, file.path(save_dir, "ckpt-2"))
  s3 <- save$save(sess, file.path(save_dir, "ckpt-3"))
  expect_equal(save$last_checkpoints, c(s1, s2, s3))
  for (s in c(s1, s2, s3)) expect_true(tf$train$checkpoint_exists(s))
  expect_checkpoint_state(s3, c(s1, s2, s3), save_dir)

  save2 <- tf$train$Saver(list(v = v), max_to_keep = 10)
  expect_equal(save2$last_checkpoints, character(0))
  save2$recover_last_checkpoints(c(s1, s2, s3))
  expect_equal(save2$last_checkpoints, c(s1, s2, s3))

  # A removed checkpoint is left out when recovering.
  unlink(Sys.glob(paste0(s1, "*")))
  expect_false(tf$train$checkpoint_exists(s1))
  save3 <- tf$train$Saver(list(v = v), max_to_keep = 10)
  expect_equal(save3$last_checkpoints, character(0))
  save3$recover_last_checkpoints(c(s1, s2, s3))
  expect_equal(save3$last_checkpoints, c(s2, s3))
  s4 <- save3$save(sess, file.path(save_dir, "ckpt-4"))
  expect_checkpoint_state(s4, c(s2, s3, s4), save_dir)
})

test_that("saver_test: testNonSharded (KeepCheckpointEveryNHoursTest)", {
  fresh_graph()
  save_dir <- ckpt_dir()
  v <- tf$Variable(c(10), name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  # Keeps the last 2 checkpoints plus one every 0.7 seconds. TensorFlow mocks the clock;
  # here the first save comes a real second after the Saver is made.
  save <- tf$train$Saver(list(v = v), max_to_keep = 2, keep_checkpoint_every_n_hours = 0.7 / 3600)
  expect_equal(save$last_checkpoints, character(0))
  Sys.sleep(1)
  s1 <- save$save(sess, file.path(save_dir, "s1"))
  expect_equal(save$last_checkpoints, s1)
  s2 <- save$save(sess, file.path(save_dir, "s2"))
  expect_equal(save$last_checkpoints, c(s1, s2))
  # s1 leaves the list but is older than 0.7 s, so it is kept.
  s3 <- save$save(sess, file.path(save_dir, "s3"))
  expect_equal(save$last_checkpoints, c(s2, s3))
  # s2 is close in time to the kept s1, so it is deleted.
  s4 <- save$save(sess, file.path(save_dir, "s4"))
  expect_equal(save$last_checkpoints, c(s3, s4))
  expect_true(tf$train$checkpoint_exists(s1))
  expect_false(tf$train$checkpoint_exists(s2))
  expect_true(tf$train$checkpoint_exists(s3))
  expect_true(tf$train$checkpoint_exists(s4))
})

test_that("saver_test: testNonReshapeVariable", {
  save_path <- file.path(ckpt_dir(), "non_reshape")
  fresh_graph()
  v0 <- tf$Variable(10, name = "v0")
  v1 <- tf$Variable(20, name = "v1")
  save <- tf$train$Saver(list("save_prefix/v0" = v0, "save_prefix/v1" = v1))
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  val <- save$save(sess, save_path)
  expect_equal(val, save_path)
  # The variables' own names are not in the file.
  save <- tf$train$Saver(list(v0 = v0, v1 = v1))
  expect_tf_error(save$restore(sess, save_path), "not_found", "not found in checkpoint")
  sess$close()

  # The mapped names restore.
  fresh_graph()
  v0 <- tf$Variable(-1, name = "v0")
  v1 <- tf$Variable(-1, name = "v1")
  sess <- tf$Session()
  expect_tf_error(sess$run(v0), "failed_precondition", "uninitialized")
  expect_tf_error(sess$run(v1), "failed_precondition", "uninitialized")
  tf$train$Saver(list("save_prefix/v0" = v0, "save_prefix/v1" = v1))$restore(sess, save_path)
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
  sess$close()

  # Variables under other names in the graph restore through the same map.
  fresh_graph()
  v0 <- tf$Variable(-1, name = "restore_prefix/v0")
  v1 <- tf$Variable(-1, name = "restore_prefix/v1")
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(sess$run(v0), "failed_precondition", "uninitialized")
  expect_tf_error(sess$run(v1), "failed_precondition", "uninitialized")
  tf$train$Saver(list("save_prefix/v0" = v0, "save_prefix/v1" = v1))$restore(sess, save_path)
  expect_equal(sess$run(v0), 10)
  expect_equal(sess$run(v1), 20)
})

# CheckpointReaderForV2Test -----------------------------------------------------------

test_that("saver_test: testDebugString (CheckpointReaderForV2Test)", {
  fresh_graph()
  v0 <- tf$Variable(matrix(c(1, 2, 3, 4, 5, 6), 2, byrow = TRUE), dtype = tf$float32, name = "v0")
  v1 <- tf$Variable(aperm(array(1:6, c(1, 2, 3)), c(3, 2, 1)), dtype = tf$float32, name = "v1")
  init_all_op <- tf$global_variables_initializer()
  save <- tf$train$Saver(list(v0 = v0, v1 = v1), write_version = 2L)
  save_path <- file.path(ckpt_dir(), "ckpt_for_debug_string2")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(init_all_op)
  save$save(sess, save_path)

  reader <- tf$train$NewCheckpointReader(save_path)
  expect_true(reader$has_tensor("v0"))
  expect_true(reader$has_tensor("v1"))
  debug_string <- reader$debug_string()
  expect_match(debug_string, "v0 (DT_FLOAT) [2,3]", fixed = TRUE)
  expect_match(debug_string, "v1 (DT_FLOAT) [3,2,1]", fixed = TRUE)
  var_map <- reader$get_variable_to_shape_map()
  expect_equal(var_map[["v0"]], c(2L, 3L))
  expect_equal(var_map[["v1"]], c(3L, 2L, 1L))
  expect_equal(reader$get_tensor("v0"), sess$run(v0))
  expect_equal(reader$get_tensor("v1"), sess$run(v1))
  expect_equal(reader$get_tensor("v1")[, , 1], matrix(c(1, 2, 3, 4, 5, 6), 3, byrow = TRUE))
  expect_tf_error(reader$get_tensor("v3"), "not_found", "v3 not found in checkpoint")
})

test_that("saver_test: testNonexistentPath", {
  expect_tf_error(tf$train$NewCheckpointReader("non-existent"), "not_found", "Unsuccessful TensorSliceReader")
})

# TrackableCompatibilityTests (the parts without object-based checkpoints) ---------------

test_that("saver_test: testVariableNotFoundErrorRaised", {
  fresh_graph()
  checkpoint_prefix <- file.path(ckpt_dir(), "ckpt")
  a <- tf$Variable(1, name = "a")
  b <- tf$Variable(1, name = "b")
  a_saver <- tf$train$Saver(list(a))
  b_saver <- tf$train$Saver(list(b))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(a$initializer)
  save_path <- a_saver$save(sess = sess, save_path = checkpoint_prefix)
  err <- expect_tf_error(b_saver$restore(sess = sess, save_path = save_path), "not_found", "Key b not found in checkpoint")
  expect_no_match(conditionMessage(err), "NewCheckpointReader", fixed = TRUE)
  expect_match(conditionMessage(err), "a Variable name or other graph key that is missing", fixed = TRUE)
})

test_that("saver_test: testGraphChangedForRestoreErrorRaised", {
  checkpoint_prefix <- file.path(ckpt_dir(), "ckpt")
  fresh_graph()
  a <- tf$Variable(1, name = "a")
  a_saver <- tf$train$Saver(list(a))
  sess <- tf$Session()
  sess$run(a$initializer)
  save_path <- a_saver$save(sess = sess, save_path = checkpoint_prefix)
  sess$close()

  fresh_graph()
  a <- tf$Variable(array(1), name = "a")
  a_saver <- tf$train$Saver(list(a))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(a_saver$restore(sess = sess, save_path = save_path), "invalid_argument",
                  "a mismatch between the current graph and the graph")
})

test_that("saver_test: testFilenameTensor", {
  fresh_graph()
  v0 <- tf$Variable(0L, name = "v0")
  save <- tf$train$Saver(dict(v0 = v0), filename = "somerandomfilename")
  sess <- tf$Session()
  on.exit(sess$close())
  tensor <- tf$get_default_graph()$get_tensor_by_name(save$saver_def$filename_tensor_name)
  expect_equal(sess$run(tensor), "somerandomfilename")
})

test_that("saver_test: testBuildShouldBeCalledBeforeSaveInCaseOfDeferBuild", {
  save_path <- file.path(ckpt_dir(), "error_deferred_build")
  fresh_graph()
  tf$Variable(1)
  saver <- tf$train$Saver(defer_build = TRUE)
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(saver$save(sess, save_path), "runtime", "build")
})

test_that("saver_test: testDeferredBuild", {
  save_path <- file.path(ckpt_dir(), "deferred_build")
  fresh_graph()
  one <- tf$Variable(1)
  save <- tf$train$Saver(defer_build = TRUE)
  # Made after the Saver, saved all the same: the build comes later.
  twos <- tf$Variable(c(2, 2, 2))
  init <- tf$global_variables_initializer()
  save$build()
  sess <- tf$Session()
  sess$run(init)
  save$save(sess, save_path)
  sess$close()
  fresh_graph()
  one <- tf$Variable(0)
  twos <- tf$Variable(c(0, 0, 0))
  save <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  save$restore(sess, save_path)
  expect_equal(sess$run(one), 1)
  expect_equal(sess$run(twos), array(c(2, 2, 2)))
})

test_that("saver_test: testReshape", {
  save_path <- file.path(ckpt_dir(), "variables_reshape")
  fresh_graph()
  var <- tf$Variable(matrix(c(1, 2, 3, 4, 5, 6), 2, byrow = TRUE))
  save <- tf$train$Saver()
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  save$save(sess, save_path)
  sess$close()
  # The default (reshape = FALSE) refuses another shape.
  fresh_graph()
  var <- tf$Variable(matrix(0, 3, 2))
  save <- tf$train$Saver()
  sess <- tf$Session()
  expect_tf_error(save$restore(sess, save_path), "invalid_argument", "Assign requires shapes of both tensors to match.")
  sess$close()
  # reshape = TRUE restores the six values in row-major order into the [3, 2] variable.
  fresh_graph()
  var <- tf$Variable(matrix(0, 3, 2))
  save <- tf$train$Saver(reshape = TRUE)
  sess <- tf$Session()
  on.exit(sess$close())
  save$restore(sess, save_path)
  expect_equal(sess$run(var), matrix(c(1, 2, 3, 4, 5, 6), 3, byrow = TRUE))
})
