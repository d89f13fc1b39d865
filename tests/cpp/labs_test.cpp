// The list of labs (src/labs/all.hpp) and the folders agree: every lab of the list is the folder
// src/labs/<name>/ with its entry <name>_lab.hpp and its Embind file <name>_bindings.cpp (which
// CMake builds into the module gradscape-<name>-<flavour>), every such folder is listed, the names
// are distinct and none is a command of the core CLI, and the configs' schema and documentation
// tables hold the run config and then every lab's, in list order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/config_schema.hpp"
#include "labs/all.hpp"

namespace gs {
namespace {

const std::string kLabsDir = std::string(GS_SOURCE_DIR) + "/src/labs/";

std::vector<std::string> listed() {
  std::vector<std::string> names;
  labs::AllLabs::for_each([&](auto lab, size_t) { names.emplace_back(lab.kName); });
  return names;
}

bool exists(const std::string& path) { return std::ifstream(path).good(); }

TEST(Labs, EveryListedLabIsAFolderWithItsEntryAndBindings) {
  for (const std::string& name : listed()) {
    EXPECT_TRUE(exists(kLabsDir + name + "/" + name + "_lab.hpp")) << name;
    EXPECT_TRUE(exists(kLabsDir + name + "/" + name + "_bindings.cpp")) << name;
  }
}

TEST(Labs, EveryLabFolderIsListed) {
  std::vector<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(kLabsDir))
    if (entry.is_directory()) folders.push_back(entry.path().filename().string());
  std::vector<std::string> names = listed();
  std::sort(folders.begin(), folders.end());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(folders, names) << "a folder of src/labs/ without its line in AllLabs (src/labs/all.hpp), or the reverse";
}

TEST(Labs, NamesAreDistinctAndNotCoreCommands) {
  std::vector<std::string> names = listed();
  for (const char* core : {"run", "registry", "schema", "schema-tables"})
    EXPECT_EQ(std::count(names.begin(), names.end(), core), 0) << core;
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(Labs, TheSchemaHoldsTheRunConfigThenEveryLabsInListOrder) {
  std::vector<std::string> expected{"run"};
  for (const std::string& name : listed()) expected.push_back(name);
  const json::Value docs = engine::config_tables_json(), schema = engine::config_schema_json();
  std::vector<std::string> tables, any;
  for (const auto& [key, value] : docs.as_object()) tables.push_back(key);
  for (const auto& ref : schema.find("anyOf")->as_array())
    any.push_back(ref.find("$ref")->as_string().substr(std::string("#/$defs/").size()));
  EXPECT_EQ(tables, expected);
  EXPECT_EQ(any, expected);
}

}  // namespace
}  // namespace gs
