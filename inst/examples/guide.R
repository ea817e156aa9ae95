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
