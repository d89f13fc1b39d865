#!/usr/bin/env bash
# Diagnostic (not part of `npm run bench`): what the optimizer kernels' vector loops look like in
# the SIMD wasm build. Links build/wasm-simd/libgradscape_core.a with function names kept, then
# prints, per kernel, the instructions in its f32x4 loop (see tools/loopstats.py).
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
volatile void* sink;
int main() {
  sink = reinterpret_cast<void*>(gs::optim::kernels_for<float>(gs::optim::Kind::Adam).simd);
  for (int k = 0; k <= static_cast<int>(gs::optim::Kind::Radam); ++k) {
    auto kind = static_cast<gs::optim::Kind>(k);
    sink = reinterpret_cast<void*>(gs::optim::kernels_for<float>(kind).simd);
    sink = reinterpret_cast<void*>(gs::optim::kernels_for<double>(kind).simd);
  }
}
CPP
em++ -std=c++20 -O3 -msimd128 -ffp-contract=off -I"$root/src" "$out/main.cpp" "$lib" \
  -o "$out/k.js" -sENVIRONMENT=node --profiling-funcs
wasm-dis "$out/k.wasm" > "$out/k.wat"
python3 "$root/bench/tools/loopstats.py" "$out/k.wat" '::simd<float>'
