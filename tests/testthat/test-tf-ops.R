# Port of TensorFlow 1.15's tensorflow/python/framework/ops_test.py (graph-mode parts).
# Test ops of TensorFlow's test_ops library are replaced by ordinary ops (Const for an
# op with one output and no inputs, NoOp for one with neither, Mul for one with two
# inputs); CONFORMANCE-port-ops-device.md lists the methods that do not apply.

op_names <- function(ops) vapply(ops, function(o) o$name, "")

# TensorAndShapeTest -----------------------------------------------------------

test_that("ops_test: testShape", {
  fresh_graph()
  # A placeholder of unknown shape stands for the test op's output.
  t <- tf$placeholder(tf$float32, name = "myop")
  expect_true(attr(t$get_shape(), "unknown_rank"))
  t$set_shape(c(1L, 2L, 3L))
  expect_equal(as.numeric(t$get_shape()), c(1, 2, 3))
  # Later ops see the refined shape; a conflicting one is refused.
  expect_equal(as.numeric(tf$identity(t)$shape), c(1, 2, 3))
  expect_tf_error(t$set_shape(shape(1L, 2L, 4L)), "value",
                  "Dimension 2 in both shapes must be equal, but are 3 and 4. Shapes are [1,2,3] and [1,2,4].")
  expect_tf_error(t$set_shape(shape(1L, 2L)), "value", "Shapes must be equal rank, but are 3 and 2")
  u <- tf$placeholder(tf$float32, shape = shape(NULL, 3L))
  u$set_shape(shape(5L, NULL))
  expect_equal(as.numeric(u$shape), c(5, 3))
})

test_that("ops_test: testAddShape", {
  fresh_graph()
  a <- tf$zeros(shape(2L, 3L))
  b <- tf$ones(shape(1L, 3L))
  c0 <- a + b
  expect_equal(as.numeric(c0$shape), c(2, 3))
})

test_that("ops_test: testUnknownDim", {
  fresh_graph()
  a <- tf$placeholder(tf$float32, shape = shape(2L, NULL, 3L))
  b <- tf$placeholder(tf$float32, shape = shape(2L, NULL, 3L))
  c0 <- a + b
  expect_equal(as.numeric(c0$shape), c(2, NA, 3))
})

test_that("ops_test: testUnknownShape", {
  fresh_graph()
  a <- tf$placeholder(tf$float32, shape = NULL)
  b <- tf$ones(shape(1L, 3L))
  c0 <- a + b
  expect_true(attr(c0$shape, "unknown_rank"))
})

test_that("ops_test: testScalarShape", {
  fresh_graph()
  a <- tf$placeholder(tf$float32, shape = shape())
  b <- tf$ones(shape())
  c0 <- a + b
  expect_length(c0$shape, 0L)
  expect_null(attr(c0$shape, "unknown_rank"))
})

test_that("ops_test: testShapeFunctionError", {
  fresh_graph()
  a <- tf$ones(shape(1L, 2L, 3L))
  b <- tf$ones(shape(4L, 5L, 6L))
  expect_tf_error(a + b, "value",
                  "Dimensions must be equal, but are 2 and 5 for 'add' (op: 'Add') with input shapes: [1,2,3], [4,5,6].")
})

# OperationTest -------------------------------------------------------------------

test_that("ops_test: testNoInputs", {
  fresh_graph()
  # A two-output op without inputs of our own: the softmax cross entropy has inputs,
  # so the no-input properties are checked on a Const, the two outputs on the xent op.
  op <- tf$constant(1, name = "myop")$op
  expect_length(op$values(), 1L)
  expect_length(op$inputs, 0L)
  expect_equal(op$name, "myop")
  float_t <- op$values()[[1]]
  expect_equal(float_t$dtype, tf$float32)
  expect_identical(float_t$op, op)
  expect_equal(float_t$value_index, 0L)
  expect_length(float_t$consumers(), 0L)
  xent <- tf$nn$softmax_cross_entropy_with_logits_v2(labels = matrix(1, 2, 2), logits = matrix(1, 2, 2))$op
  outs <- xent$values()
  expect_length(outs, 2L)
  expect_equal(outs[[2]]$value_index, 1L)
  expect_equal(outs[[2]]$name, paste0(xent$name, ":1"))
  expect_identical(outs[[2]]$op, xent)
  expect_length(outs[[2]]$consumers(), 0L)
})

test_that("ops_test: testNoOutputs", {
  fresh_graph()
  op1 <- tf$constant(1, name = "myop1")$op
  float_t <- op1$values()[[1]]
  # No tfnative op takes an input and has no output; Identity stands for the consumer.
  op2 <- tf$identity(float_t, name = "myop2")$op
  expect_length(op2$inputs, 1L)
  expect_identical(op2$inputs[[1]], float_t)
  expect_length(float_t$consumers(), 1L)
  expect_identical(float_t$consumers()[[1]], op2)
  expect_length(tf$no_op(name = "nothing")$values(), 0L)
})

test_that("ops_test: testInputsAndOutputs", {
  fresh_graph()
  float1_t <- tf$constant(1, name = "myop1")
  float2_t <- tf$constant(2, name = "myop2")
  label_t <- tf$constant(3, name = "myop2b")
  # No tfnative op takes three inputs: one consumer of float1_t, one that reads label_t twice.
  op3 <- tf$add(label_t, label_t, name = "myop3")$op
  op4 <- tf$identity(float1_t, name = "myop4")$op
  expect_length(op3$values(), 1L)
  expect_length(float1_t$consumers(), 1L)
  expect_identical(float1_t$consumers()[[1]], op4)
  expect_length(float2_t$consumers(), 0L)
  expect_length(label_t$consumers(), 2L)
  expect_identical(label_t$consumers()[[1]], op3)
  expect_identical(label_t$consumers()[[2]], op3)
  expect_equal(vapply(op3$inputs, function(t) t$name, ""), c("myop2b:0", "myop2b:0"))
})

test_that("ops_test: testDeviceObject", {
  fresh_graph()
  with(tf$device("/job:goo/device:GPU:0"), op <- tf$no_op(name = "myop"))
  expect_equal(op$device, "/job:goo/device:GPU:0")
  with(tf$device(tf$DeviceSpec(job = "muu", device_type = "CPU", device_index = 0L)), op2 <- tf$no_op(name = "op2"))
  expect_equal(op2$device, "/job:muu/device:CPU:0")
})

