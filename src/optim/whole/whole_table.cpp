#include <algorithm>
#include <array>
#include <iterator>

#include "optim/rules/all.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim::whole {

namespace {

struct Table {
  std::array<WholeEntry, kBeyondRuleCount> entries{};
  std::array<bool, kBeyondRuleCount> registered{};
};

Table& table() {
  static Table t;
  return t;
}

}  // namespace

bool is_whole_optimizer(std::string_view name) {
  return name != kBeyondRuleNames[kCustomIndex] &&
         std::find(std::begin(kBeyondRuleNames), std::end(kBeyondRuleNames), name) != std::end(kBeyondRuleNames);
}

const char* why_surfaces_only(std::string_view name) {
  return name == "custom" ? "is a rule you type, interpreted per coordinate: it runs on the 2-D surfaces and in the sweep"
                          : "is a whole-vector optimizer (it needs the objective itself, not one gradient per coordinate)";
}

Kind whole_kind(size_t i) { return Kind{static_cast<uint8_t>(rules::AllRules::size + i)}; }

const WholeEntry* whole_entry(Kind kind) {
  if (kind.index < rules::AllRules::size) return nullptr;
  const size_t i = kind.index - rules::AllRules::size;
  return i < kBeyondRuleCount && table().registered[i] ? &table().entries[i] : nullptr;
}

void set_whole_entry(size_t i, const WholeEntry& entry) {
  table().entries[i] = entry;
  table().registered[i] = true;
}

}  // namespace gs::optim::whole
