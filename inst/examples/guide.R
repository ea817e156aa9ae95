# The guide "Variables: Creation, Initialization, Saving, and Loading", end to end.
# Run with: Rscript inst/examples/guide.R (after installing tfnative).
library(tfnative)

cat("== Creation\n")
tf$reset_default_graph()
# Create two variables.
weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                       name="weights")
biases <- tf$Variable(tf$zeros(shape(200L), name="biases"))
print(weights)
print(biases)
cat("ops in the graph:", paste(vapply(tf$get_default_graph()$get_operations(), function(o) o$name, ""),
                               collapse = ", "), "\n")

cat("\n== Device placement\n")
tf$reset_default_graph()
# Pin a variable to CPU.
with(tf$device("/cpu:0"), {
  v <- tf$Variable(tf$zeros(shape(3L)))
})
cat("CPU variable:", v$device, " initializer:", v$initializer$device, "\n")
# Pin a variable to GPU.
with(tf$device("/gpu:0"), {
  v <- tf$Variable(tf$zeros(shape(3L)))
})
cat("GPU variable:", v$device, " initializer:", v$initializer$device, "\n")
# Pin a variable to a particular parameter server task.
with(tf$device("/job:ps/task:7"), {
  v <- tf$Variable(tf$zeros(shape(3L)))
})
cat("ps variable:", v$device, " initializer:", v$initializer$device, "\n")

cat("\n== Initialization\n")
tf$reset_default_graph()
# Create two variables.
weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                       name="weights")
biases <- tf$Variable(tf$zeros(shape(200), name="biases"))

# Add an op to initialize the variables.
init_op <- tf$global_variables_initializer()

# Later, when launching the model
with(tf$Session() %as% sess, {
  # Run the init operation.
  sess$run(init_op)
  # Use the model
  w <- sess$run(weights)
  b <- sess$run(biases)
  cat(sprintf("weights: %d x %d matrix, sd %.4f; biases: %d values, all zero: %s\n",
              nrow(w), ncol(w), sd(w), length(b), all(b == 0)))
})

cat("\n== Initialization from another Variable\n")
tf$reset_default_graph()
# Create a variable with a random value.
weights <- tf$Variable(tf$random_normal(shape(784L, 200L), stddev=0.35),
                       name="weights")
# Create another variable with the same value as 'weights'.
w2 <- tf$Variable(weights$initialized_value(), name="w2")
# Create another variable with twice the value of 'weights'
w_twice <- tf$Variable(weights$initialized_value() * 2.0, name="w_twice")
with(tf$Session() %as% sess, {
  sess$run(tf$global_variables_initializer())
  w <- sess$run(weights)
  cat("w2 equals weights exactly:", identical(sess$run(w2), w), "\n")
  cat("w_twice equals 2 * weights exactly:", identical(sess$run(w_twice), 2 * w), "\n")
})

cat("\n== Saving Variables\n")
tf$reset_default_graph()
# Create some variables.
v1 <- tf$Variable(tf$random_normal(shape(3L, 4L)), name="v1")
v2 <- tf$Variable(tf$zeros(shape(5L)), name="v2")
# Add an op to initialize the variables.
init_op <- tf$global_variables_initializer()
# Add ops to save and restore all the variables.
saver <- tf$train$Saver()
# Later, launch the model, initialize the variables, do some work, save the
# variables to disk.
with(tf$Session() %as% sess, {
  sess$run(init_op)
  # Do some work with the model.
  sess$run(v2$assign_add(tf$ones(shape(5L))))
  # Save the variables to disk.
  save_path <- saver$save(sess, "/tmp/model.ckpt")
  cat(sprintf("Model saved in file: %s\n", save_path))
  saved_v1 <- sess$run(v1)
})

cat("\n== Restoring Variables (in a fresh R process)\n")
restore_code <- '
library(tfnative)
# Create some variables.
v1 <- tf$Variable(tf$zeros(shape(3L, 4L)), name="v1")
v2 = tf$Variable(tf$zeros(shape(5L)), name="v2")
# Add ops to save and restore all the variables.
saver <- tf$train$Saver()
# Later, launch the model, use the saver to restore variables from disk, and
# do some work with the model.
with(tf$Session() %as% sess, {
  # Restore variables from disk.
  saver$restore(sess, "/tmp/model.ckpt")
  cat("Model restored.\n")
  # Do some work with the model
  saveRDS(sess$run(v1), "/tmp/tfnative-restored-v1.rds")
  cat("v2:", sess$run(v2), "\n")
})'
script <- tempfile(fileext = ".R")
writeLines(restore_code, script)
status <- system2(file.path(R.home("bin"), "Rscript"), script)
cat("v1 restored exactly:", identical(readRDS("/tmp/tfnative-restored-v1.rds"), saved_v1), "\n")
unlink(c(script, "/tmp/tfnative-restored-v1.rds"))

cat("\n== Checkpoint Files\n")
tf$python$tools$inspect_checkpoint$print_tensors_in_checkpoint_file("/tmp/model.ckpt", tensor_name = "", all_tensors = FALSE)

cat("\n== Choosing which Variables to Save and Restore\n")
tf$reset_default_graph()
# Create some variables.
v1 <- tf$Variable(tf$zeros(shape(2L)), name="v1")
v2 <- tf$Variable(tf$ones(shape(3L)), name="v2")
# Add ops to save and restore only 'v2' using the name "my_v2"
saver <- tf$train$Saver(dict(my_v2 = v2))
# Use the saver object normally after that.
with(tf$Session() %as% sess, {
  sess$run(tf$global_variables_initializer())
  p <- saver$save(sess, "/tmp/model-my_v2.ckpt")
})
print(tf$train$list_variables("/tmp/model-my_v2.ckpt"))
