# Reading TensorFlow-written checkpoints, and writing byte-identical ones.

test_that("every V2 fixture lists and reads with the values its README gives", {
  half <- fixture("serving_half_plus_two_export_v2", "export")
  r <- tf$train$NewCheckpointReader(half)
  expect_equal(r$get_variable_to_shape_map(), list(Variable = integer(0), Variable_1 = integer(0)))
  expect_equal(r$get_variable_to_dtype_map()$Variable$name, "float32")
  expect_true(r$has_tensor("Variable_1"))
  expect_false(r$has_tensor("nope"))
  expect_equal(r$get_tensor("Variable"), 0.5)
  expect_equal(r$get_tensor("Variable_1"), 2)
  expect_equal(r$debug_string(), "Variable (DT_FLOAT) []\nVariable_1 (DT_FLOAT) []\n")
  expect_tf_error(r$get_tensor("v3"), "not_found", "Key v3 not found in checkpoint")
  expect_match(format(r), "2 tensors")

  expect_equal(tf$train$load_variable(fixture("tfrust_regression_model_2017", "variables"), "w"), array(-0.8578622, 1L), tolerance = 1e-7)
  expect_equal(tf$train$load_variable(fixture("tfrust_regression_model_2017", "variables"), "b"), array(0, 1L))
  expect_equal(tf$train$load_variable(fixture("tfrust_regression_savedmodel_2018", "variables"), "w"), array(-0.51074052, 1L), tolerance = 1e-7)
  h3 <- fixture("serving_saved_model_half_plus_three", "variables")
  expect_equal(vapply(c("a", "b", "c"), function(n) tf$train$load_variable(h3, n), 0), c(a = 0.5, b = 3, c = 3))
  expect_equal(tf$train$load_variable(fixture("serving_saved_model_counter", "variables"), "counter"), 0)
  cpu <- fixture("serving_saved_model_half_plus_two_cpu", "variables")  # Snappy-compressed block
  expect_equal(vapply(c("a", "a2", "b", "c", "c2"), function(n) tf$train$load_variable(cpu, n), 0),
               c(a = 0.5, a2 = 0.5, b = 2, c = 3, c2 = 3))
  mkl <- tf$train$list_variables(fixture("serving_saved_model_half_plus_two_mkl", "variables"))
  expect_true(any(vapply(mkl$shape, function(s) identical(s, c(1L, 1L, 1L, 1L)), TRUE)))
  expect_true(any(grepl("/", mkl$name)))
  for (n in mkl$name) expect_silent(tf$train$load_variable(fixture("serving_saved_model_half_plus_two_mkl", "variables"), n))
})

test_that("TensorFlow 2 fixtures: strings, int64, unsorted data, many entries", {
  for (d in c("serving_saved_model_half_plus_two_tf2_cpu", "serving_tf_text_regression",
              "tfrust_regression_savedmodel_tf25", "tfrust_keras_single_input")) {
    p <- fixture(d, "variables")
    lv <- tf$train$list_variables(p)
    expect_gt(nrow(lv), 0)
    for (n in lv$name) expect_no_error(tf$train$load_variable(p, n))
  }
  keras <- tf$train$list_variables(fixture("tfrust_keras_single_input", "variables"))
  expect_equal(nrow(keras), 28L)
  expect_true("int64" %in% keras$dtype)
  expect_true("string" %in% keras$dtype)
  graph <- tf$train$load_variable(fixture("serving_tf_text_regression", "variables"), "_CHECKPOINTABLE_OBJECT_GRAPH")
  # A serialized proto with NUL bytes: R strings cannot hold it, so it comes back as raw bytes.
  expect_type(graph, "list")
  expect_type(graph[[1]], "raw")
  expect_gt(length(graph[[1]]), 100)
})

test_that("matrices read from TensorFlow keep [i, j] = TensorFlow's [i-1][j-1]", {
  p <- fixture("tfrust_keras_single_input", "variables")
  lv <- tf$train$list_variables(p)
  name <- lv$name[vapply(lv$shape, function(s) identical(s, c(5L, 5L)), TRUE)][1]
  m <- tf$train$load_variable(p, name)
  expect_equal(dim(m), c(5L, 5L))
  # Re-save it and compare the raw bytes: row-major order must be preserved.
  fresh_graph()
  dir <- ckpt_dir()
  v <- tf$Variable(m, name = "m")
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  ours <- tf$train$Saver()$save(sess, file.path(dir, "m"))
  r_ours <- readBin(paste0(ours, ".data-00000-of-00001"), "numeric", 25, size = 4)
  expect_equal(r_ours, as.vector(t(m)), tolerance = 1e-7)
})

