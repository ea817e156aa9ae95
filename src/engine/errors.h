// Engine errors: one exception type carrying a TensorFlow status code.
#pragma once
#include <stdexcept>
#include <string>
#include <utility>

namespace tfn {

// TensorFlow's canonical status codes, plus the Python-level exceptions that
// TensorFlow raises while a graph is built (ValueError, TypeError, ...).
enum class Code : int {
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
  kValueError = 100,
  kTypeError = 101,
  kRuntimeError = 102,
};

class Error : public std::runtime_error {
 public:
  Error(Code code, std::string msg) : std::runtime_error(std::move(msg)), code_(code) {}
  Code code() const { return code_; }

 private:
  Code code_;
};

[[noreturn]] inline void fail(Code code, const std::string& msg) { throw Error(code, msg); }

inline void require(bool ok, Code code, const std::string& msg) {
  if (!ok) fail(code, msg);
}

}  // namespace tfn
