# Ports of TensorFlow 1.15's session_test.py (graph mode, in-process sessions).
# See CONFORMANCE-port-vars-session.md for what is not ported and why.

test_that("session_test: testUseExistingGraph", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(tf$device("/cpu:0"), {
    a <- tf$constant(6, shape = c(1, 1))
    b <- tf$constant(7, shape = c(1, 1))
    m <- tf$matmul(a, b, name = "matmul")
  }))
  with(tf$Session(graph = g), result <- m$eval())
  expect_equal(result, matrix(42, 1, 1))
})

test_that("session_test: testUseDefaultGraph", {
  fresh_graph()
  with(tf$Graph()$as_default(), with(tf$device("/cpu:0"), {
    a <- tf$constant(6, shape = c(1, 1))
    b <- tf$constant(7, shape = c(1, 1))
    m <- tf$matmul(a, b, name = "matmul")
    with(tf$Session(), result <- m$eval())
  }))
  expect_equal(result, matrix(42, 1, 1))
})

test_that("session_test: testCreate", {
  fresh_graph()
  with(tf$Session(), {
    inp <- tf$constant(10, shape = c(2, 3), name = "W1")
    copy <- tf$identity(inp)
    arr <- matrix(c(0, 1, 2, 3, 4, 5), 2, 3, byrow = TRUE)
    expect_equal(copy$eval(list("W1:0" = arr)), arr)
    expect_equal(copy$eval(), matrix(10, 2, 3))
  })
})

test_that("session_test: testPerSessionThreads", {
  fresh_graph()
  with(tf$Session(config = tf$ConfigProto(use_per_session_threads = TRUE)), {
    inp <- tf$constant(10, name = "W1")
    expect_equal(inp$eval(), 10)
  })
})

test_that("session_test: testErrorsReported", {
  fresh_graph()
  with(tf$Session() %as% s, {
    tf$constant(10, name = "W1")
    expect_tf_error(s$run("foo:0"), "value", "Fetch argument 'foo:0' cannot be interpreted as a Tensor.")
  })
})

test_that("session_test: testErrorPayload", {
  # The error's class and message; TensorFlow's e.op has no counterpart on R conditions.
  fresh_graph()
  with(tf$Session(), {
    a <- tf$placeholder(tf$float32)
    expect_tf_error(a$eval(), "invalid_argument", "You must feed a value for placeholder tensor 'Placeholder'")
  })
})

test_that("session_test: testFetchNone", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1)
    expect_tf_error(s$run(NULL), "type")
    expect_tf_error(s$run(list(NULL)), "type")
    expect_tf_error(s$run(list(b = NULL)), "type")
    expect_tf_error(s$run(list(a = a, b = NULL)), "type")
  })
})

test_that("session_test: testFetchSingleton", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    expect_equal(sess$run(a), 42)
    expect_null(sess$run(a$op))  # an op, not a tensor
  })
})

test_that("session_test: testFetchSingletonByName", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    expect_equal(sess$run(a$name), 42)
    expect_null(sess$run(a$op))
  })
})

test_that("session_test: testFetchList", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    b <- tf$no_op()
    c3 <- tf$constant(44)
    v <- tf$Variable(array(54))
    assign <- v$assign(array(63))
    res <- sess$run(list(a, b, c3, a$name, assign$op))
    expect_type(res, "list")
    expect_identical(res, list(42, NULL, 44, 42, NULL))
  })
})

test_that("session_test: testFetchNamedTuple", {
  # A record of named fields is a named list in R.
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    b <- tf$no_op()
    c3 <- tf$constant(44)
    res <- sess$run(list(a = a, b = b, c = c3))
    expect_named(res, c("a", "b", "c"))
    expect_equal(res$a, 42)
    expect_null(res$b)
    expect_equal(res$c, 44)
  })
})

