# Port of TensorFlow 1.15's python/framework/random_seed_test.py (graph mode).
# TensorFlow's get_seed(op_seed) is tfnative's internal .op_seeds(graph, op_seed):
# NULL stands for TensorFlow's (None, None). The same rules are also checked
# through what users see: the draws of seeded random ops.

.get_seed <- function(op_seed) tfnative:::.op_seeds(tf$get_default_graph(), op_seed)

# One draw of a seeded random_uniform in a new graph with the given graph seed.
.draw <- function(graph_seed, op_seed) {
  g <- tf$Graph()
  with(g$as_default(), {
    tf$set_random_seed(graph_seed)
    x <- tf$random_uniform(shape(5L), seed = op_seed)
    sess <- tf$Session(graph = g)
    on.exit(sess$close())
    as.numeric(sess$run(x))
  })
}

test_that("random_seed_test: testRandomSeed", {
  fresh_graph()
  max32 <- 2^31 - 1
  cases <- list(
    # graph seed, op seed -> expected (graph seed, op seed); NULL is (None, None)
    list(NULL, NULL, NULL),
    list(NULL, 1, c(87654321, 1)),   # 87654321: TensorFlow's DEFAULT_GRAPH_SEED
    list(1, 1, c(1, 1)),
    list(0, 0, c(0, max32)),          # (0, 0) would mean "nondeterministic"
    list(max32, 0, c(0, max32)),      # the graph seed wraps to 0: still not (0, 0)
    list(0, max32, c(0, max32)),      # the op seed wraps to 0
    list(1, NULL, c(1, 0))            # the op seed is the id of the last op: none yet
  )
  for (tc in cases) {
    tf$set_random_seed(tc[[1]])
    expect_identical(.get_seed(tc[[2]]), tc[[3]],
                     info = paste("graph seed", format(tc[[1]]), "op seed", format(tc[[2]])))
    tf$set_random_seed(NULL)
  }

  # Without an op seed, the graph seed pairs with the number of ops made so far.
  tf$set_random_seed(1)
  tf$constant(1)
  tf$constant(2)
  expect_identical(.get_seed(NULL), c(1, 2))
  tf$set_random_seed(NULL)

  # Observable: seed pairs that get_seed maps to one pair draw the same numbers.
  expect_identical(.draw(0, 0), .draw(0, 0))          # (0, 2^31 - 1): deterministic
  expect_identical(.draw(0, 0), .draw(max32, 0))
  expect_identical(.draw(0, 0), .draw(0, max32))
  expect_identical(.draw(5, 7), .draw(max32 + 5, 7))  # seeds taken modulo 2^31 - 1
  expect_identical(.draw(5, 7), .draw(5, 7 + 3 * max32))
  expect_false(identical(.draw(5, 7), .draw(5, 8)))
  expect_false(identical(.draw(5, 7), .draw(6, 7)))
})
