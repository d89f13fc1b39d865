// What a lab is to the rest of the engine: a struct deriving from LabBase in
// src/labs/<name>/<name>_lab.hpp, listed in AllLabs (labs/all.hpp). Everything outside the lab's
// folder reaches it through that struct:
//   kName            its name: the folder's, the native CLI's command (`gradscape_native <name>`),
//                    its config's key in the JSON Schema's $defs and in schema-tables; CMake builds
//                    its Embind file <name>_bindings.cpp into the module gradscape-<name>-<flavour>
//   config_table()   its config's field table (src/schema/): the JSON Schema and the docs rows
//   schema_defs()    the $defs its config refers to beyond the shared ones (default: none)
//   kOptions         the --name=VALUE options its command takes (default: none)
//   command()        the command: the result JSON of a config, or false and one line naming the field
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>

#include "core/json.hpp"

namespace gs::labs {

// An option of a lab's command: --name=VALUE.
struct CommandOption {
  std::string_view name;
  std::string_view value;
};

// What `gradscape_native <lab> CONFIG [--name=VALUE ...]` hands the lab's command.
struct CommandInput {
  std::string config;                          // the config's JSON text
  std::map<std::string, std::string> options;  // the options given, by name (only the lab's kOptions)
  std::string source_dir;                      // the source tree, where the shipped data is
};

struct LabBase {
  static constexpr std::array<CommandOption, 0> kOptions{};
  static void schema_defs(json::Value&) {}
};

// The whole file at `path` (standard input for "-") in `bytes`; false if it cannot be read.
bool read_input(const std::string& path, std::string& bytes);

// The command of most labs: parses `text`, configures `session`, finish(session), then the result JSON.
template <class Session, class Finish>
bool run_to_result(Session& session, const std::string& text, Finish&& finish, std::string& result,
                   std::string& error) {
  const json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) return error = parsed.error, false;
  if (!session.configure(parsed.value, error)) return false;
  finish(session);
  result = session.result_json();
  return true;
}

}  // namespace gs::labs
