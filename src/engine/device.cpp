#include "device.h"

#include <cctype>
#include <vector>

#include "errors.h"

namespace tfn {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) { out.push_back(cur); cur.clear(); }
    else cur.push_back(c);
  }
  out.push_back(cur);
  return out;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

int parse_int(const std::string& v, const std::string& spec) {
  if (v.empty() || v.size() > 9) fail(Code::kValueError, "invalid literal for int() with base 10: '" + v + "' in '" + spec + "'");
  for (char c : v)
    if (!std::isdigit(static_cast<unsigned char>(c))) fail(Code::kValueError, "invalid literal for int() with base 10: '" + v + "' in '" + spec + "'");
  return std::stoi(v);
}

}  // namespace

DeviceSpec DeviceSpec::parse(const std::string& spec) {
  DeviceSpec d;
  for (const std::string& part : split(spec, '/')) {
    std::vector<std::string> y = split(part, ':');
    std::size_t ly = y.size();
    if (ly == 2 && y[0] == "job") {
      d.job = y[1];
    } else if (ly == 2 && y[0] == "replica") {
      d.replica = parse_int(y[1], spec);
    } else if (ly == 2 && y[0] == "task") {
      d.task = parse_int(y[1], spec);
    } else if ((ly == 1 || ly == 2) && (upper(y[0]) == "GPU" || upper(y[0]) == "CPU")) {
      if (!d.device_type.empty()) fail(Code::kValueError, "Cannot specify multiple device types: " + spec);
      d.device_type = upper(y[0]);
      if (ly == 2 && y[1] != "*") d.device_index = parse_int(y[1], spec);
    } else if (ly == 3 && y[0] == "device") {
      if (!d.device_type.empty()) fail(Code::kValueError, "Cannot specify multiple device types: " + spec);
      d.device_type = y[1];
      if (y[2] != "*") d.device_index = parse_int(y[2], spec);
    } else if (!y[0].empty()) {
      fail(Code::kValueError, "Unknown attribute: '" + y[0] + "' in '" + spec + "'");
    }
  }
  return d;
}

std::string DeviceSpec::to_string() const {
  std::string dev;
  if (!job.empty()) dev += "/job:" + job;
  if (replica >= 0) dev += "/replica:" + std::to_string(replica);
  if (task >= 0) dev += "/task:" + std::to_string(task);
  if (!device_type.empty()) dev += "/device:" + device_type + ":" + (device_index >= 0 ? std::to_string(device_index) : "*");
  return dev;
}

void DeviceSpec::merge_from(const DeviceSpec& o) {
  if (!o.job.empty()) job = o.job;
  if (o.replica >= 0) replica = o.replica;
  if (o.task >= 0) task = o.task;
  if (!o.device_type.empty()) device_type = o.device_type;
  if (o.device_index >= 0) device_index = o.device_index;
}

std::string canonical_device(const std::string& spec) { return spec.empty() ? spec : DeviceSpec::parse(spec).to_string(); }

bool placeable_on_local_cpu(const DeviceSpec& d) {
  return (d.job.empty() || d.job == "localhost") && d.replica <= 0 && d.task <= 0 &&
         (d.device_type.empty() || upper(d.device_type) == "CPU") && d.device_index <= 0;
}

}  // namespace tfn
