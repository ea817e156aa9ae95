# tf$gradients on long chains (issue 9: was quadratic in graph size; target 40k-op chain < 1 s).
# Run by hand: make bench (or R_LIBS=build/lib Rscript bench/bench-gradients.R).
library(tfnative)

local({
  this <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  source(file.path(if (is.na(this)) "bench" else dirname(this), "common.R"), local = globalenv())
})

cat("tfnative gradient benchmarks,", format(Sys.time()), "\n")
chain_time <- function(n, step) {
  tf$reset_default_graph()
  x <- tf$placeholder(tf$float32, shape())
  y <- x
  for (i in seq_len(n)) y <- step(y)
  ops <- length(tf$get_default_graph()$get_operations())
  t <- system.time(tf$gradients(y, x))[["elapsed"]]
  c(ops = ops, seconds = t)
}
for (kind in c("identity", "square * 0.5")) {
  step <- if (kind == "identity") tf$identity else function(y) tf$square(y) * 0.5
  sizes <- if (kind == "identity") c(10000, 20000, 40000) else c(2500, 5000, 10000)
  res <- t(vapply(sizes, chain_time, c(ops = 0, seconds = 0), step = step))
  for (i in seq_len(nrow(res))) {
    cat(sprintf("%-14s chain of %6d ops: tf$gradients %6.2f s (%5.1f us per op)\n", kind, res[i, "ops"],
                res[i, "seconds"], 1e6 * res[i, "seconds"] / res[i, "ops"]))
  }
  cat(sprintf("%-14s 4x the ops took %.2fx the time (linear: 4, quadratic: 16)\n", kind,
              res[3, "seconds"] / res[1, "seconds"]))
}
# Building the same forward chain, for scale (graph construction per op, in R).
t_build <- system.time({ tf$reset_default_graph(); y <- tf$constant(1); for (i in 1:40000) y <- tf$identity(y) })[["elapsed"]]
cat(sprintf("building a 40000-op identity chain: %.2f s (the backward pass makes a name scope per op)\n", t_build))
