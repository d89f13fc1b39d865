#!/usr/bin/env bash
# Installs what `npm start` / `npm test` need on a fresh Debian 12 machine, or says exactly
# what to run. Usage: ensure-tools.sh build|test
#   build: cmake, g++, Google Test, Emscripten (em++), npm packages
#   test:  the same plus Debian's Chromium for the browser tests, TypeScript (tsc) for the
#          check that the package's .d.ts compiles, and clang++ with libFuzzer and the sanitizer
#          runtimes for the formula fuzzer (scripts/fuzz.sh), Hugo and Jekyll for the blog
#          integrations' tests (tests/browser/blogs.test.mjs) and the Noto CJK fonts for
#          screenshots of Korean text
# Sourced by the other scripts, so the environment it sets (NODE_PATH, EM_CACHE) carries over;
# it leaves the caller's shell options alone and returns non-zero when something is missing.

gs_mode=${1:-build}
gs_missing=()
command -v cmake >/dev/null || gs_missing+=(cmake)
command -v g++ >/dev/null || gs_missing+=(g++)
[ -f /usr/include/gtest/gtest.h ] || gs_missing+=(libgtest-dev)
[ -f /usr/src/googletest/CMakeLists.txt ] || gs_missing+=(googletest)
command -v em++ >/dev/null || gs_missing+=(emscripten)
if [ "$gs_mode" = test ]; then
  [ -x /usr/bin/chromium ] || gs_missing+=(chromium)
  command -v tsc >/dev/null || gs_missing+=(node-typescript)
  command -v clang++ >/dev/null || gs_missing+=(clang)
  compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a' >/dev/null ||
    gs_missing+=(libclang-rt-14-dev)
  [ -f /usr/lib/llvm-14/lib/libFuzzer.a ] || gs_missing+=(libfuzzer-14-dev)
  command -v hugo >/dev/null || gs_missing+=(hugo)
  command -v jekyll >/dev/null || gs_missing+=(jekyll)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || gs_missing+=(fonts-noto-cjk)
fi

if [ ${#gs_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "gradscape: installing ${gs_missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq "${gs_missing[@]}" >&2 ||
      { echo "gradscape: apt-get install ${gs_missing[*]} failed" >&2; return 1 2>/dev/null || exit 1; }
  else
    echo "gradscape: missing ${gs_missing[*]}. Install them with:" >&2
    echo "  sudo apt-get install -y ${gs_missing[*]}" >&2
    echo "(or put a newer emsdk's em++ on PATH instead of Debian's emscripten)" >&2
    return 1 2>/dev/null || exit 1
  fi
fi

# Debian's emscripten 3.1.6 finds its Node modules (acorn, ...) only through NODE_PATH.
if [ -d /usr/share/nodejs ]; then
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
fi
# Emscripten's cache of system libraries must be writable (it is for root with Debian's package).
gs_em_root=$(dirname "$(readlink -f "$(command -v em++)")")
if [ -z "${EM_CACHE:-}" ] && [ -d "$gs_em_root/cache" ] && [ ! -w "$gs_em_root/cache" ]; then
  export EM_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/gradscape-emscripten"
fi

# npm packages, from the lock file, whenever node_modules is missing or older than the lock.
gs_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$gs_root/node_modules/.package-lock.json" ] ||
   [ "$gs_root/package-lock.json" -nt "$gs_root/node_modules/.package-lock.json" ]; then
  echo "gradscape: npm ci" >&2
  (cd "$gs_root" && npm ci --no-audit --no-fund --loglevel=error >&2) ||
    { echo "gradscape: npm ci failed" >&2; return 1 2>/dev/null || exit 1; }
fi
