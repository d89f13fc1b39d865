#!/usr/bin/env bash
# `npm pack` / `npm publish` run this first (the "prepack" script): the package ships web/engine/'s
# wasm modules (gradscape and one gradscape-<lab> per lab, scripts/wasm-modules.sh; SIMD and scalar:
# glue .mjs + .wasm), which are built, not committed. Builds them with scripts/build-wasm.sh only
# when one is missing or older than a C++ source (src/, bindings/, CMakeLists.txt); then bundles
# the web component into dist/component/ (vite.component.config.mjs, about a second) from the
# current sources and writes the blog integrations (integrations/, scripts/gen-integrations.mjs).
# With --check: builds nothing, prints why the wasm build is needed and exits 1, or exits 0 when up to date.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
engine="$root/web/engine"
source "$root/scripts/wasm-modules.sh"

reason=""
for module in $(wasm_modules "$root"); do
  for name in "$module-simd" "$module-scalar"; do
    for ext in mjs wasm; do
      file="$engine/$name.$ext"
      if [ ! -f "$file" ]; then
        reason="web/engine/$name.$ext is missing"
        break 3
      fi
      newer=$(find "$root/src" "$root/bindings" "$root/CMakeLists.txt" -type f -newer "$file" -print -quit 2>/dev/null)
      if [ -n "$newer" ]; then
        reason="${newer#"$root"/} is newer than web/engine/$name.$ext"
        break 3
      fi
    done
  done
done

if [ "${1:-}" = --check ]; then
  [ -z "$reason" ] && exit 0
  echo "$reason"
  exit 1
fi
if [ -z "$reason" ]; then
  echo "gradscape: web/engine is up to date" >&2
else
  echo "gradscape: building the wasm modules ($reason)" >&2
  bash "$root/scripts/build-wasm.sh"
fi
echo "gradscape: bundling the web component into dist/component" >&2
(cd "$root" && npx vite build --config vite.component.config.mjs --logLevel warn >&2)
node "$root/scripts/gen-integrations.mjs"
