# Port of TensorFlow 1.15's python/framework/dtypes_test.py for the dtypes
# tfnative has: float32, float64, int32, int64, bool, string. TensorFlow's
# other dtypes (uint8, int16, complex64, bfloat16, qint8, *_ref, ...) do not
# exist in tfnative; asking for one is a TypeError, checked below.

# DataType enum values of TensorFlow's types.proto.
.enums <- c(float32 = 1L, float64 = 2L, int32 = 3L, string = 7L, int64 = 9L, bool = 10L)
.all_dtypes <- function() list(tf$float32, tf$float64, tf$int32, tf$int64, tf$bool, tf$string)

test_that("dtypes_test: testAllTypesConstructible", {
  fresh_graph()
  for (e in .enums) expect_identical(tf$as_dtype(e)$as_datatype_enum, e)
})

test_that("dtypes_test: testAllTypesConvertibleToDType", {
  fresh_graph()
  for (nm in names(.enums)) {
    dt <- tf$as_dtype(.enums[[nm]])
    expect_identical(dt$as_datatype_enum, .enums[[nm]])
    expect_identical(dt$name, nm)
    expect_true(dt == tf[[nm]])
  }
  # A whole double is an enum too; the enum of a dtype tfnative lacks is not.
  expect_identical(tf$as_dtype(9)$name, "int64")
  expect_tf_error(tf$as_dtype(4L), "type", "Cannot convert value 4 to a TensorFlow DType.")
})

test_that("dtypes_test: testInvalid", {
  fresh_graph()
  # 0 is DT_INVALID.
  expect_tf_error(tf$as_dtype(0L), "type", "Cannot convert value 0 to a TensorFlow DType.")
})

test_that("dtypes_test: testRealDtype", {
  fresh_graph()
  for (dt in list(tf$float32, tf$float64, tf$bool, tf$int32, tf$int64)) {
    expect_true(dt$real_dtype == dt)
    expect_identical(dt$real_dtype$name, dt$name)
  }
})

test_that("dtypes_test: testStringConversion", {
  fresh_graph()
  for (nm in c("float32", "float64", "int32", "string", "int64", "bool")) {
    dt <- tf$as_dtype(nm)
    expect_s3_class(dt, "tf_dtype")
    expect_identical(dt$name, nm)
  }
  expect_true(tf$as_dtype("float") == tf$float32)
  expect_true(tf$as_dtype("double") == tf$float64)
  expect_tf_error(tf$as_dtype("not_a_type"), "type", "Cannot convert value not_a_type to a TensorFlow DType.")
  # Names TensorFlow knows but tfnative has no dtype for.
  for (nm in c("uint8", "int16", "complex64", "bfloat16", "qint8", "float32_ref")) {
    expect_tf_error(tf$as_dtype(nm), "type", "to a TensorFlow DType.")
  }
})

test_that("dtypes_test: testDTypesHaveUniqueNames", {
  fresh_graph()
  names <- vapply(.enums, function(e) tf$as_dtype(e)$name, character(1))
  expect_length(unique(names), length(.enums))
})

test_that("dtypes_test: testIsInteger", {
  fresh_graph()
  expect_true(tf$as_dtype("int32")$is_integer)
  expect_true(tf$as_dtype("int64")$is_integer)
  expect_false(tf$as_dtype("float")$is_integer)
  expect_false(tf$as_dtype("double")$is_integer)
  expect_false(tf$as_dtype("string")$is_integer)
  expect_false(tf$as_dtype("bool")$is_integer)
})

test_that("dtypes_test: testIsFloating", {
  fresh_graph()
  expect_false(tf$as_dtype("int32")$is_floating)
  expect_false(tf$as_dtype("int64")$is_floating)
  expect_true(tf$as_dtype("float32")$is_floating)
  expect_true(tf$as_dtype("float64")$is_floating)
  expect_false(tf$as_dtype("string")$is_floating)
  expect_false(tf$as_dtype("bool")$is_floating)
})

test_that("dtypes_test: testIsComplex", {
  fresh_graph()
  for (nm in c("int32", "int64", "float32", "float64", "string", "bool")) {
    expect_false(tf$as_dtype(nm)$is_complex)
  }
})

test_that("dtypes_test: testIsUnsigned", {
  fresh_graph()
  for (nm in c("int32", "int64", "float32", "float64", "bool", "string")) {
    expect_false(tf$as_dtype(nm)$is_unsigned)
  }
})

test_that("dtypes_test: testMinMax", {
  fresh_graph()
  expect_identical(tf$int32$min, -2147483648)
  expect_identical(tf$int32$max, 2147483647)
  # int64's limits as R doubles: -2^63 exactly; 2^63 - 1 rounds to 2^63.
  expect_identical(tf$int64$min, -9223372036854775808)
  expect_identical(tf$int64$max, 2^63)
  # numpy's finfo(float32).max / finfo(float64).max
  expect_identical(tf$float32$max, 3.4028234663852886e+38)
  expect_identical(tf$float32$min, -3.4028234663852886e+38)
  expect_identical(tf$float64$max, 1.7976931348623157e+308)
  expect_identical(tf$float64$min, -1.7976931348623157e+308)
  # bool and string have no limits.
  expect_tf_error(tf$bool$min, "type", "Cannot find minimum value of <dtype: 'bool'>.")
  expect_tf_error(tf$string$max, "type", "Cannot find maximum value of <dtype: 'string'>.")
})

test_that("dtypes_test: testEqWithNonTFTypes", {
  fresh_graph()
  # A value that is no dtype compares unequal instead of failing.
  expect_true(tf$int32 != "integer")
  expect_true(tf$float64 != 2.1)
  expect_false(tf$float64 == 2.1)
  expect_false(tf$int32 == NULL)
  expect_false(tf$int32 == list(1, 2))
  # Values that convert to a dtype do compare: a name, an enum.
  expect_true(tf$float64 == "float64")
  expect_true(tf$float64 == 2L)
  expect_false(tf$float64 == tf$float32)
})

test_that("dtypes_test: testReduce", {
  fresh_graph()
  # R's serialization stands in for pickling: a dtype comes back equal.
  for (dt in .all_dtypes()) {
    back <- unserialize(serialize(dt, NULL))
    expect_true(back == dt)
    expect_identical(back$name, dt$name)
    expect_identical(format(back), format(dt))
  }
})

test_that("dtypes_test: testAsDtypeInvalidArgument", {
  fresh_graph()
  expect_tf_error(tf$as_dtype(list(tf$int32, tf$float32)), "type", "to a TensorFlow DType.")
})
