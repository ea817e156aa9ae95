// Hostile sizes and files: errors with TensorFlow's codes, never a hang or an overflowed buffer.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Not under the sanitizers: their runtimes need descriptors of their own once the limit is tight.
#if !defined(_WIN32) && !defined(__SANITIZE_ADDRESS__)
TEST_CASE("a sharded writer that cannot create its Nth file leaves no files behind") {
  std::random_device rd;
  std::string dir = std::string(P_tmpdir) + "/tfn_shards_" + std::to_string(rd());
  REQUIRE(::mkdir(dir.c_str(), 0700) == 0);
  // Allow exactly one more open file: the first shard's file opens, the second fails (EMFILE).
  struct rlimit old;
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &old) == 0);
  int lowest_free = ::dup(0);
  REQUIRE(lowest_free >= 0);
  ::close(lowest_free);
  struct rlimit tight = old;
  tight.rlim_cur = static_cast<rlim_t>(lowest_free + 1);
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &tight) == 0);
  bool threw = false;
  try {
    bundle::Writer w(dir + "/m", 3);
  } catch (const Error&) {
    threw = true;
  }
  ::setrlimit(RLIMIT_NOFILE, &old);
  CHECK(threw);
  CHECK(::rmdir(dir.c_str()) == 0);  // empty: the first shard's temporary file was removed
  int fd = ::dup(0);                  // and its descriptor was closed: the lowest free one is back
  CHECK(fd == lowest_free);
  if (fd >= 0) ::close(fd);
}
#endif