test_that("session_test: testFetchDict", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    b <- tf$no_op()
    c3 <- tf$constant(44)
    res <- sess$run(list(a = a, b = b, c = c3))
    expect_type(res, "list")
    expect_equal(res[["a"]], 42)
    expect_null(res[["b"]])
    expect_equal(res[["c"]], 44)
  })
})

test_that("session_test: testFetchOrderedDict", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(42)
    b <- tf$no_op()
    c3 <- tf$constant(44)
    res <- sess$run(list(`3` = a, `2` = b, `1` = c3))
    expect_named(res, c("3", "2", "1"))
    expect_equal(res[["3"]], 42)
    expect_null(res[["2"]])
    expect_equal(res[["1"]], 44)
  })
})

test_that("session_test: testFetchNestingEmptyOneLevel", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a_val <- 11
    a <- tf$constant(a_val)
    empty_named <- structure(list(), names = character(0))
    res <- sess$run(list(list(), list(), empty_named))
    expect_length(res, 3L)
    for (r in res) expect_identical(unname(r), list())
    expect_identical(res[[3]], empty_named)
    res <- sess$run(list(list(), list(), empty_named, a))
    expect_length(res, 4L)
    for (r in res[1:3]) expect_length(r, 0L)
    expect_equal(res[[4]], a_val)
  })
})

test_that("session_test: testFetchNestingOneLevel", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a_val <- 42
    c_val <- 44
    a <- tf$constant(a_val)
    b <- tf$no_op()
    c3 <- tf$constant(c_val)
    check_abc <- function(x, names = NULL) {
      expect_length(x, 3L)
      expect_equal(x[[1]], a_val)
      expect_null(x[[2]])
      expect_equal(x[[3]], c_val)
      if (!is.null(names)) expect_named(x, names)
    }
    check_dict <- function(x) {
      expect_length(x, 3L)
      expect_equal(x[["a"]], a_val)
      expect_null(x[["b"]])
      expect_equal(x[["c"]], c_val)
    }
    # A list of lists and named lists (dict and namedtuple alike).
    res <- sess$run(list(list(a, b, c3), list(a, b, c3), list(a = a, b = b, c = c3),
                         list(a = a$name, c = c3, b = b)))
    expect_length(res, 4L)
    check_abc(res[[1]])
    check_abc(res[[2]])
    check_abc(res[[3]], c("a", "b", "c"))
    check_dict(res[[4]])
    # A named list (namedtuple DEFG, dict) of the same.
    res <- sess$run(list(d = list(a, b, c3), e = list(a, b, c3), f = list(a = a$name, b = b, c = c3),
                         g = list(a = a, c = c3, b = b)))
    expect_named(res, c("d", "e", "f", "g"))
    check_abc(res$d)
    check_abc(res$e)
    check_abc(res$f, c("a", "b", "c"))
    check_dict(res$g)
    expect_named(res$g, c("a", "c", "b"))
  })
})

test_that("session_test: testFetchTensorObject", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
    a_val <- matrix(1, 1, 2)
    b_val <- matrix(2, 2, 3)
    expect_equal(s$run(list(m))[[1]], matrix(4, 1, 3))
    expect_equal(s$run(m), matrix(4, 1, 3))
    expect_equal(m$eval(), matrix(4, 1, 3))
    res <- s$run(list(a, b))
    expect_equal(res[[1]], a_val)
    expect_equal(res[[2]], b_val)
    res <- s$run(list(a = list(a), b = b, z = list(a, b)))
    expect_equal(res$a[[1]], a_val)
    expect_equal(res$b, b_val)
    expect_equal(res$z[[1]], res$a[[1]])
    expect_equal(res$z[[2]], res$b)
    # Nested structures.
    res <- s$run(list(list(list(a, b), b), a, list(a, b)))
    expect_equal(res[[1]][[1]][[1]], a_val)
    expect_equal(res[[1]][[1]][[2]], b_val)
    expect_equal(res[[1]][[1]][[1]], res[[2]])
    expect_equal(res[[2]], res[[3]][[1]])
    expect_equal(res[[1]][[1]][[2]], res[[1]][[2]])
    expect_equal(res[[1]][[2]], res[[3]][[2]])
  })
})

