# Ports of TensorFlow 1.15's variables_test.py (RefVariable, graph mode) and
# variable_ops_test.py. See CONFORMANCE-port-vars-session.md for what is not ported and why.

expect_unknown_shape <- function(s) expect_equal(format(s), "TensorShape(None)")

# variables_test.py: VariablesTestCase ------------------------------------------

test_that("variables_test: testInitialization", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var0 <- tf$Variable(0)
  expect_equal(var0$name, "Variable:0")
  expect_equal(var0$get_shape()$as_list(), list())
  expect_equal(var0$shape$ndims, 0L)
  var1 <- tf$Variable(1.1)
  expect_equal(var1$name, "Variable_1:0")
  expect_equal(var1$shape$as_list(), list())
  expect_tf_error(sess$run(var0), "failed_precondition", "Attempting to use uninitialized value")
  expect_tf_error(sess$run(var1), "failed_precondition", "Attempting to use uninitialized value")
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(var0), 0)
  expect_equal(sess$run(var1), 1.1, tolerance = 1e-6)
})

test_that("variables_test: testInitializationOrder", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  rnd <- tf$Variable(tf$random_uniform(shape(3L, 6L)), name = "rnd")
  expect_equal(rnd$name, "rnd:0")
  expect_equal(rnd$get_shape()$as_list(), list(3, 6))
  dep <- tf$Variable(rnd$initialized_value(), name = "dep")
  expect_equal(dep$name, "dep:0")
  expect_equal(dep$shape$as_list(), list(3, 6))
  added_val <- rnd$initialized_value() + dep$initialized_value() + 2
  depdep <- tf$Variable(added_val, name = "depdep")
  expect_equal(depdep$name, "depdep:0")
  expect_equal(depdep$shape$as_list(), list(3, 6))
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(rnd), sess$run(dep))
  expect_equal(sess$run(rnd) + sess$run(dep) + 2, sess$run(depdep), tolerance = 1e-6)
})

test_that("variables_test: testAssignments", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var <- tf$Variable(0)
  plus_one <- var$assign_add(1)
  minus_one <- var$assign_sub(2)
  four <- var$assign(4)
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(var), 0)
  expect_equal(sess$run(plus_one), 1)
  expect_equal(sess$run(var), 1)
  expect_equal(sess$run(minus_one), -1)
  expect_equal(sess$run(var), -1)
  expect_equal(sess$run(four), 4)
  expect_equal(sess$run(var), 4)
})

test_that("variables_test: testZeroSizeStringAssign", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  arr <- tf$Variable(tf$zeros(shape(0L), dtype = tf$string), name = "foo", trainable = FALSE,
                     collections = list(tf$GraphKeys$LOCAL_VARIABLES))
  expect_length(tf$global_variables(), 0L)
  expect_identical(tf$local_variables(), list(arr))
  sess$run(tf$local_variables_initializer())
  copy_op <- arr$assign(arr$value())
  out <- sess$run(copy_op)
  expect_type(out, "character")
  expect_length(out, 0L)
  # String zeros are empty strings.
  expect_identical(sess$run(tf$zeros(shape(2L), dtype = tf$string)), array(c("", "")))
})

count_up_to_check <- function(dtype) {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  zero <- tf$constant(0L, dtype = dtype)
  var <- tf$Variable(zero)
  count_up_to <- var$count_up_to(3)
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(var), 0)
  for (i in 0:2) {
    expect_equal(sess$run(count_up_to), i)
    expect_equal(sess$run(var), i + 1)
  }
  for (i in 1:2) {
    expect_tf_error(sess$run(count_up_to), "out_of_range", "Reached limit of 3")
    expect_equal(sess$run(var), 3)
  }
}

test_that("variables_test: testCountUpToInt32", {
  count_up_to_check(tf$int32)
})

test_that("variables_test: testCountUpToInt64", {
  count_up_to_check(tf$int64)
})

