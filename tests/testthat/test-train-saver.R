# Saving, restoring, and the guide's three checkpoint blocks.

test_that("Saving Variables (guide block, verbatim but for the path)", {
  fresh_graph()
  dir <- ckpt_dir()
  path <- file.path(dir, "model.ckpt")
  # Create some variables.
  v1 <- tf$Variable(tf$random_normal(shape(3L, 4L)), name="v1")
  v2 <- tf$Variable(tf$zeros(shape(5L)), name="v2")

  # Add an op to initialize the variables.
  init_op <- tf$global_variables_initializer()

  # Add ops to save and restore all the variables.
  saver <- tf$train$Saver()

  # Later, launch the model, initialize the variables, do some work, save the
  # variables to disk.
  expect_output(with(tf$Session() %as% sess, {
    sess$run(init_op)
    # Do some work with the model.
    sess$run(v2$assign_add(tf$ones(shape(5L))))
    # Save the variables to disk.
    save_path <- saver$save(sess, path)
    cat(sprintf("Model saved in file: %s\n", save_path))
  }), paste0("Model saved in file: ", path), fixed = TRUE)
  expect_equal(save_path, path)
  expect_true(file.exists(file.path(dir, "model.ckpt.index")))
  expect_true(file.exists(file.path(dir, "model.ckpt.data-00000-of-00001")))
  expect_equal(readLines(file.path(dir, "checkpoint")),
               c(sprintf('model_checkpoint_path: "%s"', path), sprintf('all_model_checkpoint_paths: "%s"', path)))
  expect_equal(tf$train$load_variable(path, "v2"), array(rep(1, 5)))
})

