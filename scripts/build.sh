#!/usr/bin/env bash
# `npm run build`: the wasm module (SIMD and scalar), the configs' generated reference
# (gradscape.schema.json, docs/schema.md), the native CLI, the static site in dist/ and the web
# component's standalone bundle in dist/component/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/ensure-tools.sh" build || exit 1
bash "$root/scripts/build-wasm.sh"
bash "$root/scripts/build-native.sh"
node "$root/scripts/gen-schema.mjs"
(cd "$root" && npx vite build --logLevel warn)
echo "gradscape: site in $root/dist (serve it from any static host or sub-path)"
