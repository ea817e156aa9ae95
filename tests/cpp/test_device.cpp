#include <catch2/catch.hpp>

#include "checkpoint/bundle.h"
#include "device.h"

#include <random>
#include "session.h"
#include "test_helpers.h"

using namespace tfn;
using namespace tfn_test;

TEST_CASE("device names parse to TensorFlow's canonical form") {
  CHECK(canonical_device("/cpu:0") == "/device:CPU:0");
  CHECK(canonical_device("/GPU:1") == "/device:GPU:1");
  CHECK(canonical_device("/job:ps/task:7") == "/job:ps/task:7");
  CHECK(canonical_device("/job:worker/replica:0/task:3/device:GPU:*") == "/job:worker/replica:0/task:3/device:GPU:*");
  CHECK(canonical_device("") == "");
  CHECK_THROWS_WITH(DeviceSpec::parse("/foo:bar"), "Unknown attribute: 'foo' in '/foo:bar'");
  CHECK_THROWS_WITH(DeviceSpec::parse("/cpu:0/device:GPU:0"), "Cannot specify multiple device types: /cpu:0/device:GPU:0");
  CHECK_THROWS_AS(DeviceSpec::parse("/task:seven"), Error);
}

TEST_CASE("merge_from lets set fields win") {
  DeviceSpec a = DeviceSpec::parse("/job:worker/task:1");
  a.merge_from(DeviceSpec::parse("/device:GPU:0"));
  CHECK(a.to_string() == "/job:worker/task:1/device:GPU:0");
  a.merge_from(DeviceSpec::parse("/job:ps"));
  CHECK(a.to_string() == "/job:ps/task:1/device:GPU:0");
}

TEST_CASE("local placement accepts CPU:0 and localhost only") {
  CHECK(placeable_on_local_cpu(DeviceSpec::parse("/cpu:0")));
  CHECK(placeable_on_local_cpu(DeviceSpec::parse("/job:localhost/replica:0/task:0/device:CPU:0")));
  CHECK(placeable_on_local_cpu(DeviceSpec::parse("")));
  CHECK_FALSE(placeable_on_local_cpu(DeviceSpec::parse("/gpu:0")));
  CHECK_FALSE(placeable_on_local_cpu(DeviceSpec::parse("/job:ps")));
  CHECK_FALSE(placeable_on_local_cpu(DeviceSpec::parse("/cpu:1")));
}

TEST_CASE("sessions check placement of what they run; soft placement falls back to CPU") {
  auto g = std::make_shared<Graph>();
  int on_gpu = constant(*g, "on_gpu", floats({}, {1}));
  g->set_device(on_gpu, "/gpu:0");
  int local = constant(*g, "local", floats({}, {2}));
  Session hard(g);
  CHECK(run1(hard, local).data<float>()[0] == 2.0f);
  try {
    run1(hard, on_gpu);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kInvalidArgument);
    CHECK(std::string(e.what()).find("Cannot assign a device for operation on_gpu: Operation was explicitly assigned to /device:GPU:0") == 0);
  }
  Session soft(g);
  soft.configure(true, true);
  CHECK(run1(soft, on_gpu).data<float>()[0] == 1.0f);
  auto log = soft.take_placement_log();
  REQUIRE(log.size() == 1);
  CHECK(log[0] == "on_gpu: (Const): /job:localhost/replica:0/task:0/device:CPU:0");
  run1(soft, on_gpu);
  CHECK(soft.take_placement_log().empty());
}

TEST_CASE("a two-shard bundle writes two data files and reads back") {
  std::string prefix = "/tmp/tfn_two_shards_" + std::to_string(std::random_device()() % 100000);
  {
    bundle::Writer w(prefix, 2);
    w.add("a", floats({2}, {1, 2}), 0);
    w.add("b", floats({3}, {3, 4, 5}), 1);
    w.add("c", floats({}, {6}), 0);
    w.finish();
  }
  CHECK(file_exists(bundle::data_filename(prefix, 0, 2)));
  CHECK(file_exists(bundle::data_filename(prefix, 1, 2)));
  bundle::Reader r(prefix);
  CHECK(r.num_shards() == 2);
  CHECK(r.entry("b").shard_id == 1);
  CHECK(r.entry("c").offset == 8);
  CHECK(r.read("b").data<float>()[2] == 5.0f);
  CHECK(r.read("c").data<float>()[0] == 6.0f);
  std::remove(bundle::index_filename(prefix).c_str());
  std::remove(bundle::data_filename(prefix, 0, 2).c_str());
  std::remove(bundle::data_filename(prefix, 1, 2).c_str());
}