test_that("variables_test: testControlDepsNone", {
  fresh_graph()
  c1 <- tf$constant(1)
  with(tf$control_dependencies(list(c1)), {
    d <- tf$constant(2)  # gets the control dependency
    var_x <- tf$Variable(2)  # variables do not
  })
  expect_equal(vapply(d$op$control_inputs, function(o) o$name, ""), c1$op$name)
  expect_length(var_x$initializer$control_inputs, 0L)
  expect_length(var_x$value()$op$control_inputs, 0L)
  expect_length(var_x$op$control_inputs, 0L)
})

test_that("variables_test: testUseVariableAsTensor", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var_x <- tf$Variable(2)
  var_y <- tf$Variable(3)
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(var_x), 2)
  expect_equal(sess$run(var_y), 3)
  expect_equal(sess$run(tf$add(var_x, var_y)), 5)
})

test_that("variables_test: testZeroSizeVarSameAsConst", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  zero_size_var <- tf$Variable(tf$zeros(shape(0L, 2L)))
  zero_size_const <- tf$ones(shape(2L, 0L))
  variable_mul <- tf$matmul(zero_size_const, zero_size_var)
  const_mul <- tf$matmul(zero_size_const, zero_size_const, transpose_b = TRUE)
  sess$run(tf$global_variables_initializer())
  variable_output <- sess$run(variable_mul)
  expect_equal(variable_output, sess$run(const_mul))
  expect_equal(variable_output, matrix(0, 2, 2))
})

test_that("variables_test: testCachingDevice", {
  fresh_graph()
  var <- tf$Variable(2)
  expect_equal(var$device, var$value()$device)
  expect_equal(var$device, var$initialized_value()$device)
  var_cached <- tf$Variable(2, caching_device = "/job:foo")
  expect_false(startsWith(var_cached$device, "/job:foo"))
  expect_true(startsWith(var_cached$value()$device, "/job:foo"))
})

test_that("variables_test: testCollections", {
  fresh_graph()
  var_x <- tf$Variable(2)
  var_y <- tf$Variable(2, trainable = FALSE)
  var_z <- tf$Variable(2, trainable = TRUE)
  var_t <- tf$Variable(2, trainable = TRUE,
                       collections = list(tf$GraphKeys$TRAINABLE_VARIABLES, tf$GraphKeys$GLOBAL_VARIABLES))
  expect_identical(tf$global_variables(), list(var_x, var_y, var_z, var_t))
  expect_identical(tf$trainable_variables(), list(var_x, var_z, var_t))
})

test_that("variables_test: testCollectionsWithScope", {
  fresh_graph()
  with(tf$name_scope("scope_1"), var_x <- tf$Variable(2))
  with(tf$name_scope("scope_2"), var_y <- tf$Variable(2))
  expect_identical(tf$global_variables(), list(var_x, var_y))
  expect_identical(tf$global_variables("scope_1"), list(var_x))
  expect_identical(tf$global_variables("scope_2"), list(var_y))
  expect_identical(tf$trainable_variables(), list(var_x, var_y))
  expect_identical(tf$trainable_variables("scope_1"), list(var_x))
  expect_identical(tf$trainable_variables("scope_2"), list(var_y))
})