test_that("ops_test: testInvalidNames", {
  fresh_graph()
  for (nm in c("", "_invalid", "-invalid", "/invalid", "invalid:0")) {
    expect_tf_error(tf$no_op(name = nm), "value", paste0("'", nm, "' is not a valid node name"))
  }
})

test_that("ops_test: testConvertToTensorNestedArray", {
  fresh_graph()
  # Nested R lists stand for nested Python lists; an R matrix is the other R form.
  values <- list(list(2), list(3), list(5), list(7))
  tensor <- tf$convert_to_tensor(values)
  expect_equal(as.numeric(tensor$get_shape()), c(4, 1))
  m <- matrix(c(2, 3, 5, 7), 4, 1)
  tensor2 <- tf$convert_to_tensor(m)
  expect_equal(as.numeric(tensor2$get_shape()), c(4, 1))
  with(tf$Session() %as% sess, {
    expect_equal(sess$run(tensor), m)
    expect_equal(sess$run(tensor2), m)
  })
  # Rows are filled in order: list(c(1, 2, 3), c(4, 5, 6)) is [[1, 2, 3], [4, 5, 6]].
  rows <- tf$convert_to_tensor(list(c(1L, 2L, 3L), c(4L, 5L, 6L)))
  expect_equal(rows$dtype, tf$int32)
  with(tf$Session() %as% sess, expect_equal(sess$run(rows), matrix(1:6, 2, byrow = TRUE)))
  expect_tf_error(tf$convert_to_tensor(list(c(1, 2), 3)), "value", "Can't convert non-rectangular list to Tensor.")
})

test_that("ops_test: testConvertToTensorPreferred", {
  fresh_graph()
  tensor <- tf$convert_to_tensor(c(2L, 3L, 5L, 7L), preferred_dtype = tf$float32)
  expect_equal(tensor$dtype, tf$float32)
  # An empty value converts to anything.
  tensor <- tf$convert_to_tensor(numeric(0), preferred_dtype = tf$int64)
  expect_equal(tensor$dtype, tf$int64)
  # 1.23 is no int64: the preferred dtype is dropped and the value stays float32.
  tensor <- tf$convert_to_tensor(c(1.23), preferred_dtype = tf$int64)
  expect_equal(tensor$dtype, tf$float32)
})

test_that("ops_test: testConvertToInvalidTensorType", {
  fresh_graph()
  expect_tf_error(tf$convert_to_tensor(c(1.23), dtype = tf$int64), "type")
})

test_that("ops_test: testConvertToTensorFromInvalidTensor", {
  fresh_graph()
  tensor <- tf$constant(42, dtype = tf$float32)
  expect_tf_error(tf$convert_to_tensor(tensor, dtype = tf$int32), "value",
                  "Tensor conversion requested dtype int32 for Tensor with dtype float32")
})

test_that("ops_test: testNoConvert", {
  fresh_graph()
  op <- tf$no_op()
  err <- expect_tf_error(tf$convert_to_tensor(op), "type")
  expect_match(conditionMessage(err), "Can't convert Operation '.*' to Tensor")
})

test_that("ops_test: testRepr", {
  fresh_graph()
  op <- tf$no_op(name = "op1")
  expect_equal(format(op), "<tf.Operation 'op1' type=NoOp>")
})

test_that("ops_test: testGetAttr", {
  fresh_graph()
  op <- tf$constant(1L, name = "c")$op
  type_val <- op$get_attr("dtype")
  expect_s3_class(type_val, "tf_dtype")
  expect_equal(type_val, tf$int32)
  expect_tf_error(op$get_attr("FakeAttr"), "value", "Operation 'c' has no attr named 'FakeAttr'.")
})

test_that("ops_test: testRemoveAllControlInputs", {
  fresh_graph()
  a <- tf$constant(1)
  with(tf$control_dependencies(list(a)), b <- tf$constant(2))
  c0 <- tf$constant(3)
  d <- tf$constant(4)
  e <- tf$constant(5)
  with(tf$control_dependencies(list(a, c0)), f <- d + e)
  expect_length(a$op$control_inputs, 0L)
  expect_identical(b$op$control_inputs, list(a$op))
  expect_identical(f$op$control_inputs, list(a$op, c0$op))
  expect_identical(f$op$inputs, list(d, e))
})

test_that("ops_test: testInputFromDifferentGraphError", {
  fresh_graph()
  g_0 <- tf$Graph()
  g_1 <- tf$Graph()
  with(g_0$as_default(), x <- tf$constant(1))
  with(g_1$as_default(), {
    y <- tf$constant(2)
    expect_tf_error(y * x, "value", "must be from the same graph")
  })
})

# CreateOpTest / CreateOpFromTFOperationTest ------------------------------------------

test_that("ops_test: testFinalized", {
  fresh_graph()
  g <- tf$Graph()
  expect_false(g$finalized)
  g$finalize()
  expect_true(g$finalized)
  with(g$as_default(), {
    expect_tf_error(tf$constant(1, name = "myop1"), "runtime", "Graph is finalized and cannot be modified.")
  })
  expect_tf_error(g$add_to_collection("key", 1), "runtime", "Graph is finalized and cannot be modified.")
  expect_length(g$get_operations(), 0L)
})

test_that("ops_test: testUniqueName", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    op <- tf$constant(1L, name = "myop")$op
    op2 <- tf$constant(1L, name = "myop_1")$op
    # New ops asking for the same names get unique ones.
    op3 <- tf$constant(1L, name = "myop")$op
    op4 <- tf$constant(1L, name = "myop_1")$op
  })
  expect_equal(op$name, "myop")
  expect_equal(op2$name, "myop_1")
  expect_equal(op3$name, "myop_2")
  expect_equal(op4$name, "myop_1_1")
})

# NameStackTest -----------------------------------------------------------------

