# Port of TensorFlow 1.15's kernel_tests/init_ops_test.py, for what tfnative has:
# RangeTest, LinSpaceTest and DeviceTest. The initializer classes
# (zeros_initializer, random_normal_initializer, orthogonal_initializer, ...) and
# get_variable are not in tfnative.

.range_of <- function(start, limit, delta) {
  sess <- tf$Session()
  on.exit(sess$close())
  t <- tf$range(start, limit, delta, name = "range")
  n <- max(0, ceiling((limit - start) / delta))
  expect_identical(t$get_shape()$as_list(), list(n))
  sess$run(t)
}

test_that("init_ops_test: RangeTest.testBasic", {
  fresh_graph()
  expect_identical(.range_of(0L, 5L, 1L), array(0:4))
  expect_identical(.range_of(0L, 5L, 2L), array(c(0L, 2L, 4L)))
  expect_identical(.range_of(0L, 6L, 2L), array(c(0L, 2L, 4L)))
  expect_identical(.range_of(13L, 32L, 7L), array(c(13L, 20L, 27L)))
  expect_identical(.range_of(100L, 500L, 100L), array(c(100L, 200L, 300L, 400L)))
  expect_identical(tf$range(0L, 5L, 1L)$dtype$name, "int32")
})

test_that("init_ops_test: RangeTest.testLimitOnly", {
  fresh_graph()
  sess <- tf$Session()
  expect_identical(sess$run(tf$range(5L)), array(0:4))
})

test_that("init_ops_test: RangeTest.testEmpty", {
  fresh_graph()
  for (start in c(0L, 5L)) expect_identical(length(.range_of(start, start, 1L)), 0L)
})

test_that("init_ops_test: RangeTest.testNonInteger", {
  fresh_graph()
  expect_equal(.range_of(0, 2, 0.5), array(c(0, 0.5, 1, 1.5)), tolerance = 1e-6)
  expect_equal(.range_of(0, 5, 2.5), array(c(0, 2.5)), tolerance = 1e-6)
  expect_equal(.range_of(0, 3, 0.9), array(c(0, 0.9, 1.8, 2.7)), tolerance = 1e-6)
  expect_equal(.range_of(100, 500, 100), array(c(100, 200, 300, 400)), tolerance = 1e-6)
  expect_identical(tf$range(0, 5, 1)$dtype$name, "float32")
})

test_that("init_ops_test: RangeTest.testNegativeDelta", {
  fresh_graph()
  expect_identical(.range_of(5L, -1L, -1L), array(5:0))
  expect_equal(.range_of(2.5, 0, -0.5), array(c(2.5, 2, 1.5, 1, 0.5)), tolerance = 1e-6)
  expect_identical(.range_of(-5L, -10L, -3L), array(c(-5L, -8L)))
})

test_that("init_ops_test: RangeTest.testDType", {
  fresh_graph()
  zero <- function(dt) tf$cast(0L, dt)
  expect_identical(tf$range(zero(tf$int32), 0L, 1L)$dtype$name, "int32")
  expect_identical(tf$range(zero(tf$int64), 0L, 1L)$dtype$name, "int64")
  expect_identical(tf$range(zero(tf$float32), 0L, 1L)$dtype$name, "float32")
  expect_identical(tf$range(zero(tf$float64), 0L, 1L)$dtype$name, "float64")
  # Mixed operands: the widest dtype of int32 < int64 < float32 < float64.
  expect_identical(tf$range(zero(tf$int32), zero(tf$int64), 1L)$dtype$name, "int64")
  expect_identical(tf$range(zero(tf$int64), zero(tf$float32), 1L)$dtype$name, "float32")
  expect_identical(tf$range(zero(tf$float32), zero(tf$float64), 1L)$dtype$name, "float64")
  expect_identical(tf$range(zero(tf$float64), zero(tf$int32), 1L)$dtype$name, "float64")
  for (dt in list(tf$int32, tf$int64, tf$float32, tf$float64)) {
    expect_identical(tf$range(0, 0, 1, dtype = dt)$dtype$name, dt$name)
  }
})

.linspace_of <- function(start, stop, num) {
  g <- tf$Graph()
  with(g$as_default(), {
    t <- tf$linspace(start, stop, num, name = "linspace")
    expect_identical(t$get_shape()$as_list(), list(as.numeric(num)))
    sess <- tf$Session(graph = g)
    on.exit(sess$close())
    sess$run(t)
  })
}

test_that("init_ops_test: LinSpaceTest.testPositive", {
  expect_equal(.linspace_of(1, 5, 1), array(1), tolerance = 1e-5)
  expect_equal(.linspace_of(1, 5, 2), array(c(1, 5)), tolerance = 1e-5)
  expect_equal(.linspace_of(1, 5, 3), array(c(1, 3, 5)), tolerance = 1e-5)
  expect_equal(.linspace_of(1, 5, 4), array(c(1, 7 / 3, 11 / 3, 5)), tolerance = 1e-5)
})

test_that("init_ops_test: LinSpaceTest.testNegative", {
  expect_equal(.linspace_of(-1, -5, 1), array(-1), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, -5, 2), array(c(-1, -5)), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, -5, 3), array(c(-1, -3, -5)), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, -5, 4), array(c(-1, -7 / 3, -11 / 3, -5)), tolerance = 1e-5)
})

test_that("init_ops_test: LinSpaceTest.testNegativeToPositive", {
  expect_equal(.linspace_of(-1, 5, 1), array(-1), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, 5, 2), array(c(-1, 5)), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, 5, 3), array(c(-1, 2, 5)), tolerance = 1e-5)
  expect_equal(.linspace_of(-1, 5, 4), array(c(-1, 1, 3, 5)), tolerance = 1e-5)
})

test_that("init_ops_test: LinSpaceTest.testPoint", {
  for (n in 1:4) expect_equal(.linspace_of(5, 5, n), array(rep(5, n)), tolerance = 1e-5)
})

test_that("init_ops_test: LinSpaceTest.testEndpointsAreExact", {
  f32 <- function(x) readBin(writeBin(x, raw(), size = 4), "double", size = 4, n = length(x))
  ends <- function(v) as.vector(v)[c(1, length(v))]
  expect_identical(ends(.linspace_of(0, 1, 42)), c(0, 1))
  expect_identical(ends(.linspace_of(-1, 0, 42)), c(-1, 0))
  expect_identical(ends(.linspace_of(0.1, 0.2, 4)), f32(c(0.1, 0.2)))
  # A float64 start makes a float64 linspace, whose end is exactly stop too.
  fresh_graph()
  t <- tf$linspace(tf$constant(0, dtype = tf$float64), 0.1, 12L)
  expect_identical(t$dtype$name, "float64")
  sess <- tf$Session()
  on.exit(sess$close())
  expect_identical(ends(sess$run(t)), c(0, 0.1))
})

test_that("init_ops_test: DeviceTest.testNoDevice", {
  fresh_graph()
  var <- tf$Variable(matrix(c(1, 1), 1))
  expect_identical(var$device, "")
  expect_identical(var$initializer$device, "")
})

test_that("init_ops_test: DeviceTest.testDevice", {
  fresh_graph()
  with(tf$device("/job:ps"), {
    var <- tf$Variable(matrix(c(1, 1), 1))
  })
  expect_identical(var$device, "/job:ps")
  expect_identical(var$initializer$device, "/job:ps")
})
