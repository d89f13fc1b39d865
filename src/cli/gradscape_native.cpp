// Native twin of the `gradscape` CLI (web/api/cli.mjs), over the same C++ engine:
//   gradscape_native run CONFIG.json|-       the result JSON of a run config
//   gradscape_native <lab> CONFIG.json|- [--option=VALUE ...]
//                                            the result JSON of a lab's config, for every lab of
//                                            labs/all.hpp (regret, sweep, paper: the paper lab's
//                                            --images=FILE, by default public/data/fashion-mnist-6k.bin
//                                            of the source tree, GS_SOURCE_DIR)
//   gradscape_native schema                  the configs' JSON Schema (gradscape.schema.json)
//   gradscape_native schema-tables           the configs' fields as documentation rows (docs/schema.md)
//   gradscape_native registry                the registry, as gs.registry has it
// Prints the result JSON; on bad input prints one line to stderr and exits 2. Used to check
// that native and wasm builds produce the same trajectories, and as the native benchmark baseline.
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "engine/config_schema.hpp"
#include "engine/full_engine.hpp"
#include "engine/run_state.hpp"
#include "engine/registry_json.hpp"
#include "engine/run_session.hpp"
#include "labs/all.hpp"
#include "optim/whole/whole_registry.hpp"

namespace {

using gs::labs::CommandInput;
using gs::labs::CommandOption;

// A command that takes a config: `run` and one per lab.
struct Command {
  std::string_view name;
  std::span<const CommandOption> options;
  bool (*run)(const CommandInput& input, std::string& result, std::string& error);
};

bool run_command(const CommandInput& input, std::string& result, std::string& error) {
  return gs::engine::run(input.config, result, error);
}

std::vector<Command> commands() {
  std::vector<Command> list{{"run", {}, &run_command}};
  gs::labs::AllLabs::for_each([&](auto lab, size_t) {
    using Lab = decltype(lab);
    list.push_back({Lab::kName, Lab::kOptions, &Lab::command});
  });
  return list;
}

// "run|regret|sweep|paper CONFIG.json|- [--images=FILE (paper)] | schema | schema-tables | registry"
std::string usage(const std::vector<Command>& list) {
  std::string names, options;
  for (const Command& c : list) {
    names += (names.empty() ? "" : "|") + std::string(c.name);
    for (const CommandOption& o : c.options)
      options += " [--" + std::string(o.name) + "=" + std::string(o.value) + " (" + std::string(c.name) + ")]";
  }
  return "usage: gradscape_native " + names + " CONFIG.json|-" + options + " | schema | schema-tables | registry\n";
}

// --name=value as an option of `command` into `options`; false if it is not one.
bool read_option(const Command& command, std::string_view arg, CommandInput& input) {
  for (const CommandOption& o : command.options) {
    const std::string prefix = "--" + std::string(o.name) + "=";
    if (arg.substr(0, prefix.size()) == prefix) {
      input.options[std::string(o.name)] = std::string(arg.substr(prefix.size()));
      return true;
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  gs::engine::register_full_engine();
  gs::optim::whole::register_whole_optimizers();
  gs::engine::register_beyond_rule_runs();
  const std::string only = argc == 2 ? argv[1] : "";
  if (only == "schema" || only == "schema-tables" || only == "registry") {
    const gs::json::Value v = only == "schema"          ? gs::engine::config_schema_json()
                              : only == "schema-tables" ? gs::engine::config_tables_json()
                                                        : gs::engine::registry_json();
    std::printf("%s\n", gs::json::serialize(v).c_str());
    return 0;
  }
  const std::vector<Command> list = commands();
  const Command* command = nullptr;
  for (const Command& c : list)
    if (argc >= 3 && c.name == argv[1]) command = &c;
  CommandInput input;
  input.source_dir = GS_SOURCE_DIR;
  bool known = command != nullptr;
  for (int i = 3; known && i < argc; ++i) known = read_option(*command, argv[i], input);
  if (!known) {
    std::fputs(usage(list).c_str(), stderr);
    return 2;
  }
  if (!gs::labs::read_input(argv[2], input.config)) {
    std::fprintf(stderr, "gradscape: cannot read %s\n", argv[2]);
    return 2;
  }
  std::string result, error;
  if (!command->run(input, result, error)) {
    std::fprintf(stderr, "gradscape: %s\n", error.c_str());
    return 2;
  }
  std::fwrite(result.data(), 1, result.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