test_that("ops_test: testBasics", {
  fresh_graph()
  g <- tf$Graph()
  un <- function(name, mark = TRUE) g$unique_name(name, mark_as_used = mark)
  expect_equal(un("foo", FALSE), "foo")
  expect_equal(un("foo", FALSE), "foo")
  expect_equal(un("foo"), "foo")
  expect_equal(un("foo", FALSE), "foo_1")
  expect_equal(un("foo"), "foo_1")
  expect_equal(un("foo", FALSE), "foo_2")
  expect_equal(un("foo"), "foo_2")
  expect_equal(un("foo_1", FALSE), "foo_1_1")
  expect_equal(un("foo_1"), "foo_1_1")
  expect_equal(un("foo_1", FALSE), "foo_1_2")
  expect_equal(un("foo_1"), "foo_1_2")
  expect_equal(un("foo_1_2", FALSE), "foo_1_2_1")
  expect_equal(un("foo_1_2"), "foo_1_2_1")
  with(g$name_scope("bar"), {
    expect_equal(un("foo", FALSE), "bar/foo")
    expect_equal(un("foo"), "bar/foo")
    expect_equal(un("foo", FALSE), "bar/foo_1")
    expect_equal(un("foo"), "bar/foo_1")
    with(g$name_scope(NULL), {
      expect_equal(un("foo", FALSE), "foo_3")
      expect_equal(un("foo"), "foo_3")
    })
    with(g$name_scope("baz"), {
      expect_equal(un("foo", FALSE), "bar/baz/foo")
      expect_equal(un("foo"), "bar/baz/foo")
      expect_equal(un("foo", FALSE), "bar/baz/foo_1")
      expect_equal(un("foo"), "bar/baz/foo_1")
    })
    with(g$name_scope("baz"), {
      expect_equal(un("foo", FALSE), "bar/baz_1/foo")
      expect_equal(un("foo"), "bar/baz_1/foo")
      expect_equal(un("foo", FALSE), "bar/baz_1/foo_1")
      expect_equal(un("foo"), "bar/baz_1/foo_1")
    })
  })
  with(g$name_scope("quux"), {
    expect_equal(un("foo", FALSE), "quux/foo")
    expect_equal(un("foo"), "quux/foo")
  })
  with(g$name_scope("bar"), with(g$name_scope("baz"), {
    expect_equal(un("foo", FALSE), "bar_1/baz/foo")
    expect_equal(un("foo"), "bar_1/baz/foo")
  }))
  expect_equal(un("foo", FALSE), "foo_4")
  expect_equal(un("foo"), "foo_4")
  expect_equal(un("bar", FALSE), "bar_2")
  expect_equal(un("bar"), "bar_2")
})

test_that("ops_test: testOutOfOrderUniqueName", {
  fresh_graph()
  g <- tf$Graph()
  expect_equal(g$unique_name("foo_2"), "foo_2")
  expect_equal(g$unique_name("foo"), "foo")
  expect_equal(g$unique_name("foo"), "foo_1")
  expect_equal(g$unique_name("foo"), "foo_3")
})

test_that("ops_test: testUniqueNameCaseInsensitivity", {
  fresh_graph()
  g <- tf$Graph()
  expect_equal(g$unique_name("foo"), "foo")
  expect_equal(g$unique_name("Foo"), "Foo_1")
  with(g$name_scope("bar"), expect_equal(g$unique_name("foo"), "bar/foo"))
  with(g$name_scope("Bar"), expect_equal(g$unique_name("foo"), "Bar_1/foo"))
})

test_that("ops_test: testInvalidNameRaisesError", {
  fresh_graph()
  g <- tf$Graph()
  expect_silent(with(g$name_scope(""), NULL))
  expect_silent(with(g$name_scope("foo/"), with(g$name_scope("_bar"), NULL)))
  expect_tf_error(with(g$name_scope("foo:0"), NULL), "value", "'foo:0' is not a valid scope name")
  expect_tf_error(with(g$name_scope("_bar"), NULL), "value", "'_bar' is not a valid scope name")
})

# NameTest ----------------------------------------------------------------------

test_that("ops_test: testGenerateName", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    # An op with two outputs, named after its type.
    op0 <- tf$nn$softmax_cross_entropy_with_logits_v2(labels = matrix(1, 2, 2), logits = matrix(1, 2, 2))$op
    op1 <- tf$no_op()
    op2 <- tf$no_op()
    op3 <- tf$no_op(name = "my_op")
    c3 <- tf$constant(1, name = "my_const")
  })
  expect_equal(op0$type, "SoftmaxCrossEntropyWithLogits")
  expect_equal(vapply(op0$outputs, function(t) t$name, ""), paste0(op0$name, c(":0", ":1")))
  expect_equal(op1$name, "NoOp")
  expect_equal(op2$name, "NoOp_1")
  expect_equal(op3$name, "my_op")
  expect_equal(c3$name, "my_const:0")
})

test_that("ops_test: testNameScope", {
  fresh_graph()
  g <- tf$Graph()
  new_op <- function(name = NULL) with(g$as_default(), tf$no_op(name = name))$name
  with(g$name_scope("foo") %as% foo, {
    expect_equal(foo, "foo/")
    with(g$name_scope("foo2") %as% foo2, expect_equal(foo2, "foo/foo2/"))
    with(g$name_scope(NULL) %as% empty1, {
      expect_equal(empty1, "")
      with(g$name_scope("foo3") %as% foo3, expect_equal(foo3, "foo3/"))
    })
    with(g$name_scope("") %as% empty2, expect_equal(empty2, ""))
  })
  expect_equal(new_op(), "NoOp")
  with(g$name_scope("bar") %as% scope, {
    expect_equal(new_op(), "bar/NoOp")
    expect_equal(new_op(), "bar/NoOp_1")
    # The value bound by %as% names an op as it is.
    expect_equal(new_op(scope), "bar")
  })
  with(g$name_scope("baz") %as% scope, {
    with(g$name_scope("quux"), expect_equal(new_op(), "baz/quux/NoOp"))
    # Re-entering the enclosing scope by its value pushes nothing new.
    with(g$name_scope(scope), {
      expect_equal(new_op(), "baz/NoOp")
      expect_equal(new_op(scope), "baz")
      expect_equal(new_op("trailing/"), "trailing")
    })
  })
  with(g$name_scope("bar"), expect_equal(new_op(), "bar_1/NoOp"))
  with(g$name_scope("bar/"), expect_equal(new_op(), "bar/NoOp_2"))
})

# DeviceTest --------------------------------------------------------------------

merge_device <- function(spec) tf$python$framework$device$merge_device(spec)
placement <- function(g) {
  ops <- g$get_operations()
  stats::setNames(vapply(ops, function(o) o$device, ""), op_names(ops))
}

test_that("ops_test: testNoDevice", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), op <- tf$no_op())
  expect_equal(op$device, "")
  expect_equal(placement(g), c(NoOp = ""))
})

test_that("ops_test: testDevicePartialString", {
  fresh_graph()
  g <- tf$Graph()
  with(g$device("/job:worker/replica:2"), with(g$as_default(), tf$no_op()))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2"))
})

