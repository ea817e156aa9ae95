# Port of TensorFlow 1.15's tensorflow/python/training/checkpoint_management_test.py
# (graph mode). See CONFORMANCE-port-saver.md.

# Runs `code` with a fresh empty folder as the working folder.
in_temp_wd <- function(code) {
  d <- tempfile("wd")
  dir.create(d)
  withr::local_dir(d)
  withr::defer(unlink(d, recursive = TRUE))
  force(code)
}

test_that("checkpoint_management_test: testNameCollision", {
  in_temp_wd({
    fresh_graph()
    traindir <- "train/"
    dir.create(traindir)
    # Collides with the default name of the state file.
    filepath <- file.path("train", "checkpoint")
    unused_a <- tf$Variable(0)
    sess <- tf$Session()
    on.exit(sess$close())
    sess$run(tf$global_variables_initializer())

    saver <- tf$train$Saver(sharded = FALSE)
    expect_tf_error(saver$save(sess, filepath), "value", "collides with")
    expect_tf_error(saver$save(sess, filepath), "value",
                    "'latest_filename' collides with 'save_path': 'checkpoint' and 'train/checkpoint'")

    # With a step the files are named checkpoint-<step>.
    saver$save(sess, filepath, global_step = 1)
    expect_false(is.null(tf$train$latest_checkpoint(traindir)))

    # A sharded saver may use the name.
    saver <- tf$train$Saver(sharded = TRUE)
    saver$save(sess, filepath)
    expect_false(is.null(tf$train$latest_checkpoint(traindir)))

    saver <- tf$train$Saver(sharded = TRUE)
    saver$save(sess, filepath, global_step = 1)
    expect_false(is.null(tf$train$latest_checkpoint(traindir)))
  })
})

test_that("checkpoint_management_test: testRelativePath", {
  in_temp_wd({
    fresh_graph()
    traindir <- "train/"
    dir.create(traindir)
    filepath <- file.path("train", "snapshot")
    v0 <- tf$Variable(0)
    inc <- v0$assign_add(1)
    save <- tf$train$Saver(list(v0 = v0))
    sess <- tf$Session()
    sess$run(tf$global_variables_initializer())
    save$save(sess, filepath, global_step = 0)
    sess$run(inc)
    save$save(sess, filepath, global_step = 1)
    sess$run(inc)
    save$save(sess, filepath, global_step = 2)
    sess$close()
    # The state file holds paths relative to the relative folder.
    expect_equal(readLines(file.path("train", "checkpoint"))[1], 'model_checkpoint_path: "snapshot-2"')

    fresh_graph()
    v0 <- tf$Variable(-1)
    save <- tf$train$Saver(list(v0 = v0))
    sess <- tf$Session()
    on.exit(sess$close())
    sess$run(tf$global_variables_initializer())
    name <- tf$train$latest_checkpoint(traindir)
    expect_false(is.null(name))
    expect_equal(name, "train/snapshot-2")
    save$restore(sess, name)
    expect_equal(sess$run(v0), 2)
  })
})

test_that("checkpoint_management_test: testAbsPath", {
  save_dir <- ckpt_dir()
  abs_path <- file.path(save_dir, "model-0")
  ckpt <- tf$train$generate_checkpoint_state_proto(save_dir, abs_path)
  expect_equal(ckpt$model_checkpoint_path, abs_path)
  expect_true(startsWith(ckpt$model_checkpoint_path, "/"))
  expect_length(ckpt$all_model_checkpoint_paths, 1L)
  expect_equal(ckpt$all_model_checkpoint_paths[1], abs_path)
})

test_that("checkpoint_management_test: testRelPath", {
  train_dir <- "train"
  model <- file.path(train_dir, "model-0")
  # No "train" part in the stored path.
  new_rel_path <- "model-0"
  ckpt <- tf$train$generate_checkpoint_state_proto(train_dir, model)
  expect_equal(ckpt$model_checkpoint_path, new_rel_path)
  expect_length(ckpt$all_model_checkpoint_paths, 1L)
  expect_equal(ckpt$all_model_checkpoint_paths[1], new_rel_path)
})

test_that("checkpoint_management_test: testAllModelCheckpointPaths", {
  save_dir <- ckpt_dir()
  abs_path <- file.path(save_dir, "model-0")
  for (paths in list(NULL, character(0), "model-2")) {
    ckpt <- tf$train$generate_checkpoint_state_proto(save_dir, abs_path, all_model_checkpoint_paths = paths)
    expect_equal(ckpt$model_checkpoint_path, abs_path)
    expect_true(startsWith(ckpt$model_checkpoint_path, "/"))
    expect_length(ckpt$all_model_checkpoint_paths, if (length(paths)) length(paths) + 1L else 1L)
    expect_equal(ckpt$all_model_checkpoint_paths[length(ckpt$all_model_checkpoint_paths)], abs_path)
  }
})

test_that("checkpoint_management_test: testUpdateCheckpointState", {
  save_dir <- ckpt_dir()
  withr::local_dir(save_dir)
  train_dir <- "train"
  dir.create(train_dir)
  abs_path <- file.path(save_dir, "model-0")
  rel_path <- file.path("train", "model-2")
  tf$train$update_checkpoint_state(train_dir, rel_path, all_model_checkpoint_paths = c(abs_path, rel_path))
  ckpt <- tf$train$get_checkpoint_state(train_dir)
  expect_equal(ckpt$model_checkpoint_path, rel_path)
  expect_length(ckpt$all_model_checkpoint_paths, 2L)
  expect_equal(ckpt$all_model_checkpoint_paths[2], rel_path)
  expect_equal(ckpt$all_model_checkpoint_paths[1], abs_path)
})

