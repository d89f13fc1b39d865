#!/usr/bin/env bash
# `npm start`: installs what is missing, builds the wasm module and serves the site.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/ensure-tools.sh" build || exit 1
bash "$root/scripts/build-wasm.sh"
cd "$root"
exec npx vite --host 127.0.0.1 --port "${PORT:-5173}"
