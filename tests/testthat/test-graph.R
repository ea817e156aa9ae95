test_that("names are made unique TensorFlow's way", {
  fresh_graph()
  a <- tf$constant(1, name = "c")
  b <- tf$constant(2, name = "c")
  d <- tf$constant(3, name = "C")
  expect_equal(a$name, "c:0")
  expect_equal(b$name, "c_1:0")
  expect_equal(d$name, "C_2:0")
  v1 <- tf$Variable(tf$zeros(shape(1L)))
  v2 <- tf$Variable(tf$zeros(shape(1L)))
  expect_equal(v1$op$name, "Variable")
  expect_equal(v2$op$name, "Variable_1")
})

test_that("name scopes prefix names and re-entering makes a new scope", {
  fresh_graph()
  with(tf$name_scope("layer1"), {
    w <- tf$Variable(tf$zeros(shape(2L)), name = "w")
    k <- tf$constant(1, name = "k")
  })
  with(tf$name_scope("layer1") %as% scope, {
    k2 <- tf$constant(1, name = "k")
  })
  expect_equal(w$name, "layer1/w:0")
  expect_equal(k$name, "layer1/k:0")
  expect_equal(scope, "layer1_1/")
  expect_equal(k2$name, "layer1_1/k:0")
  expect_equal(tf$constant(0, name = "after")$name, "after:0")
})

test_that("graphs: default, as_default, reset, lookups", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    x <- tf$constant(c(1, 2), name = "x")
    expect_identical(tf$get_default_graph(), g)
  })
  expect_false(identical(tf$get_default_graph(), g))
  expect_identical(x$graph, g)
  expect_equal(g$get_operation_by_name("x")$type, "Const")
  expect_equal(g$get_tensor_by_name("x:0")$name, "x:0")
  expect_length(g$get_operations(), 1L)
  expect_tf_error(g$get_operation_by_name("nope"), "key", "refers to an Operation not in the graph")
  expect_tf_error(g$get_tensor_by_name("x:3"), "key", "only has 1 outputs")
  expect_tf_error(g$get_tensor_by_name("x"), "value", "The name 'x' refers to an Operation, not a Tensor. Tensor names must be of the form \"<op_name>:<output_index>\".")
  expect_tf_error(g$get_tensor_by_name("nope"), "value", "The name 'nope' looks like an (invalid) Operation name, not a Tensor.")
  expect_tf_error(g$get_tensor_by_name("x:y"), "value", "The name 'x:y' looks a like a Tensor name, but is not a valid one.")
  expect_tf_error(g$get_tensor_by_name("nope:0"), "key", "The operation, 'nope', does not exist in the graph.")
  expect_tf_error(g$get_tensor_by_name(1), "type", "Tensor names are strings (or similar), not numeric.")
  expect_tf_error(g$get_operation_by_name(1), "type", "Operation names are strings (or similar), not numeric.")
  expect_tf_error(g$get_operation_by_name("x:0"), "value", "appears to refer to a Tensor")
  expect_tf_error(g$nonsense, "attribute")
  old <- tf$get_default_graph()
  tf$reset_default_graph()
  expect_false(identical(tf$get_default_graph(), old))
  expect_match(format(g), "^<tf.Graph #[0-9]+ with 1 operations>$")
})

test_that("tensors from two graphs do not mix", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), a <- tf$constant(1))
  b <- tf$constant(2)
  expect_tf_error(a + b, "value", "must be from the same graph")
  sess <- tf$Session()
  expect_tf_error(sess$run(a), "value", "is not an element of this graph")
  sess$close()
})

test_that("collections hold variables; trainable = FALSE stays out of trainables", {
  fresh_graph()
  a <- tf$Variable(1, name = "a")
  b <- tf$Variable(2, name = "b", trainable = FALSE)
  expect_equal(vapply(tf$global_variables(), function(v) v$name, ""), c("a:0", "b:0"))
  expect_equal(vapply(tf$trainable_variables(), function(v) v$name, ""), "a:0")
  g <- tf$get_default_graph()
  g$add_to_collection("mine", a)
  expect_identical(g$get_collection("mine")[[1]], a)
  expect_true("variables" %in% g$get_all_collection_keys())
  expect_equal(tf$GraphKeys$GLOBAL_VARIABLES, "variables")
})

test_that("operations expose type, inputs, outputs, control inputs and attrs", {
  fresh_graph()
  x <- tf$constant(c(1, 2), name = "x")
  y <- tf$multiply(x, 2, name = "y")
  op <- y$op
  expect_equal(op$type, "Mul")
  expect_equal(vapply(op$inputs, function(t) t$name, ""), c("x:0", "y/y:0"))
  expect_equal(op$outputs[[1]]$name, "y:0")
  grp <- tf$group(y, x, name = "both")
  expect_equal(vapply(grp$control_inputs, function(o) o$name, ""), c("y", "x"))
  expect_equal(format(grp), "<tf.Operation 'both' type=NoOp>")
  expect_equal(x$op$get_attr("dtype")$name, "float32")
})

test_that("control_dependencies add control inputs", {
  fresh_graph()
  v <- tf$Variable(0, name = "v")
  inc <- v$assign_add(1)
  with(tf$control_dependencies(list(inc)), {
    # As in TensorFlow, read_value() inside the block reads after the update
    # (the snapshot v/read made with the variable does not wait for it).
    r <- v$read_value()
  })
  sess <- tf$Session()
  sess$run(v$initializer)
  expect_equal(sess$run(r), 1)
  expect_equal(sess$run(r), 2)
  sess$close()
})

test_that("the tf module errors on unknown names and completes known ones", {
  expect_tf_error(tf$Variabel, "attribute", "module 'tensorflow' has no attribute 'Variabel'")
  expect_tf_error(tf$train$Nope, "attribute", "module 'tf$train' has no attribute 'Nope'")
  expect_true("Variable" %in% .DollarNames(tf, "Var"))
  expect_equal(tf$errors$NotFoundError, "tf_not_found_error")
})

test_that("the tf module cannot be overwritten by accident", {
  expect_tf_error(tf$Variable <- 1, "attribute", "cannot be set")
  expect_true(is.function(tf$Variable))
})