test_that("the guide's /tmp/model.ckpt round trip: save here, restore in a fresh R process", {
  fresh_graph()
  dir <- ckpt_dir()
  path <- file.path(dir, "model.ckpt")
  v1 <- tf$Variable(tf$random_normal(shape(3L, 4L)), name="v1")
  v2 <- tf$Variable(tf$zeros(shape(5L)), name="v2")
  init_op <- tf$global_variables_initializer()
  saver <- tf$train$Saver()
  with(tf$Session() %as% sess, {
    sess$run(init_op)
    sess$run(v2$assign_add(tf$ones(shape(5L))))
    save_path <- saver$save(sess, path)
    saved_v1 <- sess$run(v1)
  })
  out <- run_in_fresh_r(sprintf('
library(tfnative)
# Create some variables.
v1 <- tf$Variable(tf$zeros(shape(3L, 4L)), name="v1")
v2 = tf$Variable(tf$zeros(shape(5L)), name="v2")
# Add ops to save and restore all the variables.
saver <- tf$train$Saver()
# Later, launch the model, use the saver to restore variables from disk, and
# do some work with the model.
with(tf$Session() %%as%% sess, {
  # Restore variables from disk.
  saver$restore(sess, "%s")
  cat("Model restored.\\n")
  # Do some work with the model
  cat(sprintf("%%.9g", sess$run(v1)), "\\n")
  cat(sess$run(v2), "\\n")
})', path))
  expect_equal(out[1], "Model restored.")
  expect_equal(as.numeric(strsplit(trimws(out[2]), " ")[[1]]), as.vector(saved_v1))
  expect_equal(trimws(out[3]), "1 1 1 1 1")
})

test_that("Choosing which Variables to Save and Restore (guide block)", {
  fresh_graph()
  dir <- ckpt_dir()
  # Create some variables.
  v1 <- tf$Variable(tf$zeros(shape(2L)), name="v1")
  v2 <- tf$Variable(tf$ones(shape(3L)), name="v2")

  # Add ops to save and restore only 'v2' using the name "my_v2"
  saver <- tf$train$Saver(dict(my_v2 = v2))
  # Use the saver object normally after that.
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  p <- saver$save(sess, file.path(dir, "sub.ckpt"))
  vars <- tf$train$list_variables(p)
  expect_equal(vars$name, "my_v2")
  # A named list renames the same way.
  saver2 <- tf$train$Saver(list(my_v2 = v2))
  p2 <- saver2$save(sess, file.path(dir, "sub2.ckpt"))
  expect_equal(tf$train$list_variables(p2)$name, "my_v2")
  # And restores into another variable under that name.
  sess$run(v2$assign(c(7, 8, 9)))
  p3 <- saver$save(sess, file.path(dir, "sub3.ckpt"))
  fresh_graph()
  params <- tf$Variable(tf$zeros(shape(3L)), name = "params")
  s2 <- tf$Session()
  on.exit(s2$close(), add = TRUE)
  tf$train$Saver(list(my_v2 = params))$restore(s2, p3)
  expect_equal(s2$run(params), array(c(7, 8, 9)))
})

test_that("dict() keys bound to variables stand for their op names", {
  fresh_graph()
  dir <- ckpt_dir()
  v0 <- tf$Variable(1, name = "v0")
  saver <- tf$train$Saver(dict(v0 = v0))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v0$initializer)
  expect_equal(tf$train$list_variables(saver$save(sess, file.path(dir, "m")))$name, "v0")
})

test_that("restore needs no initialization, and restores the first 5 of 6 layers", {
  fresh_graph()
  dir <- ckpt_dir()
  make_layers <- function(n) lapply(seq_len(n), function(i) tf$Variable(tf$random_normal(shape(4L, 4L), seed = i), name = paste0("layer", i)))
  five <- make_layers(5)
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  want <- lapply(five, function(v) sess$run(v))
  p <- tf$train$Saver()$save(sess, file.path(dir, "five.ckpt"))
  sess$close()
  fresh_graph()
  six <- make_layers(6)
  s6 <- tf$Session()
  on.exit(s6$close())
  tf$train$Saver(six[1:5])$restore(s6, p)
  for (i in 1:5) expect_identical(s6$run(six[[i]]), want[[i]])
  expect_equal(s6$run(tf$report_uninitialized_variables()), array("layer6"))
  expect_tf_error(tf$train$Saver(six)$restore(s6, p), "not_found", "Key layer6 not found in checkpoint")
})

test_that("global_step names, max_to_keep deletes, state file lists the newest", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(0, name = "v")
  step <- tf$Variable(0L, name = "global_step", trainable = FALSE)
  saver <- tf$train$Saver(max_to_keep = 2)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  prefix <- file.path(dir, "model.ckpt")
  expect_equal(saver$save(sess, prefix, global_step = 1000), paste0(prefix, "-1000"))
  expect_equal(saver$save(sess, prefix, global_step = 2000L), paste0(prefix, "-2000"))
  sess$run(step$assign(3000L))
  expect_equal(saver$save(sess, prefix, global_step = step), paste0(prefix, "-3000"))
  expect_equal(saver$last_checkpoints, paste0(prefix, c("-2000", "-3000")))
  expect_false(file.exists(paste0(prefix, "-1000.index")))
  expect_false(file.exists(paste0(prefix, "-1000.data-00000-of-00001")))
  expect_true(tf$train$checkpoint_exists(paste0(prefix, "-2000")))
  expect_false(tf$train$checkpoint_exists(paste0(prefix, "-1000")))
  st <- tf$train$get_checkpoint_state(dir)
  expect_s3_class(st, "tf_checkpoint_state")
  expect_equal(st$model_checkpoint_path, paste0(prefix, "-3000"))
  expect_equal(st$all_model_checkpoint_paths, paste0(prefix, c("-2000", "-3000")))
  expect_equal(tf$train$get_checkpoint_state(paste0(prefix, "-2000"))$model_checkpoint_path, paste0(prefix, "-3000"))
  expect_equal(tf$train$latest_checkpoint(dir), paste0(prefix, "-3000"))
  expect_output(print(st), "model_checkpoint_path:", fixed = TRUE)
  expect_tf_error(saver$save(sess, prefix, global_step = 1.5), "type")
  expect_equal(tf$train$list_variables(dir)$name, c("global_step", "v"))
  expect_equal(tf$train$load_variable(dir, "global_step:0"), 3000L)
})