test_that("ops_test: testDeviceFull", {
  fresh_graph()
  g <- tf$Graph()
  spec <- tf$DeviceSpec(job = "worker", replica = 2L, task = 0L, device_type = "CPU", device_index = 3L)
  with(g$device(spec), with(g$as_default(), tf$no_op()))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2/task:0/device:CPU:3"))
})

test_that("ops_test: testNesting", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(g$device("/job:worker/replica:2"), {
    tf$no_op()
    with(g$device("/job:worker/replica:3/task:0"), tf$no_op())
    tf$no_op()
  }))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2", NoOp_1 = "/job:worker/replica:3/task:0",
                               NoOp_2 = "/job:worker/replica:2"))
})

test_that("ops_test: testNestingString", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(tf$device("/job:worker/replica:2"), {
    tf$no_op()
    with(tf$device("/job:worker/replica:3/task:0"), tf$no_op())
    tf$no_op()
  }))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2", NoOp_1 = "/job:worker/replica:3/task:0",
                               NoOp_2 = "/job:worker/replica:2"))
})

test_that("ops_test: testNestingOverrideGpuCpu", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(g$device("/job:worker/replica:2/device:CPU:1"), {
    tf$no_op()
    with(g$device("/job:worker/replica:2/device:GPU:2"), tf$no_op())
    tf$no_op()
  }))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2/device:CPU:1",
                               NoOp_1 = "/job:worker/replica:2/device:GPU:2",
                               NoOp_2 = "/job:worker/replica:2/device:CPU:1"))
})

nested_devices <- function(g, wrap) {
  with(g$as_default(), with(g$device(wrap("/device:GPU:0")), {
    tf$no_op()
    with(g$device(wrap("/job:worker")), {
      tf$no_op()
      with(g$device(wrap("/device:CPU:0")), {
        tf$no_op()
        with(g$device(wrap("/job:ps")), {
          tf$no_op()
          with(g$device(wrap(NULL)), tf$no_op())
        })
      })
    })
  }))
  placement(g)
}

test_that("ops_test: testNestingWithMergeDeviceFunction", {
  fresh_graph()
  g <- tf$Graph()
  expect_equal(nested_devices(g, merge_device),
               c(NoOp = "/device:GPU:0", NoOp_1 = "/job:worker/device:GPU:0", NoOp_2 = "/job:worker/device:CPU:0",
                 NoOp_3 = "/job:ps/device:CPU:0", NoOp_4 = "/job:ps/device:CPU:0"))
})

test_that("ops_test: testNestingWithDeviceStrings", {
  fresh_graph()
  g <- tf$Graph()
  # The innermost scope is "": it changes nothing.
  expect_equal(nested_devices(g, function(d) if (is.null(d)) "" else d),
               c(NoOp = "/device:GPU:0", NoOp_1 = "/job:worker/device:GPU:0", NoOp_2 = "/job:worker/device:CPU:0",
                 NoOp_3 = "/job:ps/device:CPU:0", NoOp_4 = "/job:ps/device:CPU:0"))
})

test_that("ops_test: testNestingWithDeviceStringWildcard", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    with(g$device("/device:GPU:7"), {
      tf$no_op()
      with(g$device("/device:GPU:*"), tf$no_op())
    })
    with(g$device("/device:CPU:*"), {
      tf$no_op()
      with(g$device("/device:CPU:5"), tf$no_op())
    })
  })
  expect_equal(placement(g), c(NoOp = "/device:GPU:7", NoOp_1 = "/device:GPU:7", NoOp_2 = "/device:CPU:*",
                               NoOp_3 = "/device:CPU:5"))
})

test_that("ops_test: testNoneClearsDefault", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(g$device("/job:worker/replica:2/device:CPU:1"), {
    tf$no_op()
    with(g$device(NULL), tf$no_op())
    tf$no_op()
  }))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2/device:CPU:1", NoOp_1 = "",
                               NoOp_2 = "/job:worker/replica:2/device:CPU:1"))
})

test_that("ops_test: testNoneIgnoresOuterDeviceFunction", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(g$device(function(op) "/job:worker/replica:2/device:CPU:1"), {
    tf$no_op()
    with(g$device(NULL), tf$no_op())
    tf$no_op()
  }))
  expect_equal(placement(g), c(NoOp = "/job:worker/replica:2/device:CPU:1", NoOp_1 = "",
                               NoOp_2 = "/job:worker/replica:2/device:CPU:1"))
})

test_that("ops_test: testOverwritingBehavior", {
  fresh_graph()
  g <- tf$Graph()
  # A device function that overwrites whatever device an op has.
  overwrite <- function(op) "/job:overwrite"
  with(g$as_default(), with(g$device(overwrite), {
    tf$no_op()
    with(g$device("/job:ps"), tf$no_op())
    with(g$device(merge_device("/job:ps")), tf$no_op())
    with(g$device(NULL), with(g$device("/job:ps"), tf$no_op()))
    with(g$device(NULL), with(g$device(merge_device("/job:ps")), tf$no_op()))
  }))
  expect_equal(placement(g), c(NoOp = "/job:overwrite", NoOp_1 = "/job:overwrite", NoOp_2 = "/job:overwrite",
                               NoOp_3 = "/job:ps", NoOp_4 = "/job:ps"))
})

# CollectionTest ----------------------------------------------------------------

test_that("ops_test: test_get_collections", {
  fresh_graph()
  g <- tf$Graph()
  expect_equal(g$collections, character(0))
  g$add_to_collection("key", 12)
  g$add_to_collection("key", 15)
  expect_equal(g$collections, "key")
  g$add_to_collection("other", "foo")
  expect_equal(sort(g$collections), c("key", "other"))
  expect_equal(sort(g$get_all_collection_keys()), c("key", "other"))
})

