#!/usr/bin/env bash
# `npm run bench` (not part of the tests): builds what the benchmarks need, then runs
#   adam_step  bench/adam_step.mjs (Adam step, n = 1e3 … 1e7: wasm SIMD / scalar via the JS API,
#              plain JS, tfjs-wasm, tfjs-cpu, native C++, and the wasm triad and read-modify-write
#              rooflines)
#   sweep      bench/sweep.mjs (the sweep engine: 256 × 256 runs × 500 Adam steps on Rosenbrock,
#              wasm SIMD / scalar, plain JS structure-of-arrays, native C++)
#   regret     bench/regret.mjs (the online loop at d = 1 and d = 10,000 sparse against plain JS)
#   page       bench/page.mjs (the landscape page in headless Chromium: first trajectory, frame
#              time, size)
#   component  bench/component.mjs (the web component's first load from another origin, gzipped, per
#              view, against the iframe embed and the landscape page)
#   sweep_page bench/sweep-page.mjs (the sweep lab in headless Chromium: the 256 × 256 × 500 map's
#              engine time in a page, click → finished map, live 128 × 128 × 300 maps per second)
#   train      bench/train.mjs (the paper lab: one epoch of logistic regression and of the MLP on
#              the 6,000 images, Adam, minibatch 128: wasm SIMD / scalar, tfjs-wasm, native C++)
#   formula    bench/formula.mjs (a typed formula against the built-in it spells out: sweep map,
#              heatmap grid, RunSession and gs.run; wasm SIMD through the JS API)
#   custom_rule bench/custom-rule.mjs (a custom rule against the built-in it spells out: sweep maps
#              and gs.run; wasm SIMD through the JS API)
#   race       bench/race.mjs (the race lab: 12 optimizers × 128 trials × 32 tuning starts + 64
#              held-out starts × 500 steps in a headless Chromium page's Web Worker, wasm SIMD /
#              scalar, Node, native CLI; SGD and Adam against plain-JS loops; the first load)
#   animation  bench/animation.mjs (Export → Animation in headless Chromium: a 10 s 800 × 600 30 fps
#              clip of four optimizers as GIF, WebM and MP4; the landscape's first load and the
#              exporter's lazily loaded chunks)
#   figures    bench/figures.mjs (gradscape render on the landscape's default config: SVG, PNG and
#              GIF against the engine run alone, the CLI's wall time, the files' sizes)
# Reports go to stdout and to bench/results/. `--only=sweep,regret` runs a subset (default: all);
# other arguments go to adam_step.mjs, e.g. `npm run bench -- --quick --sizes=1e3,1e6`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/ensure-tools.sh" test || exit 1

only=adam_step,sweep,regret,page,sweep_page,component,train,formula,custom_rule,race,animation,figures
args=()
for arg in "$@"; do
  case $arg in
    --only=*) only=${arg#--only=} ;;
    *) args+=("$arg") ;;
  esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }
for name in ${only//,/ }; do
  case $name in adam_step | sweep | regret | page | sweep_page | component | train | formula | custom_rule | race | animation | figures) ;; *) echo "bench: --only: unknown benchmark $name (adam_step, sweep, regret, page, sweep_page, component, train, formula, custom_rule, race, animation, figures)" >&2; exit 2 ;; esac
done

echo "bench: building the wasm modules (simd, scalar)" >&2
bash "$root/scripts/build-wasm.sh" >&2
echo "bench: building native" >&2
bash "$root/scripts/build-native.sh" >&2
if wants adam_step; then
  cmake --build "$root/build/native" -j"$(nproc)" --target bench_adam_step >&2
  echo "bench: building bench/wasm/roofline.cpp (simd)" >&2
  cmake --build "$root/build/wasm-simd" -j"$(nproc)" --target bench_roofline >&2
fi
if wants sweep; then
  echo "bench: building bench/native/sweep.cpp and bench/wasm/sweep.cpp (simd, scalar)" >&2
  cmake --build "$root/build/native" -j"$(nproc)" --target bench_sweep >&2
  cmake --build "$root/build/wasm-simd" -j"$(nproc)" --target bench_sweep >&2
  cmake --build "$root/build/wasm-scalar" -j"$(nproc)" --target bench_sweep >&2
fi
if wants page || wants sweep_page || wants component || wants animation; then
  echo "bench: building the site" >&2
  (cd "$root" && npx vite build --logLevel warn >&2)
fi

cd "$root"
if wants adam_step; then node --expose-gc bench/adam_step.mjs ${args[@]+"${args[@]}"}; fi
if wants sweep; then node bench/sweep.mjs; fi
if wants regret; then node bench/regret.mjs; fi
if wants page; then node bench/page.mjs; fi
if wants sweep_page; then node bench/sweep-page.mjs; fi
if wants component; then node bench/component.mjs; fi
if wants train; then node bench/train.mjs; fi
if wants formula; then node bench/formula.mjs; fi
if wants custom_rule; then node bench/custom-rule.mjs; fi
if wants race; then node bench/race.mjs; fi
if wants animation; then node bench/animation.mjs; fi
if wants figures; then node bench/figures.mjs; fi