test_that("max_to_keep = NULL or 0 keeps everything; keep_checkpoint_every_n_hours keeps extras", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(0, name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  keep_all <- tf$train$Saver(max_to_keep = NULL)
  for (i in 1:4) keep_all$save(sess, file.path(dir, "a"), global_step = i)
  expect_length(Sys.glob(file.path(dir, "a-*.index")), 4L)
  # A tiny interval: every checkpoint pushed out of the window is kept for good.
  hourly <- tf$train$Saver(max_to_keep = 1, keep_checkpoint_every_n_hours = 1e-9)
  Sys.sleep(0.01)
  for (i in 1:3) { hourly$save(sess, file.path(dir, "b"), global_step = i); Sys.sleep(0.01) }
  expect_length(Sys.glob(file.path(dir, "b-*.index")), 3L)
  expect_equal(hourly$last_checkpoints, file.path(dir, "b-3"))
  expect_output(print(hourly), "max_to_keep=1", fixed = TRUE)
})

test_that("latest_filename, write_state = FALSE and a missing state file", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(0, name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  saver <- tf$train$Saver()
  saver$save(sess, file.path(dir, "x"), latest_filename = "mystate")
  expect_true(file.exists(file.path(dir, "mystate")))
  expect_false(file.exists(file.path(dir, "checkpoint")))
  expect_null(tf$train$latest_checkpoint(dir))
  expect_equal(tf$train$latest_checkpoint(dir, latest_filename = "mystate"), file.path(dir, "x"))
  saver$save(sess, file.path(dir, "y"), write_state = FALSE)
  expect_equal(tf$train$latest_checkpoint(dir, "mystate"), file.path(dir, "x"))
  expect_null(tf$train$get_checkpoint_state(tempdir(), "no_such_state_file"))
})

test_that("relative paths in a state file are relative to its folder", {
  dir <- ckpt_dir()
  writeLines(c('model_checkpoint_path: "m-2"', 'all_model_checkpoint_paths: "m-1"', 'all_model_checkpoint_paths: "m-2"',
               "all_model_checkpoint_timestamps: 1.5", "last_preserved_timestamp: 1.25"),
             file.path(dir, "checkpoint"))
  st <- tf$train$get_checkpoint_state(dir)
  expect_equal(st$model_checkpoint_path, file.path(dir, "m-2"))
  expect_equal(st$all_model_checkpoint_paths, file.path(dir, c("m-1", "m-2")))
  writeLines("this is : not a state", file.path(dir, "checkpoint"))
  # As TensorFlow: an unparsable state file is ignored with a warning.
  expect_warning(st <- tf$train$get_checkpoint_state(dir), "Checkpoint ignored")
  expect_null(st)
})

test_that("all engine dtypes, empty tensors and high ranks round-trip through a Saver", {
  fresh_graph()
  dir <- ckpt_dir()
  vals <- list(
    f32 = array(as.numeric(1:24) / 4, c(2, 3, 4)), f64 = c(pi, exp(1)), i32 = matrix(-3:2, 2),
    i64 = c(2^40, -7), b = c(TRUE, FALSE, TRUE), s = matrix(c("a", "", "ccc", "dd"), 2),
    empty = numeric(0), r8 = array(as.numeric(1:16), rep(c(1, 2), 4))
  )
  dtypes <- list(f32 = tf$float32, f64 = tf$float64, i32 = tf$int32, i64 = tf$int64, b = tf$bool,
                 s = tf$string, empty = tf$float32, r8 = tf$float64)
  vars <- Map(function(v, d, n) tf$Variable(v, dtype = d, name = paste0("scope/", n)), vals, dtypes, names(vals))
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  p <- tf$train$Saver()$save(sess, file.path(dir, "all"))
  s2 <- tf$Session()
  on.exit(s2$close(), add = TRUE)
  tf$train$Saver()$restore(s2, p)
  for (n in names(vals)) expect_identical(s2$run(vars[[n]]), sess$run(vars[[n]]), label = n)
  expect_identical(s2$run(vars$f32), vals$f32)
  expect_identical(s2$run(vars$s), vals$s)
  lv <- tf$train$list_variables(p)
  expect_equal(lv$dtype[lv$name == "scope/i64"], "int64")
  expect_equal(lv$shape[[which(lv$name == "scope/r8")]], rep(c(1L, 2L), 4))
})

