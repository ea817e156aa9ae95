// Device names: TensorFlow's DeviceSpec (job, replica, task, device type and index).
#pragma once
#include <string>

namespace tfn {

struct DeviceSpec {
  std::string job;          // empty: unset
  int replica = -1;         // -1: unset
  int task = -1;
  std::string device_type;  // "CPU", "GPU", ...; empty: unset
  int device_index = -1;    // -1: unset or "*"

  // TensorFlow's parser: "/job:ps/task:7/device:GPU:0", legacy "/gpu:0", "CPU:*", ...
  // Throws ValueError for unknown attributes or two device types.
  static DeviceSpec parse(const std::string& spec);
  std::string to_string() const;  // canonical: "/job:ps/replica:0/task:7/device:GPU:0"
  // Fields set in `other` replace ours.
  void merge_from(const DeviceSpec& other);
  bool empty() const { return job.empty() && replica < 0 && task < 0 && device_type.empty() && device_index < 0; }
};

// Canonical form of a device string ("" stays "").
std::string canonical_device(const std::string& spec);

// The one device of a local session.
constexpr const char* kLocalCpu = "/job:localhost/replica:0/task:0/device:CPU:0";
// Whether a device name can be satisfied by the local session's CPU:0.
bool placeable_on_local_cpu(const DeviceSpec& d);

}  // namespace tfn
