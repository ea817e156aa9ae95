#!/usr/bin/env bash
# Every test: Catch2 engine tests (plain and under ASan+UBSan), testthat, R CMD check.
# Ends with one line "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
passed=0; failed=0

count_ctest() {  # $1: ctest log
  local line total fails
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$1" | tail -1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  fails=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/')
  total=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/')
  passed=$((passed + total - fails)); failed=$((failed + fails))
}

echo "== Catch2 engine tests"
make --no-print-directory test-cpp 2>&1 | tee build/test-cpp.log | grep -E "tests passed|Failed|FAILED|error" || true
count_ctest build/test-cpp.log

echo "== Catch2 engine tests under AddressSanitizer + UBSan"
make --no-print-directory test-cpp-sanitize 2>&1 | tee build/test-cpp-san.log | grep -E "tests passed|Failed|FAILED|error|runtime error" || true
count_ctest build/test-cpp-san.log
if grep -q "runtime error:" build/test-cpp-san.log; then echo "UBSan reported errors"; failed=$((failed + 1)); fi

echo "== testthat"
make --no-print-directory install || { echo "install failed"; echo "tests: $passed passed, $((failed + 1)) failed"; exit 1; }
R_LIBS="$PWD/build/lib" Rscript -e '
  res <- as.data.frame(testthat::test_dir("tests/testthat", package = "tfnative", load_package = "installed",
                                          reporter = "summary", stop_on_failure = FALSE))
  cat(sprintf("testthat-counts %d %d %d\n", sum(res$nb) - sum(res$failed) - sum(res$skipped), sum(res$failed) + sum(res$error), sum(res$skipped)))
' 2>&1 | tee build/testthat.log
line=$(grep "^testthat-counts" build/testthat.log | tail -1)
if [ -z "$line" ]; then failed=$((failed + 1)); else
  set -- $line; passed=$((passed + $2)); failed=$((failed + $3))
fi

echo "== R CMD check"
make --no-print-directory check > build/check.log 2>&1
tail -25 build/check.log
status=$(grep -E "^Status:" build/check.log | tail -1)
if [ -n "$status" ] && ! echo "$status" | grep -qE "ERROR|WARNING"; then
  passed=$((passed + 1))
else
  echo "R CMD check: ${status:-did not finish}"; failed=$((failed + 1))
fi

echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