test_that("session_test: testFetchScalar", {
  fresh_graph()
  with(tf$Session() %as% s, {
    for (dt in c("int32", "int64", "float32", "float64")) {
      r_type <- if (dt == "int32") "integer" else "double"
      tf_x <- tf$constant(7, dtype = tf$as_dtype(dt), shape = c())
      tf_y <- tf$constant(8, dtype = tf$as_dtype(dt))
      tf_xy <- tf$add(tf_x, tf_y)
      xy <- s$run(tf_xy)
      expect_type(xy, r_type)
      expect_null(dim(xy))
      expect_equal(xy, 15)
      xy <- s$run(list(tf_xy))[[1]]
      expect_type(xy, r_type)
      expect_equal(xy, 15)
      xy <- s$run(list(xy = tf_xy))$xy
      expect_type(xy, r_type)
      expect_equal(xy, 15)
      xy <- s$run(list(list(list(tf_xy)), tf_xy, list(tf_xy)))
      expect_equal(xy, list(list(list(15)), 15, list(15)), ignore_attr = TRUE)
      expect_type(xy[[1]][[1]][[1]], r_type)
      expect_type(xy[[2]], r_type)
      expect_type(xy[[3]][[1]], r_type)
    }
  })
})

test_that("session_test: testFetchOperationObject", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1, shape = c(1, 2))
    v <- tf$Variable(a, name = "testFetchOperationObject_v")
    s$run(v$initializer)
    expect_equal(s$run(v), matrix(1, 1, 2))
  })
})

test_that("session_test: testExtendWithStatelessOperations", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
    expect_equal(s$run(m), matrix(4, 1, 3))
    d <- tf$constant(c(1, 2, 3), shape = c(3, 1))
    e <- tf$matmul(m, d)
    expect_equal(s$run(e), matrix(24, 1, 1))  # the graph grew after the first run
  })
})

test_that("session_test: testExtendWithStatefulOperations", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
    v <- tf$Variable(m, name = "testExtendWithStatefulOperations_v")
    v$initializer$run()
    expect_equal(v$eval(), matrix(4, 1, 3))
    d <- tf$constant(3, shape = c(2, 3))
    e <- tf$matmul(a, d)
    assign_e_to_v <- tf$assign(v, e)
    expect_equal(e$eval(), matrix(6, 1, 3))
    expect_equal(v$eval(), matrix(4, 1, 3))
    s$run(assign_e_to_v)
    expect_equal(v$eval(), matrix(6, 1, 3))
  })
})

test_that("session_test: testExtendWithGroupBy", {
  fresh_graph()
  with(tf$Session() %as% s, {
    a <- tf$constant(1, shape = c(1, 2))
    p <- tf$Variable(a, name = "testExtendWithGroupBy_p")
    expect_equal(a$eval(), matrix(1, 1, 2))
    b <- tf$constant(2, shape = c(1, 2))
    q <- tf$Variable(b, name = "testExtendWithGroupBy_q")
    init <- tf$group(p$initializer, q$initializer)
    s$run(init)
    res <- s$run(list(p, q))
    expect_equal(res[[1]], matrix(1, 1, 2))
    expect_equal(res[[2]], matrix(2, 1, 2))
  })
})

test_that("session_test: testTensorGetMethod", {
  fresh_graph()
  with(tf$Session(), {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
    expect_equal(m$eval(), matrix(4, 1, 3))
    fed <- m$eval(feed_dict = stats::setNames(list(matrix(4, 1, 2)), a$name))
    expect_equal(fed, matrix(16, 1, 3))
  })
})

