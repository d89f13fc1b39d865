# The wasm modules' names, one a line (sourced by scripts/build-wasm.sh and scripts/prepack.sh):
# gradscape (the core), gradscape-full (the core with what it leaves out to stay small: the typed
# formula and the data objectives), then gradscape-<lab> for every folder src/labs/<lab>/ with an Embind file
# <lab>_bindings.cpp, the folders CMakeLists.txt builds a lab module from. Usage: wasm_modules ROOT
wasm_modules() {
  local bindings
  echo gradscape
  echo gradscape-full
  for bindings in "$1"/src/labs/*/*_bindings.cpp; do
    [ -e "$bindings" ] && echo "gradscape-$(basename "$(dirname "$bindings")")"
  done
}
