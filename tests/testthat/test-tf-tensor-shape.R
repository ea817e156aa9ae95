# Port of TensorFlow 1.15's python/framework/tensor_shape_test.py (ShapeTest).
# tfnative has no Dimension class: a dimension is a plain R number, NA when
# unknown, so DimensionTest does not apply. tf$TensorShape(NULL) is a shape of
# unknown rank; tf$TensorShape(list(3, NULL, 7)) or shape(3, NULL, 7) a partially
# known one. Indexing a shape is 1-based, as everywhere in R.

test_that("tensor_shape_test: testUnknownShape", {
  fresh_graph()
  for (s in list(tf$TensorShape(NULL), tf$placeholder(tf$float32)$shape)) {
    expect_tf_error(s$assert_is_fully_defined(), "value", "Shape <unknown> is not fully defined")
    expect_null(s$rank)
    expect_null(s$ndims)
    # Deliberately different: length() is 0 where TensorFlow's len() is a ValueError
    # (R's str() and all.equal() take the length of any object).
    expect_identical(length(s), 0L)
    expect_null(s$dims)
    expect_false(s$is_fully_defined())
  }
})

test_that("tensor_shape_test: testFullyDefinedShape", {
  fresh_graph()
  for (s in list(tf$TensorShape(c(3, 4, 7)), shape(3L, 4L, 7L), tf$zeros(shape(3L, 4L, 7L))$shape)) {
    expect_silent(s$assert_is_fully_defined())
    expect_identical(s$rank, 3L)
    expect_identical(length(s), 3L)
    expect_silent(s$assert_has_rank(3))
    expect_identical(s$dims, list(3, 4, 7))
    expect_identical(s[[1]], 3)
    expect_identical(s[[2]], 4)
    expect_identical(s[[3]], 7)
    expect_identical(s$as_list(), list(3, 4, 7))
    expect_silent(s$assert_is_compatible_with(c(3, 4, 7)))
    expect_silent(s$assert_same_rank(c(6, 3, 7)))
  }
  s <- shape(3, 4, 7)
  expect_tf_error(s$assert_has_rank(2), "value", "Shape (3, 4, 7) must have rank 2")
  expect_tf_error(s$assert_is_compatible_with(c(3, 4, 8)), "value", "Shapes (3, 4, 7) and (3, 4, 8) are incompatible")
  expect_tf_error(s$assert_same_rank(c(3, 4)), "value", "Shapes (3, 4, 7) and (3, 4) must have the same rank")
})

test_that("tensor_shape_test: testPartiallyDefinedShape", {
  fresh_graph()
  for (s in list(tf$TensorShape(list(3, NULL, 7)), shape(3, NULL, 7),
                 tf$placeholder(tf$float32, shape(3L, NULL, 7L))$shape)) {
    expect_tf_error(s$assert_is_fully_defined(), "value", "Shape (3, ?, 7) is not fully defined")
    expect_identical(s$rank, 3L)
    expect_identical(length(s), 3L)
    expect_silent(s$assert_has_rank(3))
    expect_identical(s[[1]], 3)
    expect_identical(s$dims[[2]], NA_real_)
    expect_identical(s$dims[[3]], 7)
    expect_silent(s$assert_same_rank(c(6, 3, 7)))
    expect_identical(s$as_list(), list(3, NA_real_, 7))
  }
})

test_that("tensor_shape_test: testMergeFullShapes", {
  fresh_graph()
  expect_identical(tf$TensorShape(c(3, 4, 7))$merge_with(tf$TensorShape(c(3, 4, 7)))$as_list(), list(3, 4, 7))
  expect_tf_error(tf$TensorShape(c(3, 4, 7))$merge_with(tf$TensorShape(c(6, 3, 7))),
                  "value", "Shapes (3, 4, 7) and (6, 3, 7) are not compatible")
  expect_tf_error(shape(3, 4)$merge_with(shape(3, 4, 7)), "value", "Shapes (3, 4) and (3, 4, 7) are not compatible")
})

test_that("tensor_shape_test: testMergePartialShapes", {
  fresh_graph()
  s1 <- tf$TensorShape(list(3, NULL, 7))
  s2 <- tf$TensorShape(list(NULL, 4, 7))
  expect_identical(s1$merge_with(s2)$as_list(), list(3, 4, 7))
})

test_that("tensor_shape_test: testMergeFullAndUnknownShape", {
  fresh_graph()
  expect_identical(tf$TensorShape(c(3, 4, 7))$merge_with(tf$TensorShape(NULL))$as_list(), list(3, 4, 7))
  expect_identical(tf$TensorShape(NULL)$merge_with(c(3, 4, 7))$as_list(), list(3, 4, 7))
})

test_that("tensor_shape_test: testSlice", {
  fresh_graph()
  known <- tf$TensorShape(c(0, 1, 2, 3, 4))
  expect_identical(known[[3]], 2)
  expect_s3_class(known[2:4], "tf_shape")
  expect_silent(tf$TensorShape(c(1, 2, 3))$assert_is_compatible_with(known[2:4]))
  expect_true(known[2:4] == shape(1, 2, 3))

  unknown <- tf$TensorShape(NULL)
  expect_identical(unknown[[3]], NA_real_)
  expect_identical(unknown[2:4]$rank, 3L)
  expect_silent(tf$TensorShape(list(NULL, NULL, NULL))$assert_is_compatible_with(unknown[2:4]))
})