test_that("bad saver arguments are classed errors", {
  fresh_graph()
  expect_tf_error(tf$train$Saver(), "value", "No variables to save")
  expect_s3_class(tf$train$Saver(allow_empty = TRUE), "tf_saver")
  v1 <- tf$Variable(1, name = "v1")
  expect_tf_error(tf$train$Saver(list(v1, v1)), "value", "At least two variables have the same name: v1")
  expect_tf_error(tf$train$Saver(list(a = v1, b = tf$constant(1))), "type", "Variable to save is not a Variable")
  expect_tf_error(tf$train$Saver(max_to_keep = -1), "value")
  saver <- tf$train$Saver()
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(saver$save(sess, file.path(tempdir(), "v1.ckpt")), "failed_precondition", "Attempting to use uninitialized value v1")
  expect_false(file.exists(file.path(tempdir(), "v1.ckpt.index")))
  sess$run(v1$initializer)
  expect_tf_error(saver$save(sess, "/no/such/folder/model.ckpt"), "value", "Parent directory of /no/such/folder/model.ckpt doesn't exist, can't save.")
  expect_tf_error(saver$save("not a session", "x"), "type")
  expect_tf_error(saver$save(sess, 42), "type")
  expect_tf_error(saver$restore(sess, NULL), "value", "Can't load save_path when it is None.")
  expect_tf_error(saver$restore(sess, file.path(tempdir(), "nothing-here")), "value", "The passed save_path is not a valid checkpoint")
  expect_tf_error(saver$nope, "attribute")
  sess$close()
  expect_tf_error(saver$save(sess, file.path(tempdir(), "closed")), "runtime", "Attempted to use a closed Session.")
})

test_that("shape and dtype mismatches on restore change nothing", {
  fresh_graph()
  dir <- ckpt_dir()
  a <- tf$Variable(c(1, 2), name = "a")
  b <- tf$Variable(c(1, 2, 3), name = "b")
  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  p <- tf$train$Saver()$save(sess, file.path(dir, "ab"))
  sess$close()
  fresh_graph()
  a <- tf$Variable(c(10, 20), name = "a")
  b <- tf$Variable(c(10, 20, 30, 40, 50, 60), name = "b")
  s2 <- tf$Session()
  on.exit(s2$close())
  s2$run(tf$global_variables_initializer())
  expect_tf_error(tf$train$Saver()$restore(s2, p), "invalid_argument",
                  "Assign requires shapes of both tensors to match. lhs shape= [6] rhs shape= [3]")
  expect_equal(s2$run(a), array(c(10, 20)))  # nothing was assigned, not even 'a'
  fresh_graph()
  a <- tf$Variable(c(10, 20), dtype = tf$float64, name = "a")
  s3 <- tf$Session()
  on.exit(s3$close(), add = TRUE)
  s3$run(a$initializer)
  expect_tf_error(tf$train$Saver()$restore(s3, p), "invalid_argument",
                  "tensor_name = a; expected dtype double does not equal original dtype float")
  expect_equal(s3$run(a), array(c(10, 20)))
})