test_that("variables_test: testOperators", {
  # All but [ slicing (StridedSlice: issue 10).
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var_f <- tf$Variable(array(2))
  ops <- list(
    add = var_f + 0, radd = 1 + var_f, sub = var_f - 1, rsub = 1 - var_f,
    mul = var_f * 10, rmul = 10 * var_f, div = var_f / 10, rdiv = 10 / var_f,
    lt = var_f < 3, rlt = 3 < var_f, le = var_f <= 2, rle = 2 <= var_f,
    gt = var_f > 3, rgt = 3 > var_f, ge = var_f >= 2, rge = 2 >= var_f,
    neg = -var_f, abs_v = abs(var_f)
  )
  var_i <- tf$Variable(array(20L))
  ops$mod <- var_i %% 7L
  ops$rmod <- 103L %% var_i
  var_b <- tf$Variable(c(TRUE, FALSE))
  ops$and_v <- var_b & c(TRUE, TRUE)
  ops$or_v <- var_b | c(FALSE, TRUE)
  ops$xor_v <- xor(var_b, c(FALSE, FALSE))  # base R's xor is (x | y) & !(x & y)
  ops$invert_v <- !var_b
  var_m <- tf$Variable(matrix(c(2, 3), 1, 2))
  matmul <- tf$matmul(var_m, matrix(c(10, 20), 2, 1))
  rmatmul <- tf$matmul(matrix(c(10, 20), 2, 1), var_m)
  sess$run(tf$global_variables_initializer())
  out <- sess$run(ops)
  expected <- list(add = 2, radd = 3, sub = 1, rsub = -1, mul = 20, rmul = 20, div = 0.2, rdiv = 5,
                   lt = TRUE, rlt = FALSE, le = TRUE, rle = TRUE, gt = FALSE, rgt = TRUE, ge = TRUE, rge = TRUE,
                   neg = -2, abs_v = 2, mod = 6L, rmod = 3L, and_v = c(TRUE, FALSE), or_v = c(TRUE, TRUE),
                   xor_v = c(TRUE, FALSE), invert_v = c(FALSE, TRUE))
  for (nm in names(expected)) expect_equal(out[[nm]], array(expected[[nm]]), tolerance = 1e-6, info = nm)
  expect_equal(sess$run(matmul), matrix(80, 1, 1))
  expect_equal(sess$run(rmatmul), matrix(c(20, 40, 30, 60), 2, 2))
})

test_that("variables_test: testSession", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var <- tf$Variable(c(1L, 12L))
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(var), array(c(1L, 12L)))
})

test_that("variables_test: testColocation", {
  fresh_graph()
  with(tf$device("/job:ps"), var <- tf$Variable(0, name = "v"))
  with(tf$device("/job:worker/task:7"), assign_op <- var$assign(1))
  expect_equal(assign_op$device, "/job:ps")
  expect_equal(assign_op$op$colocation_groups(), "loc:@v")
})

test_that("variables_test: testInitializerFunction", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  value <- matrix(c(-42, 133.7), 2, 1)
  initializer <- function() tf$constant(value)
  v1 <- tf$Variable(initializer, dtype = tf$float32)
  expect_equal(v1$get_shape()$as_list(), list(2, 1))
  expect_equal(v1$shape$as_list(), list(2, 1))
  expect_equal(sess$run(v1$initial_value), value, tolerance = 1e-6)
  expect_error(sess$run(v1), class = "tf_failed_precondition_error")
  v2 <- tf$Variable(tf$negative(v1$initialized_value()), dtype = tf$float32)
  expect_equal(v2$get_shape()$as_list(), v1$get_shape()$as_list())
  expect_equal(sess$run(v2$initial_value), -value, tolerance = 1e-6)
  expect_error(sess$run(v2), class = "tf_failed_precondition_error")
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(v2), -value, tolerance = 1e-6)
})

test_that("variables_test: testConstraintArg", {
  fresh_graph()
  constraint <- function(x) x
  v <- tf$Variable(function() tf$constant(1), constraint = constraint)
  expect_identical(v$constraint, constraint)
  expect_tf_error(tf$Variable(function() tf$constant(1), constraint = 0), "value",
                  "The `constraint` argument must be a callable.")
})

test_that("variables_test: testNoRefDataRace", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  a <- tf$Variable(c(1, 2, 3), dtype = tf$float32)
  b <- tf$Variable(a$initialized_value() + 2)
  c3 <- tf$Variable(b$initialized_value() + 2)
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(a), array(c(1, 2, 3)))
  expect_equal(sess$run(b), array(c(3, 4, 5)))
  expect_equal(sess$run(c3), array(c(5, 6, 7)))
})

test_that("variables_test: testInitializerFunctionDevicePlacement", {
  fresh_graph()
  initializer <- function() tf$constant(42)
  with(tf$device("/cpu:100"), v1 <- tf$Variable(initializer, dtype = tf$float32, name = "v1"))
  expect_equal(v1$op$device, "/device:CPU:100")
  expect_equal(v1$initial_value$name, "v1/Initializer/Const:0")
  expect_equal(v1$op$colocation_groups(), "loc:@v1")
  for (i in v1$initializer$inputs) expect_equal(i$op$colocation_groups(), "loc:@v1")
  v2 <- tf$Variable(initializer, dtype = tf$float32, name = "v2")
  expect_equal(v2$op$device, "")
  expect_equal(v2$op$colocation_groups(), "loc:@v2")
  for (i in v2$initializer$inputs) expect_equal(i$op$colocation_groups(), "loc:@v2")
})

