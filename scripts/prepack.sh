#!/usr/bin/env bash
# `npm pack` / `npm publish` run this first (the "prepack" script): the package ships web/engine/'s
# twelve wasm files (gradscape, gradscape-regret and gradscape-sweep, SIMD and scalar: glue .mjs + .wasm), which are
# built, not committed. Builds them with scripts/build-wasm.sh only when one is missing or older than
# a C++ source (src/, bindings/, CMakeLists.txt); otherwise does nothing.
# With --check: builds nothing, prints why a build is needed and exits 1, or exits 0 when up to date.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
engine="$root/web/engine"

reason=""
for name in gradscape-simd gradscape-scalar gradscape-regret-simd gradscape-regret-scalar gradscape-sweep-simd gradscape-sweep-scalar; do
  for ext in mjs wasm; do
    file="$engine/$name.$ext"
    if [ ! -f "$file" ]; then
      reason="web/engine/$name.$ext is missing"
      break 2
    fi
    newer=$(find "$root/src" "$root/bindings" "$root/CMakeLists.txt" -type f -newer "$file" -print -quit 2>/dev/null)
    if [ -n "$newer" ]; then
      reason="${newer#"$root"/} is newer than web/engine/$name.$ext"
      break 2
    fi
  done
done

if [ -z "$reason" ]; then
  [ "${1:-}" = --check ] || echo "gradscape: web/engine is up to date" >&2
  exit 0
fi
if [ "${1:-}" = --check ]; then
  echo "$reason"
  exit 1
fi
echo "gradscape: building the wasm modules ($reason)" >&2
bash "$root/scripts/build-wasm.sh"
