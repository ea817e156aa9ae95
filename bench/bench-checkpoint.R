# Checkpoint speed targets of issue 3, measured against base R in the same run.
# Run by hand: make bench (or R_LIBS=build/lib Rscript bench/bench-checkpoint.R).
library(tfnative)

time_median <- function(expr, reps = 3) {
  f <- eval(call("function", as.pairlist(alist()), substitute(expr)), parent.frame())
  times <- vapply(seq_len(reps), function(i) {
    t0 <- proc.time()[["elapsed"]]
    f()
    proc.time()[["elapsed"]] - t0
  }, numeric(1))
  stats::median(times)
}

report <- function(what, ours, base, base_name, target) {
  cat(sprintf("%-44s %8.3f s   %-34s %8.3f s   ratio %5.2f   target %s\n",
              what, ours, base_name, base, ours / base, target))
}

dir <- tempfile("bench-ckpt")
dir.create(dir)
on.exit(unlink(dir, recursive = TRUE))
cat("tfnative checkpoint benchmarks,", format(Sys.time()), "folder", dir, "\n")

# 1 GiB of float32 variables: 8 variables of 2^25 values each.
tf$reset_default_graph()
n_vars <- 8L
per <- 2^25
vars <- lapply(seq_len(n_vars), function(i) tf$Variable(tf$random_uniform(shape(per)), name = sprintf("w%d", i)))
sess <- tf$Session()
invisible(sess$run(tf$global_variables_initializer()))
saver <- tf$train$Saver()
prefix <- file.path(dir, "model.ckpt")
bytes <- as.raw(sample.int(255, 2^30 / 8, replace = TRUE))  # 128 MiB, written 8 times

t_save <- time_median(saver$save(sess, prefix))
t_write <- time_median({
  con <- file(file.path(dir, "plain.bin"), "wb")
  for (i in seq_len(n_vars)) writeBin(bytes, con)
  close(con)
})
report("save 1 GiB float32 (8 variables)", t_save, t_write, "writeBin of 1 GiB", "<= 1.3")

t_restore <- time_median(saver$restore(sess, prefix))
t_read <- time_median({
  con <- file(file.path(dir, "plain.bin"), "rb")
  for (i in seq_len(n_vars)) readBin(con, "raw", length(bytes))
  close(con)
})
report("restore 1 GiB float32", t_restore, t_read, "readBin of 1 GiB", "<= 1.3")

values <- lapply(vars, function(v) sess$run(v))  # the same numbers as R doubles (2 GiB)
rds <- file.path(dir, "values.rds")
t_rds_save <- time_median(saveRDS(values, rds, compress = FALSE), reps = 1)
t_rds_read <- time_median(readRDS(rds), reps = 1)
report("save (vs saveRDS of the values as doubles)", t_save, t_rds_save, "saveRDS(compress = FALSE)", "several x faster")
report("restore (vs readRDS)", t_restore, t_rds_read, "readRDS", "several x faster")
rm(values); invisible(gc())

cat(sprintf("crc32c hardware instruction in use: %s\n", tfnative:::crc32c_hardware()))
sess$close()