test_that("variables_test: testLoad", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var <- tf$Variable(matrix(0, 5, 5))
  sess$run(tf$global_variables_initializer())
  var$load(matrix(1, 5, 5), session = sess)
  expect_equal(sess$run(var), matrix(1, 5, 5))
  # And through the default session, as TensorFlow's cached_session makes it.
  with(sess$as_default(), var$load(matrix(2, 5, 5)))
  expect_equal(sess$run(var), matrix(2, 5, 5))
})

test_that("variables_test: testRepr", {
  # Deliberately different: the value dtype is printed (TensorFlow 1.x: float32_ref).
  fresh_graph()
  var <- tf$Variable(matrix(0, 5, 5), name = "noop")
  expect_equal(format(var), "<tf.Variable 'noop:0' shape=(5, 5) dtype=float32>")
  expect_equal(var$dtype$base_dtype$name, "float32")
})

# variables_test.py: IsInitializedTest ------------------------------------------

test_that("variables_test: IsInitializedTest.testNoVars", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  uninited <- tf$report_uninitialized_variables()
  expect_length(sess$run(uninited), 0L)
})

test_that("variables_test: IsInitializedTest.testAssertVariablesInitialized", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- tf$Variable(c(1L, 2L), name = "v")
  w <- tf$Variable(c(3L, 4L), name = "w")
  uninited <- tf$report_uninitialized_variables()
  expect_equal(sess$run(uninited), array(c("v", "w")))
  sess$run(tf$global_variables_initializer())
  expect_length(sess$run(uninited), 0L)
})

test_that("variables_test: IsInitializedTest.testVariableList", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- tf$Variable(c(1L, 2L), name = "v")
  w <- tf$Variable(c(3L, 4L), name = "w")
  uninited <- tf$report_uninitialized_variables()
  expect_equal(sess$run(uninited), array(c("v", "w")))
  sess$run(w$initializer)
  expect_equal(sess$run(uninited), array("v"))
  with(sess$as_default(), v$initializer$run())
  expect_length(sess$run(uninited), 0L)
})

test_that("variables_test: IsInitializedTest.testZeroSizeVarInitialized", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- tf$Variable(tf$zeros(shape(0L, 2L)), name = "v")
  uninited <- tf$report_uninitialized_variables()
  sess$run(v$initializer)
  expect_length(sess$run(uninited), 0L)
})

test_that("variables_test: IsInitializedTest.testTrainingWithZeroSizeVar", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  a <- tf$Variable(tf$zeros(shape(0L, 2L)))
  b <- tf$Variable(tf$ones(shape(2L, 2L)))
  objective <- tf$reduce_sum(b + tf$matmul(a, a, transpose_a = TRUE))
  sess$run(tf$global_variables_initializer())
  do_opt <- tf$train$GradientDescentOptimizer(0.1)$minimize(objective)
  sess$run(list(do_opt))
  expect_equal(sess$run(b), matrix(0.9, 2, 2), tolerance = 1e-6)
})

# variables_test.py: ObsoleteIsInitializedTest ----------------------------------

test_that("variables_test: ObsoleteIsInitializedTest.testNoVars", {
  fresh_graph()
  expect_null(tf$assert_variables_initialized())
})

test_that("variables_test: ObsoleteIsInitializedTest.testVariables", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- tf$Variable(c(1L, 2L))
  w <- tf$Variable(c(3L, 4L))
  inited <- tf$assert_variables_initialized()
  expect_tf_error(sess$run(inited), "failed_precondition", "Attempting to use uninitialized value")
  sess$run(tf$global_variables_initializer())
  expect_equal(sess$run(inited), array(c(1L, 1L)))
})

