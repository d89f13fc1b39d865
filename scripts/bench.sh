#!/usr/bin/env bash
# `npm run bench` (not part of the tests): builds what the benchmark needs, then runs
# bench/adam_step.mjs (Adam step, n = 1e3 … 1e7: wasm SIMD / scalar via the JS API, plain JS,
# tfjs-wasm, tfjs-cpu, native C++, and the wasm triad and read-modify-write rooflines).
# then bench/regret.mjs (the online loop at d = 1 and d = 10,000 sparse against plain JS) and
# bench/page.mjs (the landscape page in headless Chromium: first trajectory, frame time, size).
# Reports go to stdout and to bench/results/; extra arguments go to adam_step.mjs, e.g.
# `npm run bench -- --quick --sizes=1e3,1e6`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/ensure-tools.sh" test || exit 1

echo "bench: building the wasm modules (simd, scalar)" >&2
bash "$root/scripts/build-wasm.sh" >&2
echo "bench: building native" >&2
bash "$root/scripts/build-native.sh" >&2
cmake --build "$root/build/native" -j"$(nproc)" --target bench_adam_step >&2
echo "bench: building bench/wasm/roofline.cpp (simd)" >&2
cmake --build "$root/build/wasm-simd" -j"$(nproc)" --target bench_roofline >&2

echo "bench: building the site" >&2
(cd "$root" && npx vite build --logLevel warn >&2)

cd "$root"
node --expose-gc bench/adam_step.mjs "$@"
node bench/regret.mjs
node bench/page.mjs
