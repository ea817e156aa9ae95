# TensorFlow 1.15 tensorflow/python/training/training_util_test.py, GlobalStepTest, ported to
# tf$train$get_global_step / create_global_step / get_or_create_global_step.

# The global step's name, dtype and (scalar) static shape.
expect_global_step <- function(global_step, dtype = "int64") {
  expect_equal(global_step$name, paste0(tf$GraphKeys$GLOBAL_STEP, ":0"))
  expect_equal(global_step$dtype$base_dtype$name, dtype)
  expect_equal(global_step$get_shape()$as_list(), list())
}

test_that("training_util_test: GlobalStepTest.test_invalid_dtype", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    expect_null(tf$train$get_global_step())
    tf$Variable(0, trainable = FALSE, dtype = tf$float32, name = tf$GraphKeys$GLOBAL_STEP)
    expect_tf_error(tf$train$get_global_step(), "type", "does not have integer type")
  })
  expect_tf_error(tf$train$get_global_step(g), "type", "does not have integer type")
})

test_that("training_util_test: GlobalStepTest.test_invalid_shape", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    expect_null(tf$train$get_global_step())
    tf$Variable(array(0L, 1), trainable = FALSE, dtype = tf$int32, name = tf$GraphKeys$GLOBAL_STEP)
    expect_tf_error(tf$train$get_global_step(), "type", "not scalar")
  })
  expect_tf_error(tf$train$get_global_step(g), "type", "not scalar")
})

test_that("training_util_test: GlobalStepTest.test_create_global_step", {
  fresh_graph()
  expect_null(tf$train$get_global_step())
  g <- tf$Graph()
  with(g$as_default(), {
    global_step <- tf$train$create_global_step()
    expect_global_step(global_step)
    expect_tf_error(tf$train$create_global_step(), "value", "already exists")
    expect_tf_error(tf$train$create_global_step(g), "value", "already exists")
    expect_global_step(tf$train$create_global_step(tf$Graph()))
  })
})

test_that("training_util_test: GlobalStepTest.test_get_global_step", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    expect_null(tf$train$get_global_step())
    tf$Variable(0L, trainable = FALSE, dtype = tf$int32, name = tf$GraphKeys$GLOBAL_STEP)
    expect_global_step(tf$train$get_global_step(), dtype = "int32")
  })
  expect_global_step(tf$train$get_global_step(g), dtype = "int32")
})

test_that("training_util_test: GlobalStepTest.test_get_or_create_global_step", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    expect_null(tf$train$get_global_step())
    expect_global_step(tf$train$get_or_create_global_step())
    expect_global_step(tf$train$get_or_create_global_step(g))
  })
})

test_that("global step helpers check their graph argument and the step's rank", {
  fresh_graph()
  expect_tf_error(tf$train$create_global_step(graph = "x"), "type", "graph must be a tf$Graph")
  expect_tf_error(tf$train$get_global_step(graph = tf$constant(1)), "type", "graph must be a tf$Graph")
  tf$placeholder(tf$int64, shape(NULL), name = "global_step")
  expect_tf_error(tf$train$get_global_step(), "type", "is not scalar")
  fresh_graph()
  tf$add_to_collection("global_step", "not a tensor")
  expect_tf_error(tf$train$get_global_step(), "type", "is not a tensor or variable")
})