test_that("session_test: testOperationRunMethod", {
  fresh_graph()
  with(tf$Session(), {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(1, 2), name = "b")
    v <- tf$Variable(a)
    assign_a_to_v <- tf$assign(v, a)
    assign_a_to_v$eval()
    expect_equal(v$eval(), matrix(1, 1, 2))
    assign_b_to_v <- tf$assign(v, b)
    assign_b_to_v$eval()
    expect_equal(v$eval(), matrix(2, 1, 2))
    assign_b_to_v$eval(feed_dict = list("b:0" = matrix(3, 1, 2)))
    expect_equal(v$eval(), matrix(3, 1, 2))
  })
})

test_that("session_test: testDefaultGraph", {
  fresh_graph()
  with(tf$Session() %as% s, {
    expect_identical(tf$get_default_graph(), s$graph)
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    expect_identical(a$graph, tf$get_default_graph())
    expect_identical(b$graph, tf$get_default_graph())
    m <- tf$matmul(a, b)
    v <- tf$Variable(m, name = "testDefaultGraph_v")
    v$initializer$run()
    expect_equal(v$eval(), matrix(4, 1, 3))
    d <- tf$constant(3, shape = c(2, 3))
    e <- tf$matmul(a, d)
    assign_e_to_v <- tf$assign(v, e)
    expect_equal(e$eval(), matrix(6, 1, 3))
    expect_equal(v$eval(), matrix(4, 1, 3))
    s$run(assign_e_to_v)
    expect_equal(v$eval(), matrix(6, 1, 3))
    expect_identical(tf$get_default_graph(), s$graph)
  })
})

test_that("session_test: testRunFeedDict", {
  # Feeding by tensor and by name; TensorFlow's nested tuple keys have no R counterpart.
  fresh_graph()
  with(tf$Session() %as% s, {
    x <- tf$zeros(shape(2L))
    expect_equal(s$run(2 * x, feed_dict = dict(x = c(1, 1))), array(c(2, 2)))
    expect_equal(s$run(2 * x, feed_dict = stats::setNames(list(c(1, 1)), x$name)), array(c(2, 2)))
    expect_equal(s$run(2 * x, feed_dict = dict(x = c(1L, 1L))), array(c(2, 2)))
  })
})

test_that("session_test: testUseAfterClose", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    c1 <- tf$constant(5)
    expect_equal(sess$run(c1), 5)
  })
  expect_tf_error(sess$run(c1), "runtime", "Attempted to use a closed Session.")
})

test_that("session_test: testUseEmptyGraph", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    msg <- "The Session graph is empty."
    expect_tf_error(sess$run(list()), "runtime", msg)
    expect_tf_error(sess$run(structure(list(), names = character(0))), "runtime", msg)
  })
})

test_that("session_test: testNotEntered", {
  fresh_graph()
  expect_null(tf$get_default_session())
  with(tf$device("/cpu:0"), {
    sess <- tf$Session()
    c_1 <- tf$constant(5)
    with(sess$graph$as_default(), c_2 <- tf$constant(5))
  })
  on.exit(sess$close())
  expect_identical(c_1$graph, c_2$graph)
  expect_equal(sess$run(c_2), 5)
  expect_tf_error(c_2$eval(), "value", "No default session is registered.")
})

test_that("session_test: testInteractive", {
  fresh_graph()
  with(tf$device("/cpu:0"), {
    sess <- tf$InteractiveSession()
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
    expect_equal(m$eval(), matrix(4, 1, 3))
    d <- tf$constant(c(1, 2, 3), shape = c(3, 1))
    e <- tf$matmul(m, d)
    expect_equal(e$eval(), matrix(24, 1, 1))
    sess$close()
  })
  expect_null(tf$get_default_session())
})

test_that("session_test: testMultipleInteractiveSessionsWarning", {
  fresh_graph()
  sess <- tf$InteractiveSession()
  sess$run(tf$constant(4))
  sess$close()
  # Opening and closing interactive sessions one after the other does not warn.
  expect_no_warning({
    sess <- tf$InteractiveSession()
    sess$close()
  })
  expect_no_warning(sess <- tf$InteractiveSession())
  expect_warning(sess2 <- tf$InteractiveSession(),
                 paste("An interactive session is already active. This can cause out-of-memory errors in some cases.",
                       "You must explicitly call `InteractiveSession.close()` to release resources held by the",
                       "other session(s)."), fixed = TRUE)
  sess2$close()
  sess$close()
  expect_null(tf$get_default_session())
})

