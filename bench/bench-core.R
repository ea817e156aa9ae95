# Core speed targets of issue 2, measured against base R in the same run.
# Run by hand: make bench (or R_LIBS=build/lib Rscript bench/bench-core.R).
library(tfnative)

# Helpers shared by the benchmarks, found beside this script.
local({
  this <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  source(file.path(if (is.na(this)) "bench" else dirname(this), "common.R"), local = globalenv())
})

report <- function(what, ours, base, base_name, target) {
  cat(sprintf("%-58s %10.3g s   %-26s %10.3g s   ratio %6.2f   target %s\n",
              what, ours, base_name, base, ours / base, target))
}

cat("tfnative core benchmarks,", format(Sys.time()), "\n")
cat(sprintf("cores: %d\n\n", parallel::detectCores()))

# 1. sess$run(v) of a scalar variable, per call, against rnorm(1).
tf$reset_default_graph()
v <- tf$Variable(1, name = "scalar")
sess <- tf$Session()
invisible(sess$run(v$initializer))
n_calls <- 20000
t_run <- time_median(sess$run(v), reps = 15, inner = n_calls)
t_rnorm <- time_median(rnorm(1), reps = 15, inner = n_calls)
report("sess$run(v), scalar variable, per call", t_run, t_rnorm, "rnorm(1)", "ratio <= 10")
sess$close()

# 2. Initializing 1e8 float32 random_normal values, against rnorm(1e8).
tf$reset_default_graph()
big <- tf$Variable(tf$random_normal(shape(1e8)), name = "big")
sess <- tf$Session()
t_init <- time_median(sess$run(big$initializer), reps = 3)
t_rnorm_big <- time_median(rnorm(1e8), reps = 3)
report("sess$run(init), 1e8 float32 random_normal", t_init, t_rnorm_big, "rnorm(1e8)", "ratio <= 0.2")
sess$close()
rm(big); invisible(gc())

# 3. Returning a 10000 x 10000 float32 variable to R, against x + 0 on doubles.
tf$reset_default_graph()
m <- tf$Variable(tf$random_uniform(shape(10000L, 10000L)), name = "m")
sess <- tf$Session()
invisible(sess$run(m$initializer))
x <- matrix(runif(1e8), 10000)
t_fetch <- time_median(sess$run(m), reps = 3)
t_plus <- time_median(x + 0, reps = 3)
t_copy <- time_median({ y <- x; y[1] <- 0 }, reps = 3)  # one memcpy of the R matrix: the machine's limit
report("sess$run(v), 10000 x 10000 float32 to R", t_fetch, t_plus, "x + 0 (R doubles)", "ratio <= 2")
report("  (machine limit: duplicate 800 MB of doubles)", t_fetch, t_copy, "memcpy-like copy", "(info)")
sess$close()
rm(x, m); invisible(gc())

# 4. matmul of two 1000 x 1000 float32 matrices, against %*% on doubles.
tf$reset_default_graph()
a <- matrix(rnorm(1e6), 1000)
b <- matrix(rnorm(1e6), 1000)
ta <- tf$Variable(a, name = "a")
tb <- tf$Variable(b, name = "b")
prod_op <- tf$reduce_sum(tf$matmul(ta, tb))  # fetch a scalar: time the product, not the transfer
sess <- tf$Session()
invisible(sess$run(tf$global_variables_initializer()))
t_mm <- time_median(sess$run(prod_op), reps = 5)
t_r <- time_median(sum(a %*% b), reps = 5)
report("tf$matmul 1000 x 1000 float32 in sess$run", t_mm, t_r, "a %*% b (R doubles)", "ratio < 1")
sess$close()

# 5. Building a graph of 10,000 chained adds.
t_build <- time_median({
  tf$reset_default_graph()
  x <- tf$constant(0)
  for (i in 1:10000) x <- x + 1
}, reps = 3)
cat(sprintf("%-58s %10.3g s   target < 1 s\n", "build a graph of 10,000 chained adds", t_build))