test_that("variables_test: ObsoleteIsInitializedTest.testVariableList", {
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  v <- tf$Variable(c(1L, 2L))
  w <- tf$Variable(c(3L, 4L))
  inited <- tf$assert_variables_initialized(list(v))
  with(sess$as_default(), {
    expect_tf_error(inited$op$run(), "failed_precondition", "Attempting to use uninitialized value")
    sess$run(w$initializer)
    expect_tf_error(inited$op$run(), "failed_precondition", "Attempting to use uninitialized value")
    v$initializer$run()
    expect_silent(inited$op$run())
  })
})

# variable_ops_test.py: VariableOpTest --------------------------------------------
# TensorFlow's raw variable_op(shape, dtype) is a variable whose initializer is never run;
# set_shape=False is tf$Variable(validate_shape = FALSE) (a variable of unknown shape).

raw_variable <- function(dims, dtype = tf$float32, set_shape = TRUE) {
  tf$Variable(tf$zeros(dims, dtype = dtype), validate_shape = set_shape)
}

test_that("variable_ops_test: testBasic", {
  x <- matrix(0:19, 4, 5, byrow = TRUE)
  for (dt in c("float32", "float64", "int32", "int64")) {
    fresh_graph()
    sess <- tf$Session()
    p <- raw_variable(shape(4L, 5L), tf$as_dtype(dt))
    op <- tf$assign(p, if (dt == "int32") x else x + 0)
    with(sess$as_default(), op$op$run())
    expected <- if (dt == "int32") x else x + 0
    expect_identical(sess$run(p), expected, info = dt)
    sess$close()
  }
})

test_that("variable_ops_test: testset_shape", {
  fresh_graph()
  p <- raw_variable(shape(1L, 2L))
  expect_equal(p$get_shape()$as_list(), list(1, 2))
  p <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  expect_unknown_shape(p$get_shape())
})

test_that("variable_ops_test: testAssign", {
  fresh_graph()
  value <- matrix(c(42, 43), 1, 2)
  var <- raw_variable(shape(1L, 2L))
  expect_equal(var$get_shape()$as_list(), as.list(dim(value)))
  assigned <- tf$assign(var, value)
  expect_equal(assigned$get_shape()$as_list(), as.list(dim(value)))
})

test_that("variable_ops_test: testAssignNoValidateShape", {
  fresh_graph()
  value <- matrix(c(42, 43), 1, 2)
  var <- raw_variable(shape(1L, 2L))
  assigned <- tf$assign(var, value, validate_shape = FALSE)
  expect_equal(assigned$get_shape()$as_list(), as.list(dim(value)))
})

test_that("variable_ops_test: testAssignNoVarShape", {
  fresh_graph()
  value <- matrix(c(42, 43), 1, 2)
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  expect_unknown_shape(var$get_shape())
  assigned <- tf$assign(var, value)
  expect_equal(assigned$get_shape()$as_list(), as.list(dim(value)))
})

test_that("variable_ops_test: testAssignNoVarShapeNoValidateShape", {
  fresh_graph()
  value <- matrix(c(42, 43), 1, 2)
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  expect_unknown_shape(var$get_shape())
  assigned <- tf$assign(var, value, validate_shape = FALSE)
  expect_equal(assigned$get_shape()$as_list(), as.list(dim(value)))
})

shapeless_tensor <- function() {
  t <- tf$placeholder(tf$float32)
  expect_unknown_shape(t$get_shape())
  t
}

test_that("variable_ops_test: testAssignNoValueShape", {
  fresh_graph()
  value <- shapeless_tensor()
  var <- raw_variable(shape(1L, 2L))
  assigned <- tf$assign(var, value)
  expect_equal(var$get_shape()$as_list(), list(1, 2))
  expect_equal(assigned$get_shape()$as_list(), list(1, 2))
})

test_that("variable_ops_test: testAssignNoValueShapeNoValidateShape", {
  fresh_graph()
  value <- shapeless_tensor()
  var <- raw_variable(shape(1L, 2L))
  expect_equal(var$get_shape()$as_list(), list(1, 2))
  assigned <- tf$assign(var, value, validate_shape = FALSE)
  expect_unknown_shape(assigned$get_shape())
})

