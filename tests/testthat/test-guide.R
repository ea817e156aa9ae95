# The guide's code blocks, verbatim (../shared/guide/guide-code.md).

test_that("Creation", {
  fresh_graph()
  # Create two variables.
  weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                         name="weights")
  biases <- tf$Variable(tf$zeros(shape(200L), name="biases"))

  expect_s3_class(weights, "tf_variable")
  expect_equal(weights$name, "weights:0")
  expect_equal(biases$name, "Variable:0")
  ops <- vapply(tf$get_default_graph()$get_operations(), function(o) o$name, "")
  expect_true(all(c("weights", "weights/Assign", "weights/read", "random_normal",
                    "biases", "Variable", "Variable/Assign", "Variable/read") %in% ops))
  expect_equal(tf$get_default_graph()$get_operation_by_name("weights/Assign")$type, "Assign")
})

test_that("Initialization", {
  fresh_graph()
  # Create two variables.
  weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                         name="weights")
  biases <- tf$Variable(tf$zeros(shape(200), name="biases"))

  # Add an op to initialize the variables.
  init_op <- tf$global_variables_initializer()

  # Later, when launching the model
  with(tf$Session() %as% sess, {
    # Run the init operation.
    sess$run(init_op)
    # Use the model
    w <- sess$run(weights)
    b <- sess$run(biases)
  })
  expect_true(is.matrix(w))
  expect_equal(dim(w), c(784L, 200L))
  expect_type(w, "double")
  expect_equal(sd(w), 0.35, tolerance = 0.01)
  expect_equal(mean(w), 0, tolerance = 0.01)
  expect_identical(b, array(rep(0, 200)))
  # The session was closed on leaving the block.
  expect_tf_error(sess$run(biases), "runtime", "Attempted to use a closed Session.")
})

test_that("Initialization from another Variable", {
  fresh_graph()
  # Create a variable with a random value.
  weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                         name="weights")
  # Create another variable with the same value as 'weights'.
  w2 <- tf$Variable(weights$initialized_value(), name="w2")
  # Create another variable with twice the value of 'weights'
  w_twice <- tf$Variable(weights$initialized_value() * 2.0, name="w_twice")

  sess <- tf$Session()
  sess$run(tf$global_variables_initializer())
  w <- sess$run(weights)
  expect_identical(sess$run(w2), w)
  expect_identical(sess$run(w_twice), 2 * w)
  sess$close()
})