test_that("session_test: testInteractivePlacePrunedGraph", {
  fresh_graph()
  sess <- tf$InteractiveSession()
  on.exit(sess$close())
  with(tf$device("/device:GPU:0"), a <- tf$constant(1, shape = c(1, 2)))
  b <- tf$constant(1, shape = c(1, 2))
  expect_equal(b$eval(), matrix(1, 1, 2))  # only the valid op runs
  expect_tf_error(a$eval(), "invalid_argument", "Cannot assign a device for operation")
})

test_that("session_test: testDefaultSessionPlacePrunedGraph", {
  # Deliberately different: only the ops a run executes must be placeable (TensorFlow 1.x
  # places the whole graph and fails this run of a valid op).
  fresh_graph()
  sess <- tf$Session()
  on.exit(sess$close())
  with(tf$device("/device:GPU:0"), a <- tf$constant(1, shape = c(1, 2)))
  b <- tf$constant(1, shape = c(1, 2))
  expect_equal(sess$run(b), matrix(1, 1, 2))
  expect_tf_error(sess$run(a), "invalid_argument", "Cannot assign a device for operation")
})

test_that("session_test: testSharedGraph", {
  fresh_graph()
  g <- tf$Graph()
  with(g$as_default(), with(tf$device("/cpu:0"), {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(2, 3))
    m <- tf$matmul(a, b)
  }))
  with(tf$Session(graph = g) %as% sess1, with(tf$Session(graph = g) %as% sess2, {
    expect_equal(sess1$run(m), sess2$run(m))
  }))
})

test_that("session_test: testDuplicatedInputs", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$constant(1, shape = c(1, 2))
    b <- tf$constant(2, shape = c(1, 3))
    res <- sess$run(list(a, b, a))
    expect_equal(res[[1]], matrix(1, 1, 2))
    expect_equal(res[[2]], matrix(2, 1, 3))
    expect_equal(res[[3]], matrix(1, 1, 2))
  })
})

test_that("session_test: testFeedAndFetch", {
  fresh_graph()
  set.seed(1)
  with(tf$Session() %as% sess, {
    for (dt in c("float32", "float64", "int32", "int64", "bool")) {
      for (dims in list(c(32, 4, 128), 37, c(2, 0, 6), c(0, 0, 0))) {
        feed_t <- tf$placeholder(tf$as_dtype(dt), shape = dims)
        out_t <- tf$identity(feed_t)
        ints <- sample(-10:9, prod(dims), replace = TRUE)
        value <- array(switch(dt, int32 = ints, bool = ints > 0, as.numeric(ints)), dim = dims)
        expect_identical(sess$run(out_t, feed_dict = dict(feed_t = value)), value)
        expect_identical(sess$run(feed_t, feed_dict = dict(feed_t = value)), value)  # the feed itself
        both <- sess$run(list(out_t, feed_t), feed_dict = dict(feed_t = value))
        expect_identical(both[[1]], value)
        expect_identical(both[[2]], value)
      }
    }
  })
})

test_that("session_test: testFeedError", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    feed_t <- tf$placeholder(tf$float32)
    out_t <- tf$identity(feed_t)
    feed_val <- tf$constant(5)
    expect_tf_error(sess$run(out_t, feed_dict = dict(feed_t = feed_val)), "type", "cannot be a tf.Tensor object")
    expect_tf_error(out_t$eval(feed_dict = dict(feed_t = feed_val)), "type", "cannot be a tf.Tensor object")
    expect_tf_error(out_t$op$run(feed_dict = dict(feed_t = feed_val)), "type", "cannot be a tf.Tensor object")
  })
})

