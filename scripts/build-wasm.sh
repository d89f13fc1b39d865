#!/usr/bin/env bash
# WebAssembly builds with Emscripten: the modules (the core gradscape and one gradscape-<lab> per lab
# folder, scripts/wasm-modules.sh) in a SIMD and a scalar flavour, copied to web/engine/ where the JS
# API loads them. With `--tests`, also the Google Test suite in wasm, in the SIMD flavour (the scalar
# modules are checked byte for byte against native runs by the JS tests).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/ensure-tools.sh" build || exit 1
source "$root/scripts/wasm-modules.sh"
tests=$([ "${1:-}" = --tests ] && echo yes || echo no)
mkdir -p "$root/web/engine"
# A module no lab builds any more (a renamed or removed lab) must not stay behind to be packed.
modules=" $(wasm_modules "$root" | tr '\n' ' ') "
for file in "$root"/web/engine/gradscape-*.mjs "$root"/web/engine/gradscape-*.wasm; do
  [ -e "$file" ] || continue
  name=$(basename "$file"); name=${name%.*}; name=${name%-simd}; name=${name%-scalar}
  [[ $modules == *" $name "* ]] || rm -f "$file"
done
for flavour in simd scalar; do
  simd=$([ $flavour = simd ] && echo ON || echo OFF)
  dir="$root/build/wasm-$flavour"
  emcmake cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DGS_WASM_SIMD=$simd >/dev/null
  # The wasm test runner is CommonJS glue; the project's package.json says "type": "module".
  echo '{"type": "commonjs"}' > "$dir/package.json"
  targets=(gradscape_modules)
  [ "$tests" = yes ] && [ $flavour = simd ] && targets+=(gradscape_tests)
  cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"
  for name in $(wasm_modules "$root"); do
    cp "$dir/$name-$flavour.mjs" "$dir/$name-$flavour.wasm" "$root/web/engine/"
  done
done
