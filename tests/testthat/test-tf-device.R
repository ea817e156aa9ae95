# Port of TensorFlow 1.15's tensorflow/python/framework/device_test.py and of
# device_spec_test.py, where 1.15 keeps the DeviceSpec parsing, merging and
# printing tests. tf$DeviceSpec is TensorFlow 1.x's DeviceSpec (DeviceSpecV1);
# the DeviceSpecV2 variants of parameterized tests are not applicable.

framework_device <- function() tf$python$framework$device

# device_test.py ------------------------------------------------------------------

test_that("device_test: testMerge", {
  fresh_graph()
  d <- tf$DeviceSpec$from_string("/job:muu/task:1/device:MyFunnyDevice:2")
  expect_equal(d$to_string(), "/job:muu/task:1/device:MyFunnyDevice:2")
  merge_device <- framework_device()$merge_device
  with(tf$device(merge_device("/device:GPU:0")), {
    var1 <- tf$Variable(1)
    expect_equal(var1$device, "/device:GPU:0")
    with(tf$device(merge_device("/job:worker")), {
      var2 <- tf$Variable(1)
      expect_equal(var2$device, "/job:worker/device:GPU:0")
      with(tf$device(merge_device("/device:CPU:0")), {
        var3 <- tf$Variable(1)
        expect_equal(var3$device, "/job:worker/device:CPU:0")
        with(tf$device(merge_device("/job:ps")), {
          var4 <- tf$Variable(1)
          expect_equal(var4$device, "/job:ps/device:CPU:0")
        })
      })
    })
  })
})

test_that("device_test: testCanonicalName", {
  fresh_graph()
  canonical_name <- framework_device()$canonical_name
  expect_equal(canonical_name("/job:foo/replica:0"), "/job:foo/replica:0")
  expect_equal(canonical_name("/replica:0/job:foo"), "/job:foo/replica:0")
  expect_equal(canonical_name("/job:foo/replica:0/task:0"), "/job:foo/replica:0/task:0")
  expect_equal(canonical_name("/job:foo/task:0/replica:0"), "/job:foo/replica:0/task:0")
  expect_equal(canonical_name("/device:CPU:0"), "/device:CPU:0")
  expect_equal(canonical_name("/device:GPU:2"), "/device:GPU:2")
  expect_equal(canonical_name("/job:foo/replica:0/task:0/device:GPU:0"), "/job:foo/replica:0/task:0/device:GPU:0")
  expect_equal(canonical_name("/device:GPU:0/task:0/replica:0/job:foo"), "/job:foo/replica:0/task:0/device:GPU:0")
})

test_that("device_test: testCheckValid", {
  fresh_graph()
  check_valid <- framework_device()$check_valid
  expect_silent(check_valid("/job:foo/replica:0"))
  expect_tf_error(check_valid("/job:j/replica:foo"), "value", "invalid literal for int")
  expect_tf_error(check_valid("/job:j/task:bar"), "value", "invalid literal for int")
  expect_tf_error(check_valid("/bar:muu/baz:2"), "value", "Unknown attribute: 'bar'")
  expect_tf_error(check_valid("/cpu:0/device:GPU:2"), "value", "Cannot specify multiple device")
})

# device_spec_test.py ---------------------------------------------------------------

test_that("device_spec_test: test_empty", {
  fresh_graph()
  d <- tf$DeviceSpec()
  expect_equal(d$to_string(), "")
  d$parse_from_string("")
  expect_equal(d$to_string(), "")
})

test_that("device_spec_test: test_constructor", {
  fresh_graph()
  d <- tf$DeviceSpec(job = "j", replica = 0L, task = 1L, device_type = "CPU", device_index = 2L)
  expect_equal(d$job, "j")
  expect_equal(d$replica, 0L)
  expect_equal(d$task, 1L)
  expect_equal(d$device_type, "CPU")
  expect_equal(d$device_index, 2L)
  expect_equal(d$to_string(), "/job:j/replica:0/task:1/device:CPU:2")
  d <- tf$DeviceSpec(device_type = "GPU", device_index = 0L)
  expect_equal(d$to_string(), "/device:GPU:0")
})