test_that("ops_test: test_add_to_collection", {
  fresh_graph()
  g <- tf$Graph()
  g$add_to_collection("key", 12)
  g$add_to_collection("other", "foo")
  g$add_to_collection("key", 34)
  # Items with a name (a list with a `name` string stands for Python's object with a
  # `name` property) are filtered by scope; the others are left out of a scoped query.
  g$add_to_collection("blah", 27)
  blank1 <- list(name = "prefix/foo")
  g$add_to_collection("blah", blank1)
  blank2 <- list(name = "junk/foo")
  g$add_to_collection("blah", blank2)

  expect_equal(g$get_collection("key"), list(12, 34))
  expect_equal(g$get_collection("nothing"), list())
  expect_equal(g$get_collection("blah"), list(27, blank1, blank2))
  expect_equal(g$get_collection("blah", "prefix"), list(blank1))
  expect_equal(g$get_collection("blah", ".*x"), list(blank1))

  # get_collection() is a copy; get_collection_ref() a live view of the collection.
  other_snapshot <- g$get_collection("other")
  other_ref <- g$get_collection_ref("other")
  expect_equal(other_snapshot, list("foo"))
  expect_equal(as.list(other_ref), list("foo"))
  g$add_to_collection("other", "bar")
  expect_equal(other_snapshot, list("foo"))
  expect_equal(as.list(other_ref), list("foo", "bar"))
  expect_equal(g$get_collection("other"), list("foo", "bar"))
  expect_identical(other_ref, g$get_collection_ref("other"))

  # The reference of a new collection can be appended to.
  empty_ref <- g$get_collection_ref("empty")
  expect_equal(as.list(empty_ref), list())
  empty_coll <- g$get_collection("empty")
  expect_equal(empty_coll, list())
  empty_ref2 <- g$get_collection_ref("empty")
  expect_identical(empty_ref2, empty_ref)
  empty_ref$append("something")
  expect_equal(as.list(empty_ref), list("something"))
  expect_equal(as.list(empty_ref2), list("something"))
  expect_equal(empty_coll, list())
  expect_equal(g$get_collection("empty"), list("something"))
  expect_identical(g$get_collection_ref("empty"), empty_ref)
})

test_that("ops_test: test_add_to_collections_uniquify", {
  fresh_graph()
  g <- tf$Graph()
  g$add_to_collections(c("1", "2", "1"), "key")
  # "key" is not added twice.
  expect_equal(g$get_collection("1"), list("key"))
})

test_that("ops_test: test_add_to_collections_from_list", {
  fresh_graph()
  g <- tf$Graph()
  g$add_to_collections(c("abc", "123"), "key")
  expect_equal(g$get_collection("abc"), list("key"))
  expect_equal(g$get_collection("123"), list("key"))
})

test_that("ops_test: test_add_to_collections_from_tuple", {
  fresh_graph()
  g <- tf$Graph()
  # An R list stands for the tuple.
  g$add_to_collections(list("abc", "123"), "key")
  expect_equal(g$get_collection("abc"), list("key"))
  expect_equal(g$get_collection("123"), list("key"))
})

test_that("ops_test: test_add_to_collections_from_string", {
  fresh_graph()
  g <- tf$Graph()
  g$add_to_collections("abc", "key")
  expect_equal(g$get_collection("abc"), list("key"))
})

test_that("ops_test: test_default_graph", {
  fresh_graph()
  with(tf$Graph()$as_default(), {
    tf$add_to_collection("key", 90)
    tf$add_to_collection("key", 100)
    # Collections keep their order.
    expect_equal(tf$get_collection("key"), list(90, 100))
  })
})

# ComparisonTest ----------------------------------------------------------------

test_that("ops_test: testMembershipAllowed", {
  fresh_graph()
  t1 <- tf$constant(1, name = "myop1")
  t2 <- tf$constant(2, name = "myop2")
  expect_s3_class(t1, "tf_tensor")
  expect_s3_class(t2, "tf_tensor")
  # Python's `in` compares tensors by identity.
  is_in <- function(x, lst) any(vapply(lst, identical, TRUE, x))
  expect_true(is_in(t1, list(t1)))
  expect_false(is_in(t1, list(t2)))
})

# ControlDependenciesTest -----------------------------------------------------------

test_that("ops_test: ControlDependenciesTest.testBasic", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    a <- tf$constant(1)
    b <- tf$constant(1)
    with(g$control_dependencies(list(a)), {
      c0 <- tf$constant(1)
      d <- tf$identity(b)
      e <- tf$identity(c0)
    })
  })
  expect_identical(c0$op$control_inputs, list(a$op))
  expect_identical(d$op$control_inputs, list(a$op))
  # e reads c0, which already depends on a.
  expect_identical(e$op$control_inputs, list())
})

test_that("ops_test: testEager", {
  fresh_graph()
  # The graph-mode half: an op made by a function call is a control input like any other.
  calls <- 0L
  future <- function() {
    calls <<- calls + 1L
    tf$constant(2)
  }
  g <- tf$Graph()
  with(g$as_default(), {
    a <- tf$constant(1)
    b <- future()
    with(g$control_dependencies(list(a, b)), c0 <- tf$constant(3))
  })
  expect_identical(c0$op$control_inputs, list(a$op, b$op))
  expect_equal(calls, 1L)
})

four_consts <- function(g) with(g$as_default(), lapply(1:4, function(i) tf$constant(i)))
new_const <- function(g) with(g$as_default(), tf$constant(0))
same_ops <- function(actual, expected) {
  expect_setequal(op_names(actual), op_names(expected))
  expect_length(actual, length(expected))
}

test_that("ops_test: testNested", {
  fresh_graph()
  g <- tf$Graph()
  a <- four_consts(g)
  with(g$control_dependencies(a), b_1 <- new_const(g))
  with(g$control_dependencies(list(a[[1]])), with(g$control_dependencies(list(a[[2]])),
    with(g$control_dependencies(list(a[[3]])), with(g$control_dependencies(list(a[[4]])), b_2 <- new_const(g)))))
  same_ops(b_1$op$control_inputs, lapply(a, function(t) t$op))
  same_ops(b_2$op$control_inputs, b_1$op$control_inputs)
})

test_that("ops_test: testClear", {
  fresh_graph()
  g <- tf$Graph()
  a <- four_consts(g)
  cd <- function(x) g$control_dependencies(x)
  with(cd(list(a[[1]])), {
    with(cd(list(a[[2]])), {
      with(cd(NULL), {
        with(cd(list(a[[3]])), {
          with(cd(list(a[[4]])), b_3_4 <- new_const(g))  # deps a_3, a_4
          b_3 <- new_const(g)                            # deps a_3
        })
        b_none <- new_const(g)                           # no deps
      })
      b_1_2 <- new_const(g)                              # back to a_1, a_2
    })
    b_1 <- new_const(g)                                  # back to a_1
    with(cd(NULL), b_none2 <- new_const(g))              # none again
  })
  ops <- function(...) lapply(list(...), function(t) t$op)
  same_ops(b_3_4$op$control_inputs, ops(a[[3]], a[[4]]))
  same_ops(b_3$op$control_inputs, ops(a[[3]]))
  same_ops(b_none$op$control_inputs, list())
  same_ops(b_1_2$op$control_inputs, ops(a[[1]], a[[2]]))
  same_ops(b_1$op$control_inputs, ops(a[[1]]))
  same_ops(b_none2$op$control_inputs, list())
})

