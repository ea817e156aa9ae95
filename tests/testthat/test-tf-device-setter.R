# Port of TensorFlow 1.15's tensorflow/python/training/device_setter_test.py
# (tf$train$replica_device_setter). Devices are compared in canonical form, as
# TensorFlow's assertDeviceEqual does.

canonical <- function(d) tf$python$framework$device$canonical_name(d)
expect_device <- function(actual, expected) expect_equal(canonical(actual), canonical(expected))

cluster_spec <- function() {
  tf$train$ClusterSpec(list(ps = c("ps0:2222", "ps1:2222"),
                            worker = c("worker0:2222", "worker1:2222", "worker2:2222")))
}

sun_moon_cluster <- function() {
  tf$train$ClusterSpec(list(sun = c("sun0:2222", "sun1:2222", "sun2:2222"),
                            moon = c("moon0:2222", "moon1:2222")))
}

# Two variables and their sum under a setter: the variables go round the ps tasks,
# the sum to the worker job.
check_two_tasks <- function(setter, ps = "/job:ps", worker = "/job:worker") {
  with(tf$device(setter), {
    v <- tf$Variable(c(1L, 2L))
    w <- tf$Variable(c(2L, 1L))
    a <- v + w
  })
  expect_device(v$device, paste0(ps, "/task:0"))
  expect_device(v$initializer$device, paste0(ps, "/task:0"))
  expect_device(w$device, paste0(ps, "/task:1"))
  expect_device(w$initializer$device, paste0(ps, "/task:1"))
  expect_device(a$device, worker)
}

test_that("device_setter_test: testCPUOverride", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(cluster = cluster_spec())), {
    with(tf$device("/cpu:0"), v <- tf$Variable(c(1L, 2L)))
    w <- tf$Variable(c(2L, 1L))
    with(tf$device("/cpu:0"), a <- v + w)
  })
  expect_device(v$device, "/job:ps/task:0/cpu:0")
  expect_device(v$initializer$device, "/job:ps/task:0/cpu:0")
  expect_device(w$device, "/job:ps/task:1")
  expect_device(w$initializer$device, "/job:ps/task:1")
  expect_device(a$device, "/job:worker/cpu:0")
})

test_that("device_setter_test: testPS2TasksWithClusterSpecClass", {
  fresh_graph()
  check_two_tasks(tf$train$replica_device_setter(cluster = cluster_spec()))
})

test_that("device_setter_test: testPS2TasksPinVariableToJob", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(cluster = cluster_spec())), {
    v <- tf$Variable(c(1L, 2L))
    with(tf$device("/job:moon"), {
      w <- tf$Variable(c(2L, 1L))
      # An explicit ps job still gets its task from the setter.
      with(tf$device("/job:ps"), x <- tf$Variable(c(0L, 1L)))
    })
    a <- v + w + x
  })
  expect_device(v$device, "/job:ps/task:0")
  expect_device(v$initializer$device, "/job:ps/task:0")
  expect_device(w$device, "/job:moon")
  expect_device(w$initializer$device, "/job:moon")
  expect_device(x$device, "/job:ps/task:1")
  expect_device(x$initializer$device, "/job:ps/task:1")
  expect_device(a$device, "/job:worker")
})

test_that("device_setter_test: testPS2TasksUseCpuForPS", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(ps_tasks = 1L, ps_device = "/cpu:0")), {
    v <- tf$Variable(c(1L, 2L))
    with(tf$device("/job:moon"), w <- tf$Variable(c(2L, 1L)))
    a <- v + w
  })
  expect_device(v$device, "/cpu:0")
  expect_device(v$initializer$device, "/cpu:0")
  expect_device(w$device, "/job:moon/cpu:0")
  expect_device(w$initializer$device, "/job:moon/cpu:0")
  expect_device(a$device, "/job:worker")
})

test_that("device_setter_test: testPS2TasksNoMerging", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(cluster = cluster_spec(), merge_devices = FALSE)), {
    v <- tf$Variable(c(1L, 2L))
    # Without merging, an op that has a device keeps it: no task is added.
    with(tf$device("/job:ps"), w <- tf$Variable(c(2L, 1L)))
    a <- v + w
  })
  expect_device(v$device, "/job:ps/task:0")
  expect_device(v$initializer$device, "/job:ps/task:0")
  expect_device(w$device, "/job:ps")
  expect_device(w$initializer$device, "/job:ps")
  expect_device(a$device, "/job:worker")
})

test_that("device_setter_test: testPS2TasksWithClusterSpecDict", {
  fresh_graph()
  check_two_tasks(tf$train$replica_device_setter(cluster = cluster_spec()$as_dict()))
})

test_that("device_setter_test: testPS2TasksWithDevice", {
  fresh_graph()
  # TensorFlow passes the cluster as a ClusterDef protocol buffer; a ClusterSpec here.
  check_two_tasks(tf$train$replica_device_setter(ps_device = "/job:moon", worker_device = "/job:sun",
                                                 cluster = sun_moon_cluster()),
                  ps = "/job:moon", worker = "/job:sun")
})

test_that("device_setter_test: testPS2TasksWithCPUConstraint", {
  fresh_graph()
  with(tf$device(tf$train$replica_device_setter(ps_device = "/job:moon/cpu:0", worker_device = "/job:sun",
                                                cluster = sun_moon_cluster())), {
    v <- tf$Variable(c(1L, 2L))
    w <- tf$Variable(c(2L, 1L))
    a <- v + w
  })
  expect_device(v$device, "/job:moon/task:0/cpu:0")
  expect_device(v$initializer$device, "/job:moon/task:0/cpu:0")
  expect_device(w$device, "/job:moon/task:1/cpu:0")
  expect_device(w$initializer$device, "/job:moon/task:1/cpu:0")
  expect_device(a$device, "/job:sun")
})