test_that("variable_ops_test: testAssignNoShape", {
  fresh_graph()
  value <- shapeless_tensor()
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  expect_unknown_shape(var$get_shape())
  expect_unknown_shape(tf$assign(var, value)$get_shape())
})

test_that("variable_ops_test: testAssignNoShapeNoValidateShape", {
  fresh_graph()
  value <- shapeless_tensor()
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  expect_unknown_shape(var$get_shape())
  expect_unknown_shape(tf$assign(var, value, validate_shape = FALSE)$get_shape())
})

test_that("variable_ops_test: testAssignUpdate", {
  fresh_graph()
  var <- raw_variable(shape(1L, 2L))
  added <- tf$assign_add(var, matrix(c(2, 3), 1, 2))
  expect_equal(added$get_shape()$as_list(), list(1, 2))
  subbed <- tf$assign_sub(var, matrix(c(12, 13), 1, 2))
  expect_equal(subbed$get_shape()$as_list(), list(1, 2))
})

test_that("variable_ops_test: testAssignUpdateNoVarShape", {
  fresh_graph()
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  added <- tf$assign_add(var, matrix(c(2, 3), 1, 2))
  expect_equal(added$get_shape()$as_list(), list(1, 2))
  subbed <- tf$assign_sub(var, matrix(c(12, 13), 1, 2))
  expect_equal(subbed$get_shape()$as_list(), list(1, 2))
})

test_that("variable_ops_test: testAssignUpdateNoValueShape", {
  fresh_graph()
  var <- raw_variable(shape(1L, 2L))
  added <- tf$assign_add(var, shapeless_tensor())
  expect_equal(added$get_shape()$as_list(), list(1, 2))
  subbed <- tf$assign_sub(var, shapeless_tensor())
  expect_equal(subbed$get_shape()$as_list(), list(1, 2))
})

test_that("variable_ops_test: testAssignUpdateNoShape", {
  fresh_graph()
  var <- raw_variable(shape(1L, 2L), set_shape = FALSE)
  added <- tf$assign_add(var, shapeless_tensor())
  expect_unknown_shape(added$get_shape())
  subbed <- tf$assign_sub(var, shapeless_tensor())
  expect_unknown_shape(subbed$get_shape())
})

test_that("variable_ops_test: testAssignDependencyAcrossDevices", {
  # One CPU here: what remains is that a control dependency on the increment is honoured.
  # TensorFlow multiplies the raw variable reference; a tf$Variable's own snapshot (`var/read`)
  # was made outside the block, so the read that follows the increment is read_value().
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  var <- raw_variable(shape(1L))
  sess$run(tf$assign(var, array(1)))
  increment <- tf$assign_add(var, array(1))
  with(tf$control_dependencies(list(increment)), {
    current <- var$read_value()
    result <- tf$multiply(current, current)
  })
  expect_equal(sess$run(result), array(4))
})

test_that("variable_ops_test: testIsVariableInitialized", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    v0 <- raw_variable(shape(1L, 2L))
    expect_false(tf$is_variable_initialized(v0)$eval())
    tf$assign(v0, matrix(c(2, 3), 1, 2))$eval()
    expect_true(tf$is_variable_initialized(v0)$eval())
  })
})

test_that("count_up_to takes int64 limits beyond 2^31", {
  fresh_graph()
  v <- tf$Variable(0, dtype = tf$int64)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  up <- tf$count_up_to(v, 3e9)
  expect_identical(sess$run(up), 0)
  expect_identical(sess$run(v), 1)
  expect_tf_error(tf$count_up_to(v, 2^64), "type", "int64")
})

test_that("count_up_to on int32 refuses limits beyond int32 and stops at its largest value", {
  fresh_graph()
  v <- tf$Variable(2147483646L, dtype = tf$int32)
  sess <- tf$Session()
  on.exit(sess$close())
  sess$run(v$initializer)
  expect_tf_error(tf$count_up_to(v, 3e9), "type", "does not fit int32")
  up <- tf$count_up_to(v, 2147483647)
  expect_identical(sess$run(up), 2147483646L)
  expect_tf_error(sess$run(up), "out_of_range", "Reached limit of 2147483647")
  expect_identical(sess$run(v), 2147483647L)
})
