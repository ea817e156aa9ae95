# Port of TensorFlow 1.15's kernel_tests/random/random_ops_test.py (graph mode).
# float16 and GPU variants do not apply (tfnative has neither).

# Ten runs of one random op of shape [num] in a new graph: a 10 x num matrix.
.sampler <- function(fn, num, a, b, dtype, seed = NULL) {
  function() {
    g <- tf$Graph()
    with(g$as_default(), {
      rng <- fn(list(num), a, b, dtype = dtype, seed = seed)
      sess <- tf$Session(graph = g)
      on.exit(sess$close())
      t(vapply(1:10, function(i) as.numeric(sess$run(rng)), numeric(num)))
    })
  }
}

# Three runs of one op in one session: not all the same.
.single_session_not_constant <- function(fn, num, dtype, a, b, op_seed = NULL, graph_seed = NULL) {
  g <- tf$Graph()
  with(g$as_default(), {
    if (!is.null(graph_seed)) tf$set_random_seed(graph_seed)
    x <- fn(list(num), a, b, dtype = dtype, seed = op_seed)
    sess <- tf$Session(graph = g)
    on.exit(sess$close())
    y <- sess$run(x)
    z <- sess$run(x)
    w <- sess$run(x)
    expect_true(!identical(y, z) || !identical(z, w) || !identical(y, w))
  })
}

.floats <- list(tf$float32, tf$float64)
.all_types <- list(tf$float32, tf$float64, tf$int32, tf$int64)

test_that("random_ops_test: RandomNormalTest.testDistinct", {
  fresh_graph()
  for (dt in .floats) {
    s <- .sampler(tf$random_normal, 1000, 0, 1, dt)
    expect_lt(sum(s() == s()), 10)
  }
})

test_that("random_ops_test: RandomNormalTest.testSeed", {
  fresh_graph()
  for (dt in .floats) {
    expect_identical(.sampler(tf$random_normal, 1000, 0, 1, dt, seed = 345)(),
                     .sampler(tf$random_normal, 1000, 0, 1, dt, seed = 345)())
  }
})

test_that("random_ops_test: RandomNormalTest.testNoCSE", {
  fresh_graph()
  sess <- tf$Session()
  rnd1 <- tf$random_normal(c(2, 3, 4), 0, 1, tf$float32)
  rnd2 <- tf$random_normal(c(2, 3, 4), 0, 1, tf$float32)
  expect_gt(sqrt(sum(sess$run(rnd2 - rnd1)^2)), 0.1)
})

test_that("random_ops_test: RandomNormalTest.testSingleSessionNotConstant", {
  for (dt in .floats) .single_session_not_constant(tf$random_normal, 100, dt, 0, 1)
})

test_that("random_ops_test: RandomNormalTest.testSingleSessionOpSeedNotConstant", {
  for (dt in .floats) .single_session_not_constant(tf$random_normal, 100, dt, 0, 1, op_seed = 1345)
})

test_that("random_ops_test: RandomNormalTest.testSingleSessionGraphSeedNotConstant", {
  for (dt in .floats) .single_session_not_constant(tf$random_normal, 100, dt, 0, 1, graph_seed = 965)
})

test_that("random_ops_test: TruncatedNormalTest.testDistinct", {
  fresh_graph()
  for (dt in .floats) {
    s <- .sampler(tf$truncated_normal, 1000, 0, 1, dt)
    expect_lt(sum(s() == s()), 10)
  }
})

test_that("random_ops_test: TruncatedNormalTest.testSeed", {
  fresh_graph()
  for (dt in .floats) {
    expect_identical(.sampler(tf$truncated_normal, 1000, 0, 1, dt, seed = 345)(),
                     .sampler(tf$truncated_normal, 1000, 0, 1, dt, seed = 345)())
  }
})

test_that("random_ops_test: TruncatedNormalTest.testStdDev", {
  fresh_graph()
  # The standard deviation of a normal truncated at two of them is about 0.88 of the
  # requested one; TensorFlow's test asks for 0.85 within 0.04.
  for (dt in .floats) {
    stddev <- 3
    x <- .sampler(tf$truncated_normal, 100000, 0, stddev, dt)()
    sd_x <- sqrt(mean((x - mean(x))^2))
    expect_lt(abs(sd_x / stddev - 0.85), 0.04)
    expect_true(all(abs(x) < 2 * stddev))
  }
})

test_that("random_ops_test: TruncatedNormalTest.testNoCSE", {
  fresh_graph()
  sess <- tf$Session()
  rnd1 <- tf$truncated_normal(c(2, 3, 4), 0, 1, tf$float32)
  rnd2 <- tf$truncated_normal(c(2, 3, 4), 0, 1, tf$float32)
  expect_gt(sqrt(sum(sess$run(rnd2 - rnd1)^2)), 0.1)
})

