#!/usr/bin/env bash
# Fuzzes the formula language (tests/fuzz/formula_fuzz.cpp) with libFuzzer under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer for a number of seconds (default 60).
# Usage: scripts/fuzz.sh [seconds]
# Builds build/fuzz/formula_fuzz with Debian's clang++ (when a source is newer than it), starts
# from a fresh copy of the committed seed corpus (tests/fuzz/corpus/formula/, never written to)
# in build/fuzz/corpus, writes a crashing input to build/fuzz/artifacts/ (both emptied at each
# start), keeps libFuzzer's output in build/fuzz/fuzz.log, and ends with one line
# that scripts/test.sh counts: "fuzz: 1 passed, 0 failed (...)" or "fuzz: 0 passed, 1 failed (...)".
# Exits non-zero when the fuzzer finds a crash, a sanitizer report, a leak or a timeout.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [seconds]   (a whole number of seconds, at least 1)" >&2
  exit 2
fi

summary() {  # passed(1|0), details
  if [ "$1" = 1 ]; then echo "fuzz: 1 passed, 0 failed ($2)"; else echo "fuzz: 0 passed, 1 failed ($2)"; fi
}

if ! command -v clang++ >/dev/null; then
  echo "gradscape: clang++ is missing. Install it with:" >&2
  echo "  sudo apt-get install -y clang libclang-rt-14-dev libfuzzer-14-dev" >&2
  summary 0 "no clang++"
  exit 1
fi

out="$root/build/fuzz"
binary="$out/formula_fuzz"
seeds="$root/tests/fuzz/corpus/formula"
corpus="$out/corpus"
artifacts="$out/artifacts"
log="$out/fuzz.log"
mkdir -p "$out"

# The language, its compiler and evaluators: every formula/ file but the objective's adapter to the
# engine (formula_objective.cpp, formula_config.cpp), which needs the JSON and config code.
sources=()
for file in "$root"/src/objectives/formula/*.cpp; do
  case "$(basename "$file")" in formula_objective.cpp | formula_config.cpp) ;; *) sources+=("$file") ;; esac
done
sources+=("$root/src/core/detmath.cpp" "$root/src/core/detmath_functions.cpp" "$root/tests/fuzz/formula_fuzz.cpp")
if [ ! -x "$binary" ] ||
   [ -n "$(find "$root/src/objectives/formula" "$root/src/core" "$root/tests/fuzz" -name '*.[ch]pp' -newer "$binary" -print -quit)" ] ||
   [ "$root/scripts/fuzz.sh" -nt "$binary" ]; then
  echo "gradscape: building $binary"
  if ! clang++ -std=c++20 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -g -O1 \
       -ffp-contract=off -Wall -Wextra -Wno-unused-parameter -I"$root/src" "${sources[@]}" -o "$binary"; then
    summary 0 "the fuzz target did not build"
    exit 1
  fi
fi

rm -rf "$corpus" "$artifacts"
mkdir -p "$corpus" "$artifacts"
cp "$seeds"/* "$corpus"/
seed_count=$(find "$seeds" -type f | wc -l)

echo "gradscape: fuzzing the formula language for $seconds s from $seed_count seeds"
set +e
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$binary" -max_total_time="$seconds" -max_len=1100 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
code=$?
set -e
# The log without libFuzzer's many progress lines ("#N NEW ...", "NEW_FUNC ...") and its
# recommended dictionary.
grep -vE '^(#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)|[[:space:]]+NEW_FUNC)' "$log" |
  sed '/^###### Recommended dictionary/,/^###### End of recommended dictionary/d' | tail -60

runs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
speed=$(grep -oE '^stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || true)
# "#76143 DONE cov: 1428 ft: 5638 corp: 575/45Kb ...": the corpus libFuzzer ended with.
corpus_size=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | grep -oE 'corp: [0-9]+/[0-9]+[A-Za-z]*' | cut -d' ' -f2 || true)
corpus_inputs=${corpus_size%%/*} corpus_bytes=${corpus_size#*/}
details="formula_fuzz, $seconds s budget: ${runs:-?} runs, ${speed:-?} exec/s, corpus ${corpus_inputs:-?} inputs (${corpus_bytes:-?}) from $seed_count seeds"
if [ "$code" -ne 0 ]; then
  crash=$(find "$artifacts" -type f | head -1)
  summary 0 "$details; libFuzzer exited with $code${crash:+, input in ${crash#"$root"/}}"
  exit 1
fi
summary 1 "$details"