test_that("truncated, corrupted and foreign files are data_loss errors, never crashes", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(tf$random_normal(shape(100L)), name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  saver <- tf$train$Saver()
  p <- saver$save(sess, file.path(dir, "m"))
  good <- sess$run(v)
  data_file <- paste0(p, ".data-00000-of-00001")
  index_file <- paste0(p, ".index")
  bytes <- readBin(data_file, "raw", 1e6)
  sess$run(v$assign(tf$zeros(shape(100L))))
  # Corrupted data: checksum mismatch; the variable keeps its value.
  bad <- bytes
  bad[17] <- xor(bad[17], as.raw(1))
  writeBin(bad, data_file)
  expect_tf_error(saver$restore(sess, p), "data_loss", "Checksum does not match")
  expect_equal(sess$run(v), array(rep(0, 100)))
  # Truncated data.
  writeBin(bytes[1:50], data_file)
  expect_tf_error(saver$restore(sess, p), "data_loss", "truncated")
  writeBin(bytes, data_file)
  # Truncated and corrupted index.
  idx <- readBin(index_file, "raw", 1e6)
  writeBin(idx[1:20], index_file)
  expect_tf_error(saver$restore(sess, p), "data_loss")
  bad_idx <- idx
  bad_idx[5] <- xor(bad_idx[5], as.raw(8))
  writeBin(bad_idx, index_file)
  expect_tf_error(saver$restore(sess, p), "data_loss")
  writeBin(idx, index_file)
  saver$restore(sess, p)
  expect_identical(sess$run(v), good)
  # Not a checkpoint at all.
  junk <- file.path(dir, "junk")
  writeLines(rep("hello, this is text and not a table", 5), paste0(junk, ".index"))
  expect_tf_error(saver$restore(sess, junk), "data_loss", "not an sstable")
  expect_tf_error(tf$train$NewCheckpointReader(file.path(dir, "nope")), "not_found", "Failed to find any matching files")
})

