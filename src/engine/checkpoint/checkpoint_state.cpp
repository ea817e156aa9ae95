// The `checkpoint` file: a text-format CheckpointState proto.
#include <cstdio>
#include <cstdlib>

#include "../errors.h"
#include "bundle.h"

namespace tfn {

namespace {

// Protocol buffers' C escaping for text format strings.
std::string c_escape(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '"': out += "\\\""; break;
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c < 0x20 || c >= 0x7f) {
          char b[5];
          std::snprintf(b, sizeof b, "\\%03o", c);
          out += b;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out;
}

[[noreturn]] void parse_error(const std::string& path, const std::string& why) {
  fail(Code::kDataLoss, "Unable to parse checkpoint state file " + path + ": " + why);
}

std::string parse_quoted(const std::string& v, const std::string& path) {
  if (v.size() < 2 || (v[0] != '"' && v[0] != '\'') || v.back() != v[0]) parse_error(path, "expected a quoted string");
  std::string out;
  for (std::size_t i = 1; i + 1 < v.size(); ++i) {
    char c = v[i];
    if (c != '\\') { out.push_back(c); continue; }
    if (++i + 1 > v.size() - 1) parse_error(path, "dangling escape");
    char e = v[i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case '"': case '\'': case '\\': out.push_back(e); break;
      default:
        if (e >= '0' && e <= '7') {
          int val = 0, k = 0;
          while (k < 3 && i + 1 < v.size() && v[i] >= '0' && v[i] <= '7') { val = val * 8 + (v[i] - '0'); ++i; ++k; }
          --i;
          out.push_back(static_cast<char>(val));
        } else {
          parse_error(path, std::string("unknown escape \\") + e);
        }
    }
  }
  return out;
}

std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

std::string format_checkpoint_state(const CheckpointState& s) {
  std::string out = "model_checkpoint_path: \"" + c_escape(s.model_checkpoint_path) + "\"\n";
  for (const auto& p : s.all_model_checkpoint_paths) out += "all_model_checkpoint_paths: \"" + c_escape(p) + "\"\n";
  return out;
}

CheckpointState parse_checkpoint_state(const std::string& text, const std::string& path) {
  CheckpointState s;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string line = trim(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line.empty() || line[0] == '#') continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) parse_error(path, "expected 'field: value'");
    std::string key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (key == "model_checkpoint_path") s.model_checkpoint_path = parse_quoted(value, path);
    else if (key == "all_model_checkpoint_paths") s.all_model_checkpoint_paths.push_back(parse_quoted(value, path));
    else if (key == "all_model_checkpoint_timestamps") s.all_model_checkpoint_timestamps.push_back(std::strtod(value.c_str(), nullptr));
    else if (key == "last_preserved_timestamp") s.last_preserved_timestamp = std::strtod(value.c_str(), nullptr);
    else parse_error(path, "unknown field '" + key + "'");
  }
  return s;
}

}  // namespace tfn
