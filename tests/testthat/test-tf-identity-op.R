# Port of TensorFlow 1.15's kernel_tests/identity_op_py_test.py.

test_that("identity_op_py_test: testInt32_6", {
  fresh_graph()
  sess <- tf$Session()
  expect_identical(sess$run(tf$identity(1:6)), array(1:6))
})

test_that("identity_op_py_test: testInt32_2_3", {
  fresh_graph()
  sess <- tf$Session()
  inp <- tf$constant(c(10L, 20L, 30L, 40L, 50L, 60L), shape = c(2, 3))
  expect_identical(sess$run(tf$identity(inp)), matrix(c(10L, 20L, 30L, 40L, 50L, 60L), 2, byrow = TRUE))
})

test_that("identity_op_py_test: testString", {
  fresh_graph()
  sess <- tf$Session()
  source <- c("A", "b", "C", "d", "E", "f")
  expect_identical(sess$run(tf$identity(source)), array(source))
})

test_that("identity_op_py_test: testIdentityShape", {
  fresh_graph()
  array_2x3 <- matrix(c(1L, 2L, 3L, 6L, 5L, 4L), 2, byrow = TRUE)
  tensor <- tf$constant(array_2x3)
  expect_identical(tensor$get_shape()$as_list(), list(2, 3))
  expect_identical(tf$identity(tensor)$get_shape()$as_list(), list(2, 3))
  expect_identical(tf$identity(array_2x3)$get_shape()$as_list(), list(2, 3))
})