test_that("session_test: testFeedPrecisionLossError", {
  # R numbers are doubles: 2^62 stands for a value an int32 tensor cannot hold.
  fresh_graph()
  with(tf$Session() %as% sess, {
    large <- 2^62
    feed_int_implicit_int32 <- tf$constant(1L)
    feed_int_explicit_int32 <- tf$constant(1L, dtype = tf$int32)
    out_t <- tf$constant(1)
    expect_tf_error(sess$run(out_t, feed_dict = dict(feed_int_implicit_int32 = large)), "type",
                    "is not compatible with Tensor type")
    expect_tf_error(sess$run(out_t, feed_dict = dict(feed_int_explicit_int32 = large)), "type",
                    "is not compatible with Tensor type")
  })
})

string_array <- function(dims) {
  # Element i (0-based, row-major as TensorFlow counts) holds as.character(i).
  n <- prod(dims)
  if (length(dims) == 1L) return(array(as.character(seq_len(n) - 1L), dims))
  aperm(array(as.character(seq_len(n) - 1L), rev(dims)))
}

test_that("session_test: testStringFetch", {
  fresh_graph()
  with(tf$Session(), {
    for (dims in list(c(32, 4, 128), 37, c(2, 0, 6), c(0, 0, 0))) {
      c_list <- string_array(dims)
      cst <- tf$constant(c_list)
      expect_identical(cst$eval(), c_list)
    }
    expect_identical(tf$constant(string_array(c(2, 3)))$eval()[2, 1], "3")
  })
})

test_that("session_test: testStringFeed", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    for (dims in list(c(32, 4, 128), 37, c(2, 0, 6), c(0, 0, 0))) {
      c_list <- string_array(dims)
      feed_t <- tf$placeholder(tf$string, shape = dims)
      cc <- tf$identity(feed_t)
      expect_identical(sess$run(cc, feed_dict = dict(feed_t = c_list)), c_list)
      expect_identical(sess$run(feed_t, feed_dict = dict(feed_t = c_list)), c_list)
      both <- sess$run(list(cc, feed_t), feed_dict = dict(feed_t = c_list))
      expect_identical(both[[1]], c_list)
      expect_identical(both[[2]], c_list)
    }
  })
})

test_that("session_test: testStringFeedWithUnicode", {
  fresh_graph()
  with(tf$Session(), {
    c_list <- c("\n\x01", "\x01\n", "\u26a3 unicode", "\U0001f60e deal with it")
    feed_t <- tf$placeholder(tf$string, shape = length(c_list))
    cc <- tf$identity(feed_t)
    out <- cc$eval(feed_dict = dict(feed_t = c_list))
    expect_identical(as.vector(out), c_list)
    out <- cc$eval(feed_dict = dict(feed_t = array(c_list)))
    expect_identical(as.vector(out), c_list)
    expect_identical(Encoding(out[3]), "UTF-8")
  })
})

test_that("session_test: testInvalidTargetFails", {
  fresh_graph()
  expect_tf_error(tf$Session("INVALID_TARGET"), "not_found",
                  "No session factory registered for the given session options")
})

test_that("session_test: testFetchByNameDifferentStringTypes", {
  # R has one string type; names are character, fetched by "<op>:<index>".
  fresh_graph()
  with(tf$Session() %as% sess, {
    cc <- tf$constant(42, name = "c")
    d <- tf$constant(43, name = enc2utf8("d"))
    expect_type(cc$name, "character")
    expect_equal(sess$run("c:0"), 42)
    expect_equal(sess$run(enc2native("c:0")), 42)
    expect_equal(sess$run("d:0"), 43)
  })
})

