// Native twin of the `gradscape` CLI (web/api/cli.mjs), over the same C++ engine:
//   gradscape_native run CONFIG.json|-       the result JSON of a run config
//   gradscape_native regret CONFIG.json|-    the result JSON of a regret config
//   gradscape_native sweep CONFIG.json|-     the result JSON of a sweep config
//   gradscape_native paper CONFIG.json|- [--images=FILE]
//                                            the result JSON of a paper config (docs/schema.md)
//                                            on public/data/fashion-mnist-6k.bin of the source tree
//                                            (GS_IMAGES_FILE) or FILE
//   gradscape_native schema                  the configs' JSON Schema (gradscape.schema.json)
//   gradscape_native schema-tables           the configs' fields as documentation rows (docs/schema.md)
//   gradscape_native registry                the registry, as gs.registry has it
// Prints the result JSON; on bad input prints one line to stderr and exits 2. Used to check
// that native and wasm builds produce the same trajectories, and as the native benchmark baseline.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "core/json.hpp"
#include "engine/config_schema.hpp"
#include "engine/registry_json.hpp"
#include "engine/regret_session.hpp"
#include "engine/run_session.hpp"
#include "engine/sweep_session.hpp"
#include "engine/paper_session.hpp"

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

// As `gradscape paper` (web/api/cli.mjs): the images from --images=FILE (which must be readable), else
// from the source tree's file when it is there; without them an image experiment names what it needs.
bool paper(const std::string& text, const std::string& images_path, bool images_required, std::string& result,
           std::string& error) {
  gs::engine::PaperSession session;
  std::string bytes;
  if (read_input(images_path, bytes)) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    if (!session.load_images({data, bytes.size()}, error)) return error = "bytes: " + error, false;
  } else if (images_required) {
    return error = "cannot read " + images_path, false;
  }
  const gs::json::ParseResult parsed = gs::json::parse(text);
  if (!parsed.ok()) return error = parsed.error, false;
  if (!session.configure(parsed.value, error)) return false;
  session.advance(session.schedule().total_batches);
  result = session.result_json();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc == 2 ? argv[1] : "";
  if (only == "schema" || only == "schema-tables" || only == "registry") {
    const gs::json::Value v = only == "schema"          ? gs::engine::config_schema_json()
                              : only == "schema-tables" ? gs::engine::config_tables_json()
                                                        : gs::engine::registry_json();
    std::printf("%s\n", gs::json::serialize(v).c_str());
    return 0;
  }
  const std::string command = argc >= 3 ? argv[1] : "";
  const std::string flag = argc == 4 ? argv[3] : "";
  const bool images_flag = command == "paper" && flag.rfind("--images=", 0) == 0;
  const bool known = command == "run" || command == "regret" || command == "sweep" || command == "paper";
  if (!known || argc > 4 || (argc == 4 && !images_flag)) {
    std::fprintf(stderr, "usage: gradscape_native run|regret|sweep|paper CONFIG.json|- [--images=FILE (paper)] | schema | schema-tables | registry\n");
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
                 : command == "sweep"  ? gs::engine::sweep(text, result, error)
                                       : paper(text, images_flag ? flag.substr(9) : GS_IMAGES_FILE, images_flag, result, error);
  if (!ok) {
    std::fprintf(stderr, "gradscape: %s\n", error.c_str());
    return 2;
  }
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
