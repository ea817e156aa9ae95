# Training speed targets of issue 5, measured against base R in the same run.
# Run by hand: make bench (or R_LIBS=build/lib Rscript bench/bench-training.R).
library(tfnative)

# Helpers shared by the benchmarks, found beside this script.
local({
  this <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
  source(file.path(if (is.na(this)) "bench" else dirname(this), "common.R"), local = globalenv())
})

cat("tfnative training benchmarks,", format(Sys.time()), "\n")
set.seed(1)
batch <- 128L
x <- matrix(runif(batch * 784), batch)
y <- diag(10)[sample.int(10, batch, replace = TRUE), ]

# 1. One step of a 784-256-10 MLP (softmax cross-entropy, plain gradient descent).
tf$reset_default_graph()
X <- tf$placeholder(tf$float32, shape(NULL, 784L))
Y <- tf$placeholder(tf$float32, shape(NULL, 10L))
W1 <- tf$Variable(tf$random_normal(shape(784L, 256L), stddev = 0.05))
b1 <- tf$Variable(tf$zeros(shape(256L)))
W2 <- tf$Variable(tf$random_normal(shape(256L, 10L), stddev = 0.05))
b2 <- tf$Variable(tf$zeros(shape(10L)))
logits <- tf$nn$bias_add(tf$matmul(tf$nn$relu(tf$nn$bias_add(tf$matmul(X, W1), b1)), W2), b2)
loss <- tf$reduce_mean(tf$nn$softmax_cross_entropy_with_logits_v2(labels = Y, logits = logits))
train <- tf$train$GradientDescentOptimizer(0.1)$minimize(loss)
sess <- tf$Session()
invisible(sess$run(tf$global_variables_initializer()))
feed <- dict(X = x, Y = y)
t_tf <- time_median(sess$run(train, feed_dict = feed), reps = 9, inner = 5)

# The same forward and backward pass in base R (doubles, R's BLAS).
w1 <- matrix(rnorm(784 * 256, sd = 0.05), 784)
bb1 <- numeric(256)
w2 <- matrix(rnorm(256 * 10, sd = 0.05), 256)
bb2 <- numeric(10)
r_step <- function() {
  a1 <- x %*% w1 + rep(bb1, each = batch)
  h <- pmax(a1, 0)
  z <- h %*% w2 + rep(bb2, each = batch)
  z <- z - apply(z, 1, max)
  p <- exp(z) / rowSums(exp(z))
  dz <- (p - y) / batch
  dw2 <- crossprod(h, dz)
  db2 <- colSums(dz)
  dh <- tcrossprod(dz, w2) * (a1 > 0)
  dw1 <- crossprod(x, dh)
  db1 <- colSums(dh)
  w1 <<- w1 - 0.1 * dw1; bb1 <<- bb1 - 0.1 * db1
  w2 <<- w2 - 0.1 * dw2; bb2 <<- bb2 - 0.1 * db2
  invisible(NULL)
}
t_r <- time_median(r_step(), reps = 9, inner = 5)
cat(sprintf("%-52s %9.3f ms   base R %9.3f ms   ratio %5.2f   target <= 0.33\n",
            "MLP 784-256-10, batch 128, one training step", t_tf * 1e3, t_r * 1e3, t_tf / t_r))
sess$close()

# 2. Per-step overhead of a tiny model (one scalar variable, gradient descent).
tf$reset_default_graph()
w <- tf$Variable(0, name = "w")
tiny <- tf$train$GradientDescentOptimizer(0.01)$minimize(tf$square(w - 3))
sess <- tf$Session()
invisible(sess$run(w$initializer))
t_tiny <- time_median(sess$run(tiny), reps = 15, inner = 2000)
t_rnorm <- time_median(rnorm(1), reps = 15, inner = 2000)
cat(sprintf("%-52s %9.1f us   rnorm(1) %7.2f us   target < 50 us\n",
            "tiny model: one sess$run(train_op)", t_tiny * 1e6, t_rnorm * 1e6))
sess$close()