test_that("ops_test: testComplex", {
  fresh_graph()
  g <- tf$Graph()
  # a_i: constants made outside, the control inputs of the i-th nested scope;
  # b_i = a_3 * a_4, c_i = a_1 * b_1, d_i = b_i * c_i, e_i = e_(i-1) * e_(i-1) in scope i.
  a <- four_consts(g)
  cd <- function(i) g$control_dependencies(list(a[[i]]))
  mul <- function(x, y) with(g$as_default(), tf$multiply(x, y))
  with(cd(1), {
    b_1 <- mul(a[[3]], a[[4]])
    c_1 <- mul(a[[1]], b_1)
    d_1 <- mul(b_1, c_1)
    e_1 <- new_const(g)
    with(cd(2), {
      b_2 <- mul(a[[3]], a[[4]])
      c_2 <- mul(a[[1]], b_1)
      d_2 <- mul(b_2, c_2)
      e_2 <- mul(e_1, e_1)
      with(cd(3), {
        b_3 <- mul(a[[3]], a[[4]])
        c_3 <- mul(a[[1]], b_1)
        d_3 <- mul(b_3, c_3)
        e_3 <- mul(e_2, e_2)
        with(cd(4), {
          b_4 <- mul(a[[3]], a[[4]])
          c_4 <- mul(a[[1]], b_1)
          d_4 <- mul(b_4, c_4)
          e_4 <- mul(e_3, e_3)
        })
      })
    })
  })
  ops <- function(...) lapply(a[c(...)], function(t) t$op)
  same_ops(b_1$op$control_inputs, ops(1))
  same_ops(b_2$op$control_inputs, ops(1, 2))
  same_ops(b_3$op$control_inputs, ops(1, 2))
  same_ops(b_4$op$control_inputs, ops(1, 2))

  same_ops(c_1$op$control_inputs, list())
  same_ops(c_2$op$control_inputs, ops(2))
  same_ops(c_3$op$control_inputs, ops(2, 3))
  same_ops(c_4$op$control_inputs, ops(2, 3, 4))

  for (d in list(d_1, d_2, d_3, d_4)) same_ops(d$op$control_inputs, list())

  same_ops(e_1$op$control_inputs, ops(1))
  same_ops(e_2$op$control_inputs, ops(2))
  same_ops(e_3$op$control_inputs, ops(3))
  same_ops(e_4$op$control_inputs, ops(4))
})

test_that("ops_test: testRepeatedDependency", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), {
    a <- tf$nn$softmax_cross_entropy_with_logits_v2(labels = matrix(1, 2, 2), logits = matrix(1, 2, 2))$op
  })
  a_0 <- a$outputs[[1]]
  a_1 <- a$outputs[[2]]
  with(g$control_dependencies(list(a_0)), {
    b <- new_const(g)
    with(g$control_dependencies(list(a_1)), c0 <- new_const(g))
  })
  expect_identical(b$op$control_inputs, list(a))
  expect_identical(c0$op$control_inputs, list(a))
})

test_that("ops_test: testNoControlDependencyWithDataDependency", {
  fresh_graph()
  g <- tf$Graph()
  a <- new_const(g)
  with(g$control_dependencies(list(a)), b <- with(g$as_default(), tf$identity(a)))
  expect_identical(b$op$control_inputs, list())
})

# OpScopeTest -------------------------------------------------------------------

test_that("ops_test: testNames", {
  fresh_graph()
  with(tf$name_scope("foo") %as% foo, {
    expect_equal(foo, "foo/")
    with(tf$name_scope("foo2") %as% foo2, expect_equal(foo2, "foo/foo2/"))
    with(tf$name_scope(NULL) %as% empty1, {
      expect_equal(empty1, "")
      with(tf$name_scope("foo3") %as% foo3, expect_equal(foo3, "foo3/"))
    })
    with(tf$name_scope("") %as% empty2, expect_equal(empty2, ""))
  })
  with(tf$name_scope("foo/") %as% outer_foo, {
    expect_equal(outer_foo, "foo/")
    with(tf$name_scope("") %as% empty3, expect_equal(empty3, ""))
    with(tf$name_scope("foo4") %as% foo4, expect_equal(foo4, "foo/foo4/"))
    with(tf$name_scope("foo5//") %as% foo5, {
      expect_equal(foo5, "foo5//")
      with(tf$name_scope("foo6") %as% foo6, expect_equal(foo6, "foo5//foo6/"))
    })
    with(tf$name_scope("/") %as% foo7, expect_equal(foo7, "/"))
    with(tf$name_scope("//") %as% foo8, expect_equal(foo8, "//"))
    with(tf$name_scope("a//b/c") %as% foo9, expect_equal(foo9, "foo/a//b/c/"))
  })
  with(tf$name_scope("a//b/c") %as% foo10, expect_equal(foo10, "a//b/c/"))
})

test_that("ops_test: testEagerDefaultScopeName", {
  fresh_graph()
  with(tf$name_scope(NULL, "default") %as% scope, {
    expect_equal(scope, "default/")
    with(tf$name_scope(NULL, "default2") %as% scope2, expect_equal(scope2, "default/default2/"))
  })
})

two_ops_in <- function(g) with(g$as_default(), list(tf$no_op(name = "A"), tf$no_op(name = "B")))

test_that("ops_test: testNoScopeName", {
  fresh_graph()
  values <- two_ops_in(tf$Graph())
  msg <- "At least one of name (None) and default_name (None) must be provided."
  expect_tf_error(with(tf$name_scope(NULL, values = values), NULL), "value", msg)
  expect_tf_error(with(tf$name_scope(NULL, NULL, values), NULL), "value", msg)
})

test_that("ops_test: testEmptyScopeName", {
  fresh_graph()
  g0 <- tf$Graph()
  ab <- two_ops_in(g0)
  with(tf$name_scope("", values = ab) %as% scope, {
    expect_equal(scope, "")
    expect_identical(tf$get_default_graph(), g0)
  })
  with(tf$name_scope("", "my_default_scope", ab) %as% scope, {
    expect_equal(scope, "")
    expect_identical(tf$get_default_graph(), g0)
  })
})

