#!/usr/bin/env bash
# `npm test`: installs what is missing, builds everything and runs every suite:
#   1. Google Test, native
#   2. the same Google Test suite compiled to wasm (the SIMD build) under Node
#   3. 30 s of libFuzzer on the formula language (scripts/fuzz.sh), counted as one test
#   4. JS tests of the API and CLI (node:test), including native-vs-wasm trajectories
#   5. browser tests of the built site (playwright-core + Debian's Chromium)
# and ends with one line: "tests: N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/ensure-tools.sh test || exit 1

log_dir="$root/build/test-logs"
mkdir -p "$log_dir"
passed=0
failed=0
status=0

step() { printf '\n== %s ==\n' "$*"; }
fail_build() { echo "gradscape: $1 failed to build" >&2; echo "tests: $passed passed, $((failed + 1)) failed"; exit 1; }

# gtest prints "[  PASSED  ] N tests." and "[  FAILED  ] N tests, listed below:".
count_gtest() {
  local log=$1 p f
  p=$(grep -oE '^\[  PASSED  \] [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  f=$(grep -oE '^\[  FAILED  \] [0-9]+ tests?, listed below' "$log" | grep -oE '[0-9]+' | head -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
# scripts/fuzz.sh ends with "fuzz: 1 passed, 0 failed (...)" or "fuzz: 0 passed, 1 failed (...)".
count_fuzz() {
  local log=$1 p f
  p=$(grep -oE '^fuzz: [0-9]+ passed' "$log" | grep -oE '[0-9]+' | tail -1)
  f=$(grep -oE '^fuzz: [0-9]+ passed, [0-9]+ failed' "$log" | grep -oE '[0-9]+' | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
# node --test prints "# pass N" and "# fail N".
count_node() {
  local log=$1 p f
  p=$(grep -oE '^# pass [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  f=$(grep -oE '^# fail [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
run_suite() {  # name, counter, command...
  local name=$1 counter=$2
  shift 2
  step "$name"
  local log="$log_dir/$name.log" failed_before=$failed
  "$@" 2>&1 | tee "$log" | grep -vE '^(\[ RUN      \]|\[       OK \])'
  local code=${PIPESTATUS[0]}
  $counter "$log"
  if [ "$code" -ne 0 ]; then
    echo "gradscape: suite $name exited with $code" >&2
    status=1
    # A suite that failed without its counter seeing a failure (a crash, a build error) counts one.
    if [ "$failed" -eq "$failed_before" ]; then failed=$((failed + 1)); fi
  fi
}

step "build: native"
bash scripts/build-native.sh >"$log_dir/build-native.log" 2>&1 || { tail -30 "$log_dir/build-native.log"; fail_build native; }
step "build: wasm (SIMD and scalar modules, the SIMD test suite)"
bash scripts/build-wasm.sh --tests >"$log_dir/build-wasm.log" 2>&1 || { tail -30 "$log_dir/build-wasm.log"; fail_build wasm; }
step "build: site and web component"
npx vite build --logLevel warn >"$log_dir/build-site.log" 2>&1 || { tail -30 "$log_dir/build-site.log"; fail_build site; }

run_suite gtest-native count_gtest build/native/gradscape_tests --gtest_brief=1
run_suite gtest-wasm-simd count_gtest bash -c "cd build/wasm-simd && node --no-experimental-fetch gradscape_tests.js --gtest_brief=1"
run_suite fuzz count_fuzz bash scripts/fuzz.sh 30
# The JS files run side by side, one per core (node's default leaves one core idle); the browser
# files one at a time: Chromium keeps every core busy already.
run_suite js count_node node --test --test-reporter=tap --test-concurrency="$(nproc)" tests/js/
run_suite browser count_node node --test --test-reporter=tap --test-concurrency=1 tests/browser/

echo
if [ "$passed" -eq 0 ]; then
  echo "gradscape: no test ran" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit $status
