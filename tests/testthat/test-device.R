test_that("Device placement (guide blocks, filled in as guide-code.md says)", {
  fresh_graph()
  # Pin a variable to CPU.
  with(tf$device("/cpu:0"), {
    v <- tf$Variable(tf$zeros(shape(3L)))
  })
  expect_equal(v$device, "/device:CPU:0")
  expect_equal(v$initializer$device, "/device:CPU:0")

  # Pin a variable to GPU.
  with(tf$device("/gpu:0"), {
    v <- tf$Variable(tf$zeros(shape(3L)))
  })
  expect_equal(v$device, "/device:GPU:0")
  expect_equal(v$initializer$device, "/device:GPU:0")

  # Pin a variable to a particular parameter server task.
  with(tf$device("/job:ps/task:7"), {
    v <- tf$Variable(tf$zeros(shape(3L)))
  })
  expect_equal(v$device, "/job:ps/task:7")
  expect_equal(v$initializer$device, "/job:ps/task:7")
  expect_equal(v$assign(c(1, 2, 3))$device, "/job:ps/task:7")
  expect_equal(v$op$device, "/job:ps/task:7")
})

test_that("nested scopes merge field by field; NULL clears; functions place ops", {
  fresh_graph()
  with(tf$device("/job:worker"), {
    with(tf$device("/device:GPU:0"), a <- tf$constant(1, name = "a"))
    with(tf$device("/job:ps"), b <- tf$constant(1, name = "b"))
    with(tf$device(NULL), c0 <- tf$constant(1, name = "c0"))
    d <- tf$constant(1, name = "d")
  })
  expect_equal(a$device, "/job:worker/device:GPU:0")
  expect_equal(b$device, "/job:ps")
  expect_equal(c0$device, "")
  expect_equal(d$device, "/job:worker")
  on_gpu_if_matmul <- function(op) if (op$type == "MatMul") "/gpu:0" else "/cpu:0"
  with(tf$device(on_gpu_if_matmul), {
    m <- tf$matmul(matrix(1, 2, 2), matrix(1, 2, 2))
  })
  expect_equal(m$device, "/device:GPU:0")
  expect_equal(m$op$inputs[[1]]$device, "/device:CPU:0")
  expect_tf_error(with(tf$device("/foo:1"), tf$constant(1)), "value", "Unknown attribute: 'foo' in '/foo:1'")
})

test_that("ops that mutate a variable are colocated with it whatever the scope", {
  fresh_graph()
  with(tf$device("/job:ps/task:1"), v <- tf$Variable(0, name = "v"))
  with(tf$device("/job:worker/task:3"), {
    a <- v$assign_add(1)
    s <- tf$assign_sub(v, 1)
    w <- v * 2
  })
  expect_equal(a$device, "/job:ps/task:1")
  expect_equal(s$device, "/job:ps/task:1")
  expect_equal(w$device, "/job:worker/task:3")
  with(tf$colocate_with(v), k <- tf$constant(3, name = "k"))
  expect_equal(k$device, "/job:ps/task:1")
})

test_that("DeviceSpec parses, prints canonically, merges and rejects bad specs", {
  s <- tf$DeviceSpec$from_string("/job:ps/replica:0/task:7/gpu:1")
  expect_equal(s$to_string(), "/job:ps/replica:0/task:7/device:GPU:1")
  expect_equal(s$job, "ps")
  expect_equal(s$task, 7L)
  expect_equal(s$device_type, "GPU")
  expect_equal(tf$DeviceSpec$from_string("/CPU:*")$to_string(), "/device:CPU:*")
  expect_equal(tf$DeviceSpec$from_string("/device:CPU:0")$device_index, 0L)
  d <- tf$DeviceSpec(job = "worker", device_type = "cpu", device_index = 0L)
  expect_equal(d$to_string(), "/job:worker/device:CPU:0")
  d$merge_from(tf$DeviceSpec$from_string("/task:2/gpu:0"))
  expect_equal(d$to_string(), "/job:worker/task:2/device:GPU:0")
  expect_equal(format(d), "<DeviceSpec '/job:worker/task:2/device:GPU:0'>")
  expect_null(tf$DeviceSpec()$job)
  expect_tf_error(tf$DeviceSpec$from_string("/cpu:0/gpu:0"), "value", "Cannot specify multiple device types: /cpu:0/gpu:0")
  expect_tf_error(tf$DeviceSpec$from_string("/jobs:ps"), "value", "Unknown attribute: 'jobs' in '/jobs:ps'")
  expect_tf_error(tf$DeviceSpec$from_string("/task:x"), "value")
  expect_tf_error(tf$DeviceSpec$nope, "attribute")
  fresh_graph()
  with(tf$device(tf$DeviceSpec(job = "ps", task = 0L)), v <- tf$Variable(1, name = "v"))
  expect_equal(v$device, "/job:ps/task:0")
})

