# Shared by the benchmark scripts: median timing of an expression.

# Median seconds of `reps` timings of expr, each running it `inner` times (after one warm-up).
time_median <- function(expr, reps = 5, inner = 1, warmup = TRUE) {
  f <- eval(call("function", as.pairlist(alist()), substitute(expr)), parent.frame())
  if (warmup) f()
  times <- vapply(seq_len(reps), function(i) {
    t0 <- proc.time()[["elapsed"]]
    for (k in seq_len(inner)) f()
    (proc.time()[["elapsed"]] - t0) / inner
  }, numeric(1))
  stats::median(times)
}
