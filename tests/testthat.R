library(testthat)
library(tfnative)

test_check("tfnative")
