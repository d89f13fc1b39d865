#include <algorithm>
#include <array>
#include <iterator>

#include "optim/rules/all.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim::whole {

namespace {

struct Table {
  std::array<WholeEntry, kWholeCount> entries{};
  std::array<bool, kWholeCount> registered{};
};

Table& table() {
  static Table t;
  return t;
}

}  // namespace

bool is_whole_optimizer(std::string_view name) {
  return std::find(std::begin(kWholeOptimizerNames), std::end(kWholeOptimizerNames), name) !=
         std::end(kWholeOptimizerNames);
}

const char* why_surfaces_only(std::string_view name) {
  return name == "custom" ? "is a rule you type, which runs through the whole-vector path (the sweep does not run typed "
                            "rules yet)"
                          : "is a whole-vector optimizer (it needs the objective itself, not one gradient per coordinate)";
}

Kind whole_kind(size_t i) { return Kind{static_cast<uint8_t>(rules::AllRules::size + i)}; }

const WholeEntry* whole_entry(Kind kind) {
  if (kind.index < rules::AllRules::size) return nullptr;
  const size_t i = kind.index - rules::AllRules::size;
  return i < kWholeCount && table().registered[i] ? &table().entries[i] : nullptr;
}

void set_whole_entry(size_t i, const WholeEntry& entry) {
  table().entries[i] = entry;
  table().registered[i] = true;
}

}  // namespace gs::optim::whole