test_that("ops_test: testDefaultScopeName", {
  fresh_graph()
  g0 <- tf$Graph()
  ab <- two_ops_in(g0)
  with(tf$name_scope("my_scope", "my_default_scope", ab) %as% scope, {
    expect_equal(scope, "my_scope/")
    expect_identical(tf$get_default_graph(), g0)
  })
  with(tf$name_scope(NULL, "my_default_scope", ab) %as% scope, {
    expect_equal(scope, "my_default_scope/")
    expect_identical(tf$get_default_graph(), g0)
  })
  # The elements passed where the default name goes.
  expect_tf_error(with(tf$name_scope("my_scope", ab), NULL), "type", "is not a string type")
})

check_graph_elements <- function(elements) {
  with(tf$name_scope("my_scope", values = elements) %as% scope, {
    expect_equal(scope, "my_scope/")
    expect_identical(elements[[1]]$graph, tf$get_default_graph())
  })
  a <- two_ops_in(tf$Graph())[[1]]
  expect_tf_error(with(tf$name_scope("my_scope", values = c(elements, list(a))), NULL), "value",
                  "must be from the same graph as")
}

test_that("ops_test: testTensor", {
  fresh_graph()
  check_graph_elements(two_ops_in(tf$Graph()))
})

test_that("ops_test: testVariable", {
  fresh_graph()
  g0 <- tf$Graph()
  with(g0$as_default(), variable <- tf$Variable(c(1)))
  ab <- two_ops_in(g0)
  check_graph_elements(list(ab[[1]], variable, ab[[2]]))
})

# InitScopeTest -------------------------------------------------------------------

test_that("ops_test: testClearsControlDependencies", {
  fresh_graph()
  g <- tf$Graph()
  a <- four_consts(g)
  cd <- function(x) g$control_dependencies(x)
  with(g$as_default(), {
    with(cd(list(a[[1]])), {
      with(cd(list(a[[2]])), {
        with(tf$init_scope(), {
          with(cd(list(a[[3]])), {
            with(cd(list(a[[4]])), b_3_4 <- new_const(g))
            b_3 <- new_const(g)
          })
          b_none <- new_const(g)
        })
        b_1_2 <- new_const(g)
      })
      b_1 <- new_const(g)
      with(tf$init_scope(), b_none2 <- new_const(g))
    })
  })
  ops <- function(...) lapply(a[c(...)], function(t) t$op)
  same_ops(b_3_4$op$control_inputs, ops(3, 4))
  same_ops(b_3$op$control_inputs, ops(3))
  same_ops(b_none$op$control_inputs, list())
  same_ops(b_1_2$op$control_inputs, ops(1, 2))
  same_ops(b_1$op$control_inputs, ops(1))
  same_ops(b_none2$op$control_inputs, list())
})

test_that("ops_test: testPreservesNameScopeInGraphConstruction", {
  fresh_graph()
  with(tf$Graph()$as_default(), {
    function_graph <- tf$Graph()
    with(function_graph$as_default(), {
      with(tf$name_scope("inner"), with(tf$init_scope(), {
        expect_equal(tf$get_default_graph()$get_name_scope(), "inner")
      }))
    })
    expect_equal(tf$get_default_graph()$get_name_scope(), "")
  })
})

# GraphTest ---------------------------------------------------------------------

test_that("ops_test: testResetDefaultGraphNesting", {
  fresh_graph()
  g0 <- tf$Graph()
  expect_tf_error(with(g0$as_default(), tf$reset_default_graph()), "assertion")
})

test_that("ops_test: testGraphContextManager", {
  fresh_graph()
  g0 <- tf$Graph()
  with(g0$as_default() %as% g1, expect_identical(g0, g1))
})

test_that("ops_test: testDefaultGraph", {
  fresh_graph()
  orig <- tf$get_default_graph()
  expect_identical(tf$get_default_graph(), orig)
  g0 <- tf$Graph()
  expect_identical(tf$get_default_graph(), orig)
  context_manager_0 <- g0$as_default()
  expect_identical(tf$get_default_graph(), orig)
  with(context_manager_0 %as% g0, {
    expect_identical(tf$get_default_graph(), g0)
    with(tf$Graph()$as_default() %as% g1, expect_identical(tf$get_default_graph(), g1))
    expect_identical(tf$get_default_graph(), g0)
  })
  expect_identical(tf$get_default_graph(), orig)
})

test_that("ops_test: testPreventFeeding", {
  fresh_graph()
  g <- tf$Graph()
  a <- tf$constant(2)
  expect_true(g$is_feedable(a))
  g$prevent_feeding(a)
  expect_false(g$is_feedable(a))
  # A session on a graph refuses to feed a marked tensor.
  x <- tf$placeholder(tf$float32, name = "x")
  y <- x * 2
  tf$get_default_graph()$prevent_feeding(x)
  with(tf$Session() %as% sess, {
    expect_tf_error(sess$run(y, feed_dict = dict(x = 1)), "value", 'Tensor Tensor("x:0", dtype=float32) may not be fed.')
  })
})

test_that("ops_test: testPreventFetching", {
  fresh_graph()
  g <- tf$Graph()
  a <- tf$constant(2)
  expect_true(g$is_fetchable(a))
  g$prevent_fetching(a$op)
  expect_false(g$is_fetchable(a))
  # A session on a graph refuses to fetch a marked op, as a tensor or as a target.
  b <- tf$constant(3, name = "b")
  tf$get_default_graph()$prevent_fetching(b$op)
  with(tf$Session() %as% sess, {
    expect_tf_error(sess$run(b), "value", "Operation 'b' has been marked as not fetchable.")
    expect_tf_error(sess$run(list(a, b$op)), "value", "Operation 'b' has been marked as not fetchable.")
    expect_equal(sess$run(a), 2)
  })
})

test_that("ops_test: testAsGraphElementConversions", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), a <- tf$constant(1, name = "FloatOutput"))
  expect_identical(g$as_graph_element("FloatOutput:0"), a)
  expect_identical(g$as_graph_element("FloatOutput"), a$op)
  expect_identical(g$as_graph_element(a), a)
  expect_tf_error(g$as_graph_element(list(1)), "type", "Can not convert a list into a Tensor or Operation.")
})

test_that("ops_test: testRunnableAfterInvalidShape", {
  fresh_graph()
  with(tf$Graph()$as_default(), {
    expect_tf_error(tf$add(c(1, 2), c(1, 2, 3)), "value")
    a <- tf$constant(1L)
    with(tf$Session() %as% sess, expect_equal(sess$run(a), 1L))
  })
})

# ColocationGroupTest ---------------------------------------------------------------

test_that("ops_test: ColocationGroupTest.testBasic", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  with(tf$colocate_with(a$op), b <- tf$constant(3))
  c0 <- tf$constant(4)
  expect_equal(a$op$colocation_groups(), "loc:@a")
  expect_equal(b$op$colocation_groups(), "loc:@a")
  expect_tf_error(c0$op$get_attr("_class"), "value")
})