test_that("replica_device_setter: round-robin variables on ps tasks, the rest on the worker", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(ps_tasks = 2)), {
    v1 <- tf$Variable(1, name = "v1")
    v2 <- tf$Variable(2, name = "v2")
    v3 <- tf$Variable(3, name = "v3")
    y <- v1 + v2
  })
  expect_equal(c(v1$device, v2$device, v3$device), c("/job:ps/task:0", "/job:ps/task:1", "/job:ps/task:0"))
  expect_equal(y$device, "/job:worker")
  expect_equal(v2$initializer$device, "/job:ps/task:1")
  # A cluster gives the task count; worker_device with a task; a GPU inside the scope.
  cluster <- tf$train$ClusterSpec(list(ps = c("ps0:2222", "ps1:2222", "ps2:2222"), worker = c("w0:2222", "w1:2222")))
  expect_equal(cluster$jobs, c("ps", "worker"))
  expect_equal(cluster$num_tasks("ps"), 3L)
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(cluster = cluster, worker_device = "/job:worker/task:1")), {
    vs <- lapply(1:4, function(i) tf$Variable(i, name = paste0("w", i)))
    with(tf$device("/gpu:0"), z <- vs[[1]] * 2)
  })
  expect_equal(vapply(vs, function(v) v$device, ""), paste0("/job:ps/task:", c(0, 1, 2, 0)))
  expect_equal(z$device, "/job:worker/task:1/device:GPU:0")
  expect_null(tf$train$replica_device_setter(ps_tasks = 0))
  expect_null(tf$train$replica_device_setter(cluster = list(worker = "w0:1")))
})

test_that("sessions refuse ops on devices they lack, unless soft placement is on", {
  fresh_graph()
  with(tf$device("/gpu:0"), v <- tf$Variable(tf$zeros(shape(2L)), name = "v"))
  local <- tf$constant(1, name = "local")
  sess <- tf$Session()
  on.exit(sess$close())
  expect_equal(sess$run(local), 1)  # only what a run executes must be placeable
  expect_tf_error(sess$run(v$initializer), "invalid_argument",
                  "Cannot assign a device for operation zeros: Operation was explicitly assigned to /device:GPU:0 but available devices are [ /job:localhost/replica:0/task:0/device:CPU:0 ]")
  soft <- tf$Session(config = tf$ConfigProto(allow_soft_placement = TRUE, log_device_placement = TRUE))
  on.exit(soft$close(), add = TRUE)
  expect_message(soft$run(v$initializer), "v/Assign: \\(Assign\\): /job:localhost/replica:0/task:0/device:CPU:0")
  expect_equal(suppressMessages(soft$run(v)), array(c(0, 0)))
  expect_equal(sess$list_devices()$name, "/job:localhost/replica:0/task:0/device:CPU:0")
  expect_tf_error(tf$Session(config = list(allow_soft_placement = TRUE)), "type")
  expect_output(print(tf$ConfigProto(allow_soft_placement = TRUE)), "allow_soft_placement=TRUE")
})

test_that("the graph's placement is visible, grouped by device", {
  fresh_graph()
  with(tf$device("/job:ps/task:0"), v <- tf$Variable(0, name = "v"))
  k <- tf$constant(1, name = "k")
  g <- tf$get_default_graph()
  p <- g$placement()
  expect_equal(p$device[p$name == "v"], "/job:ps/task:0")
  expect_equal(p$device[p$name == "k"], "")
  out <- capture.output(print(g, by_device = TRUE))
  expect_equal(out[2], "(no device)")
  expect_true("/job:ps/task:0" %in% out)
  expect_true("  v (VariableV2)" %in% out)
  expect_equal(format(v$op), "<tf.Operation 'v' type=VariableV2 device=/job:ps/task:0>")
})

test_that("sharded saves write one data file per ps device and restore unsharded", {
  fresh_graph()
  dir <- ckpt_dir()
  with(tf$device(tf$train$replica_device_setter(ps_tasks = 2)), {
    a <- tf$Variable(c(1, 2), name = "a")
    b <- tf$Variable(c(3, 4, 5), name = "b")
    c3 <- tf$Variable(6, name = "c")
  })
  sess <- tf$Session(config = tf$ConfigProto(allow_soft_placement = TRUE))
  on.exit(sess$close())
  sess$run(tf$global_variables_initializer())
  p <- tf$train$Saver(sharded = TRUE)$save(sess, file.path(dir, "sharded"))
  expect_true(file.exists(paste0(p, ".data-00000-of-00002")))
  expect_true(file.exists(paste0(p, ".data-00001-of-00002")))
  expect_false(file.exists(paste0(p, ".data-00000-of-00001")))
  # Task 0 holds a and c, task 1 holds b.
  expect_equal(file.size(paste0(p, ".data-00000-of-00002")), 12)
  expect_equal(file.size(paste0(p, ".data-00001-of-00002")), 12)
  fresh_graph()
  a <- tf$Variable(c(0, 0), name = "a")
  b <- tf$Variable(c(0, 0, 0), name = "b")
  c3 <- tf$Variable(0, name = "c")
  s2 <- tf$Session()
  on.exit(s2$close(), add = TRUE)
  saver <- tf$train$Saver()
  saver$restore(s2, p)
  expect_equal(s2$run(list(a, b, c3)), list(array(c(1, 2)), array(c(3, 4, 5)), 6))
  # And back: unsharded out, sharded graph in.
  p2 <- saver$save(s2, file.path(dir, "flat"))
  expect_true(file.exists(paste0(p2, ".data-00000-of-00001")))
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(ps_tasks = 2)), {
    a <- tf$Variable(c(0, 0), name = "a")
    b <- tf$Variable(c(0, 0, 0), name = "b")
    c3 <- tf$Variable(0, name = "c")
  })
  s3 <- tf$Session(config = tf$ConfigProto(allow_soft_placement = TRUE))
  on.exit(s3$close(), add = TRUE)
  tf$train$Saver(sharded = TRUE)$restore(s3, p2)
  expect_equal(s3$run(b), array(c(3, 4, 5)))
})