test_that("tensor_shape_test: testConcatenate", {
  fresh_graph()
  # TensorFlow runs this test three ways: concatenate(), `+`, and `+` from the right.
  fns <- list(Concatenate = function(x, y) x$concatenate(y), Add = function(x, y) x + y)
  for (f in fns) {
    r <- f(tf$TensorShape(c(1, 2)), tf$TensorShape(c(3, 4)))
    expect_silent(tf$TensorShape(c(1, 2, 3, 4))$assert_is_compatible_with(r))
    expect_identical(r$as_list(), list(1, 2, 3, 4))
    for (r in list(f(tf$TensorShape(c(1, 2)), tf$TensorShape(NULL)),
                   f(tf$TensorShape(NULL), tf$TensorShape(c(3, 4))),
                   f(tf$TensorShape(NULL), tf$TensorShape(NULL)))) {
      expect_silent(tf$TensorShape(c(1, 2, 3, 4))$assert_is_compatible_with(r))
      expect_null(r$rank)
    }
  }
})

test_that("tensor_shape_test: testConcatenateWithDimension", {
  fresh_graph()
  # A dimension is a number in tfnative.
  for (r in list(tf$TensorShape(c(1, 2))$concatenate(3), tf$TensorShape(c(1, 2)) + 3)) {
    expect_silent(tf$TensorShape(c(1, 2, 3))$assert_is_compatible_with(r))
    expect_identical(r$as_list(), list(1, 2, 3))
  }
})

test_that("tensor_shape_test: testAdd_nonTensorShape", {
  fresh_graph()
  two <- tf$TensorShape(2)
  for (addend in list(c(3, 4, 5), list(3, 4, 5))) {
    result <- two + addend
    expect_s3_class(result, "tf_shape")
    expect_silent(tf$TensorShape(c(2, 3, 4, 5))$assert_is_compatible_with(result))
    expect_identical(result$as_list(), list(2, 3, 4, 5))
  }
})

test_that("tensor_shape_test: testRAdd_nonTensorShape", {
  fresh_graph()
  five <- tf$TensorShape(5)
  for (addend in list(c(2, 3, 4), list(2, 3, 4))) {
    result <- addend + five
    expect_s3_class(result, "tf_shape")
    expect_silent(tf$TensorShape(c(2, 3, 4, 5))$assert_is_compatible_with(result))
    expect_identical(result$as_list(), list(2, 3, 4, 5))
  }
})

test_that("tensor_shape_test: testMostSpecificCompatibleShape", {
  fresh_graph()
  mcs <- function(x, y) tf$TensorShape(x)$most_specific_compatible_shape(tf$TensorShape(y))
  expect_null(mcs(c(1, 2), NULL)$dims)
  expect_null(mcs(NULL, c(1, 2))$dims)
  expect_null(mcs(c(1, 2), c(1, 2, 3, 4))$dims)
  expect_null(mcs(c(1, 2, 3, 4), c(1, 2))$dims)
  expect_identical(mcs(c(1, 2), c(1, 2))$as_list(), list(1, 2))
  expect_identical(mcs(list(NULL, 2, 3), c(1, 1, 3))$as_list(), list(NA_real_, NA_real_, 3))
  expect_identical(mcs(c(1, 1, 3), list(NULL, 2, 3))$as_list(), list(NA_real_, NA_real_, 3))
})

test_that("tensor_shape_test: testStr", {
  fresh_graph()
  # Deliberately different: tfnative prints a shape the way TensorFlow's repr()
  # shows it (TensorShape([4, 5, 2])), as TensorFlow for R printed shapes. TensorFlow's
  # str() form ((4, 5, 2), <unknown>) is the one its messages use, checked here through them.
  expect_identical(format(tf$TensorShape(NULL)), "TensorShape(None)")
  expect_identical(format(tf$TensorShape(list(NULL))), "TensorShape([None])")
  expect_identical(format(tf$TensorShape(list(NULL, NULL))), "TensorShape([None, None])")
  expect_identical(format(tf$TensorShape(list(32, NULL, 1, 9))), "TensorShape([32, None, 1, 9])")
  expect_identical(format(tf$TensorShape(list())), "TensorShape([])")
  expect_identical(format(tf$TensorShape(7)), "TensorShape([7])")
  expect_identical(format(tf$TensorShape(c(3, 8))), "TensorShape([3, 8])")
  str_of <- function(s) sub("^Shape (.*) must have rank 99$", "\\1",
                            conditionMessage(tryCatch(s$assert_has_rank(99), error = identity)))
  expect_identical(str_of(tf$TensorShape(list(NULL))), "(?,)")
  expect_identical(str_of(tf$TensorShape(list(NULL, NULL, NULL))), "(?, ?, ?)")
  expect_identical(str_of(tf$TensorShape(list(32, NULL, 1, 9))), "(32, ?, 1, 9)")
  expect_identical(str_of(tf$TensorShape(list())), "()")
  expect_identical(str_of(tf$TensorShape(7)), "(7,)")
  expect_identical(str_of(tf$TensorShape(c(4, 5, 2))), "(4, 5, 2)")
  expect_tf_error(tf$TensorShape(NULL)$assert_is_fully_defined(), "value", "Shape <unknown> is not fully defined")
})

