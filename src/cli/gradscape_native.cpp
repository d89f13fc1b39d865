// Native twin of the `gradscape` CLI (web/api/cli.mjs), over the same C++ engine:
//   gradscape_native run CONFIG.json|-       the result JSON of a run config
//   gradscape_native regret CONFIG.json|-    the result JSON of a regret config
//   gradscape_native sweep CONFIG.json|-     the result JSON of a sweep config
// Prints the result JSON; on bad input prints one line to stderr and exits 2. Used to check
// that native and wasm builds produce the same trajectories, and as the native benchmark baseline.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "engine/regret_session.hpp"
#include "engine/session.hpp"
#include "engine/sweep_session.hpp"

namespace {

bool read_input(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  text = buffer.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc == 3 ? argv[1] : "";
  if (command != "run" && command != "regret" && command != "sweep") {
    std::fprintf(stderr, "usage: gradscape_native run|regret|sweep CONFIG.json|-\n");
    return 2;
  }
  std::string text;
  if (!read_input(argv[2], text)) {
    std::fprintf(stderr, "gradscape: cannot read %s\n", argv[2]);
    return 2;
  }
  std::string result, error;
  const bool ok = command == "run"      ? gs::engine::run(text, result, error)
                 : command == "regret" ? gs::engine::regret(text, result, error)
                                       : gs::engine::sweep(text, result, error);
  if (!ok) {
    std::fprintf(stderr, "gradscape: %s\n", error.c_str());
    return 2;
  }
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