test_that("session_test: testIncorrectGraph", {
  fresh_graph()
  g_1 <- tf$Graph()
  with(g_1$as_default(), c_1 <- tf$constant(1, name = "c"))
  g_2 <- tf$Graph()
  with(g_2$as_default(), c_2 <- tf$constant(2, name = "c"))
  expect_equal(c_1$op$name, "c")
  expect_equal(c_2$op$name, "c")
  with(tf$Session(graph = g_1) %as% sess_1, {
    expect_equal(sess_1$run(c_1), 1)
    expect_tf_error(sess_1$run(c_2), "value")
    expect_tf_error(sess_1$run(c_2$op), "value")
  })
  with(tf$Session(graph = g_2) %as% sess_2, {
    expect_tf_error(sess_2$run(c_1), "value")
    expect_tf_error(sess_2$run(c_1$op), "value")
    expect_equal(sess_2$run(c_2), 2)
  })
})

test_that("session_test: testFeedDictKeyException", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    const_a <- tf$constant(1, dtype = tf$float32, name = "a")
    # "a" names the op, not its tensor "a:0".
    expect_tf_error(sess$run(const_a, feed_dict = list(a = array(2))), "type", "Cannot interpret feed_dict")
  })
})

test_that("session_test: testFeedShapeCompatibility", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    some_tensor <- tf$constant(c(2, 2, 2, 2))
    new_shape <- tf$constant(c(2L, 2L))
    reshaped_tensor <- tf$reshape(some_tensor, new_shape)
    expect_tf_error(sess$run(reshaped_tensor, feed_dict = dict(some_tensor = c(1, 2, 3))), "value",
                    "Cannot feed value of shape")
    expect_tf_error(sess$run(reshaped_tensor, feed_dict = dict(new_shape = c(3L, 7L))), "invalid_argument",
                    "Input to reshape is a tensor with 4 values, but the requested shape has 21")
  })
})

test_that("session_test: testNonInteractiveSessionNesting", {
  fresh_graph()
  sess1 <- tf$Session()
  sess1_controller <- sess1$as_default()
  sess1_controller$enter()
  sess2 <- tf$Session()
  sess2_controller <- sess2$as_default()
  sess2_controller$enter()
  expect_tf_error(sess1_controller$exit(), "assertion", "Nesting violated")
  sess2_controller$exit()
  sess1_controller$exit()
  expect_null(tf$get_default_session())
  sess1$close()
  sess2$close()
})

test_that("session_test: testInteractiveSessionNesting", {
  fresh_graph()
  sess1 <- tf$InteractiveSession()
  expect_warning(sess2 <- tf$InteractiveSession(), "An interactive session is already active")
  sess1$close()
  sess2$close()
  expect_null(tf$get_default_session())
})

test_that("session_test: testAsDefault", {
  fresh_graph()
  c37 <- tf$constant(37L)
  sess <- tf$Session()
  on.exit(sess$close())
  with(sess$as_default(), expect_equal(c37$eval(), 37L))
  # A session that is not kept in a variable stays usable while it is the default.
  with(tf$Session()$as_default(), expect_equal(c37$eval(), 37L))
})

test_that("session_test: testReentry", {
  fresh_graph()
  sess <- tf$Session()
  expect_tf_error(with(sess, with(sess, NULL)), "runtime", "not re-entrant")
  expect_null(tf$get_default_session())
})

test_that("session_test: testInvalidArgument", {
  fresh_graph()
  expect_tf_error(tf$Session(37), "type", "target must be a string")
  expect_tf_error(tf$Session(config = 37), "type", "config must be a tf.ConfigProto")
  expect_tf_error(tf$Session(graph = 37), "type", "graph must be a tf.Graph")
})

test_that("session_test: testOpenAndCloseSession", {
  fresh_graph()
  expect_silent(with(tf$Session() %as% sess, NULL))
  expect_true(sess$closed)
})

test_that("session_test: testAutoConvertAndCheckData", {
  fresh_graph()
  with(tf$Session() %as% sess, {
    a <- tf$placeholder(dtype = tf$string)
    expect_tf_error(sess$run(a, feed_dict = dict(a = 1)), "type", "Type of feed value 1 with type")
  })
})