test_that("device_spec_test: testto_string_legacy", {
  fresh_graph()
  # TensorFlow 1.x's DeviceSpec can be changed in place.
  d <- tf$DeviceSpec()
  d$job <- "foo"
  expect_equal(d$to_string(), "/job:foo")
  d$task <- 3L
  expect_equal(d$to_string(), "/job:foo/task:3")
  d$device_type <- "CPU"
  d$device_index <- 0L
  expect_equal(d$to_string(), "/job:foo/task:3/device:CPU:0")
  d$task <- NULL
  d$replica <- 12L
  expect_equal(d$to_string(), "/job:foo/replica:12/device:CPU:0")
  d$device_type <- "GPU"
  d$device_index <- 2L
  expect_equal(d$to_string(), "/job:foo/replica:12/device:GPU:2")
  d$device_type <- "CPU"
  d$device_index <- 1L
  expect_equal(d$to_string(), "/job:foo/replica:12/device:CPU:1")
  d$device_type <- NULL
  d$device_index <- NULL
  expect_equal(d$to_string(), "/job:foo/replica:12")
  # A device type without an index is a wildcard.
  d <- tf$DeviceSpec(job = "foo", replica = 12L, task = 3L, device_type = "GPU")
  expect_equal(d$to_string(), "/job:foo/replica:12/task:3/device:GPU:*")
})

test_that("device_spec_test: test_replace", {
  fresh_graph()
  d <- tf$DeviceSpec()
  d <- d$replace(job = "foo")
  expect_equal(d$to_string(), "/job:foo")
  d <- d$replace(task = 3L)
  expect_equal(d$to_string(), "/job:foo/task:3")
  d <- d$replace(device_type = "CPU", device_index = 0L)
  expect_equal(d$to_string(), "/job:foo/task:3/device:CPU:0")
  d <- d$replace(task = NULL, replica = 12L)
  expect_equal(d$to_string(), "/job:foo/replica:12/device:CPU:0")
  d <- d$replace(device_type = "GPU", device_index = 2L)
  expect_equal(d$to_string(), "/job:foo/replica:12/device:GPU:2")
  d <- d$replace(device_type = "CPU", device_index = 1L)
  expect_equal(d$to_string(), "/job:foo/replica:12/device:CPU:1")
  d <- d$replace(device_type = NULL, device_index = NULL)
  expect_equal(d$to_string(), "/job:foo/replica:12")
  d <- tf$DeviceSpec(job = "foo", replica = 12L, task = 3L, device_type = "GPU")
  expect_equal(d$to_string(), "/job:foo/replica:12/task:3/device:GPU:*")
})

test_that("device_spec_test: testto_string", {
  fresh_graph()
  expect_equal(tf$DeviceSpec(job = "foo")$to_string(), "/job:foo")
  expect_equal(tf$DeviceSpec(job = "foo", task = 3L)$to_string(), "/job:foo/task:3")
  expect_equal(tf$DeviceSpec(job = "foo", task = 3L, device_type = "cpu", device_index = 0L)$to_string(),
               "/job:foo/task:3/device:CPU:0")
  expect_equal(tf$DeviceSpec(job = "foo", replica = 12L, device_type = "cpu", device_index = 0L)$to_string(),
               "/job:foo/replica:12/device:CPU:0")
  expect_equal(tf$DeviceSpec(job = "foo", replica = 12L, device_type = "gpu", device_index = 2L)$to_string(),
               "/job:foo/replica:12/device:GPU:2")
  expect_equal(tf$DeviceSpec(job = "foo", replica = 12L)$to_string(), "/job:foo/replica:12")
  expect_equal(tf$DeviceSpec(job = "foo", replica = 12L, task = 3L, device_type = "GPU")$to_string(),
               "/job:foo/replica:12/task:3/device:GPU:*")
})