test_that("random_ops_test: RandomUniformTest.testRange", {
  fresh_graph()
  for (dt in .all_types) {
    x <- .sampler(tf$random_uniform, 1000, -2, 8, dt)()
    expect_true(min(x) >= -2)
    expect_true(max(x) < 8)
  }
})

test_that("random_ops_test: RandomUniformTest.testDistinct", {
  fresh_graph()
  for (dt in .all_types) {
    maxv <- if (dt$is_floating) 1 else 2^30
    s <- .sampler(tf$random_uniform, 1000, 0, maxv, dt)
    expect_lt(sum(s() == s()), 10)
  }
})

test_that("random_ops_test: RandomUniformTest.testUniformInts", {
  fresh_graph()
  minv <- -2
  maxv <- 15
  n <- 100000
  p <- 1 / (maxv - minv)
  mean_count <- p * n
  std <- sqrt(n * p * (1 - p))
  for (dt in list(tf$int32, tf$int64)) {
    x <- as.vector(.sampler(tf$random_uniform, n / 10, minv, maxv, dt, seed = 17)())
    expect_length(x, n)
    counts <- tabulate(x - minv + 1, nbins = maxv - minv)
    expect_length(counts, maxv - minv)
    expect_identical(sum(counts), as.integer(n))
    expect_lt(max(abs(counts - mean_count)), 5 * std)
  }
})

test_that("random_ops_test: RandomUniformTest.testUniformIntsDegenerate", {
  fresh_graph()
  for (dt in list(tf$int32, tf$int64)) {
    sample <- function(n) .sampler(tf$random_uniform, n, 0, 0, dt)()
    expect_identical(dim(sample(0)), c(10L, 0L))
    expect_tf_error(sample(1), "invalid_argument", "Need minval < maxval, got 0 >= 0")
  }
})

test_that("random_ops_test: RandomUniformTest.testSeed", {
  fresh_graph()
  for (dt in .all_types) {
    for (seed in c(345, 2^100, -2^100)) {
      expect_identical(.sampler(tf$random_uniform, 1000, 0, 17, dt, seed = seed)(),
                       .sampler(tf$random_uniform, 1000, 0, 17, dt, seed = seed)())
    }
  }
})

test_that("random_ops_test: RandomUniformTest.testNoCSE", {
  fresh_graph()
  sess <- tf$Session()
  for (dt in list(tf$float32, tf$int32)) {
    rnd1 <- tf$random_uniform(c(2, 3, 4), 0, 17, dtype = dt)
    rnd2 <- tf$random_uniform(c(2, 3, 4), 0, 17, dtype = dt)
    expect_gt(sqrt(sum(as.numeric(sess$run(rnd2 - rnd1))^2)), 0.1)
  }
})

test_that("random_ops_test: RandomUniformTest.testSingleSessionNotConstant", {
  for (dt in .all_types) .single_session_not_constant(tf$random_uniform, 100, dt, 0, 17)
})

test_that("random_ops_test: RandomUniformTest.testSingleSessionOpSeedNotConstant", {
  for (dt in .all_types) .single_session_not_constant(tf$random_uniform, 100, dt, 10, 20, op_seed = 1345)
})

test_that("random_ops_test: RandomUniformTest.testSingleSessionGraphSeedNotConstant", {
  for (dt in .all_types) .single_session_not_constant(tf$random_uniform, 100, dt, 20, 200, graph_seed = 965)
})

test_that("random_ops_test: RandomShapeTest.testTruncatedNormal", {
  fresh_graph()
  expect_identical(tf$truncated_normal(c(1, 2, 3))$get_shape()$as_list(), list(1, 2, 3))
})

test_that("random_ops_test: RandomShapeTest.testRandomNormal", {
  fresh_graph()
  expect_identical(tf$random_normal(c(1, 2, 3))$get_shape()$as_list(), list(1, 2, 3))
})

test_that("random_ops_test: RandomShapeTest.testRandomUniform", {
  fresh_graph()
  expect_identical(tf$random_uniform(c(1, 2, 3))$get_shape()$as_list(), list(1, 2, 3))
})

test_that("random_ops_test: TruncatedNormalTest.testLargeShape", {
  fresh_graph()
  v <- tf$Variable(tf$zeros(c(2^33, 1), dtype = tf$float32))
  n <- tf$truncated_normal(v$shape)
  expect_identical(n$shape$as_list(), list(8589934592, 1))
})