test_that("tf$train$Saver reproduces TensorFlow's own files byte for byte", {
  ref <- fixture("serving_half_plus_two_export_v2", "export")
  fresh_graph()
  dir <- ckpt_dir()
  a <- tf$Variable(0.5)
  b <- tf$Variable(2.0)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  p <- tf$train$Saver()$save(sess, file.path(dir, "export"))
  same <- function(suffix) identical(readBin(paste0(p, suffix), "raw", 1e6), readBin(paste0(ref, suffix), "raw", 1e6))
  expect_true(same(".index"))
  expect_true(same(".data-00000-of-00001"))
})

test_that("every TF1 fixture is recreated byte for byte by restore then save", {
  for (d in c("serving_saved_model_counter", "serving_saved_model_half_plus_three",
              "serving_saved_model_half_plus_two_mkl", "tfrust_regression_model_2017",
              "tfrust_regression_savedmodel_2018")) {
    src <- fixture(d, "variables")
    lv <- tf$train$list_variables(src)
    fresh_graph()
    dir <- ckpt_dir()
    vars <- lapply(seq_len(nrow(lv)), function(i) {
      shp <- lv$shape[[i]]
      tf$Variable(tf$zeros(if (length(shp)) shp else shape()), name = lv$name[i])
    })
    sess <- tf$Session()
    saver <- tf$train$Saver()
    saver$restore(sess, src)
    p <- saver$save(sess, file.path(dir, "variables"))
    sess$close()
    for (suffix in c(".index", ".data-00000-of-00001")) {
      expect_identical(readBin(paste0(p, suffix), "raw", 1e6), readBin(paste0(src, suffix), "raw", 1e6), label = paste(d, suffix))
    }
  }
})

test_that("V1 checkpoints get a clear error", {
  v1 <- fixture("v1_serving_session_bundle_half_plus_two", "export-00000-of-00001")
  expect_tf_error(tf$train$NewCheckpointReader(v1), "unimplemented", "V1 format")
  fresh_graph()
  a <- tf$Variable(0, name = "a")
  sess <- tf$Session()
  on.exit(sess$close())
  expect_tf_error(tf$train$Saver()$restore(sess, v1), "unimplemented", "V1 format")
  expect_true(tf$train$checkpoint_exists(v1))
})

test_that("print_tensors_in_checkpoint_file prints as TensorFlow does", {
  p <- fixture("serving_half_plus_two_export_v2", "export")
  ic <- tf$python$tools$inspect_checkpoint
  out <- capture.output(ic$print_tensors_in_checkpoint_file(p, tensor_name = "", all_tensors = FALSE))
  expect_equal(out, c("Variable (DT_FLOAT) []", "Variable_1 (DT_FLOAT) []", "", "# Total number of params: 2"))
  out <- capture.output(ic$print_tensors_in_checkpoint_file(p, tensor_name = "Variable_1", all_tensors = FALSE))
  expect_equal(out, c("tensor_name:  Variable_1", "[1] 2", "# Total number of params: 2"))
  out <- capture.output(ic$print_tensors_in_checkpoint_file(p, tensor_name = "", all_tensors = TRUE))
  expect_equal(out, c("tensor_name:  Variable", "[1] 0.5", "tensor_name:  Variable_1", "[1] 2", "# Total number of params: 2"))
  out <- capture.output(ic$print_tensors_in_checkpoint_file(p, "", FALSE, all_tensor_names = TRUE))
  expect_equal(out[1:2], c("tensor_name:  Variable", "tensor_name:  Variable_1"))
  expect_tf_error(ic$print_tensors_in_checkpoint_file(p, "nope", FALSE), "not_found")
})

test_that("folders stand for their latest checkpoint; a folder without one is an error", {
  dir <- ckpt_dir()
  expect_tf_error(tf$train$list_variables(dir), "value", "Couldn't find 'checkpoint' file or checkpoints in given directory")
  expect_tf_error(tf$train$NewCheckpointReader(42), "type")
})
