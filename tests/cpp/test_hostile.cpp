// Hostile sizes and files: errors with TensorFlow's codes, never a hang or an overflowed buffer.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <random>
#include <string>

#include "checkpoint/bundle.h"
#include "tensor.h"

using namespace tfn;

TEST_CASE("tensors whose byte size overflows are ResourceExhausted before allocating") {
  try {
    Tensor t(DType::kDouble, {std::int64_t(1) << 61});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kResourceExhausted);
  }
  try {
    Tensor t(DType::kFloat, {std::int64_t(1) << 31, std::int64_t(1) << 31});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kResourceExhausted);
  }
}

#ifndef _WIN32
TEST_CASE("a FIFO or a device in place of a checkpoint file is refused without blocking") {
  std::random_device rd;
  std::string fifo = std::string(P_tmpdir) + "/tfn_fifo_" + std::to_string(rd());
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  try {
    read_file(fifo);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kFailedPrecondition);
  }
  CHECK_FALSE(file_exists(fifo));
  std::remove(fifo.c_str());
  try {
    read_file("/dev/zero");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::kFailedPrecondition);
  }
}
#endif
