# TensorFlow-written fixtures live in ../shared beside the project; tests that
# need them skip when it is absent (as in a CRAN-style check of the tarball).
fixtures_dir <- function() {
  env <- Sys.getenv("TFNATIVE_FIXTURES", "")
  if (nzchar(env) && dir.exists(env)) return(env)
  d <- normalizePath(getwd(), mustWork = FALSE)
  for (i in 1:8) {
    cand <- file.path(d, "shared", "fixtures", "tf-checkpoints")
    if (dir.exists(cand)) return(cand)
    parent <- dirname(d)
    if (identical(parent, d)) break
    d <- parent
  }
  ""
}

fixture <- function(...) {
  dir <- fixtures_dir()
  if (!nzchar(dir)) skip("TensorFlow fixtures (../shared/fixtures) are not available")
  file.path(dir, ...)
}

# A fresh folder for checkpoints, removed when the calling test ends.
ckpt_dir <- function(env = parent.frame()) {
  d <- tempfile("ckpt")
  dir.create(d)
  withr::defer(unlink(d, recursive = TRUE), envir = env)
  d
}

# Runs R code in a fresh R process with this package available; returns its output lines.
run_in_fresh_r <- function(code) {
  script <- tempfile(fileext = ".R")
  writeLines(code, script)
  on.exit(unlink(script))
  rscript <- file.path(R.home("bin"), "Rscript")
  out <- system2(rscript, script, stdout = TRUE, stderr = TRUE,
                 env = paste0("R_LIBS=", paste(.libPaths(), collapse = .Platform$path.sep)))
  status <- attr(out, "status")
  if (!is.null(status) && status != 0) stop("child R failed:\n", paste(out, collapse = "\n"))
  out
}