test_that("a killed saving process never damages the previous checkpoint", {
  skip_on_os("windows")
  fresh_graph()
  dir <- ckpt_dir()
  prefix <- file.path(dir, "model.ckpt")
  big <- tf$Variable(tf$ones(shape(4e6)), name = "big")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(big$initializer)
  saver <- tf$train$Saver()
  saver$save(sess, prefix)
  child <- file.path(dir, "child.R")
  ready <- file.path(dir, "ready")
  writeLines(sprintf('
library(tfnative)
big <- tf$Variable(tf$fill(c(4e6), 2), name = "big")
sess <- tf$Session()
sess$run(big$initializer)
saver <- tf$train$Saver()
saver$save(sess, "%s")
file.create("%s")
repeat saver$save(sess, "%s")', prefix, ready, prefix), child)
  rscript <- file.path(R.home("bin"), "Rscript")
  libs <- paste(.libPaths(), collapse = .Platform$path.sep)
  pid <- as.integer(system(sprintf("R_LIBS='%s' '%s' '%s' >/dev/null 2>&1 & echo $!", libs, rscript, child), intern = TRUE))
  for (i in 1:300) if (!file.exists(ready)) Sys.sleep(0.05)
  expect_true(file.exists(ready))
  for (k in 1:5) {
    Sys.sleep(0.05 + k * 0.037)  # kill at different points of a save
    if (k == 5) tools::pskill(pid, tools::SIGKILL)
  }
  Sys.sleep(0.2)
  # Whatever the kill interrupted, the checkpoint at the prefix is whole.
  saver$restore(sess, prefix)
  vals <- sess$run(big)
  expect_length(unique(vals), 1L)
  expect_true(unique(vals) %in% c(1, 2))
  expect_equal(tf$train$latest_checkpoint(dir), prefix)
})

test_that("saves and restores run in steps; long ones show a progress bar", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(tf$random_normal(shape(5000L)), name = "v")
  s <- tf$Variable(c("a", "bc"), name = "s")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  want <- sess$run(v)
  saver <- tf$train$Saver()
  withr::local_options(tfnative.checkpoint_step_bytes = 1000)
  p <- saver$save(sess, file.path(dir, "steps"))
  sess$run(v$assign(tf$zeros(shape(5000L))))
  saver$restore(sess, p)
  expect_identical(sess$run(v), want)
  # A slow job (faked) shows a bar; a failing one is cancelled.
  fake <- function(fail_at = Inf) {
    env <- new.env()
    env$calls <- 0
    env$cancelled <- FALSE
    env$job_step <- function(budget) {
      env$calls <- env$calls + 1
      Sys.sleep(0.03)
      if (env$calls >= fail_at) return(structure(list(code = 15L, message = "boom"), class = "tfn_status"))
      list(env$calls >= 20, env$calls / 200)  # projected to take ~6 s
    }
    env$job_cancel <- function() env$cancelled <- TRUE
    env
  }
  f <- fake()
  out <- capture.output(tfnative:::.drive_checkpoint_job(f, show = TRUE))
  expect_true(any(grepl("100%", out)))
  expect_false(f$cancelled)
  quiet <- capture.output(tfnative:::.drive_checkpoint_job(fake(), show = FALSE))
  expect_length(quiet, 0L)
  f2 <- fake(fail_at = 3)
  expect_tf_error(tfnative:::.drive_checkpoint_job(f2, show = FALSE), "data_loss", "boom")
  expect_true(f2$cancelled)
})

test_that("a relative save path gives a state file relative to its folder, as TensorFlow writes it", {
  fresh_graph()
  dir <- ckpt_dir()
  withr::local_dir(dir)
  dir.create("ckdir")
  v <- tf$Variable(1, name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  saver <- tf$train$Saver()
  expect_equal(saver$save(sess, "ckdir/model", global_step = 1), "ckdir/model-1")
  saver$save(sess, "./ckdir/model", global_step = 2)
  expect_equal(readLines("ckdir/checkpoint"), c('model_checkpoint_path: "model-2"',
                                                'all_model_checkpoint_paths: "model-1"',
                                                'all_model_checkpoint_paths: "model-2"'))
  expect_equal(tf$train$latest_checkpoint("ckdir"), "ckdir/model-2")
  expect_equal(tf$train$list_variables("ckdir")$name, "v")
})

test_that("an interrupted restore never leaves a variable half-restored", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(tf$ones(shape(200000L)), name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  saver <- tf$train$Saver()
  p <- saver$save(sess, file.path(dir, "m"))
  sess$run(v$assign(tf$zeros(shape(200000L))))
  xp <- .subset2(sess, "xp")
  interrupt_at <- function(when) {
    .ck <- tfnative:::.ck
    .ck(xp$restore_begin(p, "v", as.integer(.subset2(v, "op"))))
    wrapper <- new.env()
    wrapper$job_step <- function(budget) {
      r <- xp$job_step(budget)
      if (!isTRUE(r[[1]]) && r[[2]] >= when) stop("interrupted")
      r
    }
    wrapper$job_cancel <- function() xp$job_cancel()
    expect_error(tfnative:::.drive_checkpoint_job(wrapper, step_bytes = 50000, show = FALSE), "interrupted")
    sess$run(v)
  }
  # Stopped while checksums are verified: nothing has changed.
  expect_true(all(interrupt_at(0.2) == 0))
  # Stopped while values are read in: the restore is completed, never left half done.
  expect_true(all(interrupt_at(0.7) == 1))
  expect_tf_error(tf$train$NewCheckpointReader(p)$get_tensor(5), "type", "must be a string")
})

test_that("a sharded save needs its folder; a plain one creates only the last level", {
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(1, name = "v")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  # TensorFlow writes a sharded save's parts into a temporary folder beside the prefix first.
  expect_tf_error(tf$train$Saver(sharded = TRUE)$save(sess, file.path(dir, "run", "model")), "value",
                  "Parent directory of")
  expect_false(dir.exists(file.path(dir, "run")))
  expect_equal(tf$train$Saver()$save(sess, file.path(dir, "run", "model")), file.path(dir, "run", "model"))
  expect_equal(tf$train$latest_checkpoint(file.path(dir, "run")), file.path(dir, "run", "model"))
  # A failed save leaves no folder behind.
  w <- tf$Variable(2, name = "w")
  expect_tf_error(tf$train$Saver()$save(sess, file.path(dir, "run2", "model")), "failed_precondition")
  expect_false(dir.exists(file.path(dir, "run2")))
  expect_tf_error(tf$train$Saver()$save(sess, file.path(dir, "x"), latest_filename = "a/b"), "value",
                  "'latest_filename' must not contain path components")
})