test_that("device_spec_test: test_parse_legacy", {
  fresh_graph()
  d <- tf$DeviceSpec()
  d$parse_from_string("/job:foo/replica:0")
  expect_equal(d$to_string(), "/job:foo/replica:0")
  d$parse_from_string("/replica:1/task:0/cpu:0")
  expect_equal(d$to_string(), "/replica:1/task:0/device:CPU:0")
  d$parse_from_string("/replica:1/task:0/device:CPU:0")
  expect_equal(d$to_string(), "/replica:1/task:0/device:CPU:0")
  d$parse_from_string("/job:muu/device:GPU:2")
  expect_equal(d$to_string(), "/job:muu/device:GPU:2")
  expect_tf_error(d$parse_from_string("/job:muu/device:GPU:2/cpu:0"), "value", "Cannot specify multiple")
})

test_that("device_spec_test: test_to_from_string", {
  fresh_graph()
  d <- tf$DeviceSpec$from_string("/job:foo/replica:0")
  expect_equal(d$to_string(), "/job:foo/replica:0")
  expect_equal(d$replica, 0L)
  d <- tf$DeviceSpec$from_string("/replica:1/task:0/cpu:0")
  expect_equal(d$to_string(), "/replica:1/task:0/device:CPU:0")
  expect_equal(list(d$replica, d$task, d$device_type, d$device_index), list(1L, 0L, "CPU", 0L))
  d <- tf$DeviceSpec$from_string("/replica:1/task:0/device:CPU:0")
  expect_equal(d$to_string(), "/replica:1/task:0/device:CPU:0")
  expect_equal(list(d$replica, d$task, d$device_type, d$device_index), list(1L, 0L, "CPU", 0L))
  d <- tf$DeviceSpec$from_string("/job:muu/device:GPU:2")
  expect_equal(d$to_string(), "/job:muu/device:GPU:2")
  expect_equal(list(d$job, d$device_type, d$device_index), list("muu", "GPU", 2L))
  expect_tf_error(d$parse_from_string("/job:muu/device:GPU:2/cpu:0"), "value", "Cannot specify multiple")
})

test_that("device_spec_test: test_merge_legacy", {
  fresh_graph()
  d <- tf$DeviceSpec$from_string("/job:foo/replica:0")
  expect_equal(d$to_string(), "/job:foo/replica:0")
  d$merge_from(tf$DeviceSpec$from_string("/task:1/device:GPU:2"))
  expect_equal(d$to_string(), "/job:foo/replica:0/task:1/device:GPU:2")
  d <- tf$DeviceSpec()
  d$merge_from(tf$DeviceSpec$from_string("/task:1/cpu:0"))
  expect_equal(d$to_string(), "/task:1/device:CPU:0")
  d$merge_from(tf$DeviceSpec$from_string("/job:boo/device:GPU:0"))
  expect_equal(d$to_string(), "/job:boo/task:1/device:GPU:0")
  d$merge_from(tf$DeviceSpec$from_string("/job:muu/cpu:2"))
  expect_equal(d$to_string(), "/job:muu/task:1/device:CPU:2")
  d$merge_from(tf$DeviceSpec$from_string("/job:muu/device:MyFunnyDevice:2"))
  expect_equal(d$to_string(), "/job:muu/task:1/device:MyFunnyDevice:2")
})

test_that("device_spec_test: test_combine", {
  fresh_graph()
  d <- tf$DeviceSpec$from_string("/job:foo/replica:0")
  expect_equal(d$to_string(), "/job:foo/replica:0")
  d <- d$make_merged_spec(tf$DeviceSpec$from_string("/task:1/device:GPU:2"))
  expect_equal(d$to_string(), "/job:foo/replica:0/task:1/device:GPU:2")
  d <- tf$DeviceSpec()
  d <- d$make_merged_spec(tf$DeviceSpec$from_string("/task:1/cpu:0"))
  expect_equal(d$to_string(), "/task:1/device:CPU:0")
  d <- d$make_merged_spec(tf$DeviceSpec$from_string("/job:boo/device:GPU:0"))
  expect_equal(d$to_string(), "/job:boo/task:1/device:GPU:0")
  d <- d$make_merged_spec(tf$DeviceSpec$from_string("/job:muu/cpu:2"))
  expect_equal(d$to_string(), "/job:muu/task:1/device:CPU:2")
  d <- d$make_merged_spec(tf$DeviceSpec$from_string("/job:muu/device:MyFunnyDevice:2"))
  expect_equal(d$to_string(), "/job:muu/task:1/device:MyFunnyDevice:2")
})