test_that("checkpoint_management_test: testUpdateCheckpointStateSaveRelativePaths", {
  # TensorFlow calls its internal update_checkpoint_state_internal(save_relative_paths=True);
  # tfnative's internal counterpart is .update_checkpoint_state (the Saver's path).
  save_dir <- ckpt_dir()
  withr::local_dir(save_dir)
  abs_path2 <- file.path(save_dir, "model-2")
  rel_path2 <- "model-2"
  abs_path0 <- file.path(save_dir, "model-0")
  rel_path0 <- "model-0"
  tfnative:::.update_checkpoint_state(save_dir = save_dir, model_checkpoint_path = abs_path2,
                                      all_model_checkpoint_paths = c(rel_path0, abs_path2),
                                      save_relative_paths = TRUE)
  # The file holds relative paths.
  expect_equal(readLines(file.path(save_dir, "checkpoint")),
               c('model_checkpoint_path: "model-2"', 'all_model_checkpoint_paths: "model-0"',
                 'all_model_checkpoint_paths: "model-2"'))
  # get_checkpoint_state gives absolute ones.
  ckpt <- tf$train$get_checkpoint_state(save_dir)
  expect_equal(ckpt$model_checkpoint_path, abs_path2)
  expect_length(ckpt$all_model_checkpoint_paths, 2L)
  expect_equal(ckpt$all_model_checkpoint_paths[2], abs_path2)
  expect_equal(ckpt$all_model_checkpoint_paths[1], abs_path0)
})

test_that("checkpoint_management_test: testCheckPointStateFailsWhenIncomplete", {
  save_dir <- ckpt_dir()
  withr::local_dir(save_dir)
  ckpt_path <- file.path(save_dir, "checkpoint")
  writeLines(character(0), ckpt_path)
  expect_tf_error(tf$train$get_checkpoint_state(save_dir), "value",
                  paste0("Invalid checkpoint state loaded from ", save_dir))
})

test_that("checkpoint_management_test: testCheckPointCompletesRelativePaths", {
  save_dir <- ckpt_dir()
  withr::local_dir(save_dir)
  ckpt_path <- file.path(save_dir, "checkpoint")
  writeLines(c('', '        model_checkpoint_path: "./model.ckpt-687529"',
               '        all_model_checkpoint_paths: "./model.ckpt-687500"',
               '        all_model_checkpoint_paths: "./model.ckpt-687529"', '        '), ckpt_path)
  ckpt <- tf$train$get_checkpoint_state(save_dir)
  expect_equal(ckpt$model_checkpoint_path, file.path(save_dir, "./model.ckpt-687529"))
  expect_equal(ckpt$all_model_checkpoint_paths[1], file.path(save_dir, "./model.ckpt-687500"))
  expect_equal(ckpt$all_model_checkpoint_paths[2], file.path(save_dir, "./model.ckpt-687529"))
})

# SaverUtilsTest: tfnative writes only V2 checkpoints, so the V1 rounds are left out.

test_that("checkpoint_management_test: testCheckpointExists", {
  base_dir <- ckpt_dir()
  for (sharded in c(FALSE, TRUE)) {
    fresh_graph()
    unused_v <- tf$Variable(1, name = "v")
    sess <- tf$Session()
    sess$run(tf$global_variables_initializer())
    saver <- tf$train$Saver(sharded = sharded, write_version = 2L)
    path <- file.path(base_dir, sprintf("%s-2", sharded))
    expect_false(tf$train$checkpoint_exists(path))  # not saved yet
    ckpt_prefix <- saver$save(sess, path)
    expect_true(tf$train$checkpoint_exists(ckpt_prefix))
    ckpt_prefix <- tf$train$latest_checkpoint(base_dir)
    expect_true(tf$train$checkpoint_exists(ckpt_prefix))
    sess$close()
  }
})

test_that("checkpoint_management_test: testGetCheckpointMtimes", {
  base_dir <- ckpt_dir()
  prefixes <- character(0)
  for (name in c("first", "second")) {
    fresh_graph()
    unused_v <- tf$Variable(1, name = "v")
    sess <- tf$Session()
    sess$run(tf$global_variables_initializer())
    saver <- tf$train$Saver(write_version = 2L)
    prefixes <- c(prefixes, saver$save(sess, file.path(base_dir, name)))
    sess$close()
  }
  mtimes <- tf$train$get_checkpoint_mtimes(prefixes)
  expect_length(mtimes, 2L)
  expect_true(mtimes[[2]] >= mtimes[[1]])
  expect_length(tf$train$get_checkpoint_mtimes(c(prefixes, file.path(base_dir, "none"))), 2L)
})

test_that("checkpoint_management_test: testRemoveCheckpoint", {
  base_dir <- ckpt_dir()
  for (sharded in c(FALSE, TRUE)) {
    fresh_graph()
    unused_v <- tf$Variable(1, name = "v")
    sess <- tf$Session()
    sess$run(tf$global_variables_initializer())
    saver <- tf$train$Saver(sharded = sharded, write_version = 2L)
    path <- file.path(base_dir, sprintf("%s-2", sharded))
    ckpt_prefix <- saver$save(sess, path)
    expect_true(tf$train$checkpoint_exists(ckpt_prefix))
    tf$train$remove_checkpoint(ckpt_prefix, 2L)
    expect_false(tf$train$checkpoint_exists(ckpt_prefix))
    expect_length(Sys.glob(paste0(ckpt_prefix, ".*")), 0L)
    sess$close()
  }
})