test_that("tensor_shape_test: testEquality", {
  fresh_graph()
  s1 <- tf$TensorShape(c(3, 4, 7))
  s2 <- tf$TensorShape(c(3, 4, 7))
  s3 <- tf$TensorShape(list(3, 4, NULL))

  expect_true(s1 == s2)
  expect_false(s1 != s2)
  expect_false(s1 == "a string")
  expect_true(s1 != "a string")
  expect_false(s1 == "347")   # a string is no shape, not even an ambiguous one
  expect_true(s1 == list("3", "4", "7"))

  # With an unknown dimension in s3.
  expect_true(s1 != s3)
  expect_false(s3 == "a string")
  expect_true(s3 != "a string")
  expect_false(s3 == tf$TensorShape(list(3, 4, NULL)))  # an unknown dimension equals nothing

  # == and != are not symmetric for shapes of unknown rank.
  unk0 <- tf$TensorShape(NULL)
  expect_false(unk0 == s1)
  expect_false(s1 == unk0)
  expect_tf_error(unk0 != s1, "value", "The inequality of unknown TensorShapes is undefined.")
  expect_tf_error(s1 != unk0, "value", "The inequality of unknown TensorShapes is undefined.")
  unk1 <- tf$TensorShape(NULL)
  expect_true(unk0 == unk1)
  expect_true(unk1 == unk0)
  expect_tf_error(unk0 != unk1, "value", "The inequality of unknown TensorShapes is undefined.")
  expect_tf_error(unk1 != unk0, "value", "The inequality of unknown TensorShapes is undefined.")
})

test_that("tensor_shape_test: testAsList", {
  fresh_graph()
  expect_tf_error(tf$TensorShape(NULL)$as_list(), "value", "not defined on an unknown TensorShape")
  expect_identical(tf$TensorShape(list(NULL, NULL))$as_list(), list(NA_real_, NA_real_))
  expect_identical(tf$TensorShape(list(2, NULL, 4))$as_list(), list(2, NA_real_, 4))
})

test_that("tensor_shape_test: testReduce", {
  fresh_graph()
  # R's serialization stands in for pickling: a shape comes back equal.
  shp <- tf$TensorShape(c(2, 3))
  back <- unserialize(serialize(shp, NULL))
  expect_true(back == shp)
  expect_identical(back$as_list(), list(2, 3))
  unk <- unserialize(serialize(tf$TensorShape(NULL), NULL))
  expect_null(unk$rank)
})

test_that("tensor_shape: with_rank and its bounds (used by TensorFlow's shape functions)", {
  fresh_graph()
  expect_identical(tf$TensorShape(NULL)$with_rank(2)$as_list(), list(NA_real_, NA_real_))
  expect_identical(shape(2, 3)$with_rank(2)$as_list(), list(2, 3))
  expect_tf_error(shape(2, 3)$with_rank(3), "value", "Shape (2, 3) must have rank 3")
  expect_tf_error(shape(2, 3)$with_rank_at_least(3), "value", "Shape (2, 3) must have rank at least 3")
  expect_tf_error(shape(2, 3)$with_rank_at_most(1), "value", "Shape (2, 3) must have rank at most 1")
  expect_identical(shape(2, 3)$with_rank_at_least(1)$rank, 2L)
  expect_false(shape(2, 3)$is_compatible_with(shape(2, 4)))
  expect_true(shape(2, NULL)$is_compatible_with(shape(2, 4)))
  expect_true(tf$TensorShape(NULL)$is_compatible_with(shape(2, 4)))
  expect_tf_error(tf$TensorShape("3"), "type", "A string has ambiguous TensorShape")
})

test_that("R idioms on shapes: one index is a dimension; == with numbers is element by element", {
  fresh_graph()
  s <- tf$placeholder(tf$float32, shape(5L, 3L))$shape
  expect_identical(s[1], 5)
  expect_identical(s[1] + 1, 6)
  expect_identical(s[1] + s[2], 8)
  expect_equal(tf$zeros(c(s[1] + 1, 2))$shape$as_list(), list(6, 2))
  expect_s3_class(s[1:2], "tf_shape")
  expect_identical(which(s == 3), 2L)
  expect_identical(s == c(5, 3), c(TRUE, TRUE))
  expect_true(s == tf$TensorShape(c(5, 3)))  # two shapes compare as TensorFlow's
  expect_identical(tf$TensorShape(NULL)[2], NA_real_)
  expect_tf_error(s$with_rank(NULL), "type", "rank must be a whole number")
  expect_tf_error(s$with_rank_at_least(-1), "type", "rank must be a whole number")
  expect_tf_error(s$assert_has_rank(NA), "type", "rank must be a whole number")
})
