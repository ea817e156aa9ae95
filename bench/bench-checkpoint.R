# Checkpoint speed targets of issue 3, measured against base R in the same run.
# Run by hand: make bench (or R_LIBS=build/lib Rscript bench/bench-checkpoint.R).
library(tfnative)

# Helpers shared by the benchmarks, found beside this script.
local({
  this <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  source(file.path(if (is.na(this)) "bench" else dirname(this), "common.R"), local = globalenv())
})

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

# Page-cache writeback makes back-to-back writes slower and slower, so each timing starts
# from the same state: old files removed, dirty pages synced; ours and base R alternate.
settle <- function() { unlink(list.files(dir, full.names = TRUE)); system("sync") }
plain <- file.path(dir, "plain.bin")
write_plain <- function() {
  con <- file(plain, "wb")
  for (i in seq_len(n_vars)) writeBin(bytes, con)
  close(con)
}
t_save <- t_write <- numeric(0)
for (rep in 1:5) {
  settle(); t_save <- c(t_save, system.time(saver$save(sess, prefix))[["elapsed"]])
  settle(); t_write <- c(t_write, system.time(write_plain())[["elapsed"]])
}
t_save <- stats::median(t_save)
t_write <- stats::median(t_write)
report("save 1 GiB float32 (8 variables)", t_save, t_write, "writeBin of 1 GiB", "<= 1.3")

invisible(saver$save(sess, prefix))
write_plain()
system("sync")
t_restore <- time_median(saver$restore(sess, prefix), reps = 5)
t_read <- time_median({
  con <- file(plain, "rb")
  for (i in seq_len(n_vars)) readBin(con, "raw", length(bytes))
  close(con)
}, reps = 5)
report("restore 1 GiB float32", t_restore, t_read, "readBin of 1 GiB", "<= 1.3")

# The same save and restore through the graph's own ops (saver$saver_def), as a client of
# the graph alone runs them: SaveV2 gets the variables' values as its inputs.
sd <- saver$saver_def
feed <- stats::setNames(list(file.path(dir, "by-ops")), sd$filename_tensor_name)
t_save_ops <- numeric(0)
for (rep in 1:5) { settle(); t_save_ops <- c(t_save_ops, system.time(sess$run(sd$save_tensor_name, feed_dict = feed))[["elapsed"]]) }
report("save 1 GiB through save/SaveV2 ops", stats::median(t_save_ops), t_save, "saver$save (fast path)", "none")
invisible(sess$run(sd$save_tensor_name, feed_dict = feed))
system("sync")
t_restore_ops <- time_median(sess$run(sd$restore_op_name, feed_dict = feed), reps = 5)
report("restore 1 GiB through save/restore_all", t_restore_ops, t_restore, "saver$restore (fast path)", "none")

# Building a Saver adds its subgraph (about two ops per variable): cost for 1,000 variables.
g <- tf$Graph()
with(g$as_default(), {
  for (i in 1:1000) tf$Variable(0, name = sprintf("v%d", i))
  t_build <- time_median(tf$train$Saver(), reps = 3, warmup = FALSE)
  t_var <- time_median(tf$Variable(0), reps = 3, inner = 100)
})
cat(sprintf("Saver() over 1,000 variables: %.3f s (%.0f us a variable; making one variable: %.0f us)\n",
            t_build, t_build / 1000 * 1e6, t_var * 1e6))

values <- lapply(vars, function(v) sess$run(v))  # the same numbers as R doubles (2 GiB)
rds <- file.path(dir, "values.rds")
t_rds_save <- time_median(saveRDS(values, rds, compress = FALSE), reps = 1, warmup = FALSE)
t_rds_read <- time_median(readRDS(rds), reps = 1, warmup = FALSE)
report("save (vs saveRDS of the values as doubles)", t_save, t_rds_save, "saveRDS(compress = FALSE)", "several x faster")
report("restore (vs readRDS)", t_restore, t_rds_read, "readRDS", "several x faster")
rm(values); invisible(gc())

cat(sprintf("crc32c hardware instruction in use: %s\n", tfnative:::crc32c_hardware()))


# crc32c throughput on 1 GiB, against the time to sum those bytes in R (one pass over memory).
big <- as.raw(rep_len(0:255, 2^30))
t_crc <- time_median(tfnative:::crc32c_raw(big))
cat(sprintf("crc32c of 1 GiB: %.3f s = %.2f GB/s\n", t_crc, 2^30 / t_crc / 1e9))
sess$close()