test_that("ops_test: testColocationDeviceInteraction", {
  fresh_graph()
  with(tf$device("/cpu:0"), {
    with(tf$device("/device:GPU:0"), a <- tf$constant(c(2), name = "a"))
    # b is made in the /cpu:0 scope, but colocation with a (on GPU:0) is stronger.
    with(tf$colocate_with(a$op), b <- tf$constant(3))
  })
  expect_equal(b$op$colocation_groups(), "loc:@a")
  expect_equal(a$op$device, b$op$device)
})

test_that("ops_test: testColocationCanonicalization", {
  fresh_graph()
  with(tf$device("/device:GPU:0"), tf$constant(2))
  with(tf$device(function(op) "/device:GPU:0"), b <- tf$constant(3))
  with(tf$get_default_graph()$colocate_with(b), with(tf$device("/device:GPU:0"), c0 <- tf$constant(4)))
  # c takes b's device, both canonical.
  expect_equal(b$op$device, c0$op$device)
})

test_that("ops_test: testLocationOverrides", {
  fresh_graph()
  with(tf$device("/cpu:0"), {
    with(tf$device("/device:GPU:0"), {
      a <- tf$constant(c(2), name = "a")
      # Redundant colocation (same device scope), still recorded.
      with(tf$colocate_with(a$op), b <- tf$constant(3))
      c0 <- tf$constant(4)
    })
    d <- tf$constant(5)
  })
  expect_equal(b$op$colocation_groups(), "loc:@a")
  expect_equal(a$op$device, "/device:GPU:0")
  expect_equal(a$op$device, b$op$device)
  # The device scopes are back after the colocation block.
  expect_equal(c0$op$device, "/device:GPU:0")
  expect_equal(d$op$device, "/device:CPU:0")
})

test_that("ops_test: testNestedColocateWith", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  with(tf$colocate_with(a$op), {
    b <- tf$constant(3)
    with(tf$colocate_with(b$op), c0 <- tf$constant(4))
  })
  expect_equal(b$op$colocation_groups(), "loc:@a")
  expect_equal(c0$op$colocation_groups(), "loc:@a")
})

test_that("ops_test: testMultiColocationGroups", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  b <- tf$constant(3, name = "b")
  with(tf$colocate_with(a$op), with(tf$colocate_with(b$op), c0 <- tf$constant(4)))
  expect_setequal(c0$op$colocation_groups(), c("loc:@a", "loc:@b"))
})

test_that("ops_test: testColocationIgnoreStack", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  b <- tf$constant(3, name = "b")
  with(tf$colocate_with(a$op), with(tf$colocate_with(b$op, ignore_existing = TRUE), c0 <- tf$constant(4)))
  expect_equal(c0$op$colocation_groups(), "loc:@b")
})

test_that("ops_test: testColocateWithReset", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  with(tf$colocate_with(a$op), {
    b <- tf$constant(3, name = "b")
    with(tf$colocate_with(NULL, ignore_existing = TRUE), c0 <- tf$constant(4, name = "c"))
  })
  expect_equal(b$op$colocation_groups(), "loc:@a")
  expect_equal(c0$op$colocation_groups(), "loc:@c")
  expect_tf_error(tf$colocate_with(NULL), "value", "Trying to reset colocation (op is None) but ignore_existing is not True")
})

test_that("ops_test: testColocateWithInitialNoneThenNested", {
  fresh_graph()
  a <- tf$constant(c(2), name = "a")
  with(tf$colocate_with(a$op), with(tf$colocate_with(NULL, ignore_existing = TRUE), {
    b <- tf$constant(3, name = "b")
    with(tf$colocate_with(b$op), c0 <- tf$constant(4, name = "c"))
  }))
  expect_equal(b$op$colocation_groups(), "loc:@b")
  expect_equal(c0$op$colocation_groups(), "loc:@b")
})

test_that("ops_test: testColocateVariables", {
  fresh_graph()
  a <- tf$Variable(c(2), name = "a")
  with(tf$colocate_with(a$op), b <- tf$Variable(c(3), name = "b"))
  expect_equal(b$op$colocation_groups(), "loc:@a")
})

# NameScopeTest -------------------------------------------------------------------

test_that("ops_test: testGetNameScope", {
  fresh_graph()
  with(tf$Graph()$as_default() %as% g, {
    with(tf$name_scope("scope1"), {
      with(tf$name_scope("scope2"), {
        with(tf$name_scope("scope3"), expect_equal(g$get_name_scope(), "scope1/scope2/scope3"))
        expect_equal(g$get_name_scope(), "scope1/scope2")
      })
      expect_equal(g$get_name_scope(), "scope1")
    })
    expect_equal(g$get_name_scope(), "")
  })
})

test_that("ops_test: testTwoGraphs", {
  fresh_graph()
  g1 <- tf$Graph()
  g2 <- tf$Graph()
  expect_tf_error(with(g1$as_default(), with(g2$as_default(), with(tf$name_scope("_"), NULL))),
                  "value", "'_' is not a valid scope name")
})

test_that("ops_test: testConvertToTensorNestedTensors", {
  fresh_graph()
  values <- c(2L, 3L, 5L, 7L)
  rows <- lapply(values, function(v) tf$constant(array(v, 1L)))
  tensor <- tf$convert_to_tensor(rows)
  expect_equal(tensor$shape$as_list(), list(4, 1))
  expect_equal(tensor$op$type, "Pack")
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(tensor), matrix(values, 4, 1))
  nested <- lapply(values, function(v) list(tf$constant(v)))
  tensor2 <- tf$convert_to_tensor(nested)
  expect_equal(tensor2$shape$as_list(), list(4, 1))
  expect_identical(sess$run(tensor2), matrix(values, 4, 1))
})

test_that("ops_test: testConvertToTensorNestedMix", {
  fresh_graph()
  values <- list(list(2L), list(3L), list(tf$constant(5L)), tf$constant(array(7L, 1L)))
  tensor <- tf$convert_to_tensor(values)
  expect_equal(tensor$shape$as_list(), list(4, 1))
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(sess$run(tensor), matrix(c(2L, 3L, 5L, 7L), 4, 1))
  # Elements of other shapes cannot be packed.
  expect_tf_error(tf$convert_to_tensor(list(tf$constant(c(1, 2)), tf$constant(3))), "value", "incompatible")
})
