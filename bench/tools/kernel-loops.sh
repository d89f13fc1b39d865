#!/usr/bin/env bash
# Diagnostic (not part of `npm run bench`): what the optimizer kernels' vector loops look like in
# the SIMD wasm build. Links build/wasm-simd/libgradscape_core.a with function names kept, then
# prints, per rule and flag combination, the instructions in its f32x4 loop (see tools/loopstats.py).
# Needs binaryen's wasm-dis (apt-get install binaryen). Usage: bash bench/tools/kernel-loops.sh
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$root/scripts/ensure-tools.sh" build
lib="$root/build/wasm-simd/libgradscape_core.a"
[ -f "$lib" ] || { echo "missing $lib: run bash scripts/build-wasm.sh" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat > "$out/main.cpp" <<'CPP'
#include "optim/optimizer.hpp"
#include "optim/rules/all.hpp"
volatile void* sink;
int main() {
  gs::optim::rules::AllRules::for_each([](auto rule) {
    sink = reinterpret_cast<void*>(gs::optim::rule_ops<float>(gs::optim::rules::kind_of<decltype(rule)>()).simd);
    sink = reinterpret_cast<void*>(gs::optim::rule_ops<double>(gs::optim::rules::kind_of<decltype(rule)>()).simd);
  });
}
CPP
em++ -std=c++20 -O3 -msimd128 -ffp-contract=off -I"$root/src" "$out/main.cpp" "$lib" \
  -o "$out/k.js" -sENVIRONMENT=node --profiling-funcs
wasm-dis "$out/k.wasm" > "$out/k.wat"
python3 "$root/bench/tools/loopstats.py" "$out/k.wat" 'rules::'
